/**
 * Dates, times and date-times relative to `now` in an IANA zone, read by chrono-node's English
 * casual parser ("tomorrow at 6pm", "in 10 minutes", "next friday", "Dec 25 at 9:30").
 *
 * Values are ISO 8601 strings: a calendar date for `date` (`2026-11-27`), a date-time with the
 * zone's offset for `time` and `datetime` (`2026-11-26T18:00:00+01:00`; a bare time is resolved to
 * its next occurrence), and an interval `start/end` for ranges ("monday to friday").
 *
 * @module
 */

// `chrono-node/en`, not the root, which brings other locales into the Worker (+34 KB gzipped). Vite 7's
// resolver fails on chrono's `./*/*` exports pattern, so the library build inlines it (rollup.config.mjs).
import { casual, type ParsedResult } from 'chrono-node/en';
import { emit, type ScanContext } from './scan.ts';
import { SPOKEN_TIME_HINT_RE, spokenTimeParser } from './spoken-times.ts';
import {
  formatDate,
  formatDateTime,
  instantOf,
  nextClockTime,
  offsetMinutes,
  wallTimeAt,
  type WallTime,
} from './time-zone.ts';

// chrono costs ~20 µs even on text without a date: run it only when a digit or a word that can
// start a date expression is present (prefixes: "mon" covers monday, "min" minutes, ...).
const DATE_HINT_RE =
  /\d|(?<![\p{L}])(?:today|tonight|tmrw?|tomorrow|the\s+morra|yesterday|noon|midnight|morning|afternoon|evening|night|weekend|week|month|year|day|hour|min|sec|now|ago|later|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|xmas|new year|halloween|valentine)/iu;
// With these words the user speaks of the past: let chrono look backwards.
// "half past five" is a clock time, not the past.
const PAST_RE =
  /(?<![\p{L}])(?:last|past(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)(?![\p{L}]))|previous|ago|yesterday|was|were|did|had)(?![\p{L}])/iu;
// chrono reads "for ten minutes" and "a second" as now + 10 min; without one of these anchors it
// is a length of time and belongs to the duration extractor.
const RELATIVE_ANCHOR_RE =
  /(?<![\p{L}])(?:in|within|ago|later|from now|after|before|hence|next|last|past|this|coming|previous)(?![\p{L}])/iu;
// Lower-case three-letter weekday names are ordinary words far more often ("I sat", "on sun").
const BARE_WEEKDAY_RE = /^(?:on\s+)?(?:sun|mon|tue|wed|thu|fri|sat)$/;
type ParsedComponents = ParsedResult['start'];

/** Holidays on a fixed day that chrono's English parser does not know. */
const HOLIDAY_RE =
  /(?<![\p{L}])(christmas eve|christmas(?: day)?|xmas|new year'?s? eve|new year'?s?(?: day)?|halloween|valentine'?s(?: day)?)(?![\p{L}])/iu;

function holidayDay(name: string): { day: number; month: number } {
  const w = name.toLowerCase();
  if (w.startsWith('christmas eve')) return { day: 24, month: 12 };
  if (w.startsWith('christmas') || w === 'xmas') return { day: 25, month: 12 };
  if (w.endsWith('eve')) return { day: 31, month: 12 };
  if (w.startsWith('new year')) return { day: 1, month: 1 };
  if (w === 'halloween') return { day: 31, month: 10 };
  return { day: 14, month: 2 };
}

/**
 * chrono's casual parser with the fixed-day holidays ("what day is christmas", "new year's eve at 8") and the
 * clock times people say ("half past five", "8 tonight": spoken-times.ts).
 */
const parser = casual.clone();
parser.parsers.push({ pattern: () => HOLIDAY_RE, extract: (_context, match) => holidayDay(match[1] ?? '') });
parser.parsers.push(spokenTimeParser);
parser.parsers.push({
  pattern: () => DAY_OF_MONTH_RE,
  extract: (context, match) => dayOfMonth(context.reference.getDateWithAdjustedTimezone(), match),
});

// "on the 1st", "by the 15th": a day of the month said alone, after a preposition of time; never "the 2nd one",
// "the 3rd floor" or "the 5th of May" (chrono reads that). The look-behind follows "the", with a bounded gap, so
// a long run of spaces is not rescanned at every position.
const DAY_OF_MONTH_RE =
  /the(?<=\b(?:on|by|for|until|till|before|from)\s{1,3}the)\s+([12]?\d|3[01])(?:st|nd|rd|th)(?![\p{L}\d])(?!\s+(?:of\b|one|ones|item|items|floor|page|line|time|try|go|step|place|row|week|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/iu;

/** That day of this month, or of the next when it has passed (or the month has no such day). */
function dayOfMonth(reference: Date, match: RegExpMatchArray): { day: number; month: number; year: number } | null {
  const day = Number(match[1]);
  if (day < 1) return null;
  let year = reference.getFullYear();
  let month = reference.getMonth() + 1;
  for (let i = 0; i < 3; i++) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day <= days && (i > 0 || day >= reference.getDate())) return { day, month, year };
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return null;
}

const DAY_PART_TAG_RE = /^casualReference\/(?:now|tonight|morning|afternoon|evening|night|noon|midnight)$/;

const TODAY_RE = /\btoday\b/i;
/** Words that fix the half of the day ("4am", "16:00", "this morning"). */
const HALF_RE = /[ap]\.?m\b|noon|midnight|morning|afternoon|evening|night|\b(?:1[3-9]|2[0-3])[:h]/i;

/** A day part said alone, and the "good" of a greeting right before one. */
const DAY_PART_WORD_RE = /^(?:morning|afternoon|evening|night|day)$/i;
const GREETING_BEFORE_RE = /\bgood\s*$/i;

/**
 * "in forty minutes (from now)": a length said after "in" is the time that far from now, as chrono
 * reads "in 40 minutes" (it does not read lengths in words). Runs after the durations are found;
 * the longer span wins over the duration and a "now" inside it when overlaps are resolved.
 */
export function findRelativeTimes(ctx: ScanContext, now: Date, timeZone: string): void {
  // "remind me to text her in 10": minutes, in a request to be reminded or woken (a bare "in 10"
  // elsewhere may be anything).
  const bare = BARE_IN_RE.exec(ctx.text);
  if (
    bare !== null &&
    REMIND_RE.test(ctx.text) &&
    !ctx.out.some((e) => DATE_KIND.has(e.kind) || e.kind === 'duration')
  ) {
    const minutes = Number(bare[1]);
    if (minutes >= 1 && minutes <= 90)
      emit(
        ctx,
        'datetime',
        bare.index + 1,
        bare.index + 1 + bare[0].trim().length,
        formatDateTime(now.getTime() + minutes * 60_000, timeZone),
      );
  }
  for (const d of ctx.out.slice()) {
    if (d.kind !== 'duration' || typeof d.value !== 'number') continue;
    const before = IN_BEFORE_RE.exec(ctx.text.slice(Math.max(0, d.start - 24), d.start));
    const after = FROM_NOW_AFTER_RE.exec(ctx.text.slice(d.end, d.end + 14));
    // "in forty minutes", "forty minutes from now", "a week from today" (a day: a date).
    if (before === null && after === null) continue;
    const ms = now.getTime() + d.value;
    if (!Number.isFinite(ms) || Math.abs(d.value) > MAX_RELATIVE_MS) continue;
    const start = d.start - (before?.[0].length ?? 0);
    const end = d.end + (after?.[0].length ?? 0);
    // What chrono read already ("in 10 days" is a date, "in 40 minutes" a date-time) stays as it is.
    if (ctx.out.some((e) => DATE_KIND.has(e.kind) && e.start <= start && e.end >= d.end)) continue;
    // Whole days ahead ("in ten days", "a week from today") name a day, as chrono reads "in 10 days".
    if (after?.[1]?.toLowerCase() === 'today' || d.value % DAY_MS === 0)
      emit(ctx, 'date', start, end, formatDate(wallTimeAt(ms, timeZone)));
    else emit(ctx, 'datetime', start, end, formatDateTime(ms, timeZone));
  }
}
const IN_BEFORE_RE = /\bin\s+$/i;
const BARE_IN_RE = /\sin\s+(\d{1,2})(?=\s*[.!?]*$)/i;
const REMIND_RE = /\b(?:remind|reminder|alarm|wake)\b/i;
const DATE_KIND = new Set(['date', 'time', 'datetime']);
const DAY_MS = 24 * 3600 * 1000;
const FROM_NOW_AFTER_RE = /^\s+from\s+(now|today)\b/i;
/** Past a year ahead, "in N" is no time to set anything for. */
const MAX_RELATIVE_MS = 366 * 24 * 3600 * 1000;

/** Scots "the morra", "the morn" (not "in the morn", "on the morn of the wedding"): tomorrow. */
const SCOTS_TOMORROW_RE = /(?<!\b(?:in|on)\s+)\bthe\s+(?:morra|morn)\b(?!\s+of\b)/giu;

/**
 * The text with day words chrono does not know written as the ones it does, in as many characters, so
 * every offset it reports is still one of the text said.
 */
function withDayWords(text: string): string {
  return text.replace(SCOTS_TOMORROW_RE, (m) => 'tomorrow'.padEnd(m.length));
}

/** Where a result read in {@link withDayWords}' text ends in the text said: past the whole day word it read. */
function endInText(text: string, end: number): number {
  SCOTS_TOMORROW_RE.lastIndex = 0;
  for (const m of text.matchAll(SCOTS_TOMORROW_RE))
    if (end > m.index && end < m.index + m[0].length) return m.index + m[0].length;
  return end;
}

/** Emits `date`, `time` and `datetime` entities. */
export function findDates(ctx: ScanContext, now: Date, timeZone: string): void {
  if (!DATE_HINT_RE.test(ctx.text) && !SPOKEN_TIME_HINT_RE.test(ctx.text)) return;
  const ref = { instant: now, timezone: offsetMinutes(now.getTime(), timeZone) };
  let results: ParsedResult[];
  const said = withDayWords(ctx.text);
  const rewritten = said !== ctx.text;
  try {
    results = parser.parse(said, ref, { forwardDate: !PAST_RE.test(ctx.text) });
  } catch {
    return; // a parser bug on odd input must not cost the user the whole result
  }
  // "remind me at 2 for the afternoon med round": the afternoon gives the hour its half of the day, and is no
  // time of its own (15:00) beside it.
  // Whether the sentence names only the afternoon or the evening: read once, not per result.
  const pmOnly =
    PM_PART_RE.test(ctx.text) &&
    !OTHER_PART_RE.test(ctx.text) &&
    !WAKE_CUE_RE.test(ctx.text) &&
    !HAN_TEXT_RE.test(ctx.text);
  const halfGiven = pmOnly && results.some((r) => !r.end && afternoonSaidElsewhere(r, pmOnly));
  for (const r of results) {
    if (BARE_WEEKDAY_RE.test(r.text)) continue;
    if (halfGiven && !r.start.isCertain('hour') && LONE_PM_PART_RE.test(r.text)) continue;
    // "Good evening. Set an alarm for 7", "good morning": a greeting names no time.
    if (DAY_PART_WORD_RE.test(r.text) && GREETING_BEFORE_RE.test(ctx.text.slice(Math.max(0, r.index - 8), r.index)))
      continue;
    const tags = r.tags();
    if (tags.has('result/relativeDate') && !RELATIVE_ANCHOR_RE.test(r.text)) continue;
    const kind = kindOf(r.start, tags);
    let value: string;
    try {
      value = valueOf(r.start, kind, tags, timeZone);
      // "at 4 today" said at 10:00 is 16:00: a clock time without a half of the day, today, that has
      // passed in the morning is the afternoon's.
      const wall = wallOf(r.start);
      if (
        kind === 'datetime' &&
        !r.end &&
        TODAY_RE.test(r.text) &&
        !HALF_RE.test(r.text) &&
        wall.hour >= 1 &&
        wall.hour < 12 &&
        instantOf(wall, timeZone) < now.getTime()
      )
        value = formatDateTime(instantOf({ ...wall, hour: wall.hour + 12 }, timeZone), timeZone);
      else if (kind !== 'date' && !r.end && afternoonSaidElsewhere(r, pmOnly))
        value = afternoonOf(wall, kind, now, timeZone);
      else if (kind !== 'date' && !r.end && saysAfternoonHour(r, tags, ctx.text)) {
        // An alarm ("wake me at 4:30 for the airport", after a nap "wake me at 2:30") rings at the nearer of
        // the two; with its day named ("tomorrow at 4") it keeps the morning's.
        if (!WAKE_CUE_RE.test(ctx.text)) value = afternoonOf(wall, kind, now, timeZone);
        else if (kind === 'time') value = nearerOf(wall, now, timeZone);
      }
      if (r.end) value = `${value}/${valueOf(r.end, kind, r.end.tags(), timeZone)}`;
    } catch {
      continue; // "in 999999 years" is past what Date can hold: Intl throws RangeError on it
    }
    let end = rewritten ? endInText(ctx.text, r.index + r.text.length) : r.index + r.text.length;
    // "friday morning, 9ish", "tomorrow evening around 7": the hour said after a part of the day is its time.
    const hourAfter = kind === 'datetime' && !r.end ? hourAfterDayPart(r, tags, ctx.text.slice(end)) : null;
    if (hourAfter !== null) {
      const wall = wallOf(r.start);
      value = formatDateTime(
        instantOf(
          { ...wall, day: wall.day + (hourAfter.nextDay ? 1 : 0), hour: hourAfter.hour, minute: hourAfter.minute },
          timeZone,
        ),
        timeZone,
      );
      end += hourAfter.length;
    }
    emit(ctx, kind, r.index, end, value);
  }
}

// A reminder, and no alarm: an hour from 5 to 6 said bare is the evening's ("remind me at 6 to start dinner"),
// while an alarm's is the morning's ("wake me at 6").
const REMINDER_CUE_RE = /\bremind|\breminder/i;
const WAKE_CUE_RE = /\b(?:alarms?|wake|waking|get(?:ting)?\s+up|up\s+at)\b/i;
// "02:30" written with its leading zero is the night's.
const LEADING_ZERO_RE = /(?<!\d)0\d[:.h]/;
// Chinese owns its half-of-day rule (zh-dates.ts): "4:30叫醒我" is read there, not here.
const HAN_TEXT_RE = /\p{Script=Han}/u;

/**
 * An hour from 1 to 4 said without its half of the day ("remind me at 3:15 to pick them up", "wednesday at 2") is
 * not chrono's small hours: for a reminder, the afternoon's; for an alarm ("wake me at 4:30 for the airport", "wake
 * me at 2:30" after a nap), the nearer of the two, as zh-dates.ts reads 三点 (the caller decides which). From 5 to 6,
 * only for a reminder that is no alarm. A part of the day anywhere in the sentence ("tomorrow morning ... at 4"),
 * "am"/"pm", a zone, a length from now or Chinese text keep chrono's reading.
 */
function saysAfternoonHour(r: ParsedResult, tags: Set<string>, text: string): boolean {
  const c = r.start;
  if (!c.isCertain('hour') || c.isCertain('meridiem') || c.isCertain('timezoneOffset')) return false;
  if (HAN_TEXT_RE.test(text)) return false;
  if (tags.has('result/relativeDateAndTime') || HALF_RE.test(text) || LEADING_ZERO_RE.test(r.text)) return false;
  const hour = c.get('hour') ?? 0;
  if (hour >= 1 && hour <= 4) return true;
  return hour >= 5 && hour <= 6 && REMINDER_CUE_RE.test(text) && !WAKE_CUE_RE.test(text);
}

/** The afternoon or the evening named in the sentence, and no other half of the day. */
const PM_PART_RE = /\b(?:afternoon|evening|tonight)\b/i;
const LONE_PM_PART_RE = /^(?:(?:this|the|in\s+the)\s+)?(?:afternoon|evening|tonight)$/i;
const OTHER_PART_RE =
  /\b(?:morning|night|noon|midnight)\b|\d\s*[ap]\.?m\b|\b[ap]\.?m\.?(?!\p{L})|\b(?:1[3-9]|2[0-3])[:h]/iu;

/**
 * "remind me at 2 for the afternoon med round", "at 6, it's for the evening shift": an hour said bare, with
 * the afternoon or the evening named elsewhere in the sentence (not next to it, where chrono joins them), is
 * that half of the day's; "tomorrow morning ... at 4", "am"/"pm" keep theirs, and so does an alarm's hour ("wake
 * me at 5 so i can revise before the afternoon exam"). `pmOnly`: the sentence names only the afternoon or the
 * evening, is no alarm and no Chinese (the Chinese half-of-day words are read by zh-dates.ts).
 */
function afternoonSaidElsewhere(r: ParsedResult, pmOnly: boolean): boolean {
  const c = r.start;
  if (!pmOnly || !c.isCertain('hour') || c.isCertain('meridiem') || c.isCertain('timezoneOffset')) return false;
  if (LEADING_ZERO_RE.test(r.text) || PM_PART_RE.test(r.text)) return false;
  const hour = c.get('hour') ?? 0;
  // Up to 6, where a morning reading is the rarer one anyway: "at 10 about the evening meeting" keeps 10:00.
  return hour >= 1 && hour <= 6;
}

/** The afternoon's reading of a morning clock time: the same day, or for a bare time its next occurrence. */
function afternoonOf(wall: WallTime, kind: 'time' | 'datetime', now: Date, timeZone: string): string {
  if (kind === 'datetime') return formatDateTime(instantOf({ ...wall, hour: wall.hour + 12 }, timeZone), timeZone);
  const today = wallTimeAt(now.getTime(), timeZone);
  const at = { ...today, hour: wall.hour + 12, minute: wall.minute, second: 0, millisecond: 0 };
  let ms = instantOf(at, timeZone);
  if (ms <= now.getTime()) ms = instantOf({ ...at, day: at.day + 1 }, timeZone);
  return formatDateTime(ms, timeZone);
}

/** A bare clock time's next occurrence in either half of the day, whichever comes first. */
function nearerOf(wall: WallTime, now: Date, timeZone: string): string {
  // None on a skipped day: Infinity throws RangeError, and the caller drops the reading.
  return formatDateTime(nextClockTime([wall.hour, wall.hour + 12], wall.minute, now, timeZone) ?? Infinity, timeZone);
}

const DAY_PART_TIME_TAG_RE = /^casualReference\/(morning|afternoon|evening|night|tonight)$/;
// ", 9ish", " around 7", ", say 8:30": an hour (and its minutes) right after a part of the day, to the end of
// what is said or a stop.
const HOUR_AFTER_RE =
  /^[,\s]+(?:(?:at|around|about|say|like|maybe|roughly|ish|-ish|or so)[,\s]+){0,2}(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?(?:\s*-?ish)?(?=\s*(?:$|[,.!?;]|(?:please|pls|then|thanks?|or\s+so)(?![\p{L}])))/iu;

/** The hour said after a part of the day that chrono read without one ("friday morning, 9ish"), or null. */
function hourAfterDayPart(
  r: ParsedResult,
  tags: Set<string>,
  after: string,
): { hour: number; minute: number; length: number; nextDay: boolean } | null {
  if (r.start.isCertain('hour')) return null;
  const part = [...tags].map((t) => DAY_PART_TIME_TAG_RE.exec(t)?.[1]).find((p) => p !== undefined);
  if (part === undefined) return null;
  const m = HOUR_AFTER_RE.exec(after);
  if (m === null) return null;
  const h12 = Number(m[1]) % 12;
  const minute = Number(m[2] ?? 0);
  if (part === 'morning') return { hour: h12, minute, length: m[0].length, nextDay: false };
  // "tonight, 1ish", "saturday night, 2": an hour up to 4 after the evening or the night is the small hours
  // of the next day; chrono tags "saturday night" as the evening, so both are read alike.
  if (part !== 'afternoon' && h12 >= 1 && h12 <= 4) return { hour: h12, minute, length: m[0].length, nextDay: true };
  return { hour: h12 + 12, minute, length: m[0].length, nextDay: false };
}

function kindOf(c: ParsedComponents, tags: Set<string>): 'date' | 'time' | 'datetime' {
  const hasTime = c.isCertain('hour') || [...tags].some((t) => DAY_PART_TAG_RE.test(t));
  if (!hasTime) return 'date';
  const hasDate =
    c.isCertain('day') ||
    c.isCertain('weekday') ||
    c.isCertain('month') ||
    tags.has('result/relativeDate') ||
    [...tags].some((t) => t.startsWith('casualReference/') && !DAY_PART_TAG_RE.test(t));
  // "this evening", "tonight": a day part of today is a date-time, not a bare clock time.
  const dayPart = [...tags].some((t) => /^casualReference\/(?:tonight|morning|afternoon|evening|night)$/.test(t));
  return hasDate || dayPart ? 'datetime' : 'time';
}

function valueOf(c: ParsedComponents, kind: 'date' | 'time' | 'datetime', tags: Set<string>, timeZone: string): string {
  const wall = wallOf(c);
  if (kind === 'date') return formatDate(wall);
  // An explicit zone ("6pm EST") or a relative amount of time ("in 10 minutes") fixes the instant
  // itself; otherwise the wall-clock fields are read in the user's zone, which stays right across
  // a DST change between now and then (chrono only knows one fixed offset).
  const absolute = c.isCertain('timezoneOffset') || tags.has('result/relativeDateAndTime');
  const ms = absolute ? c.date().getTime() : instantOf(wall, timeZone);
  return formatDateTime(ms, timeZone);
}

function wallOf(c: ParsedComponents): WallTime {
  const g = (k: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond', d: number): number =>
    c.get(k) ?? d;
  return {
    year: g('year', 1970),
    month: g('month', 1),
    day: g('day', 1),
    hour: g('hour', 0),
    minute: g('minute', 0),
    second: g('second', 0),
    millisecond: g('millisecond', 0),
  };
}
