/**
 * A few-shot head for the corpus's intents that does not compete inside the softmax (round 11,
 * issue 12, measured on dev only): each corpus example is a point in a feature space; an utterance
 * the extended model sends out of scope is given the corpus intent of its nearest examples when
 * its similarity clears a threshold calibrated on the corpus's own examples (leave-one-out) and on
 * out-of-scope lines (the pack's, the corpus's `outOfScope`), as the extended model flags them.
 *
 * Spaces: `bag` (the extended model's mean embedding, the corpus's new rows included), `hidden`
 * (its ReLU layer), `both` (the two, each unit length), `ngram` (tf-idf over the featurizer's
 * hashed ids, idf from the pack's text).
 */
import { featurize } from '../src/nlu/runtime/featurizer.ts';
import { compileFewShot, vectorOf } from '../src/nlu/runtime/few-shot.ts';
import { buildFewShotHead } from '../src/nlu/training/extend/few-shot-head.ts';
import { embedBag, forwardFromBag, type NetworkWeights } from '../src/nlu/training/network.ts';
import type { ReplayPack } from '../src/nlu/training/extend/replay-pack.ts';
import type { FeaturizerConfig } from '../src/nlu/runtime/featurizer.ts';
import { OOS_LABEL, type Corpus } from '../src/nlu/types.ts';
import type { Classify } from './extend-measure.ts';

export interface FewShotOptions {
  space?: 'bag' | 'hidden' | 'both' | 'ngram' | 'mix';
  /** `mix`: the weight of the n-gram cosine (the rest: `both`'s). */
  mixWeight?: number;
  /** `centroid`: cosine to the intent's mean; `knn`: mean of the k best example cosines. */
  score?: 'centroid' | 'knn';
  k?: number;
  /** Share of the out-of-scope lines (that the model flags) allowed over the threshold. */
  quantile?: number;
  /** Also route over a base intent when the similarity clears the threshold by this much (off: Infinity). */
  overBase?: number;
  /** `ngram`: weigh features by idf over the pack's text (else each occurrence 1). */
  idf?: boolean;
  /** The shipped head's `minDf` (FewShotSettings): features rarer in the pack weigh as rare. @default 50 */
  idfMinDf?: number;
  /** The best intent must beat the second by this cosine margin. */
  margin?: number;
}

type Vec = Float32Array | Map<number, number> | { d: Float32Array; m: Map<number, number> };

function unit(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  return v.map((x) => x * inv);
}

function dot(a: Vec, b: Vec, mixWeight: number): number {
  if ('d' in a && 'd' in b) return (1 - mixWeight) * dot(a.d, b.d, mixWeight) + mixWeight * dot(a.m, b.m, mixWeight);
  if (a instanceof Map && b instanceof Map) {
    let s = 0;
    const [small, big] = a.size < b.size ? [a, b] : [b, a];
    for (const [k, x] of small) s += x * (big.get(k) ?? 0);
    return s;
  }
  const x = a as Float32Array;
  const y = b as Float32Array;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) * (y[i] as number);
  return s;
}

/** The few-shot head over an extended model, and its router. */
export function fewShotHead(
  weights: NetworkWeights,
  featurizer: FeaturizerConfig,
  corpus: Corpus,
  pack: ReplayPack,
  first: Classify,
  options: FewShotOptions = {},
): { classify: Classify; threshold: number; looAbove: number; describe: string } {
  const space = options.space ?? 'both';
  const score = options.score ?? 'knn';
  const k = options.k ?? 2;
  const quantile = options.quantile ?? 0.98;
  const overBase = options.overBase ?? Infinity;
  const margin = options.margin ?? 0;
  const mixWeight = options.mixWeight ?? 0.5;
  const dotOf = (a: Vec, b: Vec) => dot(a, b, mixWeight);
  // The n-gram vectors are the shipped head's (its weights, its rare weight); without idf every
  // feature weighs 1. Only the head's weights are used here, not its threshold.
  // Every corpus intent: this bench's own head answers them all (round 11's measurement).
  const all = [...new Set(corpus.train.map((e) => e.intent))];
  const shipped = buildFewShotHead(corpus, pack, featurizer, () => false, all, {
    minDf: options.idfMinDf ?? 50,
    noneRatio: 0,
  });
  const ngramHead = compileFewShot(
    options.idf === false ? { ...shipped, rare: 1, ids: [], weights: [] } : shipped,
    featurizer,
  );
  const bag = new Float32Array(weights.dim);
  const hid = new Float32Array(weights.hidden);
  const logits = new Float32Array(weights.classes);
  const vec = (text: string): Vec => {
    if (space === 'mix') return { d: dense(text, 'both'), m: sparse(text) };
    if (space === 'ngram') return sparse(text);
    return dense(text, space);
  };
  const sparse = (text: string): Map<number, number> => vectorOf(featurize(text, featurizer), ngramHead);
  const dense = (text: string, space: 'bag' | 'hidden' | 'both'): Float32Array => {
    const ids = featurize(text, featurizer);
    embedBag(weights, ids, bag);
    forwardFromBag(weights, bag, hid, logits);
    if (space === 'bag') return unit(bag);
    if (space === 'hidden') return unit(hid);
    const a = unit(bag);
    const b = unit(hid);
    const out = new Float32Array(a.length + b.length);
    out.set(a.map((x) => x * Math.SQRT1_2));
    out.set(
      b.map((x) => x * Math.SQRT1_2),
      a.length,
    );
    return out;
  };
  const examples = corpus.train
    .filter((e) => e.intent !== OOS_LABEL)
    .map((e) => ({ intent: e.intent, v: vec(e.text) }));
  const intents = [...new Set(examples.map((e) => e.intent))];
  const centroid = (of: typeof examples): Vec => {
    if (space === 'mix') throw new RangeError('mix: knn only');
    if (space === 'ngram') {
      const m = new Map<number, number>();
      for (const e of of) for (const [id, x] of e.v as Map<number, number>) m.set(id, (m.get(id) ?? 0) + x / of.length);
      let s = 0;
      for (const x of m.values()) s += x * x;
      for (const [id, x] of m) m.set(id, x / Math.sqrt(s || 1));
      return m;
    }
    const s = new Float32Array((of[0]?.v as Float32Array).length);
    for (const e of of)
      for (let i = 0; i < s.length; i++) s[i] = (s[i] as number) + ((e.v as Float32Array)[i] as number);
    return unit(s);
  };
  // Scores per intent, optionally leaving example `skip` out.
  const scores = (v: Vec, skip = -1): { intent: string; s: number }[] =>
    intents
      .map((intent) => {
        const own = examples.filter((e, i) => e.intent === intent && i !== skip);
        if (score === 'centroid') return { intent, s: dotOf(v, centroid(own)) };
        const sims = own.map((e) => dotOf(v, e.v)).sort((a, b) => b - a);
        const top = sims.slice(0, k);
        return { intent, s: top.reduce((a, b) => a + b, 0) / Math.max(1, top.length) };
      })
      .sort((a, b) => b.s - a.s);
  const centroids = new Map(
    score === 'centroid' ? intents.map((i) => [i, centroid(examples.filter((e) => e.intent === i))]) : [],
  );
  const fast = (v: Vec) =>
    score === 'centroid'
      ? intents.map((intent) => ({ intent, s: dotOf(v, centroids.get(intent) as Vec) })).sort((a, b) => b.s - a.s)
      : scores(v);
  const negatives = [
    ...pack.outOfScope,
    ...(pack.validation[OOS_LABEL] ?? []),
    ...(corpus.outOfScope ?? []),
    ...corpus.train.filter((e) => e.intent === OOS_LABEL).map((e) => e.text),
  ].filter((t) => first(t) === null);
  const negScores = negatives.map((t) => fast(vec(t))[0]?.s ?? -1).sort((a, b) => a - b);
  const threshold = negScores[Math.min(negScores.length - 1, Math.floor(quantile * negScores.length))] ?? 1;
  let above = 0;
  examples.forEach((e, i) => {
    const [best] = scores(e.v, i);
    if (best !== undefined && best.intent === e.intent && best.s >= threshold) above++;
  });
  const own = new Set(intents);
  const classify: Classify = (text) => {
    const got = first(text);
    if (got !== null && own.has(got)) return got;
    const [best, second] = fast(vec(text));
    if (best === undefined) return got;
    if (best.s - (second?.s ?? -1) < margin) return got;
    if (got === null && best.s >= threshold) return best.intent;
    if (got !== null && best.s >= threshold + overBase) return best.intent;
    return got;
  };
  return {
    classify,
    threshold,
    looAbove: above / Math.max(1, examples.length),
    describe: `tau ${threshold.toFixed(3)} (${negScores.length} oos lines) loo ${((100 * above) / Math.max(1, examples.length)).toFixed(0)}%`,
  };
}
