/**
 * Built-in timers and alarms. Each is a reply scheduled through `ctx.schedule`, announced in the
 * chat when it fires while the page is open; the id of the last one set is kept in `ctx.storage`
 * so "no, I meant 15 minutes" replaces it instead of adding a second one.
 *
 * @module
 */
import type { DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillContext, SkillDefinition, SkillReply } from '../../skills/types.ts';
import { speakTime, speakWhen, toInstant } from './clock.ts';
import { formatDuration, pick, plural, type Random } from './phrasing.ts';

const DAY = 86_400_000;

/** What the user wants done with timers or alarms. */
export type ScheduleOp = 'set' | 'cancel' | 'list';

/**
 * Reads the operation from the request: stopping, checking, or (by default) setting one.
 * @param text the request
 */
export function scheduleOp(text: string): ScheduleOp {
  const s = text.toLowerCase();
  if (
    /\b(?:cancel|stop|delete|remove|turn off|switch off|clear|disable|kill|get rid of)\b|取消|停|关掉|关闭|删除|删掉|不要/.test(
      s,
    )
  )
    return 'cancel';
  if (
    /\b(?:how (?:much|long)|time left|is left|remaining|check (?:on )?(?:my|the)|list|what (?:alarms|timers)|do i have|any (?:alarms|timers)|show)\b|还剩|剩下|多久|还有多|哪些|几个|查看|看看/.test(
      s,
    )
  )
    return 'list';
  return 'set';
}

/** The unit a length was given in, to read a bare number in a correction in the same unit. */
function unitOf(ms: number): number {
  if (ms % 3_600_000 === 0) return 3_600_000;
  return ms % 60_000 === 0 ? 60_000 : 1000;
}

/**
 * A length of time; "in 20 minutes" (a point in time to the entity extractor) counts as its
 * distance from now; a bare number changing a length ("actually make it 9") keeps its unit.
 */
function extractDuration({ entities, now, cue, slots }: SlotExtractInput): number | undefined {
  const length = entities.find((e) => e.kind === 'duration')?.value;
  if (typeof length === 'number') return length;
  const previous = slots['duration'];
  const bare = entities.find((e) => e.kind === 'number');
  if (cue !== undefined && typeof previous === 'number' && typeof bare?.value === 'number' && entities.length === 1)
    return bare.value * unitOf(previous);
  const relative = entities.find((e) => (e.kind === 'datetime' || e.kind === 'time') && /^in\s/i.test(e.text));
  const at = relative === undefined ? undefined : toInstant(relative.value);
  return at === undefined || now === undefined ? undefined : Math.round((at.getTime() - now.getTime()) / 1000) * 1000;
}

const durationSlot: DialogueSlot = {
  name: 'duration',
  kind: 'duration',
  extract: extractDuration,
  prompt: ['For how long?', 'How long should the timer run?', 'Sure, for how long?'],
  required: false,
  validate: (v) =>
    typeof v === 'number' && v >= 1000 && v <= DAY
      ? true
      : 'A timer can run from one second to 24 hours. How long should it be?',
};

const timeSlot: DialogueSlot = {
  name: 'time',
  kind: 'time',
  prompt: ['What time should I set it for?', 'For what time?', 'When should it go off?'],
  required: false,
  validate: (v) =>
    toInstant(v) === undefined ? 'Sorry, I need a time, like "7am" or "6:30 tomorrow". What time?' : true,
};

interface Kind {
  noun: 'timer' | 'alarm';
  /** Storage key of the last one set. */
  lastKey: string;
}

async function cancelSome(ctx: SkillContext, kind: Kind, random: Random): Promise<string> {
  const schedule = ctx.schedule!;
  const active = (await schedule.list()).filter((r) => r.at > ctx.now.getTime());
  if (active.length === 0) return `You don't have any ${kind.noun}s running.`;
  for (const r of active) await schedule.cancel(r.id);
  await ctx.storage?.delete(kind.lastKey);
  return active.length === 1
    ? pick([`Okay, I've cancelled your ${kind.noun}.`, `Done, the ${kind.noun} is off.`], random)
    : `Okay, I've cancelled all ${active.length} ${kind.noun}s.`;
}

async function listSome(ctx: SkillContext, kind: Kind): Promise<string> {
  const active = (await ctx.schedule!.list()).filter((r) => r.at > ctx.now.getTime()).sort((a, b) => a.at - b.at);
  if (active.length === 0) return `You don't have any ${kind.noun}s set.`;
  const describe = (at: number): string =>
    kind.noun === 'timer'
      ? `${formatDuration(at - ctx.now.getTime())} left`
      : speakWhen(new Date(at), ctx.now, ctx.timeZone, ctx.lang);
  if (active.length === 1) return `You have one ${kind.noun}: ${describe(active[0]!.at)}.`;
  return `You have ${plural(active.length, kind.noun)}: ${active.map((r) => describe(r.at)).join('; ')}.`;
}

/** Schedules one, replacing the last one on a correction. */
async function setOne(ctx: SkillContext, kind: Kind, at: number, announce: string): Promise<boolean> {
  const storage = ctx.storage!;
  if (ctx.slots['$action'] === 'correction') {
    const last = await storage.get<string>(kind.lastKey);
    if (typeof last === 'string') await ctx.schedule!.cancel(last).catch(() => undefined);
  }
  const id = await ctx.schedule!.add({ at, text: announce });
  await storage.set(kind.lastKey, id);
  return ctx.slots['$action'] === 'correction';
}

const NO_SCHEDULE = "I can't set timers or alarms in this app, sorry: it doesn't let me announce things later.";

/**
 * The timer skill (`timer`): set ("a timer for 10 minutes"), check ("how long is left"), cancel.
 * @param random the injected random source
 */
export function createTimerSkill(random: Random): SkillDefinition {
  const kind: Kind = { noun: 'timer', lastKey: 'last-timer' };
  return {
    id: 'builtin.timer',
    version: '1.0.0',
    intents: ['timer'],
    description: 'set timers',
    intentDescriptions: { timer: 'set, check or cancel a countdown timer, how much time is left; 计时器 还剩多久' },
    slots: [durationSlot],
    permissions: { schedule: true, storage: true },
    async execute(ctx): Promise<string | SkillReply> {
      if (ctx.schedule === undefined || ctx.storage === undefined) return NO_SCHEDULE;
      const op = ctx.slots['duration'] === undefined ? scheduleOp(ctx.text) : 'set';
      if (op === 'cancel') return cancelSome(ctx, kind, random);
      if (op === 'list') return listSome(ctx, kind);
      const ms = ctx.slots['duration'];
      if (typeof ms !== 'number') {
        const question = pick(durationSlot.prompt as string[], random);
        return { text: question, ask: { question, slot: 'duration' } };
      }
      const length = formatDuration(ms);
      const replaced = await setOne(
        ctx,
        kind,
        ctx.now.getTime() + ms,
        pick([`Time's up! Your timer for ${length} is done.`, `Ding! Your timer is done (${length}).`], random),
      );
      if (replaced) return `Okay, I changed the timer to ${length}.`;
      return pick(
        [`Timer set for ${length}.`, `Okay, ${length}, starting now.`, `Sure, your timer for ${length} is running.`],
        random,
      );
    },
  };
}

/**
 * The alarm skill (`alarm`): set ("wake me up at 7"), list, cancel.
 * @param random the injected random source
 */
export function createAlarmSkill(random: Random): SkillDefinition {
  const kind: Kind = { noun: 'alarm', lastKey: 'last-alarm' };
  return {
    id: 'builtin.alarm',
    version: '1.0.0',
    intents: ['alarm'],
    description: 'set alarms',
    intentDescriptions: { alarm: 'set, list or cancel an alarm, wake me up; 闹钟' },
    slots: [timeSlot],
    permissions: { schedule: true, storage: true },
    async execute(ctx): Promise<string | SkillReply> {
      if (ctx.schedule === undefined || ctx.storage === undefined) return NO_SCHEDULE;
      const op = ctx.slots['time'] === undefined ? scheduleOp(ctx.text) : 'set';
      if (op === 'cancel') return cancelSome(ctx, kind, random);
      if (op === 'list') return listSome(ctx, kind);
      const at = toInstant(ctx.slots['time']);
      if (at === undefined) {
        const question = pick(timeSlot.prompt as string[], random);
        return { text: question, ask: { question, slot: 'time' } };
      }
      if (at.getTime() <= ctx.now.getTime()) {
        const question = 'That time has already passed. What time should I set the alarm for?';
        return { text: question, ask: { question, slot: 'time' } };
      }
      const when = speakWhen(at, ctx.now, ctx.timeZone, ctx.lang);
      const replaced = await setOne(
        ctx,
        kind,
        at.getTime(),
        `⏰ It's ${speakTime(at, ctx.timeZone, ctx.lang)}: your alarm.`,
      );
      if (replaced) return `Okay, I moved your alarm. It will now go off ${when}.`;
      return pick(
        [`Alarm set. It will go off ${when}.`, `Okay, I'll wake you ${when}.`, `Done, your alarm will ring ${when}.`],
        random,
      );
    },
  };
}
