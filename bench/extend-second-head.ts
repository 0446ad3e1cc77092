/**
 * Design (a) of issue 12, measured in round 6 and not kept (figures in
 * src/nlu/training/extend/extend-model.ts's module comment): a SECOND HEAD over the base model's shared features,
 * trained on the corpus's intents and negatives only. The base model stays untouched; the head is a
 * softmax over the corpus's intents plus a `none` class, reading the base model's bag (with new
 * embedding rows for the corpus's features the base never saw) and its hidden layer. Routing: the
 * head's intent when it names one with at least `threshold`, else the base model's decision.
 *
 * Unlike the `head` strategy of `extend-model.ts` (new output columns in the base model's one
 * softmax), the corpus's intents here do not compete with the base's 150 columns: the head only
 * tells "one of mine, which" from "not mine" (replayed base examples, out-of-scope negatives).
 *
 * @module
 */
import { featurize } from '../src/nlu/runtime/featurizer.ts';
import { OOS_LABEL, type Corpus } from '../src/nlu/types.ts';
import { Adam } from '../src/nlu/training/optimizer.ts';
import { createRng } from '../src/nlu/training/rng.ts';
import type { BaseModel } from '../src/nlu/training/extend/base-model.ts';
import { extensionData, DEFAULT_REPLAY_PER_INTENT } from '../src/nlu/training/extend/extension-data.ts';
import { planExtension } from '../src/nlu/training/extend/extension-plan.ts';
import type { ReplayPack } from '../src/nlu/training/extend/replay-pack.ts';

/** Options of {@link trainSecondHead}. */
export interface SecondHeadOptions {
  /** Epochs over the head's data. @default 6 */
  epochs?: number;
  /** @default 0.01 */
  learningRate?: number;
  /** @default 1 */
  seed?: number;
  /** Head probability an intent needs to be routed to the head. @default 0.5 */
  threshold?: number;
  /** Share of the corpus's example features dropped per step. @default 0.1 (Chinese 0.2) */
  featureDropout?: number;
  /** See `ExtendOptions.unknownRate`. @default 0 (Chinese 0.4) */
  unknownRate?: number;
  /** Weight of the `none` class's examples in the loss. @default 1 */
  noneWeight?: number;
  /** Random letter strings among the negatives. @default 300 */
  gibberish?: number;
  /** Copies weight of the corpus's examples (as `ExtendOptions.ownWeight`). @default 3 */
  ownWeight?: number;
  /**
   * When set, the head's intent wins over a base intent only at this probability; at `threshold`
   * it takes only what the base model calls out of scope. @default undefined (always `threshold`)
   */
  confident?: number;
}

/** A trained second head and its router. */
export interface SecondHead {
  /** The corpus's intents; class `labels.length` is `none`. */
  labels: string[];
  /** Head probabilities of a text (`labels.length + 1` values). */
  probabilities(text: string): Float32Array;
  /** The routed decision: the head's intent above the threshold, else `fallback(text)`. */
  route(text: string, fallback: (text: string) => string | null): string | null;
  threshold: number;
}

/**
 * Trains a second head for `corpus` over `base`'s shared features.
 * @param base the base model
 * @param corpus the extending corpus
 * @param replay the base model's replay pack (its utterances are the head's `none` examples)
 * @param options see {@link SecondHeadOptions}
 */
export function trainSecondHead(
  base: BaseModel,
  corpus: Corpus,
  replay: ReplayPack,
  options: SecondHeadOptions = {},
): SecondHead {
  const chinese = base.meta.language.toLowerCase().startsWith('zh');
  const inScope = base.meta.oosLabel === null ? base.meta.labels : base.meta.labels.slice(0, -1);
  const plan = planExtension(inScope, corpus);
  const seed = options.seed ?? 1;
  const data = extensionData(base, plan, corpus, replay, {
    replayPerIntent: DEFAULT_REPLAY_PER_INTENT,
    ownWeight: options.ownWeight ?? 3,
    gibberish: options.gibberish ?? 300,
    seed,
    unknownRate: options.unknownRate ?? (chinese ? 0.4 : 0),
  });
  const mine = [...new Set(corpus.train.filter((e) => e.intent !== OOS_LABEL).map((e) => e.intent))];
  const headClass = new Map(mine.map((l, i) => [l, i]));
  const none = mine.length;
  const K = mine.length + 1;
  const b = base.weights;
  const { dim, hidden } = b;
  const F = dim + hidden;
  // The shared table: the base rows (frozen) and the corpus's new rows (trained here).
  const embedding = new Float32Array(data.rows * dim);
  embedding.set(b.embedding);
  const targets = Int32Array.from(data.trainingSet.targets, (t) => headClass.get(data.classes[t] as string) ?? none);
  const W = new Float32Array(F * K);
  const bias = new Float32Array(K);
  const rng = createRng(seed ^ 0x2eed);
  const limit = Math.sqrt(6 / (F + K));
  for (let i = 0; i < W.length; i++) W[i] = (rng.next() * 2 - 1) * limit;

  const bag = new Float32Array(dim);
  const h = new Float32Array(hidden);
  /** Features [bag, relu(hidden)] of rows `ids` into `out` (also leaves `bag`, `h` set). */
  const features = (ids: ArrayLike<number>, out: Float32Array) => {
    // embedBag reads `remap[id]`: rows here are already remapped, so read rows directly.
    out.fill(0);
    for (let i = 0; i < ids.length; i++) {
      const r = (ids[i] as number) * dim;
      for (let d = 0; d < dim; d++) out[d] = (out[d] as number) + (embedding[r + d] as number);
    }
    const inv = 1 / Math.max(1, ids.length);
    for (let d = 0; d < dim; d++) out[d] = (out[d] as number) * inv;
    h.set(b.b1);
    for (let d = 0; d < dim; d++) {
      const x = out[d] as number;
      if (x === 0) continue;
      const r1 = d * hidden;
      for (let j = 0; j < hidden; j++) h[j] = (h[j] as number) + x * (b.w1[r1 + j] as number);
    }
    for (let j = 0; j < hidden; j++) out[dim + j] = Math.max(0, h[j] as number);
  };
  const set = data.trainingSet;
  const n = targets.length;
  // Examples without a new row have constant features: computed once.
  const constant = new Array<Float32Array | undefined>(n);
  for (let i = 0; i < n; i++) {
    const rows = set.rows[i] as Int32Array;
    if (!rows.some((r) => r >= data.firstNewRow)) {
      const f = new Float32Array(F);
      features(rows, f);
      constant[i] = f;
    }
  }
  const featureDropout = options.featureDropout ?? (chinese ? 0.2 : 0.1);
  const noneWeight = options.noneWeight ?? 1;
  const lr = options.learningRate ?? 0.01;
  const epochs = options.epochs ?? 6;
  const optW = new Adam(W.length, { learningRate: lr, weightDecay: 1e-4 });
  const optB = new Adam(K, { learningRate: lr });
  const optE = new Adam(embedding.length, { learningRate: lr });
  const gW = new Float32Array(W.length);
  const gB = new Float32Array(K);
  const gE = new Float32Array(embedding.length);
  const x = new Float32Array(F);
  const z = new Float32Array(K);
  const dz = new Float32Array(K);
  const dx = new Float32Array(F);
  const order = Array.from({ length: n }, (_, i) => i);
  const batch = 32;
  const touched = new Set<number>();
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = lr * (1 - (0.9 * epoch) / Math.max(1, epochs - 1));
    optW.learningRate = optB.learningRate = optE.learningRate = rate;
    rng.shuffle(order);
    for (let start = 0; start < n; start += batch) {
      gW.fill(0);
      gB.fill(0);
      touched.clear();
      const end = Math.min(n, start + batch);
      for (let k = start; k < end; k++) {
        const i = order[k] as number;
        const fixed = constant[i];
        let ids: number[] = [];
        if (fixed !== undefined) x.set(fixed);
        else {
          ids = Array.from(set.rows[i] as Int32Array).filter(() => rng.next() >= featureDropout);
          if (ids.length === 0) ids = [(set.rows[i] as Int32Array)[0] as number];
          features(ids, x);
        }
        for (let c = 0; c < K; c++) {
          let s = bias[c] as number;
          for (let f = 0; f < F; f++) {
            const v = x[f] as number;
            if (v !== 0) s += v * (W[f * K + c] as number);
          }
          z[c] = s;
        }
        let max = -Infinity;
        for (let c = 0; c < K; c++) max = Math.max(max, z[c] as number);
        let sum = 0;
        for (let c = 0; c < K; c++) sum += z[c] = Math.exp((z[c] as number) - max);
        const t = targets[i] as number;
        const weight = (t === none ? noneWeight : 1) / (end - start);
        for (let c = 0; c < K; c++) dz[c] = weight * ((z[c] as number) / sum - (c === t ? 1 : 0));
        for (let c = 0; c < K; c++) gB[c] = (gB[c] as number) + (dz[c] as number);
        for (let f = 0; f < F; f++) {
          const v = x[f] as number;
          if (v === 0) continue;
          for (let c = 0; c < K; c++) gW[f * K + c] = (gW[f * K + c] as number) + v * (dz[c] as number);
        }
        if (fixed !== undefined) continue;
        // Back to the new rows: through the bag directly and through the frozen hidden layer.
        for (let f = 0; f < F; f++) {
          let s = 0;
          for (let c = 0; c < K; c++) s += (W[f * K + c] as number) * (dz[c] as number);
          dx[f] = s;
        }
        for (let j = 0; j < hidden; j++) if ((x[dim + j] as number) <= 0) dx[dim + j] = 0;
        for (let d = 0; d < dim; d++) {
          let s = dx[d] as number;
          const r1 = d * hidden;
          for (let j = 0; j < hidden; j++) {
            const g = dx[dim + j] as number;
            if (g !== 0) s += g * (b.w1[r1 + j] as number);
          }
          bag[d] = s / ids.length;
        }
        for (const r of ids) {
          if (r < data.firstNewRow) continue;
          if (!touched.has(r)) {
            touched.add(r);
            gE.fill(0, r * dim, (r + 1) * dim);
          }
          for (let d = 0; d < dim; d++) gE[r * dim + d] = (gE[r * dim + d] as number) + (bag[d] as number);
        }
      }
      optW.tick();
      optB.tick();
      optE.tick();
      optW.updateDense(W, gW);
      optB.updateDense(bias, gB);
      optE.updateRows(embedding, gE, [...touched], dim);
    }
  }
  const threshold = options.threshold ?? 0.5;
  const probabilities = (text: string) => {
    const ids = Array.from(featurize(text, base.meta.featurizer), (id) => data.remap[id] ?? 0);
    features(ids.length > 0 ? ids : [0], x);
    const out = new Float32Array(K);
    let max = -Infinity;
    for (let c = 0; c < K; c++) {
      let s = bias[c] as number;
      for (let f = 0; f < F; f++) s += (x[f] as number) * (W[f * K + c] as number);
      out[c] = s;
      max = Math.max(max, s);
    }
    let sum = 0;
    for (let c = 0; c < K; c++) sum += out[c] = Math.exp((out[c] as number) - max);
    for (let c = 0; c < K; c++) out[c] = (out[c] as number) / sum;
    return out;
  };
  return {
    labels: mine,
    threshold,
    probabilities,
    route(text, fallback) {
      const p = probabilities(text);
      let best = 0;
      for (let c = 1; c < K; c++) if ((p[c] as number) > (p[best] as number)) best = c;
      if (best === none || (p[best] as number) < threshold) return fallback(text);
      if (options.confident === undefined || (p[best] as number) >= options.confident) return mine[best] as string;
      return fallback(text) ?? (mine[best] as string);
    },
  };
}
