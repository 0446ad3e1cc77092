/**
 * Moving a reminder that is already set, named by its words: "move my milk reminder to 7pm", "can you
 * change the dentist reminder to 11am", "reschedule my reminder to call the dentist for 3pm",
 * "把买牛奶的提醒改到六点", "开会那个提醒推迟到明天下午四点". Read as a new reminder, each of these set
 * one more ("I'll remind you to 11am", "提醒你改到") and left the one meant where it was.
 *
 * @module
 */
import type { SkillContext } from '../types.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { daysBetween, isoDateIn, toInstant } from './clock.ts';
import { PRONOUNS } from '../../lang/en/en-stand-ins.ts';

/** A reminder as the skill keeps it. */
export interface SetReminder {
  id: string;
  task: string;
  at: number;
}

const DAY = 86_400_000;
/**
 * A move done to a reminder: the move verb governs "(the|my|that) … reminder|one" ("move my milk reminder",
 * "shift the cat one"), so "reminder to move the car at 9pm" and "one more: move the car at 9pm" (a task's
 * own verb) are no moves. Group 1: the words that name it ("milk", "the cat").
 */
const MOVES_ONE_EN =
  /\b(?:move|change|reschedule|push|shift|postpone|bump|update)\s+(?:(?:back|forward|up)\s+)?(?:the|my|that|this|our|your)\s+((?:[\p{L}'-]+\s+){0,4}?)(?:reminder|one)\b(?!\s+more\b)/iu;
/** A request for a reminder, whatever it is about ("set a reminder to change the oil", "one more: …", "also a reminder"). */
const ASKS_ONE_EN =
  /\b(?:set|add|create|make|new|another)\b.*\breminder\b|\bremind\s+(?:me|us)\b|\bone\s+more\b|\balso\b|^\W*(?:(?:ok|okay|and|so|please)\W+)*(?:an?\s+)?reminders?\b/iu;
const MOVE_ZH = /(?:改|挪|推迟|推|延后|延|提前|调|换)(?:到|成|在)/u;
const NAMES_ONE_ZH = /提醒|那个|那条/u;
/** Words before 提醒 that name no reminder ("把提醒改到七点", "我的那个提醒"). */
const PLAIN_ZH = /把|将|帮我|请|你|我的|我|那个|这个|那条|这条|的|一下|改|挪|推迟|延后|提前|调|换|\s|\p{P}/gu;
/** "提醒我把会议改到周五": a reminder asked for, about moving something else. */
const ASKS_ONE_ZH = /[提题]醒(?:我们|咱们|我|咱|一下)|记得|别忘/u;
/** Words that name no reminder (with the pronouns of ../../lang/en/en-stand-ins.ts). */
const PLAIN: ReadonlySet<string> = new Set([
  ...PRONOUNS,
  'the',
  'and',
  'for',
  'with',
  'about',
  'then',
  'them',
  'you',
  'your',
  'our',
  'its',
]);

/** Whether a turn asks to move a reminder that is set, rather than to set one. */
export function movesReminder(text: string): boolean {
  return hasHan(text)
    ? MOVE_ZH.test(text) && NAMES_ONE_ZH.test(text) && !ASKS_ONE_ZH.test(text)
    : MOVES_ONE_EN.test(text) && !ASKS_ONE_EN.test(text);
}

/** How many words of its task an English turn says ("the dentist reminder": "call the dentist" shares one). */
function sharedEn(task: string, said: ReadonlySet<string>): number {
  return new Set((task.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !PLAIN.has(w) && said.has(w))).size;
}

/** Words a Chinese turn says around a reminder's own words when it stops one ("那个拿报告的取消吧"). */
const ZH_STOPPING = /提醒|取消|删掉?|不用了?|不要了?/gu;

/** How many two-character runs of its task a Chinese turn says ("那个拿报告的取消吧" for "去拿报告": 3). */
function sharedZh(task: string, said: string): number {
  let n = 0;
  for (let i = 0; i + 2 <= task.length; i++)
    if (/\p{Script=Han}{2}/u.test(task.slice(i, i + 2)) && said.includes(task.slice(i, i + 2))) n++;
  return n;
}

/**
 * The reminders a turn names by their words ("the dentist reminder", "那个拿报告的"): those sharing the
 * most words with it (two-character runs in Chinese), none when none shares any. One is the reminder
 * meant; several ("the milk reminder" with "buy oat milk" and "buy milk for mom") leave it open.
 * @param all the reminders set
 * @param text the turn
 */
export function remindersNamed<R extends SetReminder>(all: readonly R[], text: string): R[] {
  const han = hasHan(text);
  const saidZh = text.replace(ZH_STOPPING, ' ');
  const saidEn = new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
  const scored = all.map((r) => ({ r, n: han ? sharedZh(r.task, saidZh) : sharedEn(r.task, saidEn) }));
  const most = Math.max(0, ...scored.map((x) => x.n));
  return most === 0 ? [] : scored.filter((x) => x.n === most).map((x) => x.r);
}

/**
 * Whether a move names its reminder by nothing but "reminder/one/it" ("move my reminder to 6pm",
 * "把提醒改到七点"): only then is the only one meant; "move the gym reminder" with a dentist one is none.
 */
function namesNone(text: string): boolean {
  if (hasHan(text)) {
    const before = /^(.*?)提醒/u.exec(text)?.[1];
    return before !== undefined && before.replace(PLAIN_ZH, '') === '';
  }
  const words =
    MOVES_ONE_EN.exec(text)?.[1]
      ?.toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  return words.every((w) => PLAIN.has(w) || w === 'only' || w === 'one');
}

/**
 * The reminder a move means: the one it names by its words, else the only one when it names none.
 * Several when more than one shares its words most (the move asks which); `undefined` when it names
 * one that is not set (no other one is moved).
 */
export function reminderToMove<R extends SetReminder>(all: readonly R[], text: string): R | R[] | undefined {
  const named = remindersNamed(all, text);
  if (named.length > 1) return named;
  return named[0] ?? (all.length === 1 && namesNone(text) ? all[0] : undefined);
}

/**
 * When the moved reminder fires: the time said, on the reminder's own day when the turn names no day
 * ("change the dentist reminder to 11am" keeps the dentist's Friday), unless that is already past.
 * @returns `undefined` when the turn says no time
 */
export function movedTo(ctx: SkillContext, reminder: SetReminder): Date | undefined {
  const when = toInstant(ctx.slots['when']);
  if (when === undefined) return undefined;
  if (ctx.entities.some((e) => e.kind === 'date' || e.kind === 'datetime')) return when;
  const days = daysBetween(isoDateIn(when, ctx.timeZone), isoDateIn(new Date(reminder.at), ctx.timeZone));
  const kept = new Date(when.getTime() + days * DAY);
  return kept.getTime() > ctx.now.getTime() ? kept : when;
}
