/**
 * IANA time-zone arithmetic with nothing but `Intl.DateTimeFormat`: the UTC offset of a zone at
 * an instant, the instant of a wall-clock time in a zone, and ISO 8601 formatting with the offset.
 * Hand-written because a tz library ships its own zone database (hundreds of KB) that every
 * browser and Node already have.
 *
 * @module
 */
import { dateTimeFormat, keepBounded } from '../../intl-cache.ts';

/** A wall-clock time: calendar fields as a person in the zone reads them (month is 1-based). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** What the zone arithmetic reads from a formatter: every field, as numbers. */
const PARTS: Readonly<Intl.DateTimeFormatOptions> = {
  // h23, not hour12: false, which some engines render as "24" at midnight.
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  era: 'short',
};

/**
 * The shared cache's `PARTS` formatters, by zone: one date's arithmetic reads its zone several times, and
 * a lookup by the zone alone builds no JSON key. Bounded by the shared cache's bound (zones come from callers).
 */
const byZone = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return byZone.get(timeZone) ?? keepBounded(byZone, timeZone, partsFormatter(timeZone));
}

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return dateTimeFormat('en-US', { timeZone, ...PARTS });
  } catch (cause) {
    throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as "Europe/Paris"`, { cause });
  }
}

/** The platform's time zone, e.g. `Europe/Paris` (`UTC` when the platform has none). */
export function defaultTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Checks that `timeZone` names a zone the platform knows. @throws {RangeError} when it does not. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock time in `timeZone` at the instant `ms` (epoch milliseconds). */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  return {
    year,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC in minutes at the instant `ms` (Paris in winter: 60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallTimeAt(ms, timeZone);
  return Math.round((utcOf(w) - ms) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` reads `w`. In a spring-forward gap the time
 * is read with the offset from before the gap (02:30 becomes 03:30); in a fall-back overlap the
 * earlier of the two instants is chosen.
 */
export function instantOf(w: WallTime, timeZone: string): number {
  const local = utcOf(w);
  const before = local - offsetMinutes(local - 86_400_000 / 2, timeZone) * 60000;
  const after = local - offsetMinutes(local + 86_400_000 / 2, timeZone) * 60000;
  // Try both candidate offsets; keep the earliest that reads back as the same wall time.
  const candidates = [Math.min(before, after), Math.max(before, after)];
  for (const t of candidates) if (utcOf(wallTimeAt(t, timeZone)) === local) return t;
  return before;
}

/**
 * A bare clock time's next occurrence: the first instant after `now` at which the wall clock in `timeZone`
 * reads one of `hours` at `minute`, today or tomorrow. With two hours, the nearer of two readings: 三点 and
 * an alarm "at 4:30" are the morning's or the afternoon's, whichever comes first.
 * @param hours one hour or more, 0 to 24 (24 is midnight at the end of the day)
 * @returns epoch milliseconds, or `undefined` when neither today's nor tomorrow's reading is after `now`
 *   (a zone that skipped a day: Pacific/Apia had no 30 December 2011)
 */
export function nextClockTime(
  hours: readonly [number, ...number[]],
  minute: number,
  now: Date,
  timeZone: string,
): number | undefined {
  const today = wallTimeAt(now.getTime(), timeZone);
  let best: number | undefined;
  for (const hour of hours)
    for (const day of [today.day, today.day + 1]) {
      const ms = instantOf({ ...today, day, hour, minute, second: 0, millisecond: 0 }, timeZone);
      if (ms > now.getTime() && (best === undefined || ms < best)) best = ms;
    }
  return best;
}

/** ISO 8601 date-time with the zone's offset at that instant: `2026-11-27T18:00:00+01:00`. */
export function formatDateTime(ms: number, timeZone: string): string {
  const w = wallTimeAt(ms, timeZone);
  const off = Math.round((utcOf(w) - ms) / 60000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const frac = w.millisecond ? `.${pad(w.millisecond, 3)}` : '';
  return `${formatDate(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 calendar date of a wall time: `2026-11-27`. */
export function formatDate(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  const y = w.year >= 0 && w.year <= 9999 ? pad(w.year, 4) : (w.year < 0 ? '-' : '+') + pad(Math.abs(w.year), 6);
  return `${y}-${pad(w.month)}-${pad(w.day)}`;
}

function utcOf(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day); // setUTCFullYear: Date.UTC maps years 0–99 to 1900s
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
