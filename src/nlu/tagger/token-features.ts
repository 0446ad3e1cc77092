/**
 * The slot tagger's featurizer: each token becomes a fixed number of hashed feature ids (its
 * normalized word, its shape, its first and last characters), so the ONNX graph takes one
 * `[tokens, featuresPerToken]` tensor and sums each row's embeddings. Context (the words around a
 * token, the sentence) is the network's job, not the featurizer's.
 *
 * Hand-written and pinned for the reason given in `featurizer.ts`: the ids are part of the model
 * format. It reuses that module's hash and normalization so one definition of both exists.
 *
 * @module
 */
import { bucketOf } from '../runtime/hash.ts';
import { normalizeText } from '../runtime/normalize.ts';
import type { Token } from './tokens.ts';

/** How tokens become ids; stored in the tagger's metadata so it always featurizes as it was trained. */
export interface TaggerFeaturizerConfig {
  /** Format version; a model whose version this code does not know is refused. */
  version: 1;
  /** Size of the id space; ids are in `[1, buckets)`, 0 is padding. */
  buckets: number;
  /** How many leading characters make prefix features (1..prefixes). */
  prefixes: number;
  /** How many trailing characters make suffix features (1..suffixes). */
  suffixes: number;
  /** BCP 47 locale given to `Intl.Segmenter`. */
  locale: string;
  /** The most code units of input looked at. */
  maxChars: number;
}

/** The current tagger featurizer version. */
export const TAGGER_FEATURIZER_VERSION = 1;

/**
 * The default tagger featurizer.
 * @param locale BCP 47 locale of the training data @default 'en'
 * @returns a fresh config
 */
export function defaultTaggerFeaturizer(locale = 'en'): TaggerFeaturizerConfig {
  return { version: TAGGER_FEATURIZER_VERSION, buckets: 1 << 18, prefixes: 3, suffixes: 4, locale, maxChars: 1000 };
}

/**
 * How many ids each token gets: word, shape, prefixes and suffixes.
 * @param config the featurizer config
 */
export function featuresPerToken(config: TaggerFeaturizerConfig): number {
  return 2 + config.prefixes + config.suffixes;
}

/**
 * A token's shape: letters case-mapped to `X`/`x`, digits to `d`, Han characters to `h`, other
 * scripts' letters to `a`, punctuation kept; runs collapsed and capped, so "McDonald's" → `XxXx'x`.
 */
export function shapeOf(token: string): string {
  let out = '';
  let last = '';
  for (const ch of token) {
    const c = /\p{Lu}/u.test(ch)
      ? 'X'
      : /\p{Ll}/u.test(ch)
        ? 'x'
        : /\p{Nd}/u.test(ch)
          ? 'd'
          : /\p{Script=Han}/u.test(ch)
            ? 'h'
            : /[\p{L}\p{M}]/u.test(ch)
              ? 'a'
              : ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 8) break;
  }
  return out;
}

/**
 * The feature ids of `tokens`, row-major `[tokens.length, featuresPerToken(config)]`. A token
 * with fewer characters than a prefix length repeats its whole-word prefix (the row stays full).
 *
 * @param tokens the tokens of one utterance
 * @param config the model's featurizer config
 * @returns ids in `[1, config.buckets)`
 */
export function tokenFeatureIds(tokens: readonly Token[], config: TaggerFeaturizerConfig): Int32Array {
  const k = featuresPerToken(config);
  const out = new Int32Array(tokens.length * k);
  const { buckets } = config;
  tokens.forEach((token, t) => {
    const word = normalizeText(token.text, config.maxChars) || token.text;
    const chars = Array.from(word);
    let o = t * k;
    out[o++] = bucketOf(`w${word}`, buckets);
    out[o++] = bucketOf(`s${shapeOf(token.text)}`, buckets);
    for (let i = 1; i <= config.prefixes; i++) out[o++] = bucketOf(`p${chars.slice(0, i).join('')}`, buckets);
    for (let i = 1; i <= config.suffixes; i++) out[o++] = bucketOf(`x${chars.slice(-i).join('')}`, buckets);
  });
  return out;
}
