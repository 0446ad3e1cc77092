/**
 * Built-in timers and alarms. Each is a reply scheduled through `ctx.schedule`, announced in the
 * chat when it fires while the page is open; the id of the last one set is kept in `ctx.storage`
 * so "no, I meant 15 minutes" replaces it instead of adding a second one.
 *
 * @module
 */
import type { DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillContext, SkillDefinition, SkillReply } from '../../skills/types.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { byLanguage, joinSentences, packFor } from '../../lang/pack.ts';
import { MAX_AHEAD_MS, correctedTime, toInstant } from './clock.ts';
import { movedTimeZh } from '../../lang/zh/zh-time-shift.ts';
import { asksRepeatZh } from '../../lang/zh/zh-repeat.ts';
import { asksWhatIsSetZh } from '../../lang/zh/zh-turn-words.ts';
import { asksIfDone, pausesOrResumes, readsBack, simplifyTurn } from '../../lang/en/en-turn-acts.ts';
import { POLITE_WORDS } from '../../lang/en/en-stand-ins.ts';
import { saysStop } from '../../lang/en/en-turn-words.ts';
import { pick, type Random } from './phrasing.ts';
import { wallTimeAt } from '../../nlu/entities/time-zone.ts';
import {
  forgetCancelled,
  keepCancelled,
  keepsIt,
  putBackCancelled,
  rejectsIt,
  saidNow,
  type Scheduled,
} from './cancel-undo.ts';

const DAY = 86_400_000;

/**
 * What the user wants done with timers or alarms: `extend` adds time to the running timer ("add 5
 * more minutes"), `pause` asks for what timers cannot do (pause, resume).
 */
export type ScheduleOp = 'set' | 'cancel' | 'list' | 'extend' | 'pause';

/**
 * Reads the operation from the request: stopping, checking, or (by default) setting one.
 * @param text the request
 */
export function scheduleOp(text: string): ScheduleOp {
  const s = text.toLowerCase();
  if (hasHan(s)) {
    if (/暂停|继续计时|恢复计时/u.test(s)) return 'pause';
    // "不行了，停下来吧", "ok cancel掉吧": a stop said loosely or in English inside Chinese.
    if (/取消|关掉|关了|关闭|停掉|停止|停了|停下|删除|删掉|删了|不要了|别响|去掉|撤销|cancel|stop/u.test(s))
      return 'cancel';
    if (ZH_EXTEND.test(s)) return 'extend';
    // "我现在一共几个闹钟", "都有哪几个", "闹钟定的几点来着": asking what is set, not setting one.
    if (asksWhatIsSetZh(s)) return 'list';
    return 'set';
  }
  if (/\b(?:pause|unpause|resume|un-pause|freeze)\b/.test(s) || pausesOrResumes(simplifyTurn(s))) return 'pause';
  if (saysStop(s) || (OFF_AFTER.test(s) && !SAYS_VALUE.test(s) && !OFF_AS_PURPOSE.test(s))) return 'cancel';
  if (EXTEND.test(s)) return 'extend';
  // "did it start?", "it is set? for what time", "what time did i set it for": asking what is set.
  if (readsBack(simplifyTurn(s)) || asksIfDone(simplifyTurn(s))) return 'list';
  if (
    /\b(?:how (?:much|long)|how many (?:alarms|timers)|time left|is left|remaining|check (?:on )?(?:my|the)|list|(?:what|wat|wht|which) (?:alarms|timers)|(?:alarms|timers) (?:r|are|have i|do i|i got|i have)|have i got|do i have|any (?:alarms|timers)|show)\b/.test(
      s,
    )
  )
    return 'list';
  return 'set';
}

/**
 * "turn the timer off", "switch that alarm off", "turn them both off": the stop with the timer or alarm
 * said between its words; "turn the oven off" (what a timer is set for) is no stop.
 */
const OFF_AFTER =
  /\b(?:turn|switch|shut)\s+(?:(?:it|that|this|these|those|them|the|my|both|all|of|timers?|alarms?|ones?)\s+){1,3}off\b/;

/**
 * A length or a clock time in a turn ("20 minute timer", "alarm at 6am", "half an hour"): such a turn asks
 * for a timer or alarm, so "turn … off" in it is what it is for, never the stop.
 */
const SAYS_VALUE =
  /\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|half|quarter|couple|few)\b[\s-]*(?:of\s+)?(?:an?\s+)?(?:secs?|seconds?|mins?|minutes?|hrs?|hours?)\b|\b(?:noon|midnight|o['’]?\s?clock|[ap]m)\b/;
/** "a timer so I remember to turn them off", "…to switch it off": the off is the timer's purpose ("I want you to turn it off" stays a stop). */
const OFF_AS_PURPOSE = /(?<!\b(?:you|u)\s+)\bto\s+(?:turn|switch|shut)\b/;

/** "add 5 more minutes", "add 2 minutes to my timer", "give it 30 more seconds", "5 extra mins": time added to the running timer. */
const EXTEND =
  /\b(?:add|put|give (?:it|me))\b.*\b(?:more|extra|to (?:it|that|the timer|my timer|the one)|on (?:it|the timer|my timer))\b|\b(?:more|extra)\s+(?:secs?|seconds?|mins?|minutes?|hours?)\b/;

/**
 * "再加五分钟", "计时器延长十分钟", "多加半个小时": time added to the running timer. A length must follow
 * 加 directly, so "再加一个五分钟的" (one more five-minute timer) stays a new timer.
 */
const ZH_EXTEND = /延长|加上?(?:[一二两三四五六七八九十\d]+\s*个?半?|半个?)\s*(?:分钟|分|秒钟?|秒|小时|钟头)/u;

/** "another one", "same again", "do one more of those", "again pls same one": the length of the last timer, again. */
const REPEAT =
  /^(?:(?:ok(?:ay)?|and|so|now|pls|please|can you|could you|do|set|start|make it|thats done)[\s,.!]+)*(?:another(?: one)?|(?:the )?same (?:again|one|thing|timer|length)|again|one more(?: (?:of (?:those|them|that)|time))?|(?:do )?(?:it|that) again|repeat(?: (?:it|that))?)(?:[\s,.!]+(?:pls|please|plz|thanks|thx|same one|too|again|then))*[\s.!]*$/i;

/** "in 20 minutes", "20分钟后", "过20分钟": a point in time named by its distance from now. */
const RELATIVE = /^in\s|\sfrom now$|^过|[后後]$|以后$|之后$/iu;

/** "for 5", "for 40 for the rice", "for 10 pls": a number after "for" with no unit (English). */
const BARE_FOR =
  /\bfor\s+(\d{1,3})(?=\s*(?:$|[,.!?]|(?:pls|plz|please|for|then|too|thanks|thx|again|more|now)(?![\p{L}])))/iu;

/**
 * "right. timer 20, parking", "timer 8 please": a number right after "timer" with no unit is minutes, as
 * "a timer for 20" is; not where the number names a timer ("cancel timer 2", "how long on timer 1").
 */
const TIMER_N = /\btimer\s+(\d{1,3})(?=\s*(?:$|[,.!?]|(?:pls|plz|please|then|thanks|thx|now)(?![\p{L}])))/iu;
const NAMES_A_TIMER =
  /\b(?:cancel|stop|pause|resume|delete|kill|remove|check|end|reset|how|left|which|is|was|number|no)\b/i;
/** A question about a timer ("and timer 2?", "what about timer 2"): its number names it, never a length. */
const ASKS_OF_A_TIMER = /\?|^\W*(?:and|so|what|which|about|then)\b|\b(?:what|about|on|with)\s+(?:the\s+)?timer\b/i;

/** The request names a timer ("a timer for 15", "another one for 5", "and 1 for 15"), not a table for 4. */
const TIMER_WORD = /\b(?:timers?|another|one|1)\b/i;

/** A unit said before the number of an answer: "mins... 8", "minutes: 8", "hrs, 2". */
const UNIT_FIRST = /^\s*(secs?|seconds?|mins?|minutes?|hrs?|hours?)\s*(?:[.,…:-]+\s*|\s+)$/i;

/** What may come before and after a bare number answering "how long?": fillers, a hedge, a polite word. */
const BARE_ANSWER_BEFORE =
  /^[\s,]*(?:(?:ok(?:ay)?|k|um+|uh+|erm+|hmm+|just|maybe|about|around|roughly|like|say|so|oh)[\s,]+)*$/i;
const BARE_ANSWER_AFTER = new RegExp(String.raw`^\s*(?:ish)?[\s.!?]*(?:(?:${POLITE_WORDS}|then)[\s.!?]*)?$`, 'i');

/** The unit a length was given in, to read a bare number in a correction in the same unit. */
function unitOf(ms: number): number {
  if (ms % 3_600_000 === 0) return 3_600_000;
  return ms % 60_000 === 0 ? 60_000 : 1000;
}

/**
 * A length of time; "in 20 minutes" (a point in time to the entity extractor) counts as its
 * distance from now; a bare number changing a length ("actually make it 9") keeps its unit.
 */
function extractDuration({ text, entities, now, cue, slots, answer }: SlotExtractInput): number | undefined {
  const lengths = entities.filter((e) => e.kind === 'duration' && typeof e.value === 'number');
  // "不是十分钟 十二分钟 说错了", "no not 10 minutes, 12 minutes": a correction that says two lengths
  // means the one it does not negate, the first when it negates none ("不对，要二十分钟，十分钟太短了":
  // what follows the new length is its reason).
  if (lengths.length > 1 && cue?.type === 'correction') {
    const kept = lengths.filter((e) => !NEGATED_BEFORE.test(text.slice(0, e.start)));
    return (kept[0] ?? lengths[0])!.value as number;
  }
  const length = lengths[0]?.value;
  if (typeof length === 'number') return length;
  // "计时 5分", "再来一个 10分": a timer's bare N分 is N minutes (分钟 clipped, as people type it).
  const minutes = entities.find(
    (e) => e.kind === 'number' && typeof e.value === 'number' && /^\s?分(?![钟之])/u.test(text.slice(e.end)),
  );
  // Only where the turn is about a timer: "考了95分" is a score.
  if (
    minutes !== undefined &&
    (ZH_TIMER_WORD.test(text) || typeof slots['duration'] === 'number') &&
    !entities.some((e) => e.kind === 'time' || e.kind === 'datetime')
  )
    return (minutes.value as number) * 60_000;
  const previous = slots['duration'];
  const bare = entities.find((e) => e.kind === 'number');
  // "another one", "same again": the last timer's length (the turn's last clause: "ok thats done. same again pls").
  const clause = text.split(/[.!?;]\s+/).pop() ?? text;
  if (typeof previous === 'number' && REPEAT.test(clause.trim())) return previous;
  // The grammars' entities only: the slot tagger's spans ("thick pasta") are no second number.
  const read = entities.filter((e) => e.kind !== 'slot');
  // A follow-up's bare number is the new length ("and 5?"), unless it numbers a timer asked about ("so what
  // about timer 3": ASKS_OF_A_TIMER below).
  const asksOfTimerN = TIMER_N.test(text) && ASKS_OF_A_TIMER.test(text);
  if (
    cue !== undefined &&
    typeof previous === 'number' &&
    typeof bare?.value === 'number' &&
    read.length === 1 &&
    !asksOfTimerN
  )
    return bare.value * unitOf(previous);
  // "mins... 8" answering "for how long?": the unit said first, then the number.
  if (answer && typeof bare?.value === 'number' && read.length === 1) {
    const unit = UNIT_FIRST.exec(text.slice(0, bare.start))?.[1];
    if (unit !== undefined && /^[\s.!?]*(?:pls|please|plz)?[\s.!?]*$/i.test(text.slice(bare.end)))
      return bare.value * (/^s/i.test(unit) ? 1000 : /^h/i.test(unit) ? 3_600_000 : 60_000);
    // "10", "um 45 pls" answering "How long should the timer run?": a timer's bare number is minutes, as
    // "a timer for 10" is (BARE_FOR). Only the number and a filler or a polite word, at most a day long.
    if (
      BARE_ANSWER_BEFORE.test(text.slice(0, bare.start)) &&
      BARE_ANSWER_AFTER.test(text.slice(bare.end)) &&
      bare.value > 0 &&
      bare.value <= 1440
    )
      return bare.value * 60_000;
  }
  // "another one for 5", "and one for 40 for the rice": a timer's bare "for N" is N minutes.
  const bareFor = BARE_FOR.exec(text);
  if (
    bareFor !== null &&
    TIMER_WORD.test(text) &&
    !entities.some((e) => e.kind === 'duration' || e.kind === 'time' || e.kind === 'datetime')
  )
    return Number(bareFor[1]) * 60_000;
  const timerN = TIMER_N.exec(text);
  if (
    timerN !== null &&
    !NAMES_A_TIMER.test(text) &&
    !ASKS_OF_A_TIMER.test(text) &&
    Number(timerN[1]) > 0 &&
    !entities.some((e) => e.kind === 'duration' || e.kind === 'time' || e.kind === 'datetime')
  )
    return Number(timerN[1]) * 60_000;
  const relative = entities.find((e) => (e.kind === 'datetime' || e.kind === 'time') && RELATIVE.test(e.text));
  const at = relative === undefined ? undefined : toInstant(relative.value);
  return at === undefined || now === undefined ? undefined : Math.round((at.getTime() - now.getTime()) / 1000) * 1000;
}

/** A negation right before a value: "不是十分钟", "not 10 minutes". */
const NEGATED_BEFORE = /(?:不是|不要|并不是|\bnot|\bno)\s*$/iu;

/** Words that make a turn about a timer in Chinese: "计时 5分", "再来一个 10分", "timer 3分". */
const ZH_TIMER_WORD = /计时|倒计时|定时|timer|再来一个|再定一个|再设一个|再整一个/iu;

const durationSlot: DialogueSlot = {
  name: 'duration',
  kind: 'duration',
  extract: extractDuration,
  prompt: byLanguage((p) => p.skills.timer.askDuration),
  required: false,
  validate: (v, lang) =>
    typeof v === 'number' && v >= 1000 && v <= DAY ? true : packFor(lang).skills.timer.badDuration,
};

// An ISO date-time as the entity reader writes it: date, hour, the rest of the time, the offset.
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}:\d{2}|Z)$/;

/**
 * "定一个六点一刻的闹钟" at 10:00 is tomorrow 6:15, not tonight 18:15: an alarm said in Chinese
 * with a bare hour from 4 to 9 (no 早上/晚上/下午…) wakes in the morning, where the entity reader
 * takes the next 6:15 of either half of the day. Other turns leave the slot to its entity.
 */
function extractAlarmTime({ text, entities, cue, slots, answer, now }: SlotExtractInput): string | undefined {
  // A correction or follow-up keeps the day and half of the alarm it changes (`keepDay`). A day alone is
  // the alarm's only in a turn that names the alarm or answers its question ("what's the date tomorrow" is not).
  if (!hasHan(text)) {
    // "same for tuesday", "sorry, I meant sunday" about an alarm that has its time: the day alone, which
    // `keepDay` joins to the alarm's time of day (Tuesday 7:00).
    if (cue !== undefined) return typeof slots['time'] === 'string' ? dayOnly(entities) : undefined;
    if (!(answer || ALARM_WORD.test(text)) || /\bevery\b/i.test(text)) return undefined;
    return dayOnly(entities) ?? (answer && now !== undefined ? alarmHourEn(text, entities, now) : undefined);
  }
  // "再往后挪十分钟", "提前半小时", "改到周六同一时间": the alarm's time, moved.
  const moved = movedTimeZh(text, entities, slots['time']);
  if (moved !== undefined) return moved;
  if (cue !== undefined && slots['time'] !== undefined)
    return cue.type === 'correction' ? correctedTime(entities) : undefined;
  const bare = entities.find((e) => e.kind === 'time');
  if (
    bare === undefined ||
    typeof bare.value !== 'string' ||
    !/点/u.test(bare.text) ||
    /[早晚午夜凌傍]/u.test(bare.text)
  )
    return undefined;
  const m = ISO_TIME.exec(bare.value);
  if (m === null) return undefined;
  const hour = Number(m[4]);
  if (hour < 16 || hour > 21) return undefined;
  return morningOf(m, 1);
}

/** An afternoon ISO time (`ISO_TIME`'s match) as the same clock time in the morning, `days` days on. */
function morningOf(m: RegExpExecArray, days: number): string {
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
  return `${d}T${String(Number(m[4]) - 12).padStart(2, '0')}${m[5]}${m[6]}`;
}

// A half of the day said anywhere, or a 24-hour clock ("16:30"): the time is as the entity reads it.
const HALF_SAID_EN = /[ap]\.?m\b|noon|midnight|morning|afternoon|evening|night|\b(?:1[3-9]|2[0-3])\b/i;
const RELATIVE_EN = /\b(?:in|within|hours?|hrs?|minutes?|mins?|later|from|after)\b/i;

/**
 * The answer to "when should it go off?" with an hour from 1 to 4 said bare ("half past 4, I have a flight"): the
 * entity reader takes such an hour as the afternoon's, as for a reminder; an alarm rings at the nearer of the two
 * (4:30 said at 21:00 is the night's), and on a day said with it ("tomorrow at 4"), in the morning.
 */
function alarmHourEn(text: string, entities: SlotExtractInput['entities'], now: Date): string | undefined {
  if (HALF_SAID_EN.test(text)) return undefined;
  const e = entities.find((x) => x.kind === 'time' || x.kind === 'datetime');
  // "in 4 hours" names its instant.
  if (e === undefined || typeof e.value !== 'string' || RELATIVE_EN.test(e.text)) return undefined;
  const m = ISO_TIME.exec(e.value);
  const hour = Number(m?.[4]);
  if (m === null || hour < 13 || hour > 16) return undefined;
  const at = (day: number) => morningOf(m, day);
  if (e.kind === 'datetime') return at(0);
  const pm = toInstant(e.value);
  for (const day of [0, 1]) {
    const am = toInstant(at(day));
    if (am !== undefined && am.getTime() > now.getTime())
      return pm !== undefined && pm.getTime() < am.getTime() ? undefined : at(day);
  }
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The turn speaks of an alarm: "set an alarm", "wake me up". */
const ALARM_WORD = /\b(?:alarms?|wake|waking)\b/i;

/**
 * "set an alarm for saturday", "i need an alarm tomorrow": a day without a time is kept as the
 * slot's value, so the time asked next is set on that day ("7" then means Saturday 7:00, see
 * `extractSlot`); the skill asks for the time while the value is a bare day.
 */
function dayOnly(entities: SlotExtractInput['entities']): string | undefined {
  // "for tmrw morning": a part of the day is no clock time to wake up at (the date reader makes it 6:00).
  const part = entities.find((e) => e.kind === 'datetime' && DAY_PART_ONLY.test(e.text));
  if (part !== undefined && typeof part.value === 'string') return part.value.slice(0, 10);
  if (entities.some((e) => e.kind === 'time' || e.kind === 'datetime')) return undefined;
  const day = entities.find((e) => e.kind === 'date' && typeof e.value === 'string' && ISO_DATE.test(e.value));
  return day?.value as string | undefined;
}

/** A date-time said as a part of the day only: "tomorrow morning", "this evening", "tonight". */
const DAY_PART_ONLY =
  /^(?:(?:for|on|in)\s+)?(?:(?:tomorrow|tmrw|tmr|today|this|the|saturday|sunday|monday|tuesday|wednesday|thursday|friday)\s+)?(?:morning|afternoon|evening|night|tonight)$/i;

const timeSlot: DialogueSlot = {
  name: 'time',
  kind: 'time',
  prompt: byLanguage((p) => p.skills.alarm.askTime),
  required: false,
  extract: extractAlarmTime,
  validate: (v, lang) => (toInstant(v) === undefined ? packFor(lang).skills.alarm.badTime : true),
};

/**
 * "every day", "each monday", "daily", "on fridays": an alarm or reminder that repeats. They fire
 * once, so the words leave a reminder's task and the reply says so (`onceOnly`).
 */
export const EN_REPEAT =
  /\b(?:(?:every|each)\s+(?:single\s+)?(?:other\s+)?(?:day|morning|afternoon|evening|night|week|weekday|weekend|month|hour|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|daily|weekly|nightly|monthly|hourly|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b/i;

/**
 * The reply to setting an alarm or reminder, with a word that it is set once when the request
 * asked for it to repeat ("every day at 8", "每天早上七点叫我"): the scheduler has no repeats.
 * @param reply what the skill says it set
 * @param ctx the turn (its text, language and slots: a correction is not told again)
 */
export function onceOnly(reply: string, ctx: Pick<SkillContext, 'text' | 'lang' | 'slots'>): string {
  // A correction ("往后挪十分钟") reads the task's first request again: the note was said then.
  if (ctx.slots['$action'] === 'correction') return reply;
  if (!(hasHan(ctx.text) ? asksRepeatZh(ctx.text) : EN_REPEAT.test(ctx.text))) return reply;
  return joinSentences(reply, packFor(ctx.lang).skills.schedule.onceOnly, ctx.lang);
}

interface Kind {
  noun: 'timer' | 'alarm';
  /** Storage key of the last one set. */
  lastKey: string;
  /** Storage key of the one the last cancel chose out of several (./cancel-undo.ts). */
  cancelledKey: string;
  /** The slot that says how long (timer) or when (alarm). */
  slot: 'duration' | 'time';
  /** The ones a request names by their length or time ("the 10 minute timer", "六点的闹钟"), if it names one. */
  named: (ctx: SkillContext, active: readonly Scheduled[]) => Scheduled[] | undefined;
}

/** "cancel all timers", "both alarms", "所有闹钟都关了": every one, not the one meant by "that timer". */
const EVERY = /\b(?:all|every|everything|both)\b|\b(?:timers|alarms)\b|所有|全部|都|两个|俩/iu;
/** "no, that's all", "that is all": a closing, not "all of them". */
const CLOSES = /\bthat(?:'?s| is)\s+all\b/i;
/** A request that sets one even though it says "turn off": "set a timer for 10 min to turn off the oven". */
const SET_VERB = /\b(?:set|start|make|create|begin|add)\b|设置|[设定开来][个一]/iu;

/**
 * What a request does when it also names a length or time: "cancel the 10 minute timer" and
 * "把六点的闹钟关了" stop that one; with a set verb, or with no stop verb, it sets one.
 */
function opWithValue(text: string): ScheduleOp {
  return scheduleOp(text) === 'cancel' && !SET_VERB.test(text) ? 'cancel' : 'set';
}

/**
 * Stops what the request means: all of them ("cancel all timers", or the only one), the ones it
 * names by length or time, or, of several, the one set last ("cancel that timer"). A correction right
 * after a cancel that stopped one ("no, keep it", "no, not that one", "不对，是那个十分钟的") first puts that
 * one back, then stops the one it means among the others.
 */
async function cancelSome(ctx: SkillContext, kind: Kind, random: Random): Promise<string> {
  const say = packFor(ctx.lang).skills.schedule;
  const schedule = ctx.schedule!;
  const active = (await schedule.list()).filter((r) => r.at > ctx.now.getTime()).sort((a, b) => a.at - b.at);
  if (ctx.slots['$action'] === 'correction') {
    const back = await putBackCancelled(ctx, kind.cancelledKey, kind.lastKey);
    if (back !== undefined) return cancelInstead(ctx, kind, active, back);
    // "don't cancel it" with nothing cancelled to put back stops nothing either: what runs is said.
    if (keepsIt(saidNow(ctx))) return listSome(ctx, kind);
  }
  await forgetCancelled(ctx, kind.cancelledKey);
  if (active.length === 0) return say.noneToCancel(kind.noun);
  const last = await ctx.storage?.get<string>(kind.lastKey);
  let chosen = active;
  if (!EVERY.test(ctx.text)) {
    const named = ctx.slots[kind.slot] === undefined ? undefined : kind.named(ctx, active);
    if (named !== undefined && named.length === 0) return `${say.noMatch(kind.noun)} ${await listSome(ctx, kind)}`;
    const pointed = named === undefined && hasHan(ctx.text) ? pointedZh(ctx.text, ctx, active) : undefined;
    if (named !== undefined) chosen = named;
    else if (pointed !== undefined) chosen = [pointed];
    else if (active.length > 1) chosen = [active.find((r) => r.id === last) ?? active[0]!];
  }
  for (const r of chosen) await schedule.cancel(r.id);
  if (chosen.some((r) => r.id === last)) await ctx.storage?.delete(kind.lastKey);
  // The one stopped is kept for a correction right after ("no, keep it", "not that one"), the only one too.
  if (chosen.length === 1) await keepCancelled(ctx, kind.cancelledKey, chosen[0]!, chosen[0]!.id === last);
  if (chosen.length < active.length && chosen.length === 1)
    return say.cancelledThe(kind.noun, describe(ctx, kind, chosen[0]!.at), active.length - 1);
  return chosen.length === 1 ? pick(say.cancelledOne(kind.noun), random) : say.cancelledAll(chosen.length, kind.noun);
}

/**
 * The rest of a correction of a cancel, once the one cancelled is back: nothing more when the turn only
 * takes the cancel back ("no, keep it"), else the one it names among the others, every other one
 * ("no, all of them"), or the only other when it rejects the one cancelled ("not that one"); otherwise
 * ("no wait", "不对") the list, to say which.
 */
async function cancelInstead(
  ctx: SkillContext,
  kind: Kind,
  others: readonly Scheduled[],
  back: Scheduled,
): Promise<string> {
  const say = packFor(ctx.lang).skills.schedule;
  const said = saidNow(ctx);
  const kept = describe(ctx, kind, back.at);
  let chosen: readonly Scheduled[] = [];
  if (!keepsIt(said) && others.length > 0) {
    const named = ctx.slots[kind.slot] === undefined ? undefined : kind.named(ctx, others);
    const pointed = named === undefined && hasHan(said) ? pointedZh(said, ctx, others) : undefined;
    if (EVERY.test(said) && !CLOSES.test(said)) chosen = others;
    else if (named !== undefined) chosen = named;
    else if (pointed !== undefined) chosen = [pointed];
    else if (others.length === 1 && rejectsIt(said)) chosen = others;
  }
  for (const r of chosen) await ctx.schedule!.cancel(r.id);
  if (chosen.length === 1) return say.swapped(kind.noun, kept, describe(ctx, kind, chosen[0]!.at));
  const restored = say.restored(kind.noun, kept);
  if (chosen.length > 1) return joinSentences(restored, say.cancelledAll(chosen.length, kind.noun), ctx.lang);
  if (others.length > 0 && !keepsIt(said)) return joinSentences(restored, await listSome(ctx, kind), ctx.lang);
  return restored;
}

/** Han ordinals of "第二个". */
const ZH_ORDINAL = '一二三四五六七八九';
/** Day parts by the hours they span ("下午那个" is the one that rings from 12:00 to 18:00). */
const ZH_DAY_PARTS: readonly [RegExp, number, number][] = [
  [/早上|早晨|清晨|上午|早的/u, 4, 12],
  [/中午/u, 11, 14],
  [/下午/u, 12, 18],
  [/晚上|夜里|晚的/u, 18, 24],
  [/凌晨|半夜/u, 0, 5],
];

/**
 * The one alarm or timer a Chinese request points at without its time: by its place ("第二个闹钟删掉",
 * "第一个"), or by its day part ("下午那个不要了"). `undefined` when it points at none, or at more than one.
 */
function pointedZh(text: string, ctx: SkillContext, active: readonly Scheduled[]): Scheduled | undefined {
  const nth = /第\s*([一二三四五六七八九1-9])\s*个/u.exec(text)?.[1];
  if (nth !== undefined) return active[/\d/.test(nth) ? Number(nth) - 1 : ZH_ORDINAL.indexOf(nth)];
  if (!/那个|那一个|的那个|那条/u.test(text)) return undefined;
  const part = ZH_DAY_PARTS.find(([words]) => words.test(text));
  if (part === undefined) return undefined;
  const inPart = active.filter((r) => {
    const hour = wallTimeAt(r.at, ctx.timeZone).hour;
    return hour >= part[1] && hour < part[2];
  });
  return inPart.length === 1 ? inPart[0] : undefined;
}

/** A running timer by its time left ("9 minutes left"), an alarm by when it rings ("tomorrow at 6:00 AM"). */
function describe(ctx: SkillContext, kind: Kind, at: number): string {
  const pack = packFor(ctx.lang);
  return kind.noun === 'timer'
    ? pack.skills.schedule.left(pack.format.duration(at - ctx.now.getTime()))
    : pack.format.when(new Date(at), ctx.now, ctx.timeZone);
}

/**
 * The timer "the 10 minute one" means: of those with at most 10 minutes left, the one with the
 * most (a schedule entry keeps when it fires, not the length it was set for).
 */
function namedTimers(ctx: SkillContext, active: readonly Scheduled[]): Scheduled[] | undefined {
  const length = ctx.slots['duration'];
  if (typeof length !== 'number') return undefined;
  const fits = active.filter((r) => r.at - ctx.now.getTime() <= length + 2000);
  return fits.length === 0 ? [] : [fits[fits.length - 1]!];
}

/** The alarms that ring at the time of day the request names ("the 6am one"), whatever the day. */
function namedAlarms(ctx: SkillContext, active: readonly Scheduled[]): Scheduled[] | undefined {
  const at = toInstant(ctx.slots['time'])?.getTime();
  if (at === undefined) return undefined;
  return active.filter((r) => Math.abs((r.at - at) % DAY) < 60_000 || DAY - Math.abs((r.at - at) % DAY) < 60_000);
}

async function listSome(ctx: SkillContext, kind: Kind): Promise<string> {
  const pack = packFor(ctx.lang);
  const say = pack.skills.schedule;
  const active = (await ctx.schedule!.list()).filter((r) => r.at > ctx.now.getTime()).sort((a, b) => a.at - b.at);
  if (active.length === 0) return say.noneSet(kind.noun);
  const describe = (at: number): string =>
    kind.noun === 'timer'
      ? say.left(pack.format.duration(at - ctx.now.getTime()))
      : pack.format.when(new Date(at), ctx.now, ctx.timeZone);
  if (active.length === 1) return say.one(kind.noun, describe(active[0]!.at));
  return say.many(
    active.length,
    kind.noun,
    active.map((r) => describe(r.at)),
  );
}

/**
 * Adds `ms` to the last timer set, when it is still running: it is rescheduled that much later.
 * @returns the time left on it now, or `undefined` when no timer of ours is running (one is then set)
 */
async function extendLast(ctx: SkillContext, kind: Kind, ms: number): Promise<number | undefined> {
  const last = await ctx.storage!.get<string>(kind.lastKey);
  const running = (await ctx.schedule!.list()).find((r) => r.id === last && r.at > ctx.now.getTime());
  if (running === undefined) return undefined;
  await ctx.schedule!.cancel(running.id);
  const id = await ctx.schedule!.add({ at: running.at + ms, text: running.text });
  await ctx.storage!.set(kind.lastKey, id);
  return running.at + ms - ctx.now.getTime();
}

/** Schedules one, replacing the last one on a correction. */
async function setOne(ctx: SkillContext, kind: Kind, at: number, announce: string): Promise<boolean> {
  const storage = ctx.storage!;
  await forgetCancelled(ctx, kind.cancelledKey);
  if (ctx.slots['$action'] === 'correction') {
    const last = await storage.get<string>(kind.lastKey);
    if (typeof last === 'string') await ctx.schedule!.cancel(last).catch(() => undefined);
  }
  const id = await ctx.schedule!.add({ at, text: announce });
  await storage.set(kind.lastKey, id);
  return ctx.slots['$action'] === 'correction';
}

/**
 * What the user wants done with timers: read from the request, or from this turn's own words when
 * they name an operation ("add 5 more minutes", "再加五分钟", "how long is left on it"). A turn that carries a timer task on
 * (a follow-up) runs with the task's first request as `ctx.text` ("set a timer for 10 minutes"), and
 * the operation said now must not be lost to it: the length would replace the timer.
 */
function timerOp(ctx: SkillContext): ScheduleOp {
  const asked = scheduleOp(ctx.text);
  const turns = ctx.conversation.recentTurns;
  const said = turns.length > 0 && turns[turns.length - 1]!.role === 'user' ? turns[turns.length - 1]!.text : ctx.text;
  if (said === ctx.text) return asked;
  const now = scheduleOp(said);
  // Nothing said but a length ('set' is the default): the task's own operation is redone with it, except a
  // pause, which was refused and leaves nothing to redo.
  if (now === 'set') return asked === 'pause' ? 'set' : asked;
  return now;
}

/**
 * The timer skill (`timer`): set ("a timer for 10 minutes"), check ("how long is left"), cancel.
 * @param random the injected random source
 */
export function createTimerSkill(random: Random): SkillDefinition {
  const kind: Kind = {
    noun: 'timer',
    lastKey: 'last-timer',
    cancelledKey: 'cancelled-timer',
    slot: 'duration',
    named: namedTimers,
  };
  return {
    id: 'builtin.timer',
    version: '1.0.0',
    intents: ['timer'],
    description: 'set timers',
    intentDescriptions: { timer: 'set, check or cancel a countdown timer, how much time is left; 计时器 还剩多久' },
    slots: [durationSlot],
    permissions: { schedule: true, storage: true },
    async execute(ctx): Promise<string | SkillReply> {
      const pack = packFor(ctx.lang);
      const say = pack.skills.timer;
      if (ctx.schedule === undefined || ctx.storage === undefined) return pack.skills.schedule.unavailable;
      const asked = timerOp(ctx);
      if (asked === 'pause') return say.cannotPause;
      const op =
        ctx.slots['duration'] === undefined || asked === 'extend' ? asked : opWithValue(ctx.text.toLowerCase());
      if (op === 'cancel') return cancelSome(ctx, kind, random);
      if (op === 'list') return listSome(ctx, kind);
      const ms = ctx.slots['duration'];
      if (op === 'extend' && typeof ms === 'number') {
        const added = await extendLast(ctx, kind, ms);
        if (added !== undefined) return say.extended(pack.format.duration(ms), pack.format.duration(added));
      }
      if (typeof ms !== 'number') {
        const question = pick(say.askDuration, random);
        return { text: question, ask: { question, slot: 'duration' } };
      }
      const length = pack.format.duration(ms);
      const replaced = await setOne(ctx, kind, ctx.now.getTime() + ms, pick(say.done(length), random));
      if (replaced) return say.changed(length);
      return pick(say.set(length), random);
    },
  };
}

/**
 * The alarm skill (`alarm`): set ("wake me up at 7"), list, cancel.
 * @param random the injected random source
 */
export function createAlarmSkill(random: Random): SkillDefinition {
  const kind: Kind = {
    noun: 'alarm',
    lastKey: 'last-alarm',
    cancelledKey: 'cancelled-alarm',
    slot: 'time',
    named: namedAlarms,
  };
  return {
    id: 'builtin.alarm',
    version: '1.0.0',
    intents: ['alarm'],
    description: 'set alarms',
    intentDescriptions: { alarm: 'set, list or cancel an alarm, wake me up; 闹钟' },
    slots: [timeSlot],
    permissions: { schedule: true, storage: true },
    async execute(ctx): Promise<string | SkillReply> {
      const pack = packFor(ctx.lang);
      const say = pack.skills.alarm;
      if (ctx.schedule === undefined || ctx.storage === undefined) return pack.skills.schedule.unavailable;
      // "Which alarms have I got now?": "now" is read as a time, but the question lists them.
      const asked = scheduleOp(ctx.text);
      const time = ctx.slots['time'];
      const day = typeof time === 'string' && ISO_DATE.test(time);
      const past = (toInstant(time)?.getTime() ?? Infinity) <= ctx.now.getTime();
      const op = time === undefined || day || (asked === 'list' && past) ? asked : opWithValue(ctx.text.toLowerCase());
      if (op === 'cancel') return cancelSome(ctx, kind, random);
      if (op === 'list') return listSome(ctx, kind);
      const at = day ? undefined : toInstant(time);
      if (at === undefined) {
        const question = pick(say.askTime, random);
        return { text: question, ask: { question, slot: 'time' } };
      }
      const ahead = at.getTime() - ctx.now.getTime();
      if (ahead <= 0 || ahead > MAX_AHEAD_MS) {
        const question = ahead <= 0 ? say.passed : say.tooFar;
        return { text: question, ask: { question, slot: 'time' } };
      }
      const when = pack.format.when(at, ctx.now, ctx.timeZone);
      const replaced = await setOne(ctx, kind, at.getTime(), say.ring(pack.format.time(at, ctx.timeZone)));
      return onceOnly(replaced ? say.moved(when) : pick(say.set(when), random), ctx);
    },
  };
}
