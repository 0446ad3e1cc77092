/**
 * The shared, per-call view of an utterance that every extractor reads: word tokens with their
 * original UTF-16 offsets and a folded form, computed once so that ten extractors do not
 * re-tokenize the same text.
 *
 * @module
 */

import type { Entity } from '../types.ts';

/** One word of the utterance. */
export interface Token {
  /** The exact slice `text.slice(start, end)`. */
  text: string;
  /** Lower-cased, diacritics removed (`Zürich` → `zurich`): what dictionaries are keyed by. */
  norm: string;
  start: number;
  end: number;
}

/** A number found in the text, reused by money, percentages, durations and ordinals. */
export interface NumberSpan {
  start: number;
  end: number;
  value: number;
  /** `true` for `third`, `twenty-first` (words); digit ordinals (`3rd`) are not number spans. */
  ordinal: boolean;
}

/** What extractors share for one call. */
export interface ScanContext {
  text: string;
  tokens: Token[];
  /** Index of the token starting at a given offset (for "does a number start here?" lookups). */
  tokenAt: Map<number, number>;
  /** Cardinal and word-ordinal numbers, filled by the number extractor before the others run. */
  numbers: NumberSpan[];
  /** Number spans by start offset. */
  numberAt: Map<number, NumberSpan>;
  /** Whether the text has an ASCII digit: most extractors need one and skip the text when not. */
  hasDigit: boolean;
  /** The candidates found so far; overlaps are resolved once at the end. */
  out: Entity[];
}

// Digit runs with inner `.`/`,` stay one token (`1,000`, `3.5`) but only between digits, so
// `paris,london` splits. Letters, marks and digits otherwise form words (`3rd`, `1h30`, `don't`).
const WORD_RE = /\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;
const MARKS_RE = /\p{M}+/gu;

/** Lower-cases and strips diacritics (NFD then drop combining marks); ASCII takes the fast path. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII_RE.test(lower) ? lower.normalize('NFD').replace(MARKS_RE, '').normalize('NFC') : lower;
}

/** Splits `text` into word tokens with exact offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const word = m[0];
    tokens.push({ text: word, norm: fold(word), start: m.index, end: m.index + word.length });
  }
  return tokens;
}

/** Builds the context for one (already length-capped) text. */
export function createScanContext(text: string): ScanContext {
  const tokens = tokenize(text);
  const tokenAt = new Map<number, number>();
  tokens.forEach((t, i) => tokenAt.set(t.start, i));
  return { text, tokens, tokenAt, numbers: [], numberAt: new Map(), hasDigit: /\d/.test(text), out: [] };
}

/**
 * Whether only a separator that keeps words in one phrase lies between two offsets: spaces, a
 * hyphen (`twenty-one`), or nothing.
 */
export function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x2d && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}

/** Adds a candidate entity whose `text` is the exact slice of the context's text. */
export function emit(
  ctx: ScanContext,
  kind: Entity['kind'],
  start: number,
  end: number,
  value: unknown,
  extra?: Partial<Entity>,
): void {
  ctx.out.push({ kind, text: ctx.text.slice(start, end), start, end, value, confidence: 1, ...extra });
}

/**
 * `true` when the number starting at `start` is an exponent: right after a power sign ("10^30
 * seconds", "2**40 minutes", "10 ^ 30秒"). It is no amount of anything, and a unit after it
 * measures the power, not it: "set a timer for 10^30 seconds" is no 30-second timer.
 * @param text the text scanned
 * @param start where the number starts
 */
export function afterPowerSign(text: string, start: number): boolean {
  // Only after a number or a closing parenthesis: "**5分钟**" is markdown bold, "^_^ 5分钟" a face.
  return POWER_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

const POWER_BEFORE = /[\d)]\s{0,3}(?:\^|\*\*)\s{0,3}$/u;
