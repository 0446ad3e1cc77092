/**
 * Ordinals: digits with an English suffix (`1st`, `22nd`, `3rd`, `4th`) and words (`third`,
 * `twenty-first`, `one hundredth`). Word ordinals come from the number-word parser, which already
 * ran; this file adds the digit forms, settles the ambiguous word "second", and emits both.
 *
 * @module
 */

import { emit, type NumberSpan, type ScanContext } from './scan.ts';

// Any of the four suffixes is accepted after any digits: "3th" is a typo worth understanding, and
// the value is in the digits anyway.
const DIGIT_ORDINAL_RE = /(?<![\p{L}\p{N}.,])(\d{1,9})(?:st|nd|rd|th)(?![\p{L}\p{N}])/giu;

// Words before a bare "second" that make it the unit of time ("wait a second", "per second").
const TIME_SECOND_PREFIX = new Set(['a', 'one', 'per', 'each', 'every', 'split', 'half', 'this']);

/** Emits `ordinal` entities whose value is the position as a number (`third` → 3). */
export function findOrdinals(ctx: ScanContext): void {
  for (const n of ctx.numbers) {
    if (n.ordinal && !isTimeSecond(ctx, n)) emit(ctx, 'ordinal', n.start, n.end, n.value);
  }
  if (!ctx.hasDigit) return;
  DIGIT_ORDINAL_RE.lastIndex = 0;
  for (let m = DIGIT_ORDINAL_RE.exec(ctx.text); m !== null; m = DIGIT_ORDINAL_RE.exec(ctx.text)) {
    emit(ctx, 'ordinal', m.index, m.index + m[0].length, Number(m[1]));
  }
}

/**
 * "the second one", "my second job" are positions; "a second", "per second", "this second" are
 * time. Only the bare word is ambiguous: "twenty second" is always an ordinal.
 */
function isTimeSecond(ctx: ScanContext, n: NumberSpan): boolean {
  if (n.value !== 2 || n.end - n.start !== 6) return false;
  const i = ctx.tokenAt.get(n.start);
  if (i === undefined || ctx.tokens[i]?.norm !== 'second') return false;
  const prev = ctx.tokens[i - 1]?.norm;
  return prev !== undefined && TIME_SECOND_PREFIX.has(prev);
}
