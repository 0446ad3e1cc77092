/**
 * What the context model sees of a turn (issue 15): the utterance, what the assistant last said,
 * the dialogue state as numbers, the candidate intents and the slots the turn could be filling,
 * each with its description and numeric evidence. Feature names are stored in the model's metadata
 * and checked at load time, so a model always gets the features it was trained on, in order.
 *
 * Everything here is read-only over the policy's input and costs a few slot extractions per skill:
 * the same extractors the dialogue manager runs when it acts on the decision.
 *
 * @module
 */
import type { Entity } from '../nlu/types.ts';
import type { SkillDefinition } from '../skills/types.ts';
import { cueOf, isCancel, isCorrection, isFollowUp, isNo, isYes, wordCount } from '../dialogue/cues.ts';
import { extractSlot, extractSlots, slotsOf, validateSlot } from '../dialogue/slots.ts';
import { slotValues } from '../dialogue/state.ts';
import {
  DIALOGUE_ACTION_TYPES,
  type DialogueActionType,
  type DialogueSlot,
  type PolicyInput,
} from '../dialogue/types.ts';
import { candidatesFor, type IntentCandidate } from './candidates.ts';
import { humanizeName } from './lexical-features.ts';
import { promptsIn } from '../lang/pack.ts';
import { overlap, profileOf, turnWords, wordOverlap, type LexicalProfile } from './description-overlap.ts';
import type { ContextSpec } from './context-format.ts';

/** The dialogue commands the model chooses among (in the spirit of Rasa CALM's command set). */
export const COMMANDS = [
  'start_task',
  'fill_slot',
  'correct_slot',
  'follow_up',
  'cancel',
  'confirm',
  'deny',
  'small_talk',
  'out_of_scope',
] as const;

/** One dialogue command. */
export type DialogueCommand = (typeof COMMANDS)[number];

const ACTS: readonly (DialogueActionType | 'none')[] = ['none', ...DIALOGUE_ACTION_TYPES];
const ENTITY_KINDS = [
  'number',
  'ordinal',
  'date',
  'time',
  'datetime',
  'duration',
  'money',
  'percentage',
  'custom',
  'slot',
];
/** The language packs' cue words (`src/lang/<lang>/<lang>-cues.ts`), read as evidence next to the words themselves. */
const CUES = ['cancel', 'yes', 'no', 'follow_up', 'correction'] as const;
/** Slot kinds grouped by what answers them. */
const KIND_GROUPS = ['text', 'number', 'duration', 'datetime', 'custom', 'other'] as const;

function kindGroup(kind: string): (typeof KIND_GROUPS)[number] {
  if (kind === 'text') return 'text';
  if (kind === 'number' || kind === 'ordinal' || kind === 'money' || kind === 'percentage') return 'number';
  if (kind === 'duration') return 'duration';
  if (kind === 'date' || kind === 'time' || kind === 'datetime') return 'datetime';
  if (kind.startsWith('custom')) return 'custom';
  return 'other';
}

/** Names of the dialogue-state features, in order. */
export const STATE_FEATURES: readonly string[] = [
  'has_task',
  'pending_slot',
  'pending_confirm',
  'pending_asked_twice',
  ...KIND_GROUPS.map((k) => `pending_kind_${k}`),
  'pending_value_answer',
  'pending_value_strict',
  'pending_value_valid',
  'task_slots_found',
  'task_has_slots',
  'task_consequential',
  'task_age',
  'first_turn',
  'turn_position',
  ...ACTS.map((a) => `last_act_${a}`),
  'last_intent_is_task',
  'model_top1',
  'model_top2',
  'model_margin',
  'model_ranked_mass',
  'model_out_of_scope',
  ...ENTITY_KINDS.map((k) => `entity_${k}`),
  'entity_other',
  'entity_coverage',
  'words',
  ...CUES.map((c) => `cue_${c}`),
  'question_mark',
  'han',
  'digits',
];

/** Names of the per-candidate features, in order. */
export const CANDIDATE_FEATURES: readonly string[] = [
  'model_score',
  'model_top1',
  'model_top3',
  'model_ranked',
  'model_log_score',
  'skill_mass',
  'task_intent',
  'task_skill',
  'last_intent',
  'last_skill',
  'unanswered',
  'has_slots',
  'slots_found',
  'slots_found_share',
  'entity_fits',
  'word_overlap',
  'bigram_overlap',
  'name_overlap',
  'consequential',
];

/** Each candidate feature's index, for writing a candidate's vector. */
const CF_MODEL_SCORE = CANDIDATE_FEATURES.indexOf('model_score');
const CF_MODEL_TOP1 = CANDIDATE_FEATURES.indexOf('model_top1');
const CF_MODEL_TOP3 = CANDIDATE_FEATURES.indexOf('model_top3');
const CF_MODEL_RANKED = CANDIDATE_FEATURES.indexOf('model_ranked');
const CF_MODEL_LOG_SCORE = CANDIDATE_FEATURES.indexOf('model_log_score');
const CF_SKILL_MASS = CANDIDATE_FEATURES.indexOf('skill_mass');
const CF_TASK_INTENT = CANDIDATE_FEATURES.indexOf('task_intent');
const CF_TASK_SKILL = CANDIDATE_FEATURES.indexOf('task_skill');
const CF_LAST_INTENT = CANDIDATE_FEATURES.indexOf('last_intent');
const CF_LAST_SKILL = CANDIDATE_FEATURES.indexOf('last_skill');
const CF_UNANSWERED = CANDIDATE_FEATURES.indexOf('unanswered');
const CF_HAS_SLOTS = CANDIDATE_FEATURES.indexOf('has_slots');
const CF_SLOTS_FOUND = CANDIDATE_FEATURES.indexOf('slots_found');
const CF_SLOTS_FOUND_SHARE = CANDIDATE_FEATURES.indexOf('slots_found_share');
const CF_ENTITY_FITS = CANDIDATE_FEATURES.indexOf('entity_fits');
const CF_WORD_OVERLAP = CANDIDATE_FEATURES.indexOf('word_overlap');
const CF_BIGRAM_OVERLAP = CANDIDATE_FEATURES.indexOf('bigram_overlap');
const CF_NAME_OVERLAP = CANDIDATE_FEATURES.indexOf('name_overlap');
const CF_CONSEQUENTIAL = CANDIDATE_FEATURES.indexOf('consequential');
const C_TOP1 = CANDIDATE_FEATURES.indexOf('model_top1');
const C_TOP3 = CANDIDATE_FEATURES.indexOf('model_top3');
const C_WORDS = CANDIDATE_FEATURES.indexOf('word_overlap');
const C_NAME = CANDIDATE_FEATURES.indexOf('name_overlap');
const C_TASK_INTENT = CANDIDATE_FEATURES.indexOf('task_intent');
const C_TASK_SKILL = CANDIDATE_FEATURES.indexOf('task_skill');
const C_LAST_INTENT = CANDIDATE_FEATURES.indexOf('last_intent');
const C_LAST_SKILL = CANDIDATE_FEATURES.indexOf('last_skill');
const C_FITS = CANDIDATE_FEATURES.indexOf('entity_fits');
const C_BIGRAMS = CANDIDATE_FEATURES.indexOf('bigram_overlap');

/** Names of the per-slot features, in order. */
export const SLOT_FEATURES: readonly string[] = [
  'pending',
  'value_answer',
  'value_strict',
  'value_valid',
  'entity_fits',
  'filled',
  'required',
  ...KIND_GROUPS.map((k) => `kind_${k}`),
];

/**
 * The spec of the context models this dialogue layer computes inputs for: a model trained for
 * other features or commands is refused when loaded (`ModelLoadError`).
 */
export const CONTEXT_SPEC: ContextSpec = {
  state: [...STATE_FEATURES],
  candFeatures: [...CANDIDATE_FEATURES],
  slotFeatures: [...SLOT_FEATURES],
  commands: [...COMMANDS],
};

/** A slot the turn could be filling, with its description. */
export interface SlotCandidate {
  slot: DialogueSlot;
  text: string;
}

/**
 * Everything the context model reads of one turn, before its texts are hashed into ids: the
 * network's `ContextInput` (utterance, context, state, candidates and slots with their texts and
 * features), with each candidate's intent and skill and each slot's definition kept alongside.
 */
export interface TurnFeatures {
  utterance: string;
  /** What the assistant said last (its question or offer), or ''. */
  context: string;
  /** One value per name of {@link STATE_FEATURES}. */
  state: Float32Array;
  /**
   * The candidate intents; `feats` has one value per name of {@link CANDIDATE_FEATURES}. `evidence`
   * (not a model input) says whether anything outside the context model speaks for starting it: the
   * intent model's three best, words shared with its name or description, or the conversation when
   * the turn gives it something (the intent model in scope, a value for one of the skill's slots);
   * `modelChoice`: it is the intent model's in-scope first choice; `ruleSlots`: the turn alone, read as a
   * fresh request, holds a value for one of the skill's slots that its own extractors or the rule
   * entities read (the slot tagger's spans left out); read only while a slot is asked, else `false`.
   */
  candidates: (IntentCandidate & {
    feats: Float32Array;
    evidence: boolean;
    modelChoice: boolean;
    ruleSlots: boolean;
  })[];
  /** The slot candidates; `feats` has one value per name of {@link SLOT_FEATURES}. */
  slots: (SlotCandidate & { feats: Float32Array })[];
}

const ENTITY_INDEX = new Map(ENTITY_KINDS.map((k, i) => [k, i]));
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** Entity kinds that fill a slot kind (a `datetime` also answers "what time?" and "what day?"). */
function entityFits(kind: string, entities: readonly Entity[]): boolean {
  if (kind.startsWith('custom:')) return entities.some((e) => e.kind === 'custom' && e.name === kind.slice(7));
  const group = kindGroup(kind);
  if (group === 'datetime')
    return entities.some((e) => e.kind === 'date' || e.kind === 'time' || e.kind === 'datetime');
  return entities.some((e) => e.kind === kind);
}

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** A slot as the dialogue manager would see it for a question a skill asked without declaring it. */
function undeclaredSlot(name: string, question: string): DialogueSlot {
  return { name, kind: 'text', prompt: question };
}

/**
 * Computes what the context model sees of a turn.
 * @param input the policy's input (not changed)
 * @returns the texts, state features, candidates and slot candidates with their features
 */
export function dialogueFeatures(input: PolicyInput): TurnFeatures {
  const { nlu, state, skills, text, now } = input;
  const task = state.task;
  const taskSkill = task === undefined ? undefined : skills.find((s) => s.id === task.skillId);
  const pending = state.pending;
  const acts = state.acts ?? [];
  const last = acts[acts.length - 1];
  const lastSkill = last?.skillId;
  const when = now === undefined ? {} : { now };
  const entities = nlu.entities;
  const cue = cueOf(text);
  // For the task's own skill, a turn without an opener is read as a possible continuation ("oat milk too").
  const taskCue = cue ?? { type: 'follow-up' as const, rest: text.trim() };
  const taskSlots = slotValues(task);

  // Slots of every skill named in the turn (read as a fresh request, or with the task's slots for its own skill).
  const found = new Map<SkillDefinition, number>();
  // Skills the turn names a slot value of by itself, read without the task's values and cue: as a
  // continuation any words are a list item ("asdf" after "add milk"), which is no evidence.
  const namesSlot = new Set<SkillDefinition>();
  // Of those, the skills whose own extractors and the rule entities read the value, not the slot
  // tagger's guess alone (the tagger takes "wei" in "call zhang wei" for a name to call the user).
  const readsByRule = new Set<SkillDefinition>();
  const tagged = entities.some((e) => e.kind === 'slot');
  const ruleEntities = tagged ? entities.filter((e) => e.kind !== 'slot') : entities;
  for (const skill of skills) {
    if (slotsOf(skill).length === 0) continue;
    const own = skill === taskSkill;
    const values = extractSlots(skill, {
      text,
      entities,
      slots: own ? taskSlots : {},
      ...when,
      ...(own ? { cue: taskCue } : {}),
    });
    found.set(skill, Object.keys(values).length);
    const fresh = own ? extractSlots(skill, { text, entities, slots: {}, ...when }) : values;
    if (Object.keys(fresh).length === 0) continue;
    namesSlot.add(skill);
    // Read only while a slot is asked, the one time the decision reads it (decide.ts `answersFreeText`,
    // `asksElsewhere`): a second pass of every skill's extractors on every turn is not paid for nothing.
    if (pending?.type !== 'slot') continue;
    // Read again without the slot tagger's spans only where the turn has some: most turns have none.
    if (
      ruleEntities === entities ||
      Object.keys(extractSlots(skill, { text, entities: ruleEntities, slots: {}, ...when })).length > 0
    )
      readsByRule.add(skill);
  }

  // The slot candidates: the active task's slots, and the pending question's slot even if undeclared.
  const slots: SlotCandidate[] = [];
  if (taskSkill !== undefined) {
    for (const slot of slotsOf(taskSkill)) slots.push({ slot, text: slotText(slot) });
    if (pending?.type === 'slot' && !slots.some((s) => s.slot.name === pending.slot)) {
      const slot = undeclaredSlot(pending.slot, pending.question);
      slots.push({ slot, text: slotText(slot) });
    }
  }
  const slotFeats = slots.map(({ slot }) => {
    const answer = extractSlot(slot, { text, entities, slots: taskSlots, answer: true, ...when });
    const strict = extractSlot(slot, { text, entities, slots: taskSlots, answer: false, ...when });
    const value = present(answer) ? answer : strict;
    const group = kindGroup(slot.kind);
    return Float32Array.from([
      pending?.type === 'slot' && pending.slot === slot.name ? 1 : 0,
      present(answer) ? 1 : 0,
      present(strict) ? 1 : 0,
      present(value) && validateSlot(slot, value) === true ? 1 : 0,
      entityFits(slot.kind, entities) ? 1 : 0,
      task?.slots[slot.name] !== undefined ? 1 : 0,
      slot.required === false ? 0 : 1,
      ...KIND_GROUPS.map((k) => (k === group ? 1 : 0)),
    ]);
  });

  const keep = new Set([task?.skillId, lastSkill].filter((s): s is string => s !== undefined));
  const recent = acts.map((a) => a.intent).filter((i): i is string => i !== null && i !== 'cancel');
  const candidates = candidatesFor(skills, nlu.intents, keep, recent);
  const scores = new Map(nlu.intents.map((s, i) => [s.intent, { score: s.score, rank: i }]));
  const mass = new Map<SkillDefinition, number>();
  for (const c of candidates)
    if (c.skill !== undefined) mass.set(c.skill, (mass.get(c.skill) ?? 0) + (scores.get(c.intent)?.score ?? 0));
  const words = turnWords(text);
  // The intent model's first choice when it is in scope (its calibrated threshold); any of its three
  // best as evidence that an intent may be meant.
  // A sibling of the intent model's three best (another intent of the same skill) counts too.
  const rankedSkills = new Set(
    candidates.filter((c) => (scores.get(c.intent)?.rank ?? Infinity) < 3).flatMap((c) => (c.skill ? [c.skill] : [])),
  );
  const modelChoice = (f: Float32Array) => f[C_TOP1]! > 0 && !nlu.outOfScope;
  // The conversation speaks for an intent only with something from the turn itself: the intent model
  // calls it in scope, or it holds a value for one of the skill's slots (shared words are evidence on
  // their own). Otherwise keyboard mash or an aside right after a list turn would be read as the list.
  // A turn of function words only ("what's on it now?") can only be about the conversation; a
  // Chinese turn sharing characters with the skill's description ("清单上还有啥" and "list | 清单") too.
  const onlyFunctionWords = words.words.length === 0 && LATIN.test(text);
  const han = HAN.test(text);
  const turnSpeaks = (f: Float32Array, skill: SkillDefinition | undefined) =>
    !nlu.outOfScope ||
    onlyFunctionWords ||
    (f[C_BIGRAMS]! > 0 && han) ||
    f[C_FITS]! > 0 ||
    (skill !== undefined && namesSlot.has(skill));
  const hasEvidence = (f: Float32Array, skill: SkillDefinition | undefined) =>
    f[C_TOP3]! > 0 ||
    (skill !== undefined && rankedSkills.has(skill)) ||
    f[C_WORDS]! > 0 ||
    f[C_NAME]! > 0 ||
    ((f[C_TASK_INTENT]! > 0 || f[C_TASK_SKILL]! > 0 || f[C_LAST_INTENT]! > 0 || f[C_LAST_SKILL]! > 0) &&
      turnSpeaks(f, skill));
  // What depends only on the skill, once per skill (a skill has several candidate intents).
  const perSkill = new Map<SkillDefinition, { slots: number; fits: boolean; consequential: boolean }>();
  const skillFacts = (skill: SkillDefinition) => {
    let facts = perSkill.get(skill);
    if (facts === undefined) {
      const skillSlots = slotsOf(skill);
      facts = {
        slots: skillSlots.length,
        fits: skillSlots.some((s) => s.kind !== 'text' && entityFits(s.kind, entities)),
        consequential: skill.permissions?.consequential === true || skill.confirm !== undefined,
      };
      perSkill.set(skill, facts);
    }
    return facts;
  };
  const candidateFeats = candidates.map((c) => {
    const scored = scores.get(c.intent);
    const p = scored?.score ?? 0;
    const rank = scored?.rank ?? Infinity;
    const facts = c.skill === undefined ? undefined : skillFacts(c.skill);
    const slotCount = facts?.slots ?? 0;
    const named = c.skill === undefined ? 0 : (found.get(c.skill) ?? 0);
    const lexical = overlap(words, profileOf(c.text));
    const name = wordOverlap(words, nameProfile(c.intent));
    // Written into a fresh (zeroed) vector, in CANDIDATE_FEATURES' order: no argument list of 19
    // values built for each of ~50 candidates on every turn, and the zeros are not written at all.
    const f = new Float32Array(CANDIDATE_FEATURES.length);
    f[CF_MODEL_SCORE] = p;
    if (rank === 0) f[CF_MODEL_TOP1] = 1;
    if (rank < 3) f[CF_MODEL_TOP3] = 1;
    if (scored !== undefined) f[CF_MODEL_RANKED] = 1;
    f[CF_MODEL_LOG_SCORE] = Math.log(p + 1e-4) / 10 + 1;
    f[CF_SKILL_MASS] = c.skill === undefined ? p : (mass.get(c.skill) ?? 0);
    if (task !== undefined && task.intent === c.intent) f[CF_TASK_INTENT] = 1;
    if (task !== undefined && c.skill?.id === task.skillId) f[CF_TASK_SKILL] = 1;
    if (last?.intent === c.intent) f[CF_LAST_INTENT] = 1;
    if (lastSkill !== undefined && c.skill?.id === lastSkill) f[CF_LAST_SKILL] = 1;
    if (c.skill === undefined) f[CF_UNANSWERED] = 1;
    if (slotCount > 0) f[CF_HAS_SLOTS] = 1;
    if (named > 0) f[CF_SLOTS_FOUND] = 1;
    if (slotCount !== 0) f[CF_SLOTS_FOUND_SHARE] = named / slotCount;
    if (facts?.fits === true) f[CF_ENTITY_FITS] = 1;
    f[CF_WORD_OVERLAP] = lexical.words;
    f[CF_BIGRAM_OVERLAP] = lexical.bigrams;
    f[CF_NAME_OVERLAP] = name;
    if (facts?.consequential === true) f[CF_CONSEQUENTIAL] = 1;
    return f;
  });

  return {
    utterance: text,
    context: lastAssistant(input),
    state: stateFeatures(input, taskSkill, found, slots, slotFeats),
    candidates: candidates.map((c, k) => {
      const feats = candidateFeats[k]!;
      const evidence = hasEvidence(feats, c.skill);
      const choice = modelChoice(feats);
      // Built field by field rather than spread: V8's object spread took a tenth of this function in a profile.
      return c.skill === undefined
        ? { intent: c.intent, text: c.text, feats, evidence, modelChoice: choice, ruleSlots: false }
        : {
            intent: c.intent,
            skill: c.skill,
            text: c.text,
            feats,
            evidence,
            modelChoice: choice,
            ruleSlots: readsByRule.has(c.skill),
          };
    }),
    slots: slots.map((s, j) => ({ ...s, feats: slotFeats[j]! })),
  };
}

const nameProfiles = new Map<string, LexicalProfile>();

/** The words of an intent's name, prepared once per intent (names come from a few manifests). */
function nameProfile(intent: string): LexicalProfile {
  let p = nameProfiles.get(intent);
  if (p === undefined) {
    p = profileOf(humanizeName(intent));
    // Bounded like `profileOf`'s cache: a host registering skills at run time cannot grow it without end.
    if (nameProfiles.size > 4096) nameProfiles.clear();
    nameProfiles.set(intent, p);
  }
  return p;
}

/** Each declared slot's description, made once: slots come from manifests and are read on every turn. */
const slotTexts = new WeakMap<DialogueSlot, string>();

/** The words describing a slot: its name and its questions. */
function slotText(slot: DialogueSlot): string {
  let text = slotTexts.get(slot);
  if (text === undefined) {
    // The English prompts: the descriptions are English (with Chinese glosses), whatever the turn's language.
    text = [humanizeName(slot.name), ...promptsIn(slot.prompt, 'en')].join(' | ');
    slotTexts.set(slot, text);
  }
  return text;
}

/** What the assistant said last in this conversation, or ''. */
function lastAssistant({ state }: PolicyInput): string {
  for (let i = state.recent.length - 1; i >= 0; i--) {
    const turn = state.recent[i]!;
    if (turn.role === 'assistant') return turn.text;
  }
  return '';
}

function stateFeatures(
  input: PolicyInput,
  taskSkill: SkillDefinition | undefined,
  found: ReadonlyMap<SkillDefinition, number>,
  slots: readonly SlotCandidate[],
  slotFeats: readonly Float32Array[],
): Float32Array {
  const { nlu, state, text } = input;
  const task = state.task;
  const pending = state.pending;
  const acts = state.acts ?? [];
  const last = acts[acts.length - 1];
  const pendingIndex = pending?.type === 'slot' ? slots.findIndex((s) => s.slot.name === pending.slot) : -1;
  const pendingSlot = pendingIndex < 0 ? undefined : slots[pendingIndex]!.slot;
  const pendingFeats = pendingIndex < 0 ? undefined : slotFeats[pendingIndex]!;
  const group = pendingSlot === undefined ? undefined : kindGroup(pendingSlot.kind);
  const top1 = nlu.intents[0]?.score ?? 0;
  const top2 = nlu.intents[1]?.score ?? 0;
  const entityCounts = new Array<number>(ENTITY_KINDS.length + 1).fill(0);
  let covered = 0;
  for (const e of nlu.entities) {
    entityCounts[ENTITY_INDEX.get(e.kind) ?? ENTITY_KINDS.length]! += 1;
    covered += e.end - e.start;
  }
  const trimmed = text.trim();
  return Float32Array.from([
    task === undefined ? 0 : 1,
    pending?.type === 'slot' ? 1 : 0,
    pending?.type === 'confirm' ? 1 : 0,
    pending?.type === 'slot' && pending.asks >= 2 ? 1 : 0,
    ...KIND_GROUPS.map((k) => (k === group ? 1 : 0)),
    pendingFeats?.[1] ?? 0,
    pendingFeats?.[2] ?? 0,
    pendingFeats?.[3] ?? 0,
    taskSkill !== undefined && (found.get(taskSkill) ?? 0) > 0 ? 1 : 0,
    taskSkill !== undefined && slotsOf(taskSkill).length > 0 ? 1 : 0,
    taskSkill?.permissions?.consequential === true || taskSkill?.confirm !== undefined ? 1 : 0,
    task === undefined ? 0 : Math.min(1, (state.turn - task.turn) / 6),
    state.turn <= 1 ? 1 : 0,
    Math.min(1, Math.log1p(state.turn) / 3),
    ...ACTS.map((a) => ((last?.action ?? 'none') === a ? 1 : 0)),
    task !== undefined && last?.intent === task.intent ? 1 : 0,
    top1,
    top2,
    top1 - top2,
    Math.min(
      1,
      nlu.intents.reduce((sum, s) => sum + s.score, 0),
    ),
    nlu.outOfScope ? 1 : 0,
    ...entityCounts.map((n) => Math.min(1, n)),
    trimmed.length === 0 ? 0 : Math.min(1, covered / trimmed.length),
    Math.min(1, Math.log1p(wordCount(text)) / 3),
    isCancel(text) ? 1 : 0,
    isYes(text) ? 1 : 0,
    isNo(text) ? 1 : 0,
    isFollowUp(text) ? 1 : 0,
    isCorrection(text) ? 1 : 0,
    /[?？]\s*$/.test(trimmed) ? 1 : 0,
    HAN.test(text) ? 1 : 0,
    /\p{Nd}/u.test(text) ? 1 : 0,
  ]);
}
