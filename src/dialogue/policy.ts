/**
 * The default dialogue policy: how one turn relates to the context, as a few ordered rules over
 * the intent model's scores, the entities and slots the turn names, keyword cues and the state.
 * It is one pure function so a learned context model can replace it (`createDialogueManager({ policy })`).
 *
 * Rules, first match wins:
 * 1. A whole-utterance cancel ("never mind", "stop") cancels.
 * 2. With a confirmation pending, a yes/no cue (or the model's `yes`/`no`) confirms or denies.
 * 3. With a slot question pending, the turn answers it when it yields a value for that slot, unless
 *    it is clearly a new request (a confident other intent, several words, not shaped like an
 *    answer); a bare "no" drops the question; anything else counts as a (wrong) answer so the
 *    manager re-asks.
 * 4. With an active task, a correction cue ("no, I meant 7pm") or follow-up cue ("and in Paris?")
 *    plus a slot of that task named in the turn keeps the task; so does a short fragment the model
 *    cannot place that fills one of its slots ("tomorrow?").
 * 5. The model's `cancel` cancels, unless it ranks a skill's intent next ("cancel my alarm": the
 *    alarm skill stops it).
 * 6. Context as a prior: when the model cannot place a turn but ranks the active task's skill among
 *    its top three, that skill answers ("how long is left?" after setting a timer).
 * 7. Skills, not intents, answer: when the model calls a turn out of scope but one skill's
 *    intents together hold most of its probability, that skill answers if the model is sure of
 *    the skill (>= 0.9 together) or the skill reads a slot from the words (independent evidence).
 * 8. Otherwise the model decides: a skill for its intent, or an honest "can't do that here".
 * 9. Short yes/no the model misses fall back to the cues; the rest is out of scope.
 *
 * @module
 */
import type { SkillDefinition } from '../skills/types.ts';
import type { IntentScore, NluResult } from '../nlu/types.ts';
import { cueOf, isCancel, isNo, isYes, simplify, wordCount } from './cues.ts';
import { extractSlot, extractSlots, slotsOf } from './slots.ts';
import type { DialogueAction, DialogueSlot, PolicyInput, SlotExtractInput } from './types.ts';
import { slotValues } from './state.ts';

/** The model is sure enough of a different intent to leave a pending question for it. */
export const SWITCH_CONFIDENCE = 0.7;
/** Below this the model's intent is not trusted over a slot-filling fragment. */
export const UNSURE_CONFIDENCE = 0.5;
/** Fragments at most this many words long may continue a task without a cue. */
export const FRAGMENT_WORDS = 4;
/** With a task active, a runner-up intent of its skill at least this likely is taken (context as a prior). */
export const CONTEXT_PRIOR = 0.1;
/** Without context, a runner-up intent at least this likely names what a "cancel …" is about. */
export const RUNNER_UP = 0.2;
/** Intents that answer rather than request: never a reason to leave a pending question. */
const CONVERSATIONAL: ReadonlySet<string> = new Set(['yes', 'no', 'maybe', 'cancel', 'oos']);
/** Words that frame an answer without being a request ("for ten minutes", "at 5pm", "it's Paris"). */
const ANSWER_FRAME =
  /^(?:to|at|for|in|on|about|by|around|until|from|it's|its|it is|make it|let's say|maybe|um|uh|oh|ok|okay|just|only|about|like|the|a|an|and|please)$/;

/**
 * `true` when an utterance is shaped like an answer: it opens with a preposition ("to pick up the
 * dry cleaning", "at 5pm"), or almost all of it is entities ("an hour and a half", "tomorrow at 6").
 * @param text the utterance
 * @param entities its entities
 */
export function isAnswerShaped(text: string, entities: NluResult['entities']): boolean {
  const s = simplify(text);
  if (/^(?:to|at|for|in|on|about|by|around|until)\s/.test(s)) return true;
  let rest = text;
  for (const e of entities) rest = rest.replace(e.text, ' ');
  const left = simplify(rest)
    .split(' ')
    .filter((w) => w !== '' && !ANSWER_FRAME.test(w));
  return entities.length > 0 && left.length <= 1;
}

/**
 * The skill that answers an intent: the first registered one that lists it.
 * @param intent an intent label
 * @param skills the registered skills
 */
export function skillFor(intent: string, skills: readonly SkillDefinition[]): SkillDefinition | undefined {
  return skills.find((s) => s.intents.includes(intent));
}

/** A skill's intents together at least this likely make it the majority reading of a turn. */
export const SKILL_MAJORITY = 0.5;
/** Together at least this likely, a skill answers without further evidence. */
export const SKILL_SURE = 0.9;

/** Rule 7: the skill holding most of the model's probability, when it is sure or the words back it. */
function skillByMass(
  nlu: NluResult,
  skills: readonly SkillDefinition[],
  base: Omit<SlotExtractInput, 'answer'>,
): DialogueAction | undefined {
  const mass = new Map<SkillDefinition, { total: number; top: IntentScore }>();
  for (const scored of nlu.intents) {
    const skill = CONVERSATIONAL.has(scored.intent) ? undefined : skillFor(scored.intent, skills);
    if (skill === undefined) continue;
    const entry = mass.get(skill);
    if (entry === undefined) mass.set(skill, { total: scored.score, top: scored });
    else entry.total += scored.score;
  }
  let best: [SkillDefinition, { total: number; top: IntentScore }] | undefined;
  for (const entry of mass) if (best === undefined || entry[1].total > best[1].total) best = entry;
  if (best === undefined || best[1].total < SKILL_MAJORITY) return undefined;
  const [skill, { total, top }] = best;
  const evidence = total >= SKILL_SURE || Object.keys(extractSlots(skill, base)).length > 0;
  return evidence ? { type: 'new-intent', intent: top.intent, skillId: skill.id, confidence: total } : undefined;
}

function fromModel(intent: string, confidence: number, skills: readonly SkillDefinition[]): DialogueAction {
  const skill = skillFor(intent, skills);
  return skill === undefined
    ? { type: 'unsupported', intent, confidence }
    : { type: 'new-intent', intent, skillId: skill.id, confidence };
}

/**
 * Decides how a turn relates to the dialogue context. Pure: reads its input, changes nothing.
 *
 * @param input the turn's NLU result and text, the conversation's state, the registered skills
 * @returns the action the dialogue manager carries out
 * @example
 * ```ts
 * decideTurn({ nlu, state, skills, text: 'and in Paris?' })
 * // → { type: 'follow-up', intent: 'time', slots: ['place'], confidence: 0.9 }
 * ```
 */
export function decideTurn({ nlu, state, skills, text, now }: PolicyInput): DialogueAction {
  const modelIntent = nlu.outOfScope ? null : nlu.intent;
  const confidence = nlu.confidence;
  const words = wordCount(text);
  const task = state.task;
  const taskSkill = task === undefined ? undefined : skills.find((s) => s.id === task.skillId);
  const pending = state.pending;
  const base = { text, entities: nlu.entities, slots: slotValues(task), ...(now === undefined ? {} : { now }) };
  // A different request the model is sure of, phrased as a sentence rather than a fragment.
  const confidentOther =
    modelIntent !== null &&
    modelIntent !== task?.intent &&
    !CONVERSATIONAL.has(modelIntent) &&
    confidence >= SWITCH_CONFIDENCE &&
    words >= 3;

  // 1. Cancel, by a cue ("never mind", "stop").
  if (isCancel(text)) return { type: 'cancel', confidence: 0.95 };

  // 2. A pending confirmation.
  if (pending?.type === 'confirm') {
    if (isYes(text) || (modelIntent === 'yes' && words <= FRAGMENT_WORDS))
      return { type: 'confirm', confidence: isYes(text) ? 0.95 : confidence };
    if (isNo(text) || (modelIntent === 'no' && words <= FRAGMENT_WORDS))
      return { type: 'deny', confidence: isNo(text) ? 0.95 : confidence };
  }

  // 3. A pending slot question.
  if (pending?.type === 'slot' && task !== undefined && taskSkill !== undefined) {
    const slot: DialogueSlot = slotsOf(taskSkill).find((s) => s.name === pending.slot) ?? {
      name: pending.slot,
      kind: 'text',
      prompt: pending.question,
    };
    const value = extractSlot(slot, { ...base, answer: true });
    // "an hour and a half", "to pick up the dry cleaning": shaped like an answer whatever the model says.
    const looksLikeRequest = confidentOther && words >= FRAGMENT_WORDS + 1 && !isAnswerShaped(text, nlu.entities);
    if (value !== undefined && !looksLikeRequest)
      return { type: 'fill-slot', intent: task.intent, slot: slot.name, confidence: 0.9 };
    if (modelIntent === 'cancel' && confidence >= UNSURE_CONFIDENCE) return { type: 'cancel', confidence };
    if (confidentOther && modelIntent !== null) return fromModel(modelIntent, confidence, skills);
    if (isNo(text)) return { type: 'deny', confidence: 0.9 };
    return { type: 'fill-slot', intent: task.intent, slot: slot.name, confidence: 0.5 };
  }

  // 4. Corrections and follow-ups of the active task.
  if (task !== undefined && taskSkill !== undefined) {
    const cue = cueOf(text);
    const found = Object.keys(extractSlots(taskSkill, { ...base, ...(cue === undefined ? {} : { cue }) }));
    const longRequest = confidentOther && words > 6;
    if (found.length > 0 && cue !== undefined && !longRequest)
      return { type: cue.type, intent: task.intent, slots: found, confidence: 0.9 };
    const modelUnsure = modelIntent === null || confidence < UNSURE_CONFIDENCE || modelIntent === task.intent;
    if (found.length > 0 && words <= FRAGMENT_WORDS && modelUnsure) {
      return { type: 'follow-up', intent: task.intent, slots: found, confidence: 0.7 };
    }
  }

  // 5. The model's cancel ("quiet now", "pause"), once no correction claimed the turn. "Cancel my
  //    alarm" is not a bare cancel: when the model ranks a skill's intent next, that skill stops it.
  if (modelIntent === 'cancel' && confidence >= UNSURE_CONFIDENCE) {
    const owner = nlu.intents
      .slice(1, 3)
      .find(
        (s) =>
          !CONVERSATIONAL.has(s.intent) &&
          skillFor(s.intent, skills) !== undefined &&
          s.score >= (taskSkill?.intents.includes(s.intent) === true ? CONTEXT_PRIOR : RUNNER_UP),
      );
    if (owner !== undefined) return fromModel(owner.intent, owner.score, skills);
    return { type: 'cancel', confidence };
  }

  // 6. Context as a prior: a request the model could not place, whose runner-up is the active task's skill.
  if (taskSkill !== undefined && (modelIntent === null || confidence < UNSURE_CONFIDENCE)) {
    const near = nlu.intents.slice(0, 3).find((s) => s.score >= CONTEXT_PRIOR && taskSkill.intents.includes(s.intent));
    if (near !== undefined)
      return { type: 'new-intent', intent: near.intent, skillId: taskSkill.id, confidence: near.score };
  }

  // 7. A turn the model leaves out of scope only because it cannot choose between one skill's
  //    intents ("empty my shopping list": read 0.51, update 0.48), or that a skill can read.
  if (modelIntent === null) {
    const rescued = skillByMass(nlu, skills, base);
    if (rescued !== undefined) return rescued;
  }

  // 8. The model, on its own.
  if (modelIntent !== null) return fromModel(modelIntent, confidence, skills);

  // 9. Short answers the model rejected as out of scope.
  if (isYes(text) && skillFor('yes', skills) !== undefined) return fromModel('yes', 0.9, skills);
  if (isNo(text) && skillFor('no', skills) !== undefined) return fromModel('no', 0.9, skills);
  return { type: 'out-of-scope', confidence };
}
