/**
 * Calendar arithmetic with `Intl` only: the calendar date in a zone, days between dates, instants
 * of wall-clock times. How a date or time is said is each language pack's (src/lang).
 *
 * @module
 */
import { noonOf } from '../../lang/format.ts';
import { dateTimeFormat } from '../../intl-cache.ts';
import type { Entity } from '../../nlu/types.ts';

/**
 * The calendar date at an instant in a zone, as `YYYY-MM-DD`.
 * @param at the instant
 * @param timeZone an IANA zone
 */
export function isoDateIn(at: Date, timeZone: string): string {
  const parts = dateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    at,
  );
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * Whole days from one calendar date to another (`2026-11-26` → `2026-11-27` is 1).
 * @param from `YYYY-MM-DD`
 * @param to `YYYY-MM-DD`
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((noonOf(to).getTime() - noonOf(from).getTime()) / 86_400_000);
}

/**
 * The furthest ahead an alarm or a reminder is kept: 100 years, a lifetime. "remind me in 65467
 * years" or an alarm on December 31 9999 names no day anyone will be woken or told on (and past the
 * year 9999 there is no ISO date either): the time is asked again.
 */
export const MAX_AHEAD_MS = 100 * 366 * 86_400_000;

/**
 * Reads a `time`/`datetime` entity value (ISO 8601 with offset) or a `date` value as an instant.
 * @param value an entity or slot value
 * @returns the instant, or `undefined` when it is not a date
 */
export function toInstant(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  // An interval "start/end": its start.
  const start = value.split('/')[0]!;
  const ms = Date.parse(start);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * The calendar date a `date` or `datetime` value names, as `YYYY-MM-DD` in the zone.
 * @param value a slot value
 * @param timeZone an IANA zone
 */
export function toIsoDate(value: unknown, timeZone: string): string | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = toInstant(value);
  return at === undefined ? undefined : isoDateIn(at, timeZone);
}

/**
 * "不是两点 是三点", "不对，幼儿园今天四点才放学，改成三点四十五吧": a correction that says two
 * times means the last one (the new value); the old one is what it was or why it changes.
 */
export function correctedTime(entities: readonly Entity[]): string | undefined {
  const said = entities.filter((e) => e.kind === 'time' || e.kind === 'datetime');
  const last = said[said.length - 1];
  return said.length > 1 && typeof last?.value === 'string' ? last.value : undefined;
}

/**
 * An ISO date-time with an offset, moved by `ms`, written in the same offset.
 * @param iso e.g. `2026-11-27T07:00:00+01:00`
 * @param ms the move (negative: earlier)
 * @returns e.g. `2026-11-27T07:10:00+01:00`, or `undefined` for a value that is not one
 */
export function shiftIso(iso: string, ms: number): string | undefined {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const t = Date.parse(iso);
  if (offset === null || Number.isNaN(t)) return undefined;
  const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Date(t + ms + minutes * 60_000).toISOString().slice(0, 19) + offset[0];
}
