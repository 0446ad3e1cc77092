/**
 * The classifier's weights and its forward pass in plain TypeScript: an embedding bag (mean of
 * the rows of an utterance's feature ids), one ReLU hidden layer, and a softmax output with a
 * linear skip connection from the bag. The exported ONNX graph computes exactly this (see
 * `export.ts`); the trainer and the in-memory predictor use this code.
 *
 * @module
 */

/** The trained parameters. Matrices are row-major, laid out as ONNX `MatMul` expects them. */
export interface NetworkWeights {
  /** Embedding width. */
  dim: number;
  /** Hidden layer width. */
  hidden: number;
  /** Output classes (intent labels, plus the out-of-scope class when trained with one). */
  classes: number;
  /** Feature bucket → embedding row; row 0 is the all-zero row of unknown features. */
  remap: Int32Array;
  /** `[rows, dim]`. */
  embedding: Float32Array;
  /** `[dim, hidden]`. */
  w1: Float32Array;
  /** `[hidden]`. */
  b1: Float32Array;
  /** `[hidden, classes]`. */
  w2: Float32Array;
  /** `[dim, classes]`: the linear skip head from the bag to the logits. */
  skip: Float32Array;
  /** `[classes]`. */
  b2: Float32Array;
}

/**
 * Computes the bag (mean of the embedding rows of `ids`, after the bucket → row remap) into `out`.
 * @param w the weights
 * @param ids feature bucket ids, at least one
 * @param out a `[dim]` buffer
 */
export function embedBag(w: NetworkWeights, ids: ArrayLike<number>, out: Float32Array): void {
  const { dim, embedding, remap } = w;
  out.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const base = (remap[ids[i] as number] ?? 0) * dim;
    for (let d = 0; d < dim; d++) out[d] = (out[d] as number) + (embedding[base + d] as number);
  }
  const inv = 1 / Math.max(1, ids.length);
  for (let d = 0; d < dim; d++) out[d] = (out[d] as number) * inv;
}

/**
 * Computes hidden activations and logits from a bag vector.
 * @param w the weights
 * @param bag a `[dim]` bag vector
 * @param hidden a `[hidden]` buffer, receives ReLU activations
 * @param logits a `[classes]` buffer, receives the logits
 */
export function forwardFromBag(w: NetworkWeights, bag: Float32Array, hidden: Float32Array, logits: Float32Array): void {
  const { dim, hidden: h, classes: c, w1, b1, w2, skip, b2 } = w;
  hidden.set(b1);
  logits.set(b2);
  for (let d = 0; d < dim; d++) {
    const x = bag[d] as number;
    if (x === 0) continue;
    const r1 = d * h;
    for (let j = 0; j < h; j++) hidden[j] = (hidden[j] as number) + x * (w1[r1 + j] as number);
    const rs = d * c;
    for (let k = 0; k < c; k++) logits[k] = (logits[k] as number) + x * (skip[rs + k] as number);
  }
  for (let j = 0; j < h; j++) {
    const a = hidden[j] as number;
    if (a <= 0) {
      hidden[j] = 0;
      continue;
    }
    const r2 = j * c;
    for (let k = 0; k < c; k++) logits[k] = (logits[k] as number) + a * (w2[r2 + k] as number);
  }
}

/**
 * Softmax of `logits / temperature`, in place, numerically stable.
 * @param logits the logits; overwritten with probabilities
 * @param temperature the calibration temperature @default 1
 */
export function softmaxInPlace(logits: Float32Array, temperature = 1): void {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) {
    logits[k] = (logits[k] as number) / temperature;
    if ((logits[k] as number) > max) max = logits[k] as number;
  }
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp((logits[k] as number) - max);
    logits[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) logits[k] = (logits[k] as number) / sum;
}

/**
 * Runs the whole network on one utterance's ids and returns class probabilities.
 * @param w the weights
 * @param ids feature bucket ids
 * @param temperature the calibration temperature @default 1
 * @returns a fresh `[classes]` array of probabilities
 */
export function predictProbabilities(w: NetworkWeights, ids: ArrayLike<number>, temperature = 1): Float32Array {
  const bag = new Float32Array(w.dim);
  const hidden = new Float32Array(w.hidden);
  const logits = new Float32Array(w.classes);
  embedBag(w, ids, bag);
  forwardFromBag(w, bag, hidden, logits);
  softmaxInPlace(logits, temperature);
  return logits;
}
