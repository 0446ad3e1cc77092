/**
 * SGD frames as context-network turns. For each frame the candidates are its service's intents
 * (described from the schema: name words, description, slot names) plus `NONE`; the label is the
 * frame's active intent. The `full` variant also reads the dialogue: the system utterance before
 * the turn as context, the system's own dialogue acts, and which intent of this service was active
 * before the turn — at evaluation the model's OWN previous prediction, never the gold one. The
 * `utterance` variant reads only the user's words and the schema: the baseline switch turns are
 * compared against.
 */
import type { ContextSpec } from '../../src/context/context-format.ts';
import { contentWords, describeIntent, humanizeName, overlapOfWords } from '../../src/context/lexical-features.ts';
import type { ContextExample } from '../../src/context/training/context-train-data.ts';
import { createRng } from '../../src/nlu/training/rng.ts';
import type { SgdAct, SgdDialogue, SgdFrame, SgdSchema, SgdTurn } from './sgd-data.ts';

/**
 * Which inputs a model reads: `full` everything, `context` all but the system's dialogue acts (an
 * ablation: the system utterance and the model's own previous intent only), `utterance` the user's
 * words and the schema.
 */
export type SgdVariant = 'full' | 'context' | 'utterance';

/** The label of "no intent yet / any more". */
export const NONE = 'NONE';

/** System acts given to the full model as state: what the assistant just did (it knows its own acts). */
const SYSTEM_ACTS = [
  'REQUEST',
  'OFFER',
  'CONFIRM',
  'INFORM',
  'INFORM_COUNT',
  'OFFER_INTENT',
  'REQ_MORE',
  'NOTIFY_SUCCESS',
  'NOTIFY_FAILURE',
];

/**
 * The command head learns the user's main dialogue act (an auxiliary task of the turn summary),
 * the first of these the turn has.
 */
const USER_ACTS = [
  'INFORM_INTENT',
  'NEGATE_INTENT',
  'AFFIRM_INTENT',
  'SELECT',
  'REQUEST_ALTS',
  'AFFIRM',
  'NEGATE',
  'REQUEST',
  'INFORM',
  'THANK_YOU',
  'GOODBYE',
];

/**
 * The spec of a variant's model.
 * @param variant which inputs
 * @returns the spec
 */
export function sgdSpec(variant: SgdVariant): ContextSpec {
  const commands = USER_ACTS.map((a) => a.toLowerCase());
  const lexical = ['is_none', 'word_overlap', 'fuzzy_overlap', 'name_overlap'];
  if (variant === 'utterance') return { state: ['bias'], candFeatures: lexical, slotFeatures: ['unused'], commands };
  const dialogue = ['turn_position', 'service_active', 'service_seen_before', 'service_in_previous_turn'];
  const withActs = variant === 'full';
  return {
    state: [
      ...dialogue,
      'no_system_utterance',
      ...(withActs ? SYSTEM_ACTS.map((a) => `system_${a.toLowerCase()}`) : []),
    ],
    candFeatures: ['previous', ...lexical, 'context_overlap', ...(withActs ? ['offered', 'asked_its_slot'] : [])],
    slotFeatures: ['unused'],
    commands,
  };
}

/** What the adapter remembers along one dialogue. */
export interface DialogueMemory {
  /** Each service's active intent before the current turn (gold in training, predicted in evaluation). */
  previous: Map<string, string>;
  /** Services of the previous turn's frames. */
  lastServices: Set<string>;
}

/** A frame as a network turn, with the names of its candidates (the last is `NONE`). */
export interface SgdExample extends ContextExample {
  candidateNames: string[];
}

/** Builds examples, caching each description's content words. */
export function createSgdAdapter(schemas: Record<string, SgdSchema>, variant: SgdVariant) {
  const specs = { full: sgdSpec('full'), context: sgdSpec('context'), utterance: sgdSpec('utterance') };
  const words = new Map<string, string[]>();
  const wordsOf = (text: string): string[] => {
    let w = words.get(text);
    if (w === undefined) {
      w = contentWords(text);
      words.set(text, w);
    }
    return w;
  };
  const describe = (service: string) =>
    schemas[service]!.intents.map((i) => ({
      name: i.name,
      text: describeIntent({
        name: i.name,
        description: i.description,
        slots: [...i.requiredSlots, ...i.optionalSlots],
      }),
      slots: new Set([...i.requiredSlots, ...i.optionalSlots]),
    }));
  const described = new Map<string, ReturnType<typeof describe>>();

  return {
    /** The names of a service's intents, in candidate order (without `NONE`). */
    intentNames(service: string): string[] {
      return schemas[service]!.intents.map((i) => i.name);
    },
    /**
     * The example of one frame.
     * @param turn the user turn
     * @param turnIndex its position in the dialogue
     * @param frame one of its frames
     * @param memory the dialogue so far
     */
    example(turn: SgdTurn, turnIndex: number, frame: SgdFrame, memory: DialogueMemory): SgdExample {
      let intents = described.get(frame.service);
      if (intents === undefined) {
        intents = describe(frame.service);
        described.set(frame.service, intents);
      }
      const spec = specs[variant];
      const utteranceWords = contentWords(turn.user);
      const system = variant === 'utterance' ? '' : (turn.system ?? '');
      const systemWords = contentWords(system);
      const acts: readonly SgdAct[] = turn.systemActs ?? [];
      const previous = memory.previous.get(frame.service) ?? NONE;
      const candidates = [...intents, { name: NONE, text: 'none', slots: new Set<string>() }].map((c) => {
        const described = overlapOfWords(wordsOf(c.text), utteranceWords);
        const feature: Record<string, number> = {
          previous: c.name === previous ? 1 : 0,
          is_none: c.name === NONE ? 1 : 0,
          word_overlap: described.words,
          fuzzy_overlap: described.fuzzy,
          name_overlap: c.name === NONE ? 0 : overlapOfWords(wordsOf(humanizeName(c.name)), utteranceWords).words,
          context_overlap: overlapOfWords(wordsOf(c.text), systemWords).words,
          offered: acts.some((a) => a.act === 'OFFER_INTENT' && a.service === frame.service && a.value === c.name)
            ? 1
            : 0,
          asked_its_slot: acts.some((a) => a.service === frame.service && a.slot !== undefined && c.slots.has(a.slot))
            ? 1
            : 0,
        };
        return { text: c.text, feats: spec.candFeatures.map((n) => feature[n] as number) };
      });
      const candidateNames = candidates.map((_, k) => (k < intents.length ? intents[k]!.name : NONE));
      const gold = candidateNames.indexOf(frame.activeIntent);
      if (gold < 0) throw new Error(`intent ${frame.activeIntent} is not in the schema of ${frame.service}`);
      const userAct = USER_ACTS.findIndex((a) => turn.userActs.some((u) => u.act === a));
      const stateFeature: Record<string, number> = {
        bias: 1,
        turn_position: Math.min(1, turnIndex / 20),
        service_active: previous === NONE ? 0 : 1,
        service_seen_before: memory.previous.has(frame.service) ? 1 : 0,
        service_in_previous_turn: memory.lastServices.has(frame.service) ? 1 : 0,
        no_system_utterance: system === '' ? 1 : 0,
        ...Object.fromEntries(
          SYSTEM_ACTS.map((a) => [`system_${a.toLowerCase()}`, acts.some((s) => s.act === a) ? 1 : 0]),
        ),
      };
      const state = spec.state.map((n) => stateFeature[n] as number);
      return {
        utterance: turn.user,
        context: system,
        state,
        candidates,
        candidateNames,
        labels: {
          intent: gold,
          ...(userAct >= 0 ? { command: userAct } : {}),
          ...(variant === 'utterance' ? {} : { switch: frame.activeIntent === previous ? 0 : 1 }),
        },
      };
    },
  };
}

/** A fresh memory for the start of a dialogue. */
export function newMemory(): DialogueMemory {
  return { previous: new Map(), lastServices: new Set() };
}

/**
 * Training examples of a split: every frame, with the gold previous intent (teacher forcing),
 * except that with probability `corrupt` a frame's previous intent is replaced by another of the
 * service's intents or `NONE`. At evaluation the previous intent is the model's own prediction, so
 * it is sometimes wrong; the corrupted frames teach the model to recover from that with what the
 * turn and the system's acts say, instead of copying the previous intent whatever happens.
 * @param dialogues the split
 * @param adapter the adapter
 * @param options the corruption rate (@default 0) and its seed
 * @returns one example per frame
 */
export function goldExamples(
  dialogues: readonly SgdDialogue[],
  adapter: ReturnType<typeof createSgdAdapter>,
  options: { corrupt?: number; seed?: number } = {},
): SgdExample[] {
  const rng = createRng(options.seed ?? 1);
  const corrupt = options.corrupt ?? 0;
  const out: SgdExample[] = [];
  for (const d of dialogues) {
    const memory = newMemory();
    d.turns.forEach((turn, t) => {
      for (const frame of turn.frames) {
        const previous = memory.previous.get(frame.service) ?? NONE;
        if (corrupt > 0 && rng.next() < corrupt) {
          const others = [...adapter.intentNames(frame.service), NONE].filter((n) => n !== previous);
          if (others.length > 0) {
            const shown = { ...memory, previous: new Map(memory.previous) };
            shown.previous.set(frame.service, others[rng.int(others.length)]!);
            out.push(adapter.example(turn, t, frame, shown));
            continue;
          }
        }
        out.push(adapter.example(turn, t, frame, memory));
      }
      for (const frame of turn.frames) memory.previous.set(frame.service, frame.activeIntent);
      memory.lastServices = new Set(turn.frames.map((f) => f.service));
    });
  }
  return out;
}
