/**
 * Tokens with offsets for the slot tagger: words as `Intl.Segmenter` finds them (dictionary-based
 * for Chinese, so no spaces are needed), punctuation and emoji as tokens of their own, each with
 * its UTF-16 offsets into the original text, so a tagged span maps back to exactly what was typed.
 *
 * Unlike the intent featurizer's `tokenize`, this segments the text as given (not normalized):
 * normalization (NFKC, case folding) may change lengths, and the offsets must stay exact.
 * Normalization is applied per token, to its features only (`token-features.ts`).
 *
 * @module
 */
import { capLength } from '../runtime/normalize.ts';

/** One token: `text === original.slice(start, end)`. */
export interface Token {
  text: string;
  start: number;
  /** Exclusive end offset. */
  end: number;
}

/** The most tokens one utterance yields; words past it are not tagged. */
export const MAX_TOKENS = 128;

/** Where `Intl.Segmenter` is missing: runs of letters, marks, digits and apostrophes, else one code point. */
const FALLBACK = /[\p{L}\p{M}\p{N}'’_]+|\S/gu;
const SPACE_ONLY = /^\s+$/u;
/**
 * An English possessive or contraction glued to a word ("Kasey Chambers's tune"): split off, as
 * the slot ends before it (SNIPS annotates `artist: Kasey Chambers`). Only `'s`, the common case.
 */
const POSSESSIVE = /^(.*\p{L})(['’]s)$/u;

const segmenters = new Map<string, Intl.Segmenter | null>();

function segmenterFor(locale: string): Intl.Segmenter | null {
  let s = segmenters.get(locale);
  if (s === undefined) {
    const make = (tag: string | undefined) => new Intl.Segmenter(tag, { granularity: 'word' });
    try {
      s = typeof Intl.Segmenter === 'function' ? make(locale) : null;
    } catch {
      // An invalid locale tag in a hand-edited model: segment with the root locale instead.
      s = typeof Intl.Segmenter === 'function' ? make(undefined) : null;
    }
    segmenters.set(locale, s);
  }
  return s;
}

/**
 * Splits `text` into tokens with offsets. Whitespace is never a token; everything else is
 * (words, numbers, punctuation, emoji with their modifiers and joiners, a letter with its
 * combining marks). At most {@link MAX_TOKENS} tokens from the first `maxChars` code units.
 *
 * @param text the utterance as typed
 * @param locale BCP 47 locale for the segmenter (`zh` segments Chinese into words)
 * @param maxChars the most code units looked at @default 1000
 * @returns the tokens in order
 * @example
 * ```ts
 * tokenizeWithOffsets('北京的天气', 'zh') // → [{ text: '北京', start: 0, end: 2 }, { text: '的', … }, { text: '天气', … }]
 * ```
 */
export function tokenizeWithOffsets(text: string, locale: string, maxChars = 1000): Token[] {
  if (typeof text !== 'string') return [];
  const source = capLength(text, maxChars);
  const tokens: Token[] = [];
  const push = (piece: string, start: number) => {
    if (tokens.length >= MAX_TOKENS || piece === '' || SPACE_ONLY.test(piece)) return;
    const m = POSSESSIVE.exec(piece);
    if (m !== null && (m[1] as string).length > 0) {
      const head = m[1] as string;
      tokens.push({ text: head, start, end: start + head.length });
      if (tokens.length < MAX_TOKENS)
        tokens.push({ text: m[2] as string, start: start + head.length, end: start + piece.length });
      return;
    }
    tokens.push({ text: piece, start, end: start + piece.length });
  };
  const segmenter = segmenterFor(locale);
  if (segmenter === null) {
    for (const m of source.matchAll(FALLBACK)) push(m[0], m.index);
    return tokens;
  }
  for (const part of segmenter.segment(source)) {
    if (part.isWordLike === true) {
      push(part.segment, part.index);
      continue;
    }
    // A non-word segment may hold several punctuation marks ("?!") or spaces around one: one
    // token per grapheme-ish run of non-space characters.
    for (const m of part.segment.matchAll(/\S+/gu)) push(m[0], part.index + m.index);
  }
  return tokens;
}
