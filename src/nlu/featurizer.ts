/**
 * The featurizer: utterance → hashed feature ids (word n-grams and character n-grams).
 *
 * Hand-written rather than taken from a library because its output is part of the model
 * format: a model trained in Node must see the very same ids in a browser Worker years later,
 * so every step (normalization, segmentation, n-grams, hash) is pinned here and versioned by
 * {@link FeaturizerConfig.version}.
 *
 * @module
 */
import { bucketOf } from './hash.ts';
import { DEFAULT_MAX_CHARS, normalizeText } from './normalize.ts';

/** How text becomes ids; stored in the model's metadata so a model always featurizes as it was trained. */
export interface FeaturizerConfig {
  /** Featurizer format version; a model whose version this code does not know is refused. */
  version: 1;
  /** Size of the id space; ids are in `[1, buckets)`, 0 means "no feature". */
  buckets: number;
  /** Longest word n-gram (1 = words only, 2 = words and bigrams). */
  wordNgrams: number;
  /** Shortest and longest character n-gram, taken inside `<word>` with boundary markers. 0 disables them. */
  charMin: number;
  charMax: number;
  /** The most code units of input looked at. */
  maxChars: number;
  /** The most ids one utterance yields. */
  maxIds: number;
  /** BCP 47 locale given to `Intl.Segmenter`. */
  locale: string;
}

/** The current featurizer version. */
export const FEATURIZER_VERSION = 1;

/**
 * The default featurizer: words, word bigrams and character 2–5-grams hashed into 2^18 buckets.
 * @param locale BCP 47 locale of the training data @default 'en'
 * @returns a fresh config
 */
export function defaultFeaturizerConfig(locale = 'en'): FeaturizerConfig {
  return {
    version: FEATURIZER_VERSION,
    buckets: 1 << 18,
    wordNgrams: 2,
    charMin: 2,
    charMax: 5,
    maxChars: DEFAULT_MAX_CHARS,
    maxIds: 4096,
    locale,
  };
}

/** Fallback tokenizer where `Intl.Segmenter` is missing: runs of letters, marks, digits and apostrophes. */
const WORD_RUN = /[\p{L}\p{M}\p{N}'’_]+|\p{Extended_Pictographic}/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const segmenters = new Map<string, Intl.Segmenter | null>();

function segmenterFor(locale: string): Intl.Segmenter | null {
  let s = segmenters.get(locale);
  if (s === undefined) {
    try {
      s = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'word' }) : null;
    } catch {
      // An invalid locale tag in a hand-edited model: segment with the root locale instead.
      s = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
    }
    segmenters.set(locale, s);
  }
  return s;
}

/**
 * Splits normalized text into word tokens with `Intl.Segmenter` (dictionary-based for Chinese,
 * Japanese and Thai, so no spaces are needed). Emoji are kept as tokens: 👋 means something.
 * @param normalized text from {@link normalizeText}
 * @param locale BCP 47 locale for the segmenter
 * @returns the tokens in order
 */
export function tokenize(normalized: string, locale: string): string[] {
  const segmenter = segmenterFor(locale);
  if (segmenter === null) return normalized.match(WORD_RUN) ?? [];
  const tokens: string[] = [];
  for (const part of segmenter.segment(normalized)) {
    if (part.isWordLike === true || PICTOGRAPH.test(part.segment)) tokens.push(part.segment);
  }
  return tokens;
}

/**
 * Turns an utterance into hashed feature ids: one per word (`w`), per word bigram (`b`) and per
 * character n-gram of each `<word>` (`c`). Order follows the text; repeats are kept (the model
 * averages over them). Never throws; an utterance with no features yields `[0]`.
 *
 * @param text the raw utterance
 * @param config the model's featurizer config
 * @returns ids in `[0, config.buckets)`, at least one and at most `config.maxIds`
 * @example
 * ```ts
 * const ids = featurize('Hello there', defaultFeaturizerConfig());
 * ```
 */
export function featurize(text: string, config: FeaturizerConfig): Int32Array {
  const tokens = tokenize(normalizeText(text, config.maxChars), config.locale);
  const out = new Int32Array(config.maxIds);
  let n = 0;
  const push = (feature: string): boolean => {
    if (n >= config.maxIds) return false;
    out[n++] = bucketOf(feature, config.buckets);
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (!push(`w${token}`)) break;
    if (config.wordNgrams >= 2 && i + 1 < tokens.length && !push(`b${token} ${tokens[i + 1] as string}`)) break;
    if (config.charMin > 0 && !pushCharNgrams(token, config, push)) break;
  }
  return n === 0 ? new Int32Array(1) : out.slice(0, n);
}

function pushCharNgrams(token: string, config: FeaturizerConfig, push: (f: string) => boolean): boolean {
  // Code points, not code units, so an emoji or a rare CJK character is never cut in half.
  const chars = Array.from(`<${token}>`);
  for (let len = config.charMin; len <= config.charMax; len++) {
    for (let start = 0; start + len <= chars.length; start++) {
      if (!push(`c${chars.slice(start, start + len).join('')}`)) return false;
    }
  }
  return true;
}
