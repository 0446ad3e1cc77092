/**
 * A real dialogue stack for tests: the encrypted memory store, the skills runtime with its
 * scheduler, the built-in skills and the dialogue manager, on a fixed clock and time zone. The
 * only thing a test supplies is what the intent model would say for each utterance, so the
 * dialogue layer is tested on its own; entities come from the real extractor.
 */
import {
  createDialogueManager,
  type DialogueManagerOptions,
  type DialogueResult,
} from '../../../src/dialogue/index.ts';
import { createContextPolicy } from '../../../src/context/context-policy.ts';
import { loadContextModel, type ContextModel } from '../../../src/context/context-model.ts';
import { CONTEXT_SPEC } from '../../../src/context/dialogue-features.ts';
import { engineAssets } from '../../../src/engine/assets.ts';
import type { DialogueAction, DialoguePolicy, DialogueState } from '../../../src/dialogue/types.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import type { NluResult } from '../../../src/nlu/types.ts';
import { createBuiltinSkills } from '../../../src/skills/builtin/index.ts';
import { createScheduler, createSkillRuntime } from '../../../src/skills/index.ts';
import type { SkillDefinition } from '../../../src/skills/types.ts';
import { openStore } from '../../../src/store/index.ts';
import type { Store } from '../../../src/store/types.ts';

/** Thursday 26 November 2026, 10:00 in Paris. */
export const NOW = new Date('2026-11-26T09:00:00Z');
export const ZONE = 'Europe/Paris';

/** A deterministic random source (mulberry32), so replies and dice are reproducible. */
export function seeded(seed = 1): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The NLU result an intent model would give, with real entities. */
export function nluOf(text: string, intent: string | null, confidence = 0.9, now = NOW, timeZone = ZONE): NluResult {
  return {
    text,
    intent,
    confidence: intent === null ? 0.2 : confidence,
    outOfScope: intent === null,
    intents: intent === null ? [] : [{ intent, score: confidence }],
    entities: extractEntities(text, { now, timeZone }),
    modelVersion: 'test',
  };
}

let shipped: Promise<ContextModel> | undefined;

/** The shipped context model's policy (the manager's default), the model loaded once for all harnesses. */
export function shippedPolicy(): DialoguePolicy {
  return createContextPolicy(
    () => (shipped ??= loadContextModel(engineAssets['assistant-context'].here(), { expect: CONTEXT_SPEC })),
  );
}

/**
 * A test double of the policy for tests of the dialogue state's mechanics (not of decisions): the
 * action for each utterance, out of scope for any other.
 */
export function scripted(actions: Record<string, DialogueAction>): DialoguePolicy {
  return ({ text }) => actions[text] ?? { type: 'out-of-scope', confidence: 0 };
}

export interface Harness {
  store: Store;
  skills: SkillDefinition[];
  /**
   * Sends one turn with the intent the model would predict (`null`: out of scope), and the
   * language it found (`NluResult.lang`), when given.
   */
  say(text: string, intent: string | null, confidence?: number, lang?: NluResult['lang']): Promise<DialogueResult>;
  /** Moves the fixed clock forward. */
  advance(ms: number): void;
  now(): Date;
  /** A new manager over the same store (a page reload). */
  reload(): void;
  /** The state the policy was given on the last turn (a copy). */
  seen(): DialogueState | undefined;
}

/** Builds the stack; pass `store` to share one between harnesses. */
export async function createHarness(
  options: Partial<
    Pick<DialogueManagerOptions, 'maxAsks' | 'contextTurns' | 'contextMinutes' | 'policy' | 'lang' | 'uiLang'>
  > & { store?: Store; conversationId?: string } = {},
): Promise<Harness> {
  const store = options.store ?? (await openStore({ storage: 'memory' }));
  let now = NOW;
  const random = seeded(7);
  // The first turn of a process compiles the grammars' large regular expressions, Intl formatters
  // and the store's crypto: ~2 s on a quiet machine, past the skills' 10 s timeout at load 16 (the
  // alarm then answered "处理得太久了"). A test asserts what the skill says, not how fast a loaded
  // machine runs it: a minute.
  const skills = createBuiltinSkills({ random }).map((skill) => ({ ...skill, timeoutMs: 60_000 }));
  const scheduler = createScheduler({ store, onFire: () => undefined, now: () => now.getTime() });
  const runtime = createSkillRuntime({ store, scheduler, timeZone: ZONE, requestPermission: async () => true });
  const inner = options.policy ?? shippedPolicy();
  let seen: DialogueState | undefined;
  const policy: DialoguePolicy = (input) => {
    seen = structuredClone(input.state);
    return inner(input);
  };
  const make = () =>
    createDialogueManager({
      store,
      skills,
      runtime,
      clock: () => now,
      timeZone: ZONE,
      random,
      ...(options.maxAsks === undefined ? {} : { maxAsks: options.maxAsks }),
      ...(options.contextTurns === undefined ? {} : { contextTurns: options.contextTurns }),
      ...(options.contextMinutes === undefined ? {} : { contextMinutes: options.contextMinutes }),
      policy,
      ...(options.lang === undefined ? {} : { lang: options.lang }),
      ...(options.uiLang === undefined ? {} : { uiLang: options.uiLang }),
    });
  let manager = make();
  const conversationId = options.conversationId ?? 'c1';
  return {
    store,
    skills,
    say: (text, intent, confidence = 0.9, lang) =>
      manager.handle({
        conversationId,
        text,
        nlu: { ...nluOf(text, intent, confidence, now), ...(lang === undefined ? {} : { lang }) },
        signal: new AbortController().signal,
      }),
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    reload: () => {
      manager = make();
    },
    seen: () => seen,
  };
}
