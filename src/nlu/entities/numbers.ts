/**
 * Cardinal numbers written with digits (`42`, `-3.5`, `1,000`, `5 million`) or words
 * ("twenty one", "a hundred and five", "minus two", "three point five"). The spans found here are
 * also the amounts that money, percentages and durations are built on.
 *
 * @module
 */

import { isNumberWord, parseNumberWords, SCALE_WORDS } from './number-words.ts';
import { emit, joinable, type ScanContext, type Token } from './scan.ts';
import { findZhNumbers } from './zh-numbers.ts';

const HAN_OR_WIDE_RE = /[\p{Script=Han}０-９]/u;

// A sign only when it is not a hyphen inside a word ("covid-19" is 19); `1,000` groups by threes;
// no letter may touch the number (`10am` and `3rd` belong to other extractors); a digit run
// preceded by `1.` is the tail of a version number, not a number of its own.
const DIGITS_RE =
  /(?<![\p{L}\p{N}_]|\p{N}[.,])(?:[-−+](?=\d))?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{L}\p{N}]|[.,]\d)/gu;

/** Finds every number span (cardinals and word ordinals) and emits the cardinals as `number` entities. */
export function findNumbers(ctx: ScanContext): void {
  if (ctx.hasDigit) findDigitNumbers(ctx);
  findWordNumbers(ctx);
  // Chinese numerals, and digits written against Han characters ("买5个"), which DIGITS_RE leaves alone.
  if (HAN_OR_WIDE_RE.test(ctx.text)) findZhNumbers(ctx);
  ctx.numbers.sort((a, b) => a.start - b.start);
  for (const n of ctx.numbers) {
    ctx.numberAt.set(n.start, n);
    if (!n.ordinal) emit(ctx, 'number', n.start, n.end, n.value);
  }
}

function findDigitNumbers(ctx: ScanContext): void {
  const { text, tokens } = ctx;
  DIGITS_RE.lastIndex = 0;
  for (let m = DIGITS_RE.exec(text); m !== null; m = DIGITS_RE.exec(text)) {
    let value = Number(m[0].replace(/,/g, '').replace('−', '-'));
    if (!Number.isFinite(value)) continue;
    const start = m.index;
    let end = start + m[0].length;
    // "5 million": a scale word right after the digits multiplies them.
    const digitsToken = tokenEndingAt(ctx, end);
    const next = digitsToken === undefined ? undefined : tokens[digitsToken + 1];
    const scale = next ? SCALE_WORDS.get(next.norm) : undefined;
    if (next && scale !== undefined && joinable(text, end, next.start)) {
      value *= scale;
      end = next.end;
    }
    ctx.numbers.push({ start, end, value, ordinal: false });
  }
}

function findWordNumbers(ctx: ScanContext): void {
  const { text, tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    const w = tok.norm;
    // Only words that can open a phrase; everything else costs one Set lookup.
    if (!(isNumberWord(w) || w === 'a' || w === 'an' || w === 'minus' || w === 'negative')) continue;
    const found = parseNumberWords(text, tokens, i);
    if (!found) continue;
    const end = (tokens[found.end - 1] as Token).end;
    ctx.numbers.push({ start: tok.start, end, value: found.value, ordinal: found.ordinal });
    i = found.end - 1;
  }
}

function tokenEndingAt(ctx: ScanContext, end: number): number | undefined {
  // Tokens are sorted: a short binary search keeps long inputs linear-ish.
  let lo = 0;
  let hi = ctx.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = ctx.tokens[mid] as Token;
    if (t.end === end) return mid;
    if (t.end < end) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Runs the sticky regex `re` exactly at offset `at` of the text (e.g. a unit right after a number). */
export function matchAt(text: string, at: number, re: RegExp): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}
