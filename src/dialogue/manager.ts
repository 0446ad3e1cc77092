/**
 * The dialogue manager: for each turn it takes the conversation's state (kept in memory after the
 * first turn, read from the encrypted store before it), lets the policy decide how the turn relates
 * to the context, fills slots, runs the skill, and writes the state to the store before answering.
 *
 * @module
 */
import type { Understanding } from '../engine/types.ts';
import { abortReason } from '../errors.ts';
import { capLength } from '../nlu/normalize.ts';
import type { NluResult } from '../nlu/types.ts';
import type { SkillDefinition, SkillRuntime } from '../skills/types.ts';
import type { HistoryStore } from '../store/types.ts';
import { performAction } from './perform.ts';
import { createContextPolicy } from '../context/context-policy.ts';
import { loadContextModel } from '../context/context-model.ts';
import { CONTEXT_SPEC } from '../context/dialogue-features.ts';
import { defaultContextModelUrl } from '../engine/assets.ts';
import type { DialogueReply } from './run-task.ts';
import { emptyState, expireState, pushAct, pushRecent, restoreState } from './state.ts';
import { createStateCache } from './state-cache.ts';
import type { DialoguePolicy, DialogueState } from './types.ts';

/** Options of {@link createDialogueManager}. */
export interface DialogueManagerOptions {
  /** Where each conversation's dialogue state is kept (encrypted). */
  store: HistoryStore;
  /** The skills that answer intents; the first one listing an intent answers it. */
  skills: readonly SkillDefinition[];
  /** Runs skills in isolation. */
  runtime: SkillRuntime;
  /** The current time. @default () => new Date() */
  clock?: () => Date;
  /** IANA time zone given to `confirm` hooks. @default the platform's zone */
  timeZone?: string;
  /** BCP 47 language given to `confirm` hooks. @default 'en' */
  lang?: string;
  /** A task untouched for this many turns is forgotten. @default 6 */
  contextTurns?: number;
  /** A task untouched for this many minutes is forgotten. @default 10 */
  contextMinutes?: number;
  /** How many times a slot question is asked before giving up. @default 2 */
  maxAsks?: number;
  /**
   * Decides how a turn relates to the context; may be asynchronous.
   * @default the shipped context model's policy (`models/assistant-context.onnx`, loaded on the first turn)
   */
  policy?: DialoguePolicy;
  /** Uniform random numbers in [0, 1), for varied prompts. @default Math.random */
  random?: () => number;
}

/** One user turn, already understood by the NLU. */
export interface DialogueTurn {
  conversationId: string;
  text: string;
  nlu: NluResult;
  /** Cancels the turn: `handle` rejects with `signal.reason` and the state is not changed. */
  signal: AbortSignal;
  /** Receives streamed text while a skill produces it. */
  onDelta?: (text: string) => void;
  /**
   * Writes the turn's new state in place of `store.putDialogueState`, so the caller can write it in
   * the same transaction as the turn's messages (the engine does: one IndexedDB transaction per
   * turn). It must resolve only once the state is stored; `handle` waits for it and rejects with
   * its error, and then keeps nothing of the turn.
   * @default `store.putDialogueState(conversationId, state)`
   */
  save?: (state: DialogueState, result: DialogueResult) => Promise<void>;
}

/** The answer to a turn and what was understood. */
export interface DialogueResult {
  reply: DialogueReply;
  understanding: Understanding;
}

/** Answers turns with dialogue context. */
export interface DialogueManager {
  /**
   * Answers one turn. The conversation's state is saved before the promise resolves.
   * @throws {StorageError} when the state cannot be read or written; rejects with `signal.reason` when aborted
   */
  handle(turn: DialogueTurn): Promise<DialogueResult>;
  /**
   * Forgets the in-memory copy of one conversation's state (every one without an id), so the next
   * turn reads the store: call it after changing the store's dialogue state other than through
   * `handle` (deleting a conversation, importing a backup).
   */
  forget(conversationId?: string): void;
}

let shipped: DialoguePolicy | undefined;

/** The shipped context model's policy, loaded once on first use and shared by managers without their own. */
function shippedPolicy(): DialoguePolicy {
  shipped ??= createContextPolicy(() => loadContextModel(defaultContextModelUrl(), { expect: CONTEXT_SPEC }));
  return shipped;
}

/** The most UTF-16 code units of a turn the dialogue layer reads. */
const MAX_TURN_CHARS = 2000;
/** The most code units of each recent message kept in the state (it is rewritten every turn). */
const MAX_RECENT_CHARS = 1000;

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number of at least 1, got ${String(value)}`);
  return value;
}

/**
 * Creates a dialogue manager. It keeps the state of the conversations it answered in memory and
 * writes it through to the store on every turn; a second manager (another tab) on the same store
 * does not see those copies, so for one conversation the last state written wins (see `state-cache.ts`).
 *
 * @param options the store, skills and runtime, and the context limits
 * @returns a manager whose `handle` answers one turn at a time per conversation
 * @throws {TypeError} when `store`, `skills` or `runtime` is missing
 * @throws {RangeError} when a limit is not a positive whole number
 * @example
 * ```ts
 * const dialogue = createDialogueManager({ store, skills: builtinSkills, runtime });
 * const { reply, understanding } = await dialogue.handle({ conversationId, text, nlu, signal });
 * ```
 */
export function createDialogueManager(options: DialogueManagerOptions): DialogueManager {
  const { store, runtime } = options;
  if (typeof store?.getDialogueState !== 'function' || typeof store.putDialogueState !== 'function')
    throw new TypeError('store must be a HistoryStore');
  if (typeof runtime?.invoke !== 'function') throw new TypeError('runtime must be a SkillRuntime');
  if (!Array.isArray(options.skills)) throw new TypeError('skills must be an array of skill definitions');
  const skills = [...options.skills];
  const limits = {
    contextTurns: positiveInteger('contextTurns', options.contextTurns, 6),
    contextMinutes: positiveInteger('contextMinutes', options.contextMinutes, 10),
  };
  const settings = {
    runtime,
    random: options.random ?? Math.random,
    maxAsks: positiveInteger('maxAsks', options.maxAsks, 2),
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    lang: options.lang ?? 'en',
  };
  const clock = options.clock ?? (() => new Date());
  const policy = options.policy ?? shippedPolicy();
  // Turns of one conversation run one after another, so two quick messages never race on its state.
  const queues = new Map<string, Promise<unknown>>();
  const cache = createStateCache();

  /** The state to start the turn from: the cached one (taken out while the turn runs), else the store's. */
  async function takeState(conversationId: string): Promise<DialogueState> {
    const cached = cache.take(conversationId);
    if (cached !== undefined) return cached;
    const stored = await store.getDialogueState(conversationId);
    return stored === undefined ? emptyState() : restoreState(stored);
  }

  async function handleNow(input: DialogueTurn): Promise<DialogueResult> {
    if (input.signal.aborted) throw abortReason(input.signal);
    if (typeof input.text !== 'string' || typeof input.conversationId !== 'string')
      throw new TypeError('handle: text and conversationId must be strings');
    // The cues and slot extractors read at most this much, so a pasted book costs what a sentence does.
    const turn = { ...input, text: capLength(input.text, MAX_TURN_CHARS) };
    const now = clock();
    const state = await takeState(turn.conversationId);
    expireState(state, now.getTime(), limits);
    state.turn += 1;
    // The policy reads a snapshot: it may be asynchronous (the context model) and must not see or make changes.
    const action = await policy({ nlu: turn.nlu, state: structuredClone(state), skills, text: turn.text, now });
    if (turn.signal.aborted) throw abortReason(turn.signal);
    const done = await performAction(
      action,
      {
        conversationId: turn.conversationId,
        nlu: turn.nlu,
        signal: turn.signal,
        now,
        state,
        action: action.type,
        text: turn.text,
        ...(turn.onDelta === undefined ? {} : { onDelta: turn.onDelta }),
      },
      skills,
      settings,
    );
    // An abort during the skill leaves the stored state as it was before this turn (and none cached).
    if (turn.signal.aborted) throw abortReason(turn.signal);
    state.at = now.getTime();
    pushAct(state, {
      action: action.type,
      intent: done.intent,
      turn: state.turn,
      ...(done.skill === undefined ? {} : { skillId: done.skill }),
    });
    pushRecent(
      state,
      { role: 'user', text: capLength(turn.text, MAX_RECENT_CHARS), turn: state.turn },
      limits.contextTurns,
    );
    pushRecent(
      state,
      { role: 'assistant', text: capLength(done.reply.text, MAX_RECENT_CHARS), turn: state.turn },
      limits.contextTurns,
    );
    const understanding: Understanding = {
      intent: done.intent,
      confidence: action.confidence,
      nlu: turn.nlu,
      entities: turn.nlu.entities,
      slots: done.slots,
      action: action.type,
      ...(done.skill === undefined ? {} : { skill: done.skill }),
    };
    const result = { reply: done.reply, understanding };
    if (turn.save === undefined) await store.putDialogueState(turn.conversationId, state);
    else await turn.save(state, result);
    // Cached only once stored: a failed write leaves no entry, so the next turn reads what the store has.
    cache.keep(turn.conversationId, state);
    return result;
  }

  return {
    handle(turn) {
      const previous = queues.get(turn.conversationId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => handleNow(turn));
      queues.set(turn.conversationId, next);
      // Drop the queue entry once idle so the map does not grow with every conversation ever seen.
      void next
        .catch(() => undefined)
        .then(() => {
          if (queues.get(turn.conversationId) === next) queues.delete(turn.conversationId);
        });
      return next;
    },
    forget: (conversationId) => cache.forget(conversationId),
  };
}
