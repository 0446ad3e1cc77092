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
/** Words that name no reminder. */
const PLAIN = new Set([
  'the',
  'and',
  'for',
  'with',
  'about',
  'that',
  'this',
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

/** The one reminder whose words an English turn says most ("the dentist reminder": "call the dentist"). */
function namedEn(all: readonly SetReminder[], text: string): SetReminder | undefined {
  const said = new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
  const shared = (task: string) =>
    new Set((task.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !PLAIN.has(w) && said.has(w))).size;
  const scored = all.map((r) => ({ r, n: shared(r.task) })).sort((a, b) => b.n - a.n);
  const [first, second] = scored;
  return first !== undefined && first.n > 0 && (second === undefined || second.n < first.n) ? first.r : undefined;
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
 * `undefined` when it names one that is not set, or several share its words (no other one is moved).
 * @param namedZh how the skill finds the reminder a Chinese turn names
 */
export function reminderToMove(
  all: readonly SetReminder[],
  text: string,
  namedZh: (all: readonly SetReminder[], text: string) => SetReminder | undefined,
): SetReminder | undefined {
  const named = hasHan(text) ? namedZh(all, text) : namedEn(all, text);
  return named ?? (all.length === 1 && namesNone(text) ? all[0] : undefined);
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
