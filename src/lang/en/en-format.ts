/**
 * English wording of numbers, lists, durations and times: "milk, eggs and bread", "1 hour and
 * 30 minutes", "tomorrow at 7:00 AM".
 *
 * @module
 */
import { durationParts, formatClock, formatDay, formatNumber } from '../format.ts';
import { daysBetween, isoDateIn } from '../../skills/builtin/clock.ts';

const LOCALE = 'en';

/** "milk", "milk and eggs", "milk, eggs and bread". */
function list(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 minute", "2 minutes". */
function count(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n, LOCALE)} ${Math.abs(n) === 1 ? word : pluralWord}`;
}

/** English formatting. */
export const enFormat = {
  locale: LOCALE,
  number: (n: number) => formatNumber(n, LOCALE),
  list,
  count,
  /** "10 minutes", "1 hour and 30 minutes", "less than a second". */
  duration(ms: number): string {
    const parts = durationParts(ms).map(([n, unit]) => count(n, unit));
    return parts.length === 0 ? 'less than a second' : list(parts);
  },
  /** "3:42 PM". */
  time: (at: Date, timeZone: string) => formatClock(at, timeZone, LOCALE),
  /** "Friday, November 27" (with the year when not `thisYear`). */
  date: (isoDate: string, thisYear?: number) => formatDay(isoDate, LOCALE, thisYear),
  /** "at 7:00 PM", "tomorrow at 7:00 AM", "on Friday, November 27 at 9:00 AM". */
  when(at: Date, now: Date, timeZone: string): string {
    const days = daysBetween(isoDateIn(now, timeZone), isoDateIn(at, timeZone));
    const time = formatClock(at, timeZone, LOCALE);
    if (days === 0) return `at ${time}`;
    if (days === 1) return `tomorrow at ${time}`;
    const year = Number(isoDateIn(now, timeZone).slice(0, 4));
    return `on ${formatDay(isoDateIn(at, timeZone), LOCALE, year)} at ${time}`;
  },
  capitalize: (text: string) => text.charAt(0).toUpperCase() + text.slice(1),
};
