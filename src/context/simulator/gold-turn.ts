/**
 * The gold decision of a hand-written dialogue turn: what a perfect context model would decide,
 * derived from the turn's expectation (the intent acted on after context, as the dialogue sets
 * label it: README of `test/fixtures/dialogues/`) and the dialogue state the turn was made in. It
 * lets people's dialogues train the context model next to simulated ones, with the labels meaning
 * what the simulator's mean (`user-simulator.ts`), and it is checked by playing the dev sets with
 * it: a derivation that did not reproduce the sets' expectations would show there.
 *
 * The sets label intents, not commands, so a few readings are ambiguous and are settled by the
 * conventions of the simulator: an answer to an open question is a fill (but a slot the task has said again,
 * the set naming it and not the one asked, is the request restated); the task's intent again
 * with no question open is a correction when the turn opens like one ("no wait, 6pm"), a follow-up
 * when it opens like one or only names a new value ("and tokyo?", "bananas too"), and a new request
 * when the intent model reads it as one.
 *
 * @module
 */
import type { PolicyInput } from '../../dialogue/types.ts';
import { cueOf, isCorrection, isFollowUp } from '../../dialogue/cues.ts';
import { extractSlots } from '../../dialogue/slots.ts';
import { slotValues } from '../../dialogue/state.ts';
import { OOS_LABEL } from '../../nlu/types.ts';
import type { DialogueCommand, TurnFeatures } from '../dialogue-features.ts';
import type { GoldDecision } from './user-simulator.ts';

/** Indices of the slot features read here (`SLOT_FEATURES`). */
const S_ANSWER = 1;
const S_STRICT = 2;

/** What a dialogue set expects of a turn. */
export interface TurnExpectation {
  /** The intent acted on after context, or `oos`. */
  intent: string;
  slots?: Readonly<Record<string, unknown>>;
}

/**
 * The readings of a turn that would act on the expected intent, most likely first; the caller
 * takes the first the runtime can carry out (`decideAction` agrees with it).
 * @param input the policy's input (the state the turn is made in, its entities, the skills)
 * @param f the turn's features
 * @param expect what the set expects
 * @param smallTalk the intents answered as small talk
 * @returns the gold decisions to try, in order
 */
export function goldReadings(
  input: PolicyInput,
  f: TurnFeatures,
  expect: TurnExpectation,
  smallTalk: ReadonlySet<string>,
): GoldDecision[] {
  const { state } = input;
  const e = expect.intent;
  const task = state.task;
  const pending = state.pending;
  const open = task !== undefined || pending !== undefined;
  const request: GoldDecision = { command: smallTalk.has(e) ? 'small_talk' : 'start_task', intent: e };
  if (e === OOS_LABEL) return [{ command: 'out_of_scope' }];
  if (e === 'cancel') return open ? [{ command: 'cancel' }, request] : [request];
  if (e === 'yes' && pending?.type === 'confirm') return [{ command: 'confirm' }];
  if (e === 'no' && pending !== undefined) return [{ command: 'deny' }];
  if (task === undefined || e !== task.intent) return [request];
  if (pending?.type === 'slot') {
    const fill: GoldDecision = { command: 'fill_slot', intent: e, slot: pending.slot };
    // A slot the task already has said again while another is asked ("Right, the reminder is to pay the gas
    // bill" when the time is asked), the set naming that slot and not the one asked: the request restated, as
    // the simulator labels it (`IntentScript.restate`), not an answer to the question. Read as a fill, these
    // turns taught every retrain of round 11 to take the task for a time.
    const named = Object.keys(expect.slots ?? {});
    if (named.length > 0 && !named.includes(pending.slot) && named.some((n) => n in task.slots)) return [request, fill];
    return [fill, request];
  }
  if (pending?.type === 'confirm') return [request];
  // The task's intent again with nothing asked: a correction, a follow-up or a new request.
  const slot = namedSlot(f, expect);
  const carry = (command: DialogueCommand): GoldDecision => ({
    command,
    intent: e,
    ...(slot === undefined ? {} : { slot }),
  });
  const top = f.candidates.find((c) => c.modelChoice);
  if (isCorrection(f.utterance)) return [carry('correct_slot'), carry('follow_up'), request];
  if (isFollowUp(f.utterance)) return [carry('follow_up'), request];
  if (buildsOnTask(input)) return [carry('follow_up'), request];
  if (top?.intent === e || slot === undefined) return [request, carry('follow_up')];
  return [carry('follow_up'), request];
}

/**
 * `true` when the turn read as a continuation of the task gives other values than read as a fresh
 * request: "times three" after "12 times 4" is "(12 times 4) times 3", not "times 3".
 */
function buildsOnTask({ state, skills, text, nlu, now }: PolicyInput): boolean {
  const task = state.task;
  const skill = task === undefined ? undefined : skills.find((s) => s.id === task.skillId);
  if (task === undefined || skill === undefined) return false;
  const when = now === undefined ? {} : { now };
  const cue = cueOf(text) ?? { type: 'follow-up' as const, rest: text.trim() };
  const base = { text, entities: nlu.entities, ...when };
  const carried = extractSlots(skill, { ...base, slots: slotValues(task), cue });
  const fresh = extractSlots(skill, { ...base, slots: {} });
  return Object.keys(carried).length > 0 && JSON.stringify(carried) !== JSON.stringify(fresh);
}

/** The task slot the turn gives a value for: one the set names, else the first the turn holds a value of. */
function namedSlot(f: TurnFeatures, expect: TurnExpectation): string | undefined {
  const named = Object.keys(expect.slots ?? {});
  const holds = f.slots.filter((s) => (s.feats[S_STRICT] ?? 0) > 0 || (s.feats[S_ANSWER] ?? 0) > 0);
  return (holds.find((s) => named.includes(s.slot.name)) ?? holds[0])?.slot.name;
}
