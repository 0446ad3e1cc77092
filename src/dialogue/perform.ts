/**
 * Carries out the policy's decision for one turn: updates the task and its slots in the state and
 * produces the reply (from a skill, a question, or a fallback).
 *
 * @module
 */
import type { SkillDefinition } from '../skills/types.ts';
import { cueOf } from './cues.ts';
import { LLM_FALLBACK_INTENT as OUT_OF_SCOPE_SKILL_INTENT } from '../skills/llm/llm-fallback.ts';
import { joinSentences, packFor } from '../lang/pack.ts';
import { foldHanVariants } from '../nlu/runtime/han-variants.ts';
import { hasHan } from '../nlu/runtime/language-id.ts';
import { outOfScopeReply, talkReply, unsupportedReply } from './fallback.ts';
import { readTalk } from '../lang/talk.ts';
import { askFor, runTask, type DialogueReply, type TaskSettings, type TaskTurn } from './run-task.ts';
import { extractSlot, extractSlots, keepDay, onlyWhen, promptOf, slotsOf, validateSlot } from './slots.ts';
import { slotValues } from './state.ts';
import type { ActiveTask, DialogueAction, DialogueSkill, DialogueSlot, SlotExtractInput } from './types.ts';

/** What a turn came to: the reply and what goes into `Understanding`. */
export interface Performed {
  reply: DialogueReply;
  /** The intent acted on (`cancel`/`yes`/`no` keep their own labels; null when out of scope). */
  intent: string | null;
  slots: Record<string, unknown>;
  skill?: string;
}

/** The intent a skill settles on for a request (its `refineIntent`), kept only if it is one of its own. */
function refineIntent(
  skill: DialogueSkill,
  intent: string,
  slots: Readonly<Record<string, unknown>>,
  text: string,
): string {
  try {
    // A decision: its words read traditional characters as simplified ones ("我還有提醒嗎" reads them back).
    const refined = skill.refineIntent?.(
      intent,
      slots,
      hasHan(text) ? foldHanVariants(text, { keepLength: true }) : text,
    );
    return refined !== undefined && skill.intents.includes(refined) ? refined : intent;
  } catch {
    return intent;
  }
}

const pickFrom = (items: readonly string[], random: () => number): string =>
  items[Math.floor(random() * items.length) % items.length]!;

function setSlots(task: ActiveTask, values: Record<string, unknown>, turn: number, at: number): void {
  for (const [name, value] of Object.entries(values)) task.slots[name] = { value, turn, at };
}

/** Slot kinds an answer may name along with the slot asked: a day, a time or a length said in passing. */
const SAID_ALONG: ReadonlySet<string> = new Set(['date', 'time', 'datetime', 'duration']);

/**
 * The still-empty day/time/length slots of the task that an answer to another slot names too ("好吧
 * 一小时后提醒我喝药" when the task was asked): kept, so the time said is not asked for again.
 * Free-text slots are never taken this way (an answer is one value, not a new request's every slot).
 */
function saidAlong(
  skill: SkillDefinition,
  task: ActiveTask,
  asked: DialogueSlot,
  input: SlotExtractInput,
  lang: TaskTurn['lang'],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const slot of slotsOf(skill)) {
    if (slot.name === asked.name || !SAID_ALONG.has(slot.kind)) continue;
    // A day the task has ("a reminder for saturday") takes a clock time said along ("10 in the
    // morning" when the task was asked): that time on that day. Other filled slots stay as they are.
    const previous = task.slots[slot.name]?.value;
    const dayOnly = typeof previous === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(previous);
    if (previous !== undefined && !dayOnly) continue;
    let value = extractSlot(slot, { ...input, answer: false });
    if (dayOnly && value !== undefined) {
      value = keepDay(slot, previous, value, input.entities);
      if (typeof value !== 'string' || !value.startsWith(`${previous}T`)) continue;
    }
    if (value !== undefined && validateSlot(slot, value, lang) === true) out[slot.name] = value;
  }
  return out;
}

async function continueTask(
  turn: TaskTurn,
  skill: SkillDefinition,
  task: ActiveTask,
  settings: TaskSettings,
  confirmed = false,
): Promise<Performed> {
  const reply = await runTask(turn, skill, task, settings, confirmed);
  return { reply, intent: task.intent, slots: slotValues(turn.state.task), skill: skill.id };
}

/** A question left open by a request for something else, to ask again once that is answered. */
interface Interrupted {
  task: ActiveTask;
  pending: NonNullable<TaskTurn['state']['pending']>;
}

/** The open question a turn interrupts: any, unless the turn is a new request to the same skill. */
function interruption(state: TaskTurn['state'], skillId?: string): Interrupted | undefined {
  const { task, pending } = state;
  if (task === undefined || pending === undefined || task.skillId === skillId) return undefined;
  return { task, pending };
}

/**
 * After a turn that interrupted an open question ("wait, what's 9 times 8?" while the timer's length
 * is asked), the task it belongs to resumes, so a later bare answer still fills it; unless the turn
 * asked a question of its own, or its skill failed. The question is asked again after the first
 * interruption only: asked after every one, it would trail each answer of a longer detour. After
 * that, and after an aside ("one sec"), it stays open quietly until answered, cancelled or stale.
 */
function resume(
  turn: TaskTurn,
  interrupted: Interrupted | undefined,
  done: Performed,
  skills: readonly SkillDefinition[],
  random: () => number,
  quiet = false,
): Performed {
  const { state } = turn;
  if (interrupted === undefined || state.pending !== undefined || done.reply.failed !== undefined) return done;
  state.task = interrupted.task;
  if (quiet || interrupted.pending.reasked === true) {
    state.pending = interrupted.pending;
    return done;
  }
  const question = questionIn(interrupted, turn.lang, skills, random);
  state.pending = { ...interrupted.pending, question, reasked: true };
  const ask = state.pending.type === 'slot' ? { question, slot: state.pending.slot } : { question };
  const text = joinSentences(done.reply.text, question, turn.lang);
  return { ...done, reply: { ...done.reply, text, ask, expectsAnswer: true } };
}

/**
 * The open question, asked again in the language of the turn that interrupted it: "call me" asked
 * in English, then "帮我设置五分钟计时器" is answered in Chinese and must not end in English. A slot
 * question is asked anew from the slot's prompts in that language; a confirmation keeps its words
 * (the skill wrote them for the task's values).
 */
function questionIn(
  interrupted: Interrupted,
  lang: string,
  skills: readonly SkillDefinition[],
  random: () => number,
): string {
  const { pending, task } = interrupted;
  if (pending.type !== 'slot' || hasHan(pending.question) === lang.startsWith('zh')) return pending.question;
  const skill = skills.find((s) => s.id === task.skillId);
  const slot = skill === undefined ? undefined : slotsOf(skill).find((s) => s.name === pending.slot);
  return slot === undefined ? pending.question : promptOf(slot, random, lang);
}

/**
 * Performs a dialogue action.
 * @param action the policy's decision
 * @param turn the turn (its `state` is changed in place)
 * @param skills the registered skills
 * @param settings the manager's settings
 */
export async function performAction(
  action: DialogueAction,
  turn: TaskTurn,
  skills: readonly SkillDefinition[],
  settings: TaskSettings,
): Promise<Performed> {
  const { state, nlu } = turn;
  const at = turn.now.getTime();
  const task = state.task;
  const taskSkill = task === undefined ? undefined : skills.find((s) => s.id === task.skillId);
  const random = settings.random;
  const say = packFor(turn.lang).dialogue;

  switch (action.type) {
    case 'cancel': {
      const wasAsking = state.pending !== undefined;
      delete state.pending;
      delete state.task;
      const text = pickFrom(wasAsking ? say.cancelled : say.cancelledNothing, random);
      return { reply: { text }, intent: 'cancel', slots: {} };
    }
    case 'confirm': {
      if (state.pending?.type !== 'confirm' || task === undefined || taskSkill === undefined) {
        return { reply: { text: pickFrom(say.confirmedNothing, random) }, intent: 'yes', slots: {} };
      }
      const done = await continueTask(turn, taskSkill, task, settings, true);
      return { ...done, intent: 'yes' };
    }
    case 'deny': {
      const wasConfirm = state.pending?.type === 'confirm';
      delete state.pending;
      delete state.task;
      const text = pickFrom(wasConfirm ? say.denied : say.droppedQuestion, random);
      return { reply: { text }, intent: 'no', slots: {} };
    }
    case 'fill-slot': {
      if (task === undefined || taskSkill === undefined || state.pending?.type !== 'slot') break;
      const pending = state.pending;
      const slot: DialogueSlot = slotsOf(taskSkill).find((s) => s.name === action.slot) ?? {
        name: action.slot,
        kind: 'text',
        prompt: pending.question,
      };
      // "one sec", "我想想": the question stays open as it was (not counted as a failed answer), and
      // "hold on a minute" is no one-minute timer.
      if (readTalk(turn.text) === 'aside') {
        const reply = talkReply('aside', settings.advertised?.() ?? skills, random, turn.lang);
        return { reply, intent: task.intent, slots: slotValues(state.task), skill: taskSkill.id };
      }
      const answer: SlotExtractInput = {
        text: turn.text,
        entities: nlu.entities,
        slots: slotValues(task),
        answer: true,
        now: turn.now,
        timeZone: settings.timeZone,
      };
      const value = extractSlot(slot, answer);
      const verdict = value === undefined ? undefined : validateSlot(slot, value, turn.lang);
      // "10 in the morning please" when the task was asked (read as no value, or as text made only of
      // the time): the time answers another of the task's slots, which is kept; the task goes on (and
      // asks its question again) without a "didn't catch". A time that answers nothing else ("tomorrow"
      // for a shopping item) is taken as it was.
      const whenOnly = slot.kind === 'text' && value !== undefined && onlyWhen(turn.text, nlu.entities);
      const along = value === undefined || whenOnly ? saidAlong(taskSkill, task, slot, answer, turn.lang) : {};
      if (Object.keys(along).length > 0) {
        setSlots(task, along, state.turn, at);
        task.turn = state.turn;
        task.at = at;
        return continueTask(turn, taskSkill, task, settings);
      }
      if (verdict !== true) {
        const question =
          verdict ?? joinSentences(pickFrom(say.notCaught, random), promptOf(slot, random, turn.lang), turn.lang);
        const reply = askFor(turn, settings, slot.name, question, true);
        return { reply, intent: task.intent, slots: slotValues(state.task), skill: taskSkill.id };
      }
      setSlots(task, { ...saidAlong(taskSkill, task, slot, answer, turn.lang), [slot.name]: value }, state.turn, at);
      task.turn = state.turn;
      task.at = at;
      return continueTask(turn, taskSkill, task, settings);
    }
    case 'follow-up':
    case 'correction': {
      if (task === undefined || taskSkill === undefined) break;
      // The policy decided this turn continues the task: without an opener ("oat milk too") all of it is the rest.
      const cue = cueOf(turn.text) ?? { type: action.type, rest: turn.text.trim() };
      const base = { text: turn.text, entities: nlu.entities, slots: slotValues(task), now: turn.now, cue };
      const found = extractSlots(taskSkill, base);
      // "Actually it's Joanna": a free-text slot the policy names takes the rest of the turn as its answer.
      if (Object.keys(found).length === 0) {
        for (const slot of slotsOf(taskSkill).filter((s) => action.slots.includes(s.name))) {
          const value = extractSlot(slot, { ...base, text: cue.rest, answer: true });
          if (value !== undefined) found[slot.name] = value;
        }
      }
      for (const slot of slotsOf(taskSkill)) {
        if (found[slot.name] !== undefined)
          found[slot.name] = keepDay(slot, task.slots[slot.name]?.value, found[slot.name], nlu.entities);
        if (slot.carry === false) delete task.slots[slot.name];
      }
      setSlots(task, found, state.turn, at);
      // "加一个：预约牙医" after reading the list changes it: the skill settles the intent again.
      if (Object.keys(found).length > 0) task.intent = refineIntent(taskSkill, task.intent, found, turn.text);
      task.turn = state.turn;
      task.at = at;
      delete state.pending;
      return continueTask(turn, taskSkill, task, settings);
    }
    case 'new-intent': {
      const skill = skills.find((s) => s.id === action.skillId);
      if (skill === undefined) break;
      const interrupted = interruption(state, skill.id);
      // The question asked, answered as a new request to the same skill ("一个小时以后提醒我" after
      // "要在几点提醒你吃降压药？"): the task goes on with what it had, the answer added.
      const asked = state.pending?.type === 'slot' && state.task?.skillId === skill.id ? state.task : undefined;
      const askedSlot = state.pending?.type === 'slot' ? state.pending.slot : undefined;
      delete state.pending;
      // A new request to the task's own skill sees what the task had: "再减去12" right after a sum
      // is read against it by the skill's extractor (a new request's own words still win there).
      const before = state.task?.skillId === skill.id ? slotValues(state.task) : {};
      const extracted = extractSlots(skill, { text: turn.text, entities: nlu.entities, slots: before, now: turn.now });
      const found =
        asked !== undefined && askedSlot !== undefined && extracted[askedSlot] !== undefined
          ? { ...slotValues(asked), ...extracted }
          : extracted;
      // "Set an alarm for saturday", "For what time?", "7am": the time goes on the day the task had.
      const askedDef = askedSlot === undefined ? undefined : slotsOf(skill).find((s) => s.name === askedSlot);
      if (asked !== undefined && askedDef !== undefined && found[askedDef.name] !== undefined)
        found[askedDef.name] = keepDay(askedDef, asked.slots[askedDef.name]?.value, found[askedDef.name], nlu.entities);
      const next: ActiveTask = {
        intent: refineIntent(skill, action.intent, found, turn.text),
        skillId: skill.id,
        text: turn.text.trim(),
        slots: {},
        turn: state.turn,
        at,
      };
      setSlots(next, found, state.turn, at);
      // Only a skill with slots has context worth following up; small talk leaves the task in place.
      const keepsContext = slotsOf(skill).length > 0;
      const previous = state.task;
      state.task = next;
      const done = await continueTask(turn, skill, next, settings);
      if (!keepsContext && state.pending === undefined) {
        if (previous === undefined) delete state.task;
        else state.task = previous;
      }
      return resume(turn, interrupted, { ...done, slots: slotValues(next) }, skills, random);
    }
    case 'unsupported': {
      const interrupted = interruption(state);
      delete state.pending;
      const done = {
        reply: unsupportedReply(action.intent, settings.advertised?.() ?? skills, random, turn.lang),
        intent: action.intent,
        slots: {},
      };
      return resume(turn, interrupted, done, skills, random);
    }
    case 'out-of-scope': {
      // A host that configured an out-of-scope skill (the LLM fallback) answers what the model does not know.
      const fallback = skills.find((s) => s.intents.includes(OUT_OF_SCOPE_SKILL_INTENT));
      const interrupted = interruption(state);
      delete state.pending;
      if (fallback === undefined) {
        // A feeling, an insult or an aside gets its own reply (`lang/talk.ts`); an aside keeps the question quietly.
        // An agreement the intent model hears as a yes, with no confirmation to answer ("冒得问题", "yep got it"
        // after a finished task), is taken note of ("好嘞。"), not met with "I didn't understand".
        const talk = readTalk(turn.text) ?? (turn.nlu.intent === 'yes' ? 'ack' : undefined);
        const advertised = settings.advertised?.() ?? skills;
        const reply =
          talk === undefined || talk === 'reaction' || talk === 'unsure'
            ? outOfScopeReply(advertised, random, turn.lang)
            : talkReply(talk, advertised, random, turn.lang);
        return resume(turn, interrupted, { reply, intent: null, slots: {} }, skills, random, talk === 'aside');
      }
      const oosTask: ActiveTask = {
        intent: OUT_OF_SCOPE_SKILL_INTENT,
        skillId: fallback.id,
        text: turn.text.trim(),
        slots: {},
        turn: state.turn,
        at,
      };
      const previous = state.task;
      state.task = oosTask;
      const done = await continueTask(turn, fallback, oosTask, settings);
      if (previous === undefined) delete state.task;
      else state.task = previous;
      return resume(turn, interrupted, { ...done, intent: null, slots: {} }, skills, random);
    }
  }
  delete state.pending;
  return { reply: outOfScopeReply(settings.advertised?.() ?? skills, random, turn.lang), intent: null, slots: {} };
}
