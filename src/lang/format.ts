/**
 * Numbers, times and dates formatted with `Intl` for a locale (`en`, `zh-CN`): the pieces every
 * language pack builds its sentences from. The words around them ("tomorrow at", "明天") are the
 * packs' own.
 *
 * @module
 */
import { dateTimeFormat, numberFormat } from '../intl-cache.ts';

/**
 * Chinese writes everyday numbers without thousands separators ("8760", "525600"): `Intl`'s zh-CN
 * commas read as an English habit in a Chinese reply.
 */
function grouped(locale: string): boolean {
  return !/^zh\b/i.test(locale);
}

/**
 * Formats a number for reading: up to 4 decimals (6 under 1), no exponent for everyday sizes,
 * thousands grouped as the locale does ("1,234.5"; not in Chinese: "1234.5").
 * @param n a finite number
 * @param locale BCP 47 tag for `Intl`
 */
export function formatNumber(n: number, locale: string): string {
  if (Object.is(n, -0)) n = 0;
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-6)) return n.toExponential(4).replace(/\.?0+e/, 'e');
  return numberFormat(locale, { maximumFractionDigits: abs >= 1 ? 4 : 6, useGrouping: grouped(locale) }).format(n);
}

/**
 * A measurement to six significant digits ("4,535.92", not "4,535.9237"; "4535.92" in Chinese).
 * @param n a finite number
 * @param locale BCP 47 tag
 */
export function formatMeasure(n: number, locale: string): string {
  return numberFormat(locale, { maximumSignificantDigits: 6, useGrouping: grouped(locale) }).format(n);
}

/**
 * Splits a duration into whole days, hours, minutes and seconds (rounded to the second).
 * @param ms a duration in milliseconds
 * @returns the non-zero parts, largest first, e.g. `[[1, 'hour'], [30, 'minute']]`
 */
export function durationParts(ms: number): [number, 'day' | 'hour' | 'minute' | 'second'][] {
  let s = Math.round(ms / 1000);
  const parts: [number, 'day' | 'hour' | 'minute' | 'second'][] = [];
  for (const [size, name] of [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ] as const) {
    if (s >= size) {
      const n = Math.floor(s / size);
      parts.push([n, name]);
      s -= n * size;
    }
  }
  return parts;
}

/**
 * A clock time in a zone: "3:42 PM" (`en`), "15:42" (`zh-CN`).
 * @param at the instant
 * @param timeZone an IANA zone
 * @param locale BCP 47 tag
 */
export function formatClock(at: Date, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(at);
}

/** Noon UTC on a calendar date, a safe instant to format a date with `timeZone: 'UTC'`. */
export function noonOf(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/**
 * A calendar date with its weekday: "Friday, November 27" (`en`), "11月27日星期五" (`zh-CN`),
 * with the year when it is not `thisYear`.
 * @param isoDate `YYYY-MM-DD`
 * @param locale BCP 47 tag
 * @param thisYear the current year, to leave out
 */
export function formatDay(isoDate: string, locale: string, thisYear?: number): string {
  const date = noonOf(isoDate);
  const withYear = thisYear === undefined || date.getUTCFullYear() !== thisYear;
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(date);
}

/**
 * The zone's long name and current UTC offset: `{ name: 'Central European Standard Time', offset: 'GMT+1' }`.
 * @param at the instant (offsets change with daylight saving)
 * @param timeZone an IANA zone
 * @param locale BCP 47 tag
 */
export function formatZone(at: Date, timeZone: string, locale: string): { name: string; offset: string } {
  const part = (style: 'long' | 'shortOffset'): string =>
    dateTimeFormat(locale, { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return { name: part('long'), offset: part('shortOffset') };
}
