/**
 * The dialogue manager: for each turn it takes the conversation's state (kept in memory after the
 * first turn, read from the encrypted store before it), lets the policy decide how the turn relates
 * to the context, fills slots, runs the skill, and has the state written (by `save`) before answering.
 *
 * @module
 */
import type { Understanding } from '../engine/types.ts';
import { abortReason } from '../errors.ts';
import { capLength, foldFullWidth } from '../nlu/runtime/normalize.ts';
import { foldHanVariants } from '../nlu/runtime/han-variants.ts';
import type { NluResult } from '../nlu/types.ts';
import type { SkillDefinition, SkillRuntime, SlotDefinition } from '../skills/types.ts';
import type { HistoryStore } from '../store/types.ts';
import { detectLanguage, hasHan, hasLetter, wordsAroundLinks, type LanguageGuess } from '../nlu/runtime/language-id.ts';
import { languageOf, packFor } from '../lang/pack.ts';
import { junkAction } from './junk-turn.ts';
import { answersNothing } from '../nlu/runtime/junk.ts';
import { performAction, type Performed } from './perform.ts';
import { createContextPolicy } from '../context/context-policy.ts';
import { loadContextModel } from '../context/context-model.ts';
import { CONTEXT_SPEC } from '../context/dialogue-features.ts';
import { engineAssets } from '../engine/assets.ts';
import type { DialogueReply } from './run-task.ts';
import type { TwoRequests } from '../lang/en/en-second-request.ts';
import { emptyState, expireState, pushAct, pushRecent, restoreState } from './state.ts';
import { createStateCache } from './state-cache.ts';
import type { DialogueAction, DialoguePolicy, DialogueState } from './types.ts';

/** Options of {@link createDialogueManager}. */
export interface DialogueManagerOptions {
  /** Where each conversation's dialogue state is kept (encrypted). */
  store: HistoryStore;
  /** The skills that answer intents; the first one listing an intent answers it. */
  skills: readonly SkillDefinition[];
  /** Runs skills in isolation. */
  runtime: SkillRuntime;
  /**
   * The skills the "can't do that" and "didn't understand" replies suggest: those whose intents the
   * model in use knows (a model trained to replace the built-in one leaves the built-in skills unreachable).
   * @default every skill in `skills`
   */
  advertised?: () => readonly SkillDefinition[];
  /** The current time. @default () => new Date() */
  clock?: () => Date;
  /** IANA time zone given to `confirm` hooks. @default the platform's zone */
  timeZone?: string;
  /**
   * Fixes the language of every reply (BCP 47: `en`, `zh-CN`). Unset, each turn is answered in
   * the language it is written in. @default none: per turn
   */
  lang?: string;
  /**
   * The user's interface language: replies to turns whose language cannot be told ("42", "👍")
   * at the start of a conversation, and to text in a language the assistant does not speak. @default 'en'
   */
  uiLang?: string;
  /**
   * Tells the language of a turn. A turn the intent model found in neither language
   * (`NluResult.lang` `und`, with letters) is foreign whatever this says.
   * @default `detectLanguage` without model evidence (scripts and function words)
   */
  detectLanguage?: (text: string) => LanguageGuess;
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
  /** The turn's language when the caller already knows it (BCP 47). @default detected from `text` */
  lang?: string;
  /** Receives streamed text while a skill produces it. */
  onDelta?: (text: string) => void;
  /**
   * Writes the turn's new state in place of `store.putDialogueState`, so the caller can write it
   * with the turn's messages. `handle` waits for it: if it rejects, `handle` rejects with its error
   * and keeps nothing of the turn. It may resolve before the state is stored (the engine queues
   * the write behind the reply): the caller then owns the failure and must call `forget` for the
   * conversation when the write fails, so the next turn reads what the store has.
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
  shipped ??= createContextPolicy(() =>
    loadContextModel(engineAssets['assistant-context'].here(), { expect: CONTEXT_SPEC }),
  );
  return shipped;
}

/** A turn detected as another language with at least this confidence gets the honest "I can't read that". */
export const FOREIGN_CONFIDENCE = 0.5;

/** The most UTF-16 code units of a turn the dialogue layer reads. */
const MAX_TURN_CHARS = 2000;
/** The most code units of each recent message kept in the state (it is rewritten every turn). */
const MAX_RECENT_CHARS = 1000;

function optionalTag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value))
    throw new TypeError(`${name} must be a BCP 47 language tag such as 'en' or 'zh-CN', got ${String(value)}`);
  return value;
}

/**
 * One request is carried out a turn. When a new request's line holds a second one ("set a timer
 * for 5 min and add milk to my list"), the skill is given the first only (its words and the
 * entities inside them), and the reply then says which part is left, to be asked on its own,
 * instead of dropping it silently (see {@link noteSecondRequest}).
 */
function splitTurn(turn: DialogueTurn, action: DialogueAction, tag: string): TwoRequests | undefined {
  if (action.type !== 'new-intent' && action.type !== 'unsupported') return undefined;
  return packFor(tag).cues.secondRequest(turn.text, action.intent);
}

/**
 * The turn as the skill of its first request sees it: that request's words and entities.
 * @param turn the whole turn
 * @param two its two requests
 */
function firstOf(turn: DialogueTurn, two: TwoRequests): DialogueTurn {
  const end = two.first.length;
  const entities = turn.nlu.entities.filter((e) => e.end <= end);
  const text = turn.nlu.text === turn.text ? two.first : turn.nlu.text;
  return { ...turn, text: two.first, nlu: { ...turn.nlu, text, entities } };
}

/**
 * Adds the part left to the reply of the first request. Not while the first asks a question: the
 * answer comes first (the note would bury the question).
 */
function noteSecondRequest(done: Performed, state: DialogueState, two: TwoRequests, tag: string): void {
  if (state.pending !== undefined || done.reply.expectsAnswer === true) return;
  const pack = packFor(tag);
  const sep = pack.lang === 'zh' ? '' : ' ';
  done.reply = { ...done.reply, text: `${done.reply.text}${sep}${pack.dialogue.secondRequestNote(two.rest)}` };
}

/**
 * The reply to text in a language neither model knows: said in the interface language, and
 * nothing is acted on (a guess at what it asks could set a timer nobody wanted).
 */
function foreignReply(tag: string, random: () => number): Performed {
  const variants = packFor(tag).dialogue.unknownLanguage;
  return {
    reply: { text: variants[Math.floor(random() * variants.length) % variants.length]! },
    intent: null,
    slots: {},
  };
}

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
    advertised: options.advertised ?? (() => skills),
  };
  const fixed = optionalTag('lang', options.lang);
  const ui = packFor(optionalTag('uiLang', options.uiLang));
  const detect = options.detectLanguage ?? detectLanguage;
  if (typeof detect !== 'function') throw new TypeError('detectLanguage must be a function');

  /**
   * The language a turn is answered in: the host's fixed one, else the turn's own, else (no
   * letters in it) the conversation's so far, else the user's interface language. `foreign` is
   * set for text in a language the assistant does not speak: it is answered honestly, not acted on.
   */
  function languageOfTurn(turn: DialogueTurn, state: DialogueState): { tag: string; foreign: boolean } {
    const given = turn.lang === undefined ? undefined : languageOf(turn.lang);
    // Junk that answers nothing (markup, code, an injection, keyboard mash) holds letters but says
    // nothing in a language: `<img src=x>` typed into a Chinese conversation is answered in Chinese.
    // Words of another script mixed in (`foreign-mix`: Japanese writes Han with its kana) do say one,
    // and so do the words around a link ("打开 https://x.example.io" is answered in Chinese).
    const junk = turn.nlu.junk;
    const saysWords = junk === 'foreign-mix' || (junk === 'link' && wordsAroundLinks(turn.text) !== undefined);
    if (given === undefined && answersNothing(junk) && !saysWords) {
      const tag = fixed ?? state.lang;
      return { tag: tag === undefined ? ui.tag : packFor(tag).tag, foreign: false };
    }
    const guess = given !== undefined ? { lang: given, confidence: 1 } : detect(turn.text);
    // The intent model read the turn with its own word evidence (`NluResult.lang`): when it found
    // letters of a language neither model knows, the turn is foreign even if the word lists
    // missed it, and never acted on through the context.
    const modelForeign = given === undefined && turn.nlu.lang === 'und' && hasLetter(turn.text);
    const spoken = !modelForeign && (guess.lang === 'en' || guess.lang === 'zh') ? guess.lang : undefined;
    const foreign = spoken === undefined && (modelForeign || guess.confidence >= FOREIGN_CONFIDENCE);
    if (spoken !== undefined) state.lang = spoken;
    if (fixed !== undefined) return { tag: packFor(fixed).tag, foreign };
    if (spoken !== undefined) return { tag: packFor(spoken).tag, foreign };
    return { tag: foreign || state.lang === undefined ? ui.tag : packFor(state.lang).tag, foreign };
  }
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

  /**
   * English typed with a Chinese or Japanese input method (ＷＨＡＴ ＩＳ ５＋５) is read by the English
   * cues and slot extractors as ASCII, its entities' texts too (one code unit for one: offsets hold).
   * Chinese text keeps its full-width forms: its grammars read them, and its punctuation (，：) is
   * what the Chinese parsers split on. Traditional characters keep their forms here: a name or an item
   * is the user's words (叫我陳大文 stays 陳大文); only the decision reads them as simplified ones (below).
   */
  function readable(turn: DialogueTurn): DialogueTurn {
    if (hasHan(turn.text)) return turn;
    const text = foldFullWidth(turn.text);
    if (text === turn.text) return turn;
    const entities = turn.nlu.entities.map((e) => ({ ...e, text: foldFullWidth(e.text) }));
    return { ...turn, text, nlu: { ...turn.nlu, entities } };
  }

  async function handleNow(input: DialogueTurn): Promise<DialogueResult> {
    if (input.signal.aborted) throw abortReason(input.signal);
    if (typeof input.text !== 'string' || typeof input.conversationId !== 'string')
      throw new TypeError('handle: text and conversationId must be strings');
    // The cues and slot extractors read at most this much, so a pasted book costs what a sentence does.
    const turn = readable({ ...input, text: capLength(input.text, MAX_TURN_CHARS) });
    const now = clock();
    const state = await takeState(turn.conversationId);
    expireState(state, now.getTime(), limits);
    state.turn += 1;
    const language = languageOfTurn(turn, state);
    // Junk (../nlu/runtime/junk.ts) starts, fills and runs nothing, whatever the policy would make
    // of it; an open question stays open. A lone letter, an emoji or a number may still answer what
    // was asked ("y", "👍", "7", "Al" as a name): ./junk-turn.ts.
    const asked = state.pending?.type === 'slot' ? state.pending.slot : undefined;
    const slots: readonly SlotDefinition[] = skills.find((s) => s.id === state.task?.skillId)?.slots ?? [];
    const kind = slots.find((slot) => slot.name === asked)?.kind;
    const freeText = kind === 'text' || kind?.startsWith('custom:') === true;
    const junk = junkAction(turn.nlu.junk, turn.text, state.pending, freeText);
    const action: DialogueAction =
      language.foreign || junk === 'out-of-scope'
        ? { type: 'out-of-scope', confidence: 1 }
        : junk !== undefined
          ? { type: junk, confidence: 1 }
          : // The policy reads a snapshot: it may be asynchronous (the context model) and must not see or make changes.
            await policy({
              nlu: turn.nlu,
              state: structuredClone(state),
              skills,
              // The decision's words read traditional characters as simplified ones (幫我設個鬧鐘), as the
              // intent model and the entity grammars do; the skills get the user's own text.
              text: hasHan(turn.text) ? foldHanVariants(turn.text, { keepLength: true }) : turn.text,
              now,
            });
    if (turn.signal.aborted) throw abortReason(turn.signal);
    const two = language.foreign ? undefined : splitTurn(turn, action, language.tag);
    const first = two === undefined ? turn : firstOf(turn, two);
    const done = language.foreign
      ? foreignReply(language.tag, settings.random)
      : await performAction(
          action,
          {
            conversationId: turn.conversationId,
            nlu: first.nlu,
            signal: turn.signal,
            now,
            state,
            action: action.type,
            text: first.text,
            lang: language.tag,
            ...(turn.onDelta === undefined ? {} : { onDelta: turn.onDelta }),
          },
          skills,
          settings,
        );
    // An abort during the skill leaves the stored state as it was before this turn (and none cached).
    if (turn.signal.aborted) throw abortReason(turn.signal);
    if (two !== undefined) noteSecondRequest(done, state, two, language.tag);
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
      lang: language.tag,
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
