/**
 * The fast path of the `head` strategy. There only the new intents' output columns and the new
 * embedding rows train; for a replayed base example, whose features all have base rows, the bag,
 * the hidden activations and the logits of every base class are then constant. They are computed
 * once, and each step computes just the new classes' logits and gradients: a few thousand
 * multiply-adds per example instead of the ~100,000 of a full step over 150 classes. (The cached
 * examples go without dropout; the corpus's own examples take the full path, with it.)
 *
 * @module
 */
import type { Gradients } from '../backprop.ts';
import type { TrainingSet } from '../batch-step.ts';
import { embedBag, forwardFromBag, type NetworkWeights } from '../network.ts';

/** The constant parts of the examples that need no full step. */
export interface FrozenCache {
  /** Example → its slot in the cache, or -1 when it takes the full path. */
  slot: Int32Array;
  /** `[slots, dim]` bags. */
  bags: Float32Array;
  /** `[slots, hidden]` ReLU activations. */
  hidden: Float32Array;
  /** `[slots, classes]` logits (the new classes' entries are recomputed each step). */
  logits: Float32Array;
}

/**
 * Caches the examples of `set` whose rows are all below `firstNewRow` (and that are not `own`).
 * @param w the starting weights
 * @param set the training set
 * @param own per example, true for the corpus's own texts (always the full path)
 * @param firstNewRow the first trainable embedding row
 * @returns the cache
 */
export function cacheFrozen(w: NetworkWeights, set: TrainingSet, own: Uint8Array, firstNewRow: number): FrozenCache {
  const slot = new Int32Array(set.rows.length).fill(-1);
  let slots = 0;
  set.rows.forEach((rows, i) => {
    if (own[i] === 0 && rows.every((r) => r < firstNewRow)) slot[i] = slots++;
  });
  const cache: FrozenCache = {
    slot,
    bags: new Float32Array(slots * w.dim),
    hidden: new Float32Array(slots * w.hidden),
    logits: new Float32Array(slots * w.classes),
  };
  // The rows are already remapped: an identity remap lets `embedBag` read them.
  const identity = { ...w, remap: Int32Array.from({ length: w.embedding.length / w.dim }, (_, r) => r) };
  const bag = new Float32Array(w.dim);
  const hidden = new Float32Array(w.hidden);
  const logits = new Float32Array(w.classes);
  set.rows.forEach((rows, i) => {
    const s = slot[i] as number;
    if (s < 0) return;
    embedBag(identity, rows, bag);
    forwardFromBag(w, bag, hidden, logits);
    cache.bags.set(bag, s * w.dim);
    cache.hidden.set(hidden, s * w.hidden);
    cache.logits.set(logits, s * w.classes);
  });
  return cache;
}

/**
 * Adds the gradient of cached examples to the new classes' output columns, with label smoothing.
 * @param w the current weights
 * @param cache the cache
 * @param examples the cached examples of this step
 * @param targets each example's class
 * @param newColumns the trainable classes
 * @param g the gradients (only the new columns' entries are written)
 * @param smoothing label smoothing ε
 * @param scale the loss weight of one example (1 / batch)
 * @returns the summed loss of the examples
 */
export function accumulateCached(
  w: NetworkWeights,
  cache: FrozenCache,
  examples: readonly number[],
  targets: Int32Array,
  newColumns: readonly number[],
  g: Gradients,
  smoothing: number,
  scale: number,
): number {
  const { dim, hidden: h, classes: c } = w;
  const z = new Float64Array(c);
  let loss = 0;
  for (const i of examples) {
    const s = cache.slot[i] as number;
    const bagAt = s * dim;
    const hidAt = s * h;
    for (let k = 0; k < c; k++) z[k] = cache.logits[s * c + k] as number;
    for (const k of newColumns) {
      let v = w.b2[k] as number;
      for (let d = 0; d < dim; d++) v += (cache.bags[bagAt + d] as number) * (w.skip[d * c + k] as number);
      for (let j = 0; j < h; j++) {
        const a = cache.hidden[hidAt + j] as number;
        if (a !== 0) v += a * (w.w2[j * c + k] as number);
      }
      z[k] = v;
    }
    let max = -Infinity;
    for (let k = 0; k < c; k++) max = Math.max(max, z[k] as number);
    let sum = 0;
    for (let k = 0; k < c; k++) sum += Math.exp((z[k] as number) - max);
    const target = targets[i] as number;
    loss += Math.log(sum) + max - (z[target] as number);
    for (const k of newColumns) {
      const p = Math.exp((z[k] as number) - max) / sum;
      const dl = (p - smoothing / c - (k === target ? 1 - smoothing : 0)) * scale;
      g.b2[k] = (g.b2[k] as number) + dl;
      for (let d = 0; d < dim; d++)
        g.skip[d * c + k] = (g.skip[d * c + k] as number) + (cache.bags[bagAt + d] as number) * dl;
      for (let j = 0; j < h; j++) {
        const a = cache.hidden[hidAt + j] as number;
        if (a !== 0) g.w2[j * c + k] = (g.w2[j * c + k] as number) + a * dl;
      }
    }
  }
  return loss;
}
