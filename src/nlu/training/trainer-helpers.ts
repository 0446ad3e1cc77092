/**
 * Helpers of the trainer: the feature vocabulary (bucket → row remap), weight initialization,
 * and batch evaluation of validation data.
 *
 * @module
 */
import type { ScoredPrediction } from './calibrate.ts';
import { embedBag, forwardFromBag, type NetworkWeights } from './network.ts';
import type { Rng } from './rng.ts';

/**
 * Gives each feature bucket seen at least `minCount` times in training its own embedding row,
 * in order of first appearance (so the same data gives the same table); all other buckets map
 * to row 0, the zero row. Storing only used rows keeps a 2^18-bucket model small.
 * With `maxRows`, a table that would be larger keeps only the most frequent of those features
 * (ties: the first seen), still numbered in order of first appearance: a size budget met by
 * dropping the rarest rows rather than raising `minCount` for all.
 * @param idLists the training examples' bucket ids
 * @param buckets the id space size
 * @param minCount the fewest occurrences that earn a row
 * @param maxRows the most rows of the table, the zero row included (none when undefined)
 * @returns the remap, `Int32Array(buckets)`
 */
export function buildVocabulary(
  idLists: Int32Array[],
  buckets: number,
  minCount: number,
  maxRows?: number,
): Int32Array {
  const counts = new Uint32Array(buckets);
  for (const ids of idLists) for (const id of ids) counts[id] = (counts[id] as number) + 1;
  // The features that earn a row, in order of first appearance.
  const earns = new Uint8Array(buckets);
  let order: number[] = [];
  for (const ids of idLists) {
    for (const id of ids) {
      if (id !== 0 && earns[id] === 0 && (counts[id] as number) >= minCount) {
        earns[id] = 1;
        order.push(id);
      }
    }
  }
  if (maxRows !== undefined && order.length > maxRows - 1) {
    const byCount = order
      .map((id, first) => ({ id, first }))
      .sort((a, b) => (counts[b.id] as number) - (counts[a.id] as number) || a.first - b.first);
    const keep = new Uint8Array(buckets);
    for (const { id } of byCount.slice(0, maxRows - 1)) keep[id] = 1;
    order = order.filter((id) => keep[id] === 1);
  }
  const remap = new Int32Array(buckets);
  order.forEach((id, i) => (remap[id] = i + 1));
  return remap;
}

/**
 * Initializes weights: small uniform embeddings, He-uniform hidden weights, Xavier-uniform
 * output weights, zero skip head and biases. Row 0 of the table stays zero.
 * @param remap the vocabulary from {@link buildVocabulary}
 * @param dim embedding width
 * @param hidden hidden width
 * @param classes output classes
 * @param rng the seeded generator
 * @returns fresh weights
 */
export function initWeights(remap: Int32Array, dim: number, hidden: number, classes: number, rng: Rng): NetworkWeights {
  let rows = 1;
  for (const r of remap) if (r >= rows) rows = r + 1;
  const uniform = (size: number, limit: number, from = 0): Float32Array => {
    const a = new Float32Array(size);
    for (let i = from; i < size; i++) a[i] = (rng.next() * 2 - 1) * limit;
    return a;
  };
  return {
    dim,
    hidden,
    classes,
    remap,
    embedding: uniform(rows * dim, 0.5, dim),
    w1: uniform(dim * hidden, Math.sqrt(6 / dim)),
    b1: new Float32Array(hidden),
    w2: uniform(hidden * classes, Math.sqrt(6 / (hidden + classes))),
    skip: new Float32Array(dim * classes),
    b2: new Float32Array(classes),
  };
}

/**
 * Runs the network (no dropout) on many utterances.
 * @param w the weights
 * @param idLists bucket ids of each utterance
 * @returns the logits of each utterance
 */
export function evaluateLogits(w: NetworkWeights, idLists: Int32Array[]): Float32Array[] {
  const bag = new Float32Array(w.dim);
  const hidden = new Float32Array(w.hidden);
  return idLists.map((ids) => {
    const logits = new Float32Array(w.classes);
    embedBag(w, ids, bag);
    forwardFromBag(w, bag, hidden, logits);
    return logits;
  });
}

/**
 * Turns logits into scored predictions at a temperature.
 * @param logits per-utterance logits
 * @param targets the true class of each (-1 for out-of-scope without an out-of-scope class)
 * @param temperature the calibration temperature
 * @param oosClass whether the last class is the out-of-scope class
 * @returns one prediction per utterance
 */
export function predictionsOf(
  logits: Float32Array[],
  targets: number[],
  temperature: number,
  oosClass: boolean,
): ScoredPrediction[] {
  return logits.map((z, i) => {
    let top = 0;
    for (let k = 1; k < z.length; k++) if ((z[k] as number) > (z[top] as number)) top = k;
    let sum = 0;
    for (let k = 0; k < z.length; k++) sum += Math.exp(((z[k] as number) - (z[top] as number)) / temperature);
    return { confidence: 1 / sum, correct: top === targets[i], predictedOos: oosClass && top === z.length - 1 };
  });
}

const TENSORS = ['embedding', 'w1', 'b1', 'w2', 'skip', 'b2'] as const;

/** A copy of `w` with fresh arrays (the remap is shared: it never changes). */
export function cloneWeights(w: NetworkWeights): NetworkWeights {
  return {
    ...w,
    embedding: w.embedding.slice(),
    w1: w.w1.slice(),
    b1: w.b1.slice(),
    w2: w.w2.slice(),
    skip: w.skip.slice(),
    b2: w.b2.slice(),
  };
}

/** Copies the values of `from` into `into` (same shapes). */
export function copyWeights(into: NetworkWeights, from: NetworkWeights): void {
  for (const t of TENSORS) into[t].set(from[t]);
}

/** Adds `from` into `into`, element-wise. */
export function addWeights(into: NetworkWeights, from: NetworkWeights): void {
  for (const t of TENSORS) {
    const a = into[t];
    const b = from[t];
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i] as number);
  }
}

/** `w` scaled by `factor`, in new arrays. */
export function scaleWeights(w: NetworkWeights, factor: number): NetworkWeights {
  const out = cloneWeights(w);
  for (const t of TENSORS) {
    const a = out[t];
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) * factor;
  }
  return out;
}
