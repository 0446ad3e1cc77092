/**
 * `extractEntities`: runs every extractor over one utterance and keeps, where spans overlap, the
 * longest (then the most specific) one. The common case, a short utterance without digits,
 * costs a tokenization and a few set lookups; chrono-node only runs when a date could be there.
 *
 * @module
 */

import type { CustomEntityDefinition, Entity, EntityKind } from '../types.ts';
import { findContacts } from './contacts.ts';
import { compileCustomEntities, type CompiledCustomEntities } from './custom-entities.ts';
import { findDates, findRelativeTimes } from './dates.ts';
import { readDictation } from './dictation.ts';
import { findDurations } from './durations.ts';
import { findNumbers } from './numbers.ts';
import { findOrdinals } from './ordinals.ts';
import { findQuantities } from './quantities.ts';
import { createScanContext } from './scan.ts';
import { assertTimeZone, defaultTimeZone } from './time-zone.ts';
import { findZhDates } from './zh-dates.ts';
import { findZhDurations } from './zh-durations.ts';
import { findZhQuantities } from './zh-quantities.ts';
import { withoutTakenBackZh } from './zh-drop-taken-back-values.ts';
import { foldHanVariants } from '../runtime/han-variants.ts';
import { foldFullWidth } from '../runtime/normalize.ts';

/** Han characters or full-width forms (１５％): the Chinese grammars have something to read. */
const HAN_RE = /[\p{Script=Han}\uFF01-\uFF5E]/u;

/** Options of {@link extractEntities}. */
export interface ExtractEntitiesOptions {
  /** The reference time for relative dates ("tomorrow", "in 10 minutes"). @default new Date() */
  now?: Date;
  /** IANA time zone in which "6pm" and "tomorrow" are read. @default the platform's zone */
  timeZone?: string;
  /** The corpus's custom entities, as definitions or compiled with `compileCustomEntities`. @default none */
  custom?: readonly CustomEntityDefinition[] | CompiledCustomEntities;
  /**
   * Only the first `maxLength` UTF-16 code units are searched, so a pasted book gets an answer in
   * bounded time (chrono-node alone can spend ~15 µs per character on date-dense text).
   * @default 4096
   */
  maxLength?: number;
}

// When two candidates overlap and are equally long, the more specific kind wins.
const PRIORITY: Readonly<Record<EntityKind, number>> = {
  custom: 0,
  email: 1,
  url: 2,
  phone: 3,
  money: 4,
  percentage: 5,
  datetime: 6,
  date: 7,
  time: 8,
  duration: 9,
  ordinal: 10,
  number: 11,
  // Never produced by the grammars: the slot tagger's spans are added after them (tagger/slot-entities.ts).
  slot: 12,
};

/**
 * Finds the entities of an utterance, in English or Chinese: numbers, ordinals, dates, times,
 * durations, money, percentages, emails, URLs, phone numbers and the corpus's custom entities.
 *
 * @param text - the utterance; offsets in the result are UTF-16 indexes into it.
 * @param options - reference time, time zone, custom entities.
 * @returns non-overlapping entities sorted by `start`; `text.slice(e.start, e.end) === e.text`.
 * @throws {TypeError} when `text` is not a string or a custom definition is malformed.
 * @throws {RangeError} when `now` is an invalid date or `timeZone` is unknown.
 * @example
 * ```ts
 * extractEntities('remind me tomorrow at 6pm', { now: new Date('2026-11-26T10:00:00Z'), timeZone: 'Europe/Paris' });
 * // [{ kind: 'datetime', text: 'tomorrow at 6pm', start: 10, end: 25, value: '2026-11-27T18:00:00+01:00', confidence: 1 }]
 * ```
 */
export function extractEntities(text: string, options: ExtractEntitiesOptions = {}): Entity[] {
  if (typeof text !== 'string') throw new TypeError(`extractEntities expects a string, got ${typeof text}`);
  const now = options.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('options.now must be a valid Date');
  const timeZone = options.timeZone ?? defaultTimeZone();
  assertTimeZone(timeZone);
  const maxLength = options.maxLength ?? 4096;
  if (!(maxLength >= 0)) throw new RangeError('options.maxLength must be a non-negative number');
  const custom =
    options.custom === undefined
      ? undefined
      : Array.isArray(options.custom)
        ? compileCustomEntities(options.custom)
        : (options.custom as CompiledCustomEntities);
  if (custom !== undefined && typeof custom.match !== 'function') {
    throw new TypeError(
      'options.custom must be an array of custom entity definitions or the result of compileCustomEntities()',
    );
  }

  const capped = text.length > maxLength ? text.slice(0, maxLength) : text;
  // Traditional characters are read as simplified, one code unit for one, so offsets stay those
  // of the original; each entity's `text` is cut from the original below.
  // Full-width forms (５　ｍｉｎ) are read as ASCII the same way.
  // English dictation's take-backs, fillers and number homophones are read away the same way, offsets kept
  // ("at 7 no 8" is read as "at      8"). Text without Han is read by the English grammars below (chrono's
  // English parser, English number words), so the English reading goes with them.
  const ctx = createScanContext(
    HAN_RE.test(capped) ? foldFullWidth(foldHanVariants(capped, { keepLength: true })) : readDictation(capped),
  );
  findNumbers(ctx);
  findOrdinals(ctx);
  findQuantities(ctx);
  findDurations(ctx);
  findDates(ctx, now, timeZone);
  findRelativeTimes(ctx, now, timeZone);
  // Chinese forms, only where there is Chinese: a cheap test keeps English text on its old path.
  if (HAN_RE.test(ctx.text)) {
    findZhQuantities(ctx);
    findZhDurations(ctx);
    findZhDates(ctx, now, timeZone);
  }
  findContacts(ctx);
  if (custom !== undefined) {
    // The host's own values are written in the host's script (a city list with 東京): they are
    // matched on the text as written, not on its simplified reading.
    const original = ctx.text === capped ? ctx : createScanContext(capped);
    custom.match(original);
    if (original !== ctx) ctx.out.push(...original.out);
  }
  const found = resolveOverlaps(ctx.out, ctx.text.length);
  // "十分钟不对十五分钟": the value the user meant, read with the Chinese grammars only.
  const kept =
    found.length > 1 && HAN_RE.test(ctx.text)
      ? withoutTakenBackZh(found, ctx.text, (piece) => extractEntities(piece, { now, timeZone }))
      : found;
  if (ctx.text !== capped) for (const e of kept) e.text = capped.slice(e.start, e.end);
  return kept;
}

/** Keeps the longest candidates (ties: more specific kind, then higher confidence, then earlier), sorted by start. */
function resolveOverlaps(candidates: Entity[], length: number): Entity[] {
  if (candidates.length <= 1) return candidates;
  const ranked = candidates
    .slice()
    .sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        PRIORITY[a.kind] - PRIORITY[b.kind] ||
        (b.confidence ?? 1) - (a.confidence ?? 1) ||
        a.start - b.start,
    );
  // One byte per code unit marks what is taken: linear in the text, whatever the candidate count.
  const taken = new Uint8Array(length);
  const kept: Entity[] = [];
  for (const e of ranked) {
    if (e.end <= e.start || taken.subarray(e.start, e.end).includes(1)) continue;
    taken.fill(1, e.start, e.end);
    kept.push(e);
  }
  return kept.sort((a, b) => a.start - b.start);
}
