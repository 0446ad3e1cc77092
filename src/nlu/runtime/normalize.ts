/**
 * Text normalization applied before featurizing: bounded, total (never throws) and
 * identical in Node and in browsers, because the model's ids depend on it byte for byte.
 *
 * @module
 */
import { foldHanVariants } from './han-variants.ts';

/**
 * The most UTF-16 code units of input that are looked at. An utterance to an assistant is a
 * sentence or two; capping first keeps a 1 MB paste from costing more than a short one.
 */
export const DEFAULT_MAX_CHARS = 1000;

/*
 * Format characters removed outright: bidi embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069) and marks (U+200E/F, U+061C), zero-width characters (U+200B–200D, U+2060,
 * U+FEFF) and the soft hyphen. None carries meaning for intent, and bidi overrides can make two
 * identical-looking strings featurize differently.
 */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** C0 and C1 control characters (other than whitespace) separate words: they become a space. */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

/** Whitespace controls (tab, newlines, NEL, line/paragraph separators) become a plain space. */
const SPACES = /[\t\n\v\f\r\u0085\u2028\u2029\s]+/g;

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Digits of any script, after NFKC, become ASCII `0` so "10 minutes" and "15 minutes" share features. */
const DIGIT = /\p{Nd}/gu;

/**
 * Cuts `text` to at most `maxChars` UTF-16 code units without splitting a surrogate pair.
 * @param text any string
 * @param maxChars the most code units to keep
 * @returns a prefix of `text`
 */
export function capLength(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  // Keep a pair whole or drop its first half, so the cut never makes a lone surrogate.
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Full-width ASCII forms (U+FF01–FF5E) and the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/**
 * Folds full-width ASCII forms (`ＳＥＴ　５　ＭＩＮ`, typed with a Chinese or Japanese input method) to
 * their ASCII letters, digits and punctuation, one code unit for one, so offsets into the result are
 * offsets into `text`. The entity grammars read English through it; NFKC would do the same but may
 * change lengths.
 *
 * @param text any string
 * @returns `text` with U+FF01–FF5E mapped to U+0021–007E and U+3000 to a space
 * @example
 * ```ts
 * foldFullWidth('ＴＩＭＥＲ　５　ＭＩＮ') // → 'TIMER 5 MIN'
 * ```
 */
export function foldFullWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/**
 * Normalizes an utterance for featurizing: caps its length, replaces lone surrogates with
 * U+FFFD, turns control characters into spaces, removes bidi and zero-width characters,
 * applies Unicode NFKC (full-width letters, digits and punctuation become ASCII; compatibility
 * ideographs become unified ones), folds traditional Chinese to simplified when asked, folds case
 * (full folding for the common cases: `ß` → `ss`), maps every decimal digit to `0`, and collapses
 * whitespace.
 *
 * Total and bounded: any string in, a string of at most about `maxChars` code units out.
 *
 * @param text the raw utterance (anything a user could type or paste)
 * @param maxChars the most code units of input looked at @default DEFAULT_MAX_CHARS
 * @param options `foldHan`: traditional Chinese characters become simplified (featurizer version 2) @default false
 * @returns the normalized text, possibly empty
 * @example
 * ```ts
 * normalizeText('  Straße\u202E 10 ') // → 'strasse 00'
 * normalizeText('現在幾點了？１０', 1000, { foldHan: true }) // → '现在几点了?00'
 * ```
 */
export function normalizeText(
  text: string,
  maxChars: number = DEFAULT_MAX_CHARS,
  options: { foldHan?: boolean } = {},
): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let s = capLength(text, maxChars);
  s = s.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '').replace(CONTROLS, ' ');
  // NFKC may expand (one ligature can become 18 characters): cap again after it.
  s = capLength(s.normalize('NFKC'), maxChars);
  // One code point to one code point: the length is unchanged.
  if (options.foldHan === true) s = foldHanVariants(s);
  // toUpperCase().toLowerCase() gives full case folding for ß, ligatures and the like, which
  // toLowerCase() alone does not; neither depends on the platform's locale.
  s = s.toUpperCase().toLowerCase();
  return s.replace(DIGIT, '0').replace(SPACES, ' ').trim();
}
