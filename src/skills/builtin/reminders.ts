/**
 * Built-in reminders: "remind me to call mum at 6" schedules an announcement through
 * `ctx.schedule` and keeps the list (encrypted) in `ctx.storage`; "what are my reminders" reads
 * it back, "delete my reminders" clears it.
 *
 * @module
 */
import type { DialogueSkill, DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillContext, SkillReply } from '../../skills/types.ts';
import { instantAt, speakWhen, toInstant } from './clock.ts';
import { capitalize, listJoin, pick, plural, type Random } from './phrasing.ts';

interface Reminder {
  id: string;
  task: string;
  at: number;
}

const TASK_PATTERNS = [
  /\bremind(?:er)?\b.*?\b(?:to|about|that|of)\s+(.+)$/i,
  /\bremember\s+to\s+(.+)$/i,
  /\breminder\s+for\s+(?!me\b)(.+)$/i,
];
const DATE_KINDS = new Set(['date', 'time', 'datetime', 'duration']);

/** "remind me to call mum at 6pm tomorrow" → "call mum". */
function extractTask({ text, entities, answer }: SlotExtractInput): string | undefined {
  let task: string | undefined;
  if (answer)
    task = text
      .replace(/^(?:(?:yeah|yes|yep|ok(?:ay)?|sure|um+|uh+|so|well|oh)\b[\s,]*)+/i, '')
      .replace(/^(?:to|about|that)\s+/i, '');
  else for (const p of TASK_PATTERNS) task ??= p.exec(text)?.[1];
  if (task === undefined) return undefined;
  for (const e of entities) if (DATE_KINDS.has(e.kind)) task = task.replace(e.text, ' ');
  task = task
    .replace(/\b(?:please|thanks|thank you)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s,]*\b(?:at|on|in|by|for|this|next|tomorrow|tonight|today)?[\s,.!?]*$/i, '')
    .replace(/^(?:me\s+)?(?:to\s+)?/i, '')
    .trim();
  if (task === '' || /^(?:something|a reminder|it)$/i.test(task)) return undefined;
  return toSecondPerson(task.slice(0, 200));
}

const PERSON: Record<string, string> = {
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  "i'm": "you're",
  am: 'are',
};

/** "take my pills" → "take your pills": the reminder is said back to the user. */
function toSecondPerson(task: string): string {
  return task.replace(/\b(?:i'm|i|me|my|mine|myself|am)\b/gi, (w) => PERSON[w.toLowerCase()] ?? w);
}

const taskSlot: DialogueSlot = {
  name: 'task',
  kind: 'text',
  prompt: ['What should I remind you about?', 'Sure, what is the reminder for?'],
  required: false,
  extract: extractTask,
};

const whenSlot: DialogueSlot = {
  name: 'when',
  kind: 'datetime',
  prompt: ['When should I remind you?', 'What time should I remind you?'],
  required: false,
};

/** The instant a `when` value names; a bare date means 9 in the morning. */
function whenOf(value: unknown, timeZone: string): Date | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return instantAt(value, 9, 0, timeZone);
  return toInstant(value);
}

async function loadReminders(ctx: SkillContext): Promise<Reminder[]> {
  const all = (await ctx.storage!.get<Reminder[]>('reminders')) ?? [];
  return all.filter((r) => r.at > ctx.now.getTime()).sort((a, b) => a.at - b.at);
}

async function listReminders(ctx: SkillContext, random: Random): Promise<string> {
  const all = await loadReminders(ctx);
  if (all.length === 0) return pick(['You have no reminders right now.', 'There are no reminders set.'], random);
  const spoken = all.map((r) => `${r.task} ${speakWhen(new Date(r.at), ctx.now, ctx.timeZone, ctx.lang)}`);
  return `You have ${plural(all.length, 'reminder')}: ${listJoin(spoken)}.`;
}

async function deleteReminders(ctx: SkillContext): Promise<string> {
  const all = await loadReminders(ctx);
  if (all.length === 0) return "You don't have any reminders to delete.";
  // "Cancel that reminder" right after setting one means that one; "delete my reminders" means all.
  const last = await ctx.storage!.get<string>('last');
  const one = all.find((r) => r.id === last);
  if (one !== undefined && !/\b(?:all|every|everything|reminders)\b|所有|全部/i.test(ctx.text)) {
    await ctx.schedule!.cancel(one.id).catch(() => undefined);
    await ctx.storage!.set(
      'reminders',
      all.filter((r) => r.id !== one.id),
    );
    await ctx.storage!.delete('last');
    return `Okay, I deleted your reminder to ${one.task}.`;
  }
  for (const r of all) await ctx.schedule!.cancel(r.id).catch(() => undefined);
  await ctx.storage!.set('reminders', []);
  return all.length === 1
    ? `Okay, I deleted your reminder to ${all[0]!.task}.`
    : `Okay, I deleted all ${all.length} reminders.`;
}

async function createReminder(ctx: SkillContext, random: Random): Promise<string | SkillReply> {
  const task = typeof ctx.slots['task'] === 'string' ? ctx.slots['task'] : undefined;
  if (task === undefined) {
    const question = pick(taskSlot.prompt as string[], random);
    return { text: question, ask: { question, slot: 'task' } };
  }
  const at = whenOf(ctx.slots['when'], ctx.timeZone);
  if (at === undefined || at.getTime() <= ctx.now.getTime()) {
    const question =
      at === undefined
        ? pick(whenSlot.prompt as string[], random)
        : 'That time has passed already. When should I remind you?';
    return { text: question, ask: { question, slot: 'when' } };
  }
  let all = await loadReminders(ctx);
  const correcting = ctx.slots['$action'] === 'correction';
  if (correcting) {
    const last = await ctx.storage!.get<string>('last');
    if (typeof last === 'string') {
      await ctx.schedule!.cancel(last).catch(() => undefined);
      all = all.filter((r) => r.id !== last);
    }
  }
  const id = await ctx.schedule!.add({ at: at.getTime(), text: `Reminder: ${task}.` });
  all.push({ id, task, at: at.getTime() });
  await ctx.storage!.set('reminders', all);
  await ctx.storage!.set('last', id);
  const when = speakWhen(at, ctx.now, ctx.timeZone, ctx.lang);
  if (correcting) return `Okay, I changed it: I'll remind you to ${task} ${when}.`;
  return pick(
    [
      `Okay, I'll remind you to ${task} ${when}.`,
      `Reminder set: ${task}, ${when}.`,
      `Sure. ${capitalize(when)}, I'll remind you to ${task}.`,
    ],
    random,
  );
}

/**
 * The reminders skill (`reminder` reads them, `reminder_update` sets or deletes them).
 * @param random the injected random source
 */
export function createReminderSkill(random: Random): DialogueSkill {
  return {
    id: 'builtin.reminders',
    version: '1.0.0',
    intents: ['reminder', 'reminder_update'],
    description: 'remind you of things',
    intentDescriptions: {
      reminder: 'read my reminders back, what reminders do I have; 我的提醒',
      reminder_update: 'remind me to do something, set or delete a reminder; 提醒我',
    },
    slots: [taskSlot, whenSlot],
    permissions: { schedule: true, storage: true },
    refineIntent: (intent, slots) => (slots['task'] !== undefined ? 'reminder_update' : intent),
    async execute(ctx) {
      if (ctx.schedule === undefined || ctx.storage === undefined)
        return "I can't set reminders in this app, sorry: it doesn't let me announce things later.";
      const text = ctx.text.toLowerCase();
      if (
        /\b(?:delete|remove|cancel|clear|erase|stop)\b|取消|删除|删掉|不要/.test(text) &&
        ctx.slots['task'] === undefined
      )
        return deleteReminders(ctx);
      const creating =
        ctx.intent === 'reminder_update' || ctx.slots['task'] !== undefined || ctx.slots['when'] !== undefined;
      return creating ? createReminder(ctx, random) : listReminders(ctx, random);
    },
  };
}
