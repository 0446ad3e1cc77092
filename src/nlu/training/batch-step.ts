/**
 * The gradient of one half of a training batch: word and feature dropout, the embedding bag,
 * the hidden-layer dropout mask, and backpropagation (`backprop.ts`). A batch is always split in
 * two halves, each with its own seeded random stream, and their gradients are summed in a fixed
 * order, so a run gives the same model whether the halves are computed one after the other (in
 * a browser Worker) or on two threads (the CLI, see `TrainOptions.parallel`).
 *
 * @module
 */
import {
  accumulateExample,
  clearGradients,
  createGradients,
  createScratch,
  type Gradients,
  type Scratch,
} from './backprop.ts';
import type { NetworkWeights } from './network.ts';
import { createRng } from './rng.ts';

/** The featurized training examples, as embedding rows. */
export interface TrainingSet {
  /** Each example's embedding rows (feature ids after the vocabulary remap), in feature order. */
  rows: Int32Array[];
  /** Each example's token boundaries in `rows` (see `featurizeTokens`). */
  tokenEnds: Int32Array[];
  /** Each example's class. */
  targets: Int32Array;
}

/** The regularization settings of a step. */
export interface StepSettings {
  featureDropout: number;
  wordDropout: number;
  dropout: number;
  labelSmoothing: number;
  /** Whether the skip head is trained. */
  useSkip: boolean;
}

/** Buffers one thread needs to compute half-batch gradients. */
export interface StepWorkspace {
  grads: Gradients;
  scratch: Scratch;
  kept: number[];
}

/**
 * Allocates a workspace for `w`.
 * @param w the weights (for shapes)
 * @param useSkip whether the skip head is trained
 * @param grads gradient buffers to use (e.g. in shared memory) @default fresh ones
 * @returns the workspace
 */
export function createWorkspace(
  w: NetworkWeights,
  useSkip: boolean,
  grads: Gradients = createGradients(w),
): StepWorkspace {
  return { grads, scratch: createScratch(w, useSkip), kept: [] };
}

/**
 * The seed of one half of one step: a 32-bit mix of the run's seed, the step and the half.
 * @param seed the run's seed
 * @param step the optimizer step, from 0
 * @param half 0 or 1
 * @returns a 32-bit seed
 */
export function halfSeed(seed: number, step: number, half: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(step + 1, 0xc2b2ae35) ^ Math.imul(half + 1, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/**
 * Clears `ws.grads`, then accumulates into it the gradient of the examples `indices[from, to)`,
 * each weighted by `scale` (1 / batch size).
 * @param w the current weights
 * @param data the training set
 * @param indices example indices (the shuffled order)
 * @param from first position in `indices`
 * @param to end position in `indices` (exclusive)
 * @param scale loss weight of each example
 * @param seed the half's seed ({@link halfSeed})
 * @param s regularization settings
 * @param ws the workspace
 * @returns the summed (unscaled) loss of the examples
 */
export function computeHalfBatch(
  w: NetworkWeights,
  data: TrainingSet,
  indices: ArrayLike<number>,
  from: number,
  to: number,
  scale: number,
  seed: number,
  s: StepSettings,
  ws: StepWorkspace,
): number {
  const rng = createRng(seed);
  const { grads, scratch, kept } = ws;
  clearGradients(grads, w.dim);
  let loss = 0;
  for (let b = from; b < to; b++) {
    const i = indices[b] as number;
    const rows = data.rows[i] as Int32Array;
    const ends = data.tokenEnds[i] as Int32Array;
    // Word dropout (all features of a word: it is as if the word were unknown) and feature
    // dropout: average a random subset of the utterance's features, never none.
    kept.length = 0;
    for (let t = 0, start = 0; t < ends.length; start = ends[t] as number, t++) {
      const dropWord = s.wordDropout > 0 && rng.next() < s.wordDropout;
      for (let f = start; f < (ends[t] as number); f++) {
        if (!dropWord && rng.next() >= s.featureDropout) kept.push(rows[f] as number);
      }
    }
    if (kept.length === 0) kept.push(rows[rng.int(rows.length)] as number);
    bagOfRows(w, kept, scratch.bag);
    for (let j = 0; j < w.hidden; j++) scratch.mask[j] = rng.next() < s.dropout ? 0 : 1 / (1 - s.dropout);
    loss += accumulateExample(w, grads, scratch, kept, data.targets[i] as number, s.labelSmoothing, scale);
  }
  return loss;
}

/**
 * Adds the gradients `from` into `into` (dense parts and touched embedding rows).
 * @param into the gradients summed into
 * @param from the gradients added
 * @param dim the embedding width
 */
export function addGradients(into: Gradients, from: Gradients, dim: number): void {
  const add = (a: Float32Array, b: Float32Array) => {
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i] as number);
  };
  add(into.w1, from.w1);
  add(into.b1, from.b1);
  add(into.w2, from.w2);
  add(into.skip, from.skip);
  add(into.b2, from.b2);
  for (const row of from.touched) {
    if (into.touchedFlag[row] === 0) {
      into.touchedFlag[row] = 1;
      into.touched.push(row);
    }
    for (let d = 0, base = row * dim; d < dim; d++)
      into.embedding[base + d] = (into.embedding[base + d] as number) + (from.embedding[base + d] as number);
  }
}

/**
 * A helper thread that computes the second half of each batch while the trainer computes the
 * first (the CLI provides one on Node's worker_threads; a browser Worker trains alone).
 * @internal
 */
export interface HalfBatchHelper {
  /** Moves the weights into memory shared with the helper and hands it the training set; returns the shared weights to train. */
  start(weights: NetworkWeights, data: TrainingSet, settings: StepSettings): NetworkWeights;
  /** Starts computing the half `indices[from, to)` (see {@link computeHalfBatch}). */
  begin(indices: ArrayLike<number>, from: number, to: number, scale: number, seed: number): void;
  /** Waits for the half begun last; returns its loss and gradients. */
  finish(): { loss: number; grads: Gradients };
  /** Stops the helper thread. */
  close(): void;
}

function bagOfRows(w: NetworkWeights, rows: number[], out: Float32Array): void {
  const dim = w.dim;
  out.fill(0);
  for (const row of rows)
    for (let d = 0, base = row * dim; d < dim; d++) out[d] = (out[d] as number) + (w.embedding[base + d] as number);
  const inv = 1 / rows.length;
  for (let d = 0; d < dim; d++) out[d] = (out[d] as number) * inv;
}
