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
import { bucketOf, FNV_START, fnvFeed, fnvFinish } from './hash.ts';
import { DEFAULT_MAX_CHARS, normalizeText } from './normalize.ts';

/** How text becomes ids; stored in the model's metadata so a model always featurizes as it was trained. */
export interface FeaturizerConfig {
  /**
   * Featurizer format version; a model whose version this code does not know is refused.
   * Version 2 adds `foldHan` and `hanNgrams` (a version 1 config featurizes as it always did).
   */
  version: 1 | 2;
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
  /** (Version 2.) Fold traditional Chinese characters to simplified ones (see `han-variants.ts`). */
  foldHan?: boolean;
  /**
   * (Version 2.) Longest n-gram of Han characters (`h`) taken over each run of them, across the
   * segmenter's word boundaries: a word it splits (计|时|器 for 计时器) still yields its n-grams. 0: none.
   */
  hanNgrams?: number;
}

/** The newest featurizer version this code knows (it still featurizes every older one). */
export const FEATURIZER_VERSION = 2;

/**
 * The default featurizer: words, word bigrams and character 2–5-grams hashed into 2^18 buckets;
 * traditional Chinese folded to simplified, and Han character 1–3-grams across word boundaries.
 * Text without Han characters gets the same ids as in version 1.
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
    foldHan: true,
    hanNgrams: 3,
  };
}

/**
 * Checks a featurizer config read from a model file (JSON anyone could have edited).
 * @param config the decoded value
 * @returns the first problem found, or `null` when the config is usable
 */
export function checkFeaturizerConfig(config: unknown): string | null {
  if (typeof config !== 'object' || config === null) return 'the featurizer config is not an object';
  const c = config as Record<string, unknown>;
  if (typeof c.version !== 'number' || !Number.isInteger(c.version) || c.version < 1 || c.version > FEATURIZER_VERSION)
    return 'unknown featurizer version';
  if (c.foldHan !== undefined && typeof c.foldHan !== 'boolean') return 'featurizer.foldHan must be a boolean';
  if (c.hanNgrams !== undefined && !(Number.isInteger(c.hanNgrams) && (c.hanNgrams as number) >= 0))
    return 'featurizer.hanNgrams must be a non-negative integer';
  for (const k of ['buckets', 'wordNgrams', 'charMin', 'charMax', 'maxChars', 'maxIds'] as const) {
    const v = c[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return `featurizer.${k} must be a non-negative integer`;
  }
  if ((c.buckets as number) < 2 || (c.maxIds as number) < 1 || typeof c.locale !== 'string')
    return 'featurizer config is out of range';
  return null;
}

/** Fallback tokenizer where `Intl.Segmenter` is missing: runs of letters, marks, digits and apostrophes. */
const WORD_RUN = /[\p{L}\p{M}\p{N}'’_]+|\p{Extended_Pictographic}/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const segmenters = new Map<string, Intl.Segmenter | null>();
let scratchIds = new Int32Array(0);

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
  return segmentWords(normalized, locale).map((t) => t.segment);
}

/** The last text normalized for a featurizer, with the options it was normalized with (see {@link segmentWords}). */
let lastNormalized: { text: string; maxChars: number; foldHan: boolean; normalized: string } | undefined;

/** `normalizeText` as a featurizer config asks, the last call's result kept: a pure function of its inputs. */
function normalizedFor(text: string, config: FeaturizerConfig): string {
  const foldHan = config.version >= 2 && config.foldHan === true;
  const last = lastNormalized;
  if (last !== undefined && last.text === text && last.maxChars === config.maxChars && last.foldHan === foldHan)
    return last.normalized;
  const normalized = normalizeText(text, config.maxChars, { foldHan });
  lastNormalized = { text, maxChars: config.maxChars, foldHan, normalized };
  return normalized;
}

/** A word token and its offset in the normalized text. */
type Word = { readonly segment: string; readonly index: number };

/**
 * The last text segmented, and its words: one turn's utterance is segmented by the intent model,
 * by its language evidence and by the context model (the same text and locale, other feature
 * hashes), and `Intl.Segmenter` is half of featurizing. Segmenting is a pure function of the two
 * strings, so the kept words are exactly what a new segmentation would return; callers only read them.
 */
let lastSegmented: { normalized: string; locale: string; words: readonly Word[] } | undefined;

/** {@link tokenize} with each token's offset in the text. */
function segmentWords(normalized: string, locale: string): readonly Word[] {
  if (lastSegmented !== undefined && lastSegmented.normalized === normalized && lastSegmented.locale === locale)
    return lastSegmented.words;
  const segmenter = segmenterFor(locale);
  let words: Word[];
  if (segmenter === null) words = Array.from(normalized.matchAll(WORD_RUN), (m) => ({ segment: m[0], index: m.index }));
  else {
    words = [];
    for (const part of segmenter.segment(normalized)) {
      if (part.isWordLike === true || PICTOGRAPH.test(part.segment))
        words.push({ segment: part.segment, index: part.index });
    }
  }
  lastSegmented = { normalized, locale, words };
  return words;
}

/** A Han character (CJK ideograph of any block). */
const HAN_CHAR = /\p{Script=Han}/u;

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
  return featurizeTokens(text, config).ids;
}

/**
 * The ids of an utterance's words alone (`w` features, one per token, in order): what
 * `IntentModel.coverage` looks up to tell how much of an utterance a model knows.
 * @param text the raw utterance
 * @param config the model's featurizer config
 * @returns one id per word (none for text without words)
 */
export function wordIds(text: string, config: FeaturizerConfig): Int32Array {
  const normalized = normalizedFor(text, config);
  const words = segmentWords(normalized, config.locale);
  return Int32Array.from(words.slice(0, config.maxIds), (w) => bucketOf(`w${w.segment}`, config.buckets));
}

/**
 * {@link featurize}, also telling where each token's features end, so the trainer can drop
 * whole words (word dropout) rather than single features.
 * @param text the raw utterance
 * @param config the featurizer config
 * @returns the ids, and `tokenEnds[i]`: the end offset in `ids` of token i's features
 * @internal
 */
export function featurizeTokens(text: string, config: FeaturizerConfig): { ids: Int32Array; tokenEnds: Int32Array } {
  const v2 = config.version >= 2;
  const normalized = normalizedFor(text, config);
  const words = segmentWords(normalized, config.locale);
  const tokens = words.map((w) => w.segment);
  const hanMax = v2 && HAN_CHAR.test(normalized) ? (config.hanNgrams ?? 0) : 0;
  // One shared scratch buffer (featurizing is synchronous): a fresh 16 KB array per call
  // fragments memory when a corpus of 15,000 utterances is featurized.
  if (scratchIds.length < config.maxIds) scratchIds = new Int32Array(config.maxIds);
  const out = scratchIds;
  const ends: number[] = [];
  let n = 0;
  // Pushes `feature`'s id `times` times; false once the id budget is spent.
  const pushId = (id: number): boolean => {
    if (n >= config.maxIds) return false;
    out[n++] = id;
    return true;
  };
  const push = (feature: string): boolean => pushId(bucketOf(feature, config.buckets));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const ok =
      push(`w${token}`) &&
      (config.wordNgrams < 2 || i + 1 >= tokens.length || push(`b${token} ${tokens[i + 1] as string}`)) &&
      (config.charMin <= 0 || pushCharNgrams(token, config, pushId)) &&
      (hanMax <= 0 || pushHanNgrams(normalized, words[i] as Word, hanMax, push));
    ends.push(n);
    if (!ok) break;
  }
  if (n === 0) return { ids: new Int32Array(1), tokenEnds: Int32Array.of(1) };
  return { ids: out.slice(0, n), tokenEnds: Int32Array.from(ends) };
}

/**
 * Pushes the Han n-grams (`h` + 1 to `max` Han characters) that start inside `word` and run on
 * through the text's following Han characters, whatever word they belong to: they belong to the
 * word they start in, so word dropout drops them with it.
 */
function pushHanNgrams(text: string, word: Word, max: number, push: (feature: string) => boolean): boolean {
  const end = word.index + word.segment.length;
  for (let i = word.index; i < end;) {
    const first = text.codePointAt(i) as number;
    const width = first > 0xffff ? 2 : 1;
    if (HAN_CHAR.test(String.fromCodePoint(first))) {
      let gram = '';
      let j = i;
      for (let n = 1; n <= max && j < text.length; n++) {
        const c = String.fromCodePoint(text.codePointAt(j) as number);
        if (!HAN_CHAR.test(c)) break;
        gram += c;
        j += c.length;
        if (!push(`h${gram}`)) return false;
      }
    }
    i += width;
  }
  return true;
}

/**
 * Pushes the ids of the character n-grams of `<token>` (code points, so an emoji or a rare CJK
 * character is never cut in half), shortest first, each length left to right. Hashes are built
 * incrementally over the code units instead of through substrings: same ids as
 * `bucketOf('c' + gram)`, without a string per n-gram (this is the hot loop of classify).
 */
function pushCharNgrams(token: string, config: FeaturizerConfig, pushId: (id: number) => boolean): boolean {
  const s = `<${token}>`;
  const starts: number[] = [];
  for (let i = 0; i < s.length;) {
    starts.push(i);
    const c = s.charCodeAt(i);
    const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  const m = starts.length;
  starts.push(s.length);
  const { charMin, charMax, buckets } = config;
  // ids[(len - charMin) * m + start]
  const ids = new Int32Array(Math.max(0, charMax - charMin + 1) * m);
  const prefix = fnvFeed(FNV_START, 0x63); // 'c'
  for (let start = 0; start < m; start++) {
    let h = prefix;
    for (let len = 1; len <= charMax && start + len <= m; len++) {
      for (let u = starts[start + len - 1] as number; u < (starts[start + len] as number); u++)
        h = fnvFeed(h, s.charCodeAt(u));
      if (len >= charMin) ids[(len - charMin) * m + start] = 1 + (fnvFinish(h) % (buckets - 1));
    }
  }
  for (let len = charMin; len <= charMax; len++) {
    for (let start = 0; start + len <= m; start++) {
      if (!pushId(ids[(len - charMin) * m + start] as number)) return false;
    }
  }
  return true;
}
