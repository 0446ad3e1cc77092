/**
 * Carries a task forward one step: checks its slots, asks for what is missing or invalid, asks
 * for confirmation when the skill wants it, and otherwise runs the skill through the runtime.
 *
 * @module
 */
import type { NluResult } from '../nlu/types.ts';
import type { NormalizedReply, SkillContext, SkillDefinition, SkillRuntime } from '../skills/types.ts';
import { joinSentences, packFor } from '../lang/pack.ts';
import { missingSlot, promptOf, slotsOf, validateSlot } from './slots.ts';
import { slotValues } from './state.ts';
import { RESERVED_SLOTS, type ActiveTask, type DialogueActionType, type DialogueState } from './types.ts';

/**
 * A reply from the dialogue layer: the runtime's reply, flagged when it asks the user something
 * (`expectsAnswer`, with `ask` naming the question and the slot the next turn fills).
 */
export type DialogueReply = NormalizedReply & { expectsAnswer?: boolean };

/** What one turn brings to running a task. */
export interface TaskTurn {
  conversationId: string;
  nlu: NluResult;
  signal: AbortSignal;
  now: Date;
  onDelta?: (text: string) => void;
  /** The state; `pending` is set or cleared here. */
  state: DialogueState;
  /** The dialogue action of this turn (skills see it as the `$action` slot). */
  action: DialogueActionType;
  /** The user's utterance of this turn (added to the recent turns skills see). */
  text: string;
  /** The language this turn is answered in (BCP 47: `en`, `zh-CN`). */
  lang: string;
}

/** The manager's settings that running a task needs. */
export interface TaskSettings {
  runtime: SkillRuntime;
  random: () => number;
  maxAsks: number;
  timeZone: string;
  /** The skills the fallback replies suggest (see `DialogueManagerOptions.advertised`). @default all skills */
  advertised?: () => readonly SkillDefinition[];
}

/**
 * Asks a slot question: records it as pending, counting how often the same question was asked.
 * @returns the question reply, or a graceful give-up once `maxAsks` is reached (the task is dropped)
 */
export function askFor(
  turn: TaskTurn,
  settings: TaskSettings,
  slot: string,
  question: string,
  repeat: boolean,
): DialogueReply {
  const before = turn.state.pending;
  const asks = repeat && before?.type === 'slot' && before.slot === slot ? before.asks + 1 : 1;
  if (asks > settings.maxAsks) {
    delete turn.state.pending;
    delete turn.state.task;
    const giveUp = packFor(turn.lang).dialogue.giveUp;
    return { text: giveUp[Math.floor(settings.random() * giveUp.length) % giveUp.length]! };
  }
  turn.state.pending = { type: 'slot', slot, question, asks };
  return { text: question, ask: { question, slot }, expectsAnswer: true };
}

function recentTurns(turn: TaskTurn): { role: 'user' | 'assistant'; text: string }[] {
  return [...turn.state.recent.map(({ role, text }) => ({ role, text })), { role: 'user', text: turn.text }];
}

/** The question to confirm with, from the skill's `confirm` or its `consequential` permission. */
function confirmQuestion(
  skill: SkillDefinition,
  task: ActiveTask,
  turn: TaskTurn,
  settings: TaskSettings,
): string | undefined {
  if (skill.confirm === undefined && skill.permissions?.consequential !== true) return undefined;
  // `confirm` only needs to read the request: it gets a context without storage, network or profile.
  const ctx: SkillContext = {
    intent: task.intent,
    text: task.text,
    slots: slotValues(task),
    entities: turn.nlu.entities,
    conversation: { id: turn.conversationId, recentTurns: recentTurns(turn) },
    signal: turn.signal,
    now: turn.now,
    timeZone: settings.timeZone,
    lang: turn.lang,
  };
  const goAhead = packFor(turn.lang).dialogue.goAhead;
  let question: string | undefined;
  try {
    question = skill.confirm?.(ctx);
  } catch {
    // A confirm hook that throws must not let the action through unconfirmed.
    question = goAhead;
  }
  if ((question === undefined || question === '') && skill.permissions?.consequential === true) question = goAhead;
  return question === '' ? undefined : question;
}

/**
 * Moves a task one step: re-asks an invalid slot, asks a missing one, asks for confirmation,
 * or runs the skill. Sets or clears `state.pending` accordingly.
 *
 * @param turn the turn
 * @param skill the task's skill
 * @param task the task (its invalid slots are removed)
 * @param settings the manager's settings
 * @param confirmed `true` once the user said yes to the confirmation
 * @returns the reply for the user
 */
export async function runTask(
  turn: TaskTurn,
  skill: SkillDefinition,
  task: ActiveTask,
  settings: TaskSettings,
  confirmed = false,
): Promise<DialogueReply> {
  const repeat = turn.action === 'fill-slot';
  for (const slot of slotsOf(skill)) {
    const rec = task.slots[slot.name];
    if (rec === undefined) continue;
    const verdict = validateSlot(slot, rec.value, turn.lang);
    if (verdict !== true) {
      delete task.slots[slot.name];
      return askFor(turn, settings, slot.name, verdict, repeat);
    }
  }
  const missing = missingSlot(skill, new Set(Object.keys(task.slots)));
  if (missing !== undefined)
    return askFor(turn, settings, missing.name, promptOf(missing, settings.random, turn.lang), repeat);

  if (!confirmed) {
    const question = confirmQuestion(skill, task, turn, settings);
    if (question !== undefined) {
      turn.state.pending = { type: 'confirm', question };
      return { text: question, ask: { question }, expectsAnswer: true };
    }
  }

  const before = turn.state.pending;
  delete turn.state.pending;
  const slots: Record<string, unknown> = { ...slotValues(task), [RESERVED_SLOTS.action]: turn.action };
  const reply = await settings.runtime.invoke({
    skill,
    intent: task.intent,
    text: task.text,
    slots,
    entities: turn.nlu.entities,
    conversation: { id: turn.conversationId, recentTurns: recentTurns(turn) },
    signal: turn.signal,
    now: turn.now,
    lang: turn.lang,
    ...(confirmed ? { confirmed: true } : {}),
    ...(turn.onDelta === undefined ? {} : { onDelta: turn.onDelta }),
  });
  if (reply.ask === undefined || reply.failed !== undefined) return reply;

  // The skill asked something itself: the next turn answers it (as a `text` slot unless declared).
  const slot = reply.ask.slot ?? 'answer';
  if (before !== undefined) turn.state.pending = before;
  const text = reply.text.includes(reply.ask.question)
    ? reply.text
    : joinSentences(reply.text, reply.ask.question, turn.lang).trim();
  const asked = askFor(turn, settings, slot, reply.ask.question, repeat);
  return asked.expectsAnswer === true
    ? { ...reply, text, ask: { question: reply.ask.question, slot }, expectsAnswer: true }
    : asked;
}
