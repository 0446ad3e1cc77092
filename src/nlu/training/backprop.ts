/**
 * One training step of the network in `network.ts`: forward, softmax cross-entropy with label
 * smoothing, and backpropagation into gradient buffers. Hand-written loops over
 * `Float32Array`s: the network is three small matrices and a table, and this runs unchanged in
 * Node and in a browser Worker with no dependency.
 *
 * @module
 */
import { softmaxInPlace, type NetworkWeights } from './network.ts';

/** Gradient buffers shaped like {@link NetworkWeights}, plus the rows of the table a batch touched. */
export interface Gradients {
  embedding: Float32Array;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  skip: Float32Array;
  b2: Float32Array;
  /** Embedding rows with a gradient in this batch, each once. */
  touched: number[];
  /** `touchedFlag[row] === 1` when `row` is in `touched`. */
  touchedFlag: Uint8Array;
}

/** Allocates zeroed gradients for `w`. */
export function createGradients(w: NetworkWeights): Gradients {
  return {
    embedding: new Float32Array(w.embedding.length),
    w1: new Float32Array(w.w1.length),
    b1: new Float32Array(w.b1.length),
    w2: new Float32Array(w.w2.length),
    skip: new Float32Array(w.skip.length),
    b2: new Float32Array(w.b2.length),
    touched: [],
    touchedFlag: new Uint8Array(w.embedding.length / w.dim),
  };
}

/** Zeroes the dense gradients and the touched embedding rows. */
export function clearGradients(g: Gradients, dim: number): void {
  g.w1.fill(0);
  g.b1.fill(0);
  g.w2.fill(0);
  g.skip.fill(0);
  g.b2.fill(0);
  for (const row of g.touched) {
    g.embedding.fill(0, row * dim, (row + 1) * dim);
    g.touchedFlag[row] = 0;
  }
  g.touched.length = 0;
}

/** Scratch buffers reused across examples. */
export interface Scratch {
  bag: Float32Array;
  hidden: Float32Array;
  logits: Float32Array;
  dHidden: Float32Array;
  dBag: Float32Array;
  /** Hidden dropout keep-mask scale per unit (0 or 1/(1-p)). */
  mask: Float32Array;
  /** Whether the skip head is trained (when not, it stays zero and costs nothing). */
  useSkip: boolean;
  /** Indices of the active hidden units (ReLU > 0, not dropped) of the current example. */
  active: Int32Array;
}

/** Allocates scratch buffers for `w`. */
export function createScratch(w: NetworkWeights, useSkip = true): Scratch {
  return {
    bag: new Float32Array(w.dim),
    hidden: new Float32Array(w.hidden),
    logits: new Float32Array(w.classes),
    dHidden: new Float32Array(w.hidden),
    dBag: new Float32Array(w.dim),
    mask: new Float32Array(w.hidden),
    useSkip,
    active: new Int32Array(w.hidden),
  };
}

/**
 * Accumulates the gradient of one example's loss (scaled by `scale`, e.g. 1/batch) into `g`.
 * `s.bag` must already hold the example's bag and `s.mask` its hidden dropout mask.
 * @param w the weights
 * @param g gradients to add to
 * @param s scratch with the bag and mask filled in
 * @param rows the embedding rows averaged into the bag (with repeats)
 * @param target the class index
 * @param smoothing label smoothing ε
 * @param scale the loss weight of this example
 * @returns the example's cross-entropy loss
 */
export function accumulateExample(
  w: NetworkWeights,
  g: Gradients,
  s: Scratch,
  rows: ArrayLike<number>,
  target: number,
  smoothing: number,
  scale: number,
): number {
  const { dim, hidden: h, classes: c, w1, w2, skip } = w;
  const { bag, hidden, logits, dHidden, dBag, mask, useSkip } = s;
  const gw1 = g.w1;
  const gw2 = g.w2;
  const gskip = g.skip;
  const gb1 = g.b1;
  const gb2 = g.b2;
  const gemb = g.embedding;
  const active = s.active;
  let nActive = 0;
  hidden.set(w.b1);
  logits.set(w.b2);
  for (let d = 0; d < dim; d++) {
    const x = bag[d] as number;
    if (x === 0) continue;
    for (let j = 0, r = d * h; j < h; j++) hidden[j] = (hidden[j] as number) + x * (w1[r + j] as number);
    if (useSkip) for (let k = 0, r = d * c; k < c; k++) logits[k] = (logits[k] as number) + x * (skip[r + k] as number);
  }
  for (let j = 0; j < h; j++) {
    // ReLU, then the dropout mask (0 or 1/(1-p)).
    const a = Math.max(0, hidden[j] as number) * (mask[j] as number);
    hidden[j] = a;
    if (a === 0) continue;
    active[nActive++] = j;
    for (let k = 0, r = j * c; k < c; k++) logits[k] = (logits[k] as number) + a * (w2[r + k] as number);
  }
  softmaxInPlace(logits);
  const loss = -Math.log(Math.max(1e-12, logits[target] as number));
  // dLoss/dlogits = p - y_smoothed, scaled; kept in `logits`.
  const off = smoothing / c;
  for (let k = 0; k < c; k++) logits[k] = ((logits[k] as number) - off - (k === target ? 1 - smoothing : 0)) * scale;

  for (let k = 0; k < c; k++) gb2[k] = (gb2[k] as number) + (logits[k] as number);
  // Only the active hidden units (ReLU > 0, not dropped) have a gradient.
  for (let i = 0; i < nActive; i++) {
    const j = active[i] as number;
    const a = hidden[j] as number;
    let acc = 0;
    for (let k = 0, r = j * c; k < c; k++) {
      const dl = logits[k] as number;
      gw2[r + k] = (gw2[r + k] as number) + a * dl;
      acc += (w2[r + k] as number) * dl;
    }
    dHidden[i] = acc * (mask[j] as number);
    gb1[j] = (gb1[j] as number) + (dHidden[i] as number);
  }
  for (let d = 0; d < dim; d++) {
    const x = bag[d] as number;
    let acc = 0;
    const r = d * h;
    for (let i = 0; i < nActive; i++) {
      const j = r + (active[i] as number);
      const dz = dHidden[i] as number;
      gw1[j] = (gw1[j] as number) + x * dz;
      acc += (w1[j] as number) * dz;
    }
    if (useSkip) {
      for (let k = 0, rs = d * c; k < c; k++) {
        const dl = logits[k] as number;
        gskip[rs + k] = (gskip[rs + k] as number) + x * dl;
        acc += (skip[rs + k] as number) * dl;
      }
    }
    dBag[d] = acc;
  }
  const inv = 1 / Math.max(1, rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    if (row === 0) continue; // the unknown-feature row stays zero
    if (g.touchedFlag[row] === 0) {
      g.touchedFlag[row] = 1;
      g.touched.push(row);
    }
    for (let d = 0, base = row * dim; d < dim; d++)
      gemb[base + d] = (gemb[base + d] as number) + (dBag[d] as number) * inv;
  }
  return loss;
}
