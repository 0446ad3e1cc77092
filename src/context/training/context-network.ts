/**
 * The context network's weights and its forward pass in plain TypeScript. The exported ONNX
 * graph computes exactly this (see `context-export.ts`); the trainer and the in-memory
 * predictor run this code, and `context-backprop.ts` differentiates it.
 *
 * With u, c the mean embeddings of the utterance and the context, s the state features:
 * - g = ReLU(Wg [u; c; s] + bg): the turn summary;
 * - command = softmax(Wc g + bc); switch = sigmoid(ws · g + bs);
 * - for candidate k with description embedding d_k and features f_k:
 *   h_k = ReLU(Wa (d_k ⊙ u) + Wb (d_k ⊙ c) + Wd d_k + Wf f_k + Wgk g + bk), score_k = v · h_k,
 *   intent = softmax over the candidates; the slot head likewise with its own weights.
 * The products d_k ⊙ u are how the network reads a schema: it learns an embedding space where
 * the words of a request line up with the words that describe an intent, which is what lets it
 * score intents of a skill it was never trained on.
 *
 * @module
 */
import type { Rng } from '../../nlu/training/rng.ts';

/** The sizes of a context network. */
export interface ContextShape {
  /** Embedding width D. */
  dim: number;
  /** Width H of the turn summary g. */
  hidden: number;
  /** Hidden width of the intent-candidate head. */
  candHidden: number;
  /** Hidden width of the slot-candidate head. */
  slotHidden: number;
  /** State features S. */
  state: number;
  /** Features per intent candidate F. */
  candFeatures: number;
  /** Features per slot candidate G. */
  slotFeatures: number;
  /** Dialogue commands C. */
  commands: number;
}

/** One candidate-scoring head (intent or slot). Matrices are row-major `[in, out]`, as ONNX `MatMul` takes them. */
export interface HeadWeights {
  /** `[dim, width]`, applied to d ⊙ u. */
  wa: Float32Array;
  /** `[dim, width]`, applied to d ⊙ c. */
  wb: Float32Array;
  /** `[dim, width]`, applied to d. */
  wd: Float32Array;
  /** `[features, width]`, applied to the candidate's features. */
  wf: Float32Array;
  /** `[hidden, width]`, applied to g. */
  wg: Float32Array;
  /** `[width]`. */
  b: Float32Array;
  /** `[width]`: the score. */
  v: Float32Array;
}

/** The trained parameters. */
export interface ContextWeights {
  shape: ContextShape;
  /** Feature bucket → embedding row; row 0 is the all-zero row of unknown features. */
  remap: Int32Array;
  /** `[rows, dim]`. */
  embedding: Float32Array;
  /** `[2·dim + state, hidden]`. */
  wg: Float32Array;
  /** `[hidden]`. */
  bg: Float32Array;
  /** `[hidden, commands]`. */
  wc: Float32Array;
  /** `[commands]`. */
  bc: Float32Array;
  /** `[hidden]`. */
  ws: Float32Array;
  /** `[1]`. */
  bs: Float32Array;
  cand: HeadWeights;
  slot: HeadWeights;
}

/** The names of the dense (non-embedding) tensors, in a fixed order: for optimizers, copies and exports. */
export const DENSE_TENSORS = ['wg', 'bg', 'wc', 'bc', 'ws', 'bs'] as const;
/** The names of a head's tensors. */
export const HEAD_TENSORS = ['wa', 'wb', 'wd', 'wf', 'wg', 'b', 'v'] as const;

/**
 * Every dense tensor of `w` with a stable name (`wg`, …, `cand.wa`, …, `slot.v`).
 * @param w the weights (or gradients shaped like them)
 * @returns name and array pairs, in a fixed order
 */
export function denseTensors(w: ContextWeights): [string, Float32Array][] {
  return [
    ...DENSE_TENSORS.map((n): [string, Float32Array] => [n, w[n]]),
    ...HEAD_TENSORS.map((n): [string, Float32Array] => [`cand.${n}`, w.cand[n]]),
    ...HEAD_TENSORS.map((n): [string, Float32Array] => [`slot.${n}`, w.slot[n]]),
  ];
}

/**
 * A copy of `w` whose every dense tensor is `map(name, tensor)` (the embedding and the remap are
 * shared): for copies of the weights and for the weights as a quantized export computes with them.
 * @param w the weights
 * @param map the new value of each dense tensor, by its {@link denseTensors} name
 * @returns the new weights
 */
export function mapDenseTensors(
  w: ContextWeights,
  map: (name: string, a: Float32Array) => Float32Array,
): ContextWeights {
  const head = (prefix: string, h: HeadWeights): HeadWeights => ({
    wa: map(`${prefix}.wa`, h.wa),
    wb: map(`${prefix}.wb`, h.wb),
    wd: map(`${prefix}.wd`, h.wd),
    wf: map(`${prefix}.wf`, h.wf),
    wg: map(`${prefix}.wg`, h.wg),
    b: map(`${prefix}.b`, h.b),
    v: map(`${prefix}.v`, h.v),
  });
  return {
    ...w,
    wg: map('wg', w.wg),
    bg: map('bg', w.bg),
    wc: map('wc', w.wc),
    bc: map('bc', w.bc),
    ws: map('ws', w.ws),
    bs: map('bs', w.bs),
    cand: head('cand', w.cand),
    slot: head('slot', w.slot),
  };
}

function headOf(
  dim: number,
  hidden: number,
  features: number,
  width: number,
  make: (size: number, fanIn: number, fanOut: number) => Float32Array,
): HeadWeights {
  return {
    wa: make(dim * width, dim, width),
    wb: make(dim * width, dim, width),
    wd: make(dim * width, dim, width),
    wf: make(features * width, features, width),
    wg: make(hidden * width, hidden, width),
    b: new Float32Array(width),
    v: make(width, width, 1),
  };
}

/**
 * Initializes weights: small uniform embeddings (row 0 zero), Xavier-uniform matrices, zero biases.
 * @param remap the vocabulary (bucket → row)
 * @param shape the sizes
 * @param rng the seeded generator
 * @returns fresh weights
 */
export function initContextWeights(remap: Int32Array, shape: ContextShape, rng: Rng): ContextWeights {
  let rows = 1;
  for (const r of remap) if (r >= rows) rows = r + 1;
  const { dim, hidden, state, commands } = shape;
  const uniform = (size: number, limit: number, from = 0): Float32Array => {
    const a = new Float32Array(size);
    for (let i = from; i < size; i++) a[i] = (rng.next() * 2 - 1) * limit;
    return a;
  };
  const xavier = (size: number, fanIn: number, fanOut: number) => uniform(size, Math.sqrt(6 / (fanIn + fanOut)));
  return {
    shape: { ...shape },
    remap,
    embedding: uniform(rows * dim, 0.5, dim),
    wg: xavier((2 * dim + state) * hidden, 2 * dim + state, hidden),
    bg: new Float32Array(hidden),
    wc: xavier(hidden * commands, hidden, commands),
    bc: new Float32Array(commands),
    ws: xavier(hidden, hidden, 1),
    bs: new Float32Array(1),
    cand: headOf(dim, hidden, shape.candFeatures, shape.candHidden, xavier),
    slot: headOf(dim, hidden, shape.slotFeatures, shape.slotHidden, xavier),
  };
}

/**
 * The mean embedding of a text's feature ids into `out`: the mean over the non-zero ids (0 is
 * padding) of their rows after the remap (unknown features count, with the zero row). This is
 * what the graph computes with `ReduceSum / max(1, count(ids > 0))`, so padding never matters.
 * @param w the weights
 * @param ids feature bucket ids
 * @param out a `[dim]` buffer
 */
export function bagInto(w: ContextWeights, ids: ArrayLike<number>, out: Float32Array): void {
  const { embedding, remap } = w;
  const dim = w.shape.dim;
  out.fill(0);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id === 0) continue;
    n++;
    const base = (remap[id] ?? 0) * dim;
    if (base === 0) continue;
    for (let d = 0; d < dim; d++) out[d] = (out[d] as number) + (embedding[base + d] as number);
  }
  if (n > 1) for (let d = 0; d < dim; d++) out[d] = (out[d] as number) / n;
}

/** One turn, with its texts already embedded. */
export interface EncodedTurn {
  /** `[dim]` mean embedding of the utterance. */
  u: Float32Array;
  /** `[dim]` mean embedding of the context. */
  c: Float32Array;
  /** `[state]`. */
  state: Float32Array;
  /** `[dim]` mean embedding of each intent candidate's description. */
  candBags: Float32Array[];
  /** `[candFeatures]` each. */
  candFeats: Float32Array[];
  slotBags: Float32Array[];
  slotFeats: Float32Array[];
}

/** A head's intermediate values, kept for the backward pass. */
export interface HeadTrace {
  /** `[dim, width]`: diag(u) Wa + diag(c) Wb + Wd, so that pre_k = d_k M + … costs one product per candidate. */
  m: Float32Array;
  /** `[width]`: Wgk g + bk. */
  gproj: Float32Array;
  /** `[K, width]` pre-activations and activations (grown as needed). */
  pre: Float32Array;
  h: Float32Array;
  /** `[K]` probabilities. */
  probs: Float32Array;
  /** The number of candidates K of the last forward pass. */
  count: number;
}

/** The forward pass's intermediate values, reused from turn to turn. */
export interface ContextTrace {
  /** `[2·dim + state]`: u, c, state. */
  x: Float32Array;
  /** `[hidden]` pre-activation and activation (after the dropout mask) of g. */
  gpre: Float32Array;
  g: Float32Array;
  /** `[hidden]` dropout mask of g: 0 or 1/(1-p); all 1 when not training. */
  gmask: Float32Array;
  /** `[commands]` probabilities. */
  command: Float32Array;
  switchProb: number;
  cand: HeadTrace;
  slot: HeadTrace;
}

function headTrace(dim: number, width: number): HeadTrace {
  return {
    m: new Float32Array(dim * width),
    gproj: new Float32Array(width),
    pre: new Float32Array(0),
    h: new Float32Array(0),
    probs: new Float32Array(0),
    count: 0,
  };
}

/**
 * Allocates a trace for a network of this shape.
 * @param shape the sizes
 * @returns a trace with no dropout
 */
export function createTrace(shape: ContextShape): ContextTrace {
  return {
    x: new Float32Array(2 * shape.dim + shape.state),
    gpre: new Float32Array(shape.hidden),
    g: new Float32Array(shape.hidden),
    gmask: new Float32Array(shape.hidden).fill(1),
    command: new Float32Array(shape.commands),
    switchProb: 0,
    cand: headTrace(shape.dim, shape.candHidden),
    slot: headTrace(shape.dim, shape.slotHidden),
  };
}

/**
 * Softmax of `z[0, n)`, in place, numerically stable.
 * @param z the logits; overwritten with probabilities
 * @param n how many entries
 */
export function softmaxPrefix(z: Float32Array, n: number): void {
  let max = -Infinity;
  for (let k = 0; k < n; k++) if ((z[k] as number) > max) max = z[k] as number;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const e = Math.exp((z[k] as number) - max);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < n; k++) z[k] = (z[k] as number) / sum;
}

/** y[j] += Σ_i x[i] W[i, j] for a row-major `[x.length, y.length]` W. */
function addVecMat(x: ArrayLike<number>, w: Float32Array, y: Float32Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    for (let j = 0, r = i * cols; j < cols; j++) y[j] = (y[j] as number) + xi * (w[r + j] as number);
  }
}

function headForward(
  w: ContextWeights,
  hw: HeadWeights,
  width: number,
  features: number,
  bags: Float32Array[],
  feats: Float32Array[],
  t: ContextTrace,
  ht: HeadTrace,
): void {
  const { dim, hidden } = w.shape;
  const { x, g } = t;
  const { m, gproj } = ht;
  for (let i = 0; i < dim; i++) {
    const ui = x[i] as number;
    const ci = x[dim + i] as number;
    for (let j = 0, r = i * width; j < width; j++)
      m[r + j] = ui * (hw.wa[r + j] as number) + ci * (hw.wb[r + j] as number) + (hw.wd[r + j] as number);
  }
  gproj.set(hw.b);
  addVecMat(g, hw.wg, gproj, hidden, width);
  const k = bags.length;
  if (ht.probs.length < k) {
    ht.pre = new Float32Array(k * width);
    ht.h = new Float32Array(k * width);
    ht.probs = new Float32Array(k);
  }
  ht.count = k;
  const pre = ht.pre;
  const h = ht.h;
  for (let n = 0; n < k; n++) {
    const row = pre.subarray(n * width, (n + 1) * width);
    row.set(gproj);
    addVecMat(bags[n] as Float32Array, m, row, dim, width);
    addVecMat(feats[n] as Float32Array, hw.wf, row, features, width);
    let score = 0;
    for (let j = 0, r = n * width; j < width; j++) {
      const a = Math.max(0, pre[r + j] as number);
      h[r + j] = a;
      score += a * (hw.v[j] as number);
    }
    ht.probs[n] = score;
  }
  softmaxPrefix(ht.probs, k);
}

/**
 * Runs the network on one encoded turn, filling `t` (whose `gmask` is the dropout mask of g).
 * Outputs are read from the trace: `command`, `switchProb`, `cand.probs[0, cand.count)`,
 * `slot.probs[0, slot.count)`.
 * @param w the weights
 * @param turn the encoded turn
 * @param t the trace to fill
 */
export function forwardContext(w: ContextWeights, turn: EncodedTurn, t: ContextTrace): void {
  const { dim, hidden, state, commands } = w.shape;
  const { x, gpre, g, gmask, command } = t;
  x.set(turn.u, 0);
  x.set(turn.c, dim);
  x.set(turn.state, 2 * dim);
  gpre.set(w.bg);
  addVecMat(x, w.wg, gpre, 2 * dim + state, hidden);
  for (let j = 0; j < hidden; j++) g[j] = Math.max(0, gpre[j] as number) * (gmask[j] as number);
  command.set(w.bc);
  addVecMat(g, w.wc, command, hidden, commands);
  softmaxPrefix(command, commands);
  let z = w.bs[0] as number;
  for (let j = 0; j < hidden; j++) z += (g[j] as number) * (w.ws[j] as number);
  t.switchProb = 1 / (1 + Math.exp(-z));
  headForward(w, w.cand, w.shape.candHidden, w.shape.candFeatures, turn.candBags, turn.candFeats, t, t.cand);
  headForward(w, w.slot, w.shape.slotHidden, w.shape.slotFeatures, turn.slotBags, turn.slotFeats, t, t.slot);
}
