/**
 * Durations as milliseconds: "ten minutes", "1.5 hours", "2 hours and 15 minutes", "half an
 * hour", "an hour and a half", "1h30", "90 sec". chrono-node reads "in 10 minutes" as a point in
 * time but has no notion of a bare length of time, so this small parser reuses the number spans.
 * Months and years are left out: their length in milliseconds depends on the calendar.
 *
 * @module
 */

import { matchAt } from './numbers.ts';
import { afterPowerSign, emit, type ScanContext, type Token } from './scan.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT_MS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:ms|msecs?|milliseconds?)$/, 1],
  [/^(?:secs?|seconds?)$/, SECOND],
  [/^(?:mins?|minutes?)$/, MINUTE],
  [/^(?:h|hrs?|hours?)$/, HOUR],
  [/^(?:days?)$/, DAY],
  [/^(?:wks?|weeks?|fortnights?)$/, 7 * DAY],
];
// A bare `s`, `m` or `d` after a number is too ambiguous ("the 90s", "5 m", "3d") to be a unit. A few spaces:
// dictation's "a too minute timer" is read as "a 2   minute timer" (dictation.ts).
const UNIT_RE =
  /(?:-|\s{1,4})?(ms|msecs?|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|fortnights?)(?![\p{L}\p{N}])/iuy;
// "and a half", "n a half", "'n' a half", "& a quarter": a half or a quarter more of the unit.
const HALF_RE = /\s*(?:\s(?:and|n)\s|\s?&\s?|\s?'n'?\s)\s*a\s+(half|quarter)(?![\p{L}\p{N}])/iuy;
const MORE_RE = /\s+(?:more|extra)(?=\s)/iuy;
const JOIN_RE = /\s*,\s*(?:and\s+)?|\s+and\s+|\s+/iy;
// Compact forms written as one token: 1h30, 1h30m, 2h, 45min, 2m30s, 90sec.
const COMPACT_RE = /^(\d+(?:\.\d+)?)(h|hrs?|mins?|secs?|ms|d|wks?)(?:(\d{1,2})(m|mins?)?)?$|^(\d+)m(\d{1,2})s$/i;

/** A word after "a second" that makes it the ordinal ("a second one", "a second timer for the oven"). */
const ORDINAL_NEXT_RE =
  /^\s+(?:one|ones|timer|timers|alarm|reminder|list|batch|tray|pan|pot|countdown|thing|for|on)\b/i;
/** "an hour and 20", "2 hours and 45 then": the minutes after hours, at the end or before a stop. */
const HOUR_AND_MINUTES_RE =
  /\s+and\s+([1-5]?\d)(?=\s*(?:$|[,.!?;]|(?:then|please|pls|thanks?|or\s+so|ish)(?![\p{L}])))/iuy;

/** The words after which a dictated "ate" before a unit is the number 8 ("a timer for ate minutes"). */
const DICTATED_EIGHT_AFTER = new Set(['for', 'in', 'timer', 'another', 'about']);

interface Piece {
  ms: number;
  unit: number;
  end: number;
}

/** Emits `duration` entities whose value is the length in milliseconds. */
export function findDurations(ctx: ScanContext): void {
  const { tokens } = ctx;
  let resumeAt = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (tok.start < resumeAt || afterPowerSign(ctx.text, tok.start)) continue;
    let piece = compact(tok) ?? pieceAt(ctx, tok.start);
    if (!piece) continue;
    let { ms } = piece;
    let end = piece.end;
    // "2 hours and 15 minutes", "1 hour, 30 minutes": each further piece must be a smaller unit.
    for (;;) {
      const join = matchAt(ctx.text, end, JOIN_RE);
      if (!join) break;
      const at = end + join[0].length;
      const nextTok = tokens[ctx.tokenAt.get(at) ?? -1];
      const next: Piece | null = (nextTok && compact(nextTok)) ?? pieceAt(ctx, at);
      if (!next || next.unit >= piece.unit) break;
      ms += next.ms;
      end = next.end;
      piece = next;
    }
    // "an hour and 20", "2 hours and 15": minutes said after the hours without their unit.
    const minutes = piece.unit === HOUR ? matchAt(ctx.text, end, HOUR_AND_MINUTES_RE) : null;
    if (minutes !== null && Number(minutes[1]) < 60) {
      ms += Number(minutes[1]) * MINUTE;
      end += minutes[0].length;
    }
    emit(ctx, 'duration', tok.start, end, Math.round(ms));
    resumeAt = end;
  }
}

/** One "<quantity> <unit>" piece starting exactly at `at`, or null. */
function pieceAt(ctx: ScanContext, at: number): Piece | null {
  const q = quantityAt(ctx, at);
  if (!q) return null;
  let end = q.end;
  let qty = q.value;
  const half = matchAt(ctx.text, end, HALF_RE); // "one and a half hours"
  if (half) {
    qty += fraction(half);
    end += half[0].length;
  }
  // "5 more minutes", "30 extra seconds"
  const more = matchAt(ctx.text, end, MORE_RE);
  if (more) end += more[0].length;
  const unit = matchAt(ctx.text, end, UNIT_RE);
  if (!unit) return null;
  const ms = unitMs(unit[1] as string);
  if (ms === undefined) return null;
  end += unit[0].length;
  // "a second one for the oven", "another second timer": the ordinal before a noun, not one second.
  if (
    ms === SECOND &&
    /^(?:a|an|another)\s/i.test(ctx.text.slice(at, at + 8)) &&
    ORDINAL_NEXT_RE.test(ctx.text.slice(end))
  )
    return null;
  const trailingHalf = !half && matchAt(ctx.text, end, HALF_RE); // "an hour and a half"
  if (trailingHalf) {
    qty += fraction(trailingHalf);
    end += trailingHalf[0].length;
  }
  return { ms: qty * ms, unit: ms, end };
}

/** The part of a unit an "and a half" / "and a quarter" match adds. */
function fraction(match: RegExpExecArray): number {
  return (match[1] as string).toLowerCase() === 'half' ? 0.5 : 0.25;
}

/** A number span, "a"/"an" (one), "half a"/"half an" (a half) or "a quarter of an" starting at `at`. */
function quantityAt(ctx: ScanContext, at: number): { value: number; end: number } | null {
  const n = ctx.numberAt.get(at);
  if (n && !n.ordinal && n.value >= 0) return { value: n.value, end: n.end };
  if (n?.ordinal === true) return secondsOrdinal(ctx, at, n.value, n.end);
  const i = ctx.tokenAt.get(at);
  if (i === undefined) return null;
  const w = (k: number): string | undefined => ctx.tokens[i + k]?.norm;
  const endOf = (k: number): number => (ctx.tokens[i + k] as Token).end;
  if (w(0) === 'a' || w(0) === 'an') {
    if (w(1) === 'quarter' && w(2) === 'of' && (w(3) === 'an' || w(3) === 'a')) return { value: 0.25, end: endOf(3) };
    if (w(1) === 'half' && w(2) !== 'and') return { value: 0.5, end: endOf(1) };
    return { value: 1, end: endOf(0) };
  }
  if (w(0) === 'half' && (w(1) === 'an' || w(1) === 'a')) return { value: 0.5, end: endOf(1) };
  // Dictation's "a timer for ate minutes": after "for"/"in"/"timer" and before a unit (the caller checks), 8.
  if (w(0) === 'ate' && DICTATED_EIGHT_AFTER.has(w(-1) ?? '')) return { value: 8, end: endOf(0) };
  // "half of an hour", "half of one hour"
  if (w(0) === 'half' && w(1) === 'of' && ['an', 'a', 'one', 'the'].includes(w(2) ?? ''))
    return { value: 0.5, end: endOf(2) };
  if (w(0) === 'quarter' && w(1) === 'of' && (w(2) === 'an' || w(2) === 'a')) return { value: 0.25, end: endOf(2) };
  return null;
}

function compact(tok: Token): Piece | null {
  if (!/^\d/.test(tok.text)) return null;
  const m = COMPACT_RE.exec(tok.text);
  if (!m) return null;
  if (m[5] !== undefined) {
    return { ms: Number(m[5]) * MINUTE + Number(m[6]) * SECOND, unit: MINUTE, end: tok.end };
  }
  const unit = unitMs((m[2] as string).toLowerCase() === 'd' ? 'day' : (m[2] as string));
  if (unit === undefined) return null;
  let ms = Number(m[1]) * unit;
  // "1h30": the trailing digits are minutes after hours only.
  if (m[3] !== undefined) {
    if (unit !== HOUR) return null;
    ms += Number(m[3]) * MINUTE;
  }
  return { ms, unit, end: tok.end };
}

function unitMs(unit: string): number | undefined {
  const u = unit.toLowerCase();
  for (const [re, ms] of UNIT_MS) if (re.test(u)) return ms;
  return undefined;
}

/**
 * "a thirty second timer", "twenty-second plank": the number reader takes "thirty second" for the
 * ordinal 32nd; before a word other than "of" ("the twenty second of May" is a date) and not after
 * "the"/"on", it is that many seconds. Returned as a quantity whose unit ("second") the caller reads
 * from the text, so the span ends before that word.
 */
function secondsOrdinal(
  ctx: ScanContext,
  at: number,
  value: number,
  end: number,
): { value: number; end: number } | null {
  const said = /^(.*?)[\s-]+second$/i.exec(ctx.text.slice(at, end));
  if (said === null || value <= 20 || value % 10 !== 2) return null;
  if (/^\s+of\b/i.test(ctx.text.slice(end)) || /\b(?:the|on)\s+$/i.test(ctx.text.slice(0, at))) return null;
  return { value: value - 2, end: at + (said[1] as string).length };
}
