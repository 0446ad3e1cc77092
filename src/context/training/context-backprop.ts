/**
 * The gradient of one turn's loss through the context network (`context-network.ts`).
 *
 * Hand-derived rather than a small reverse-mode autodiff: the graph is fixed and small, and
 * loops over preallocated `Float32Array`s run several times faster than a tape that allocates
 * a tensor per operation — what keeps training on all of SGD's train split to minutes. The
 * finite-difference check in `test/core/context/context-gradient.test.ts` guards every term.
 *
 * Loss: the sum over the heads that have a label of weight × loss, with softmax
 * cross-entropy for `command`, `intent` and `slot`, and binary cross-entropy for `switch`.
 *
 * @module
 */
import {
  denseTensors,
  mapDenseTensors,
  type ContextTrace,
  type ContextWeights,
  type EncodedTurn,
  type HeadTrace,
  type HeadWeights,
} from './context-network.ts';

/** The labels of one training turn; a head with no label is not trained on the turn. */
export interface ContextLabels {
  /** Index into the spec's commands. */
  command?: number;
  /** 1 when the turn switches to a new task, 0 when it carries the active one. */
  switch?: 0 | 1;
  /** Index into the turn's candidates. */
  intent?: number;
  /** Index into the turn's slot candidates. */
  slot?: number;
}

/** How much each head's loss counts. */
export interface HeadLossWeights {
  command: number;
  switch: number;
  intent: number;
  slot: number;
}

/** Gradient buffers shaped like the weights, plus the embedding rows touched since the last clear. */
export interface ContextGradients {
  /** Gradients, in the weights' shape (its `remap` is the weights'). */
  of: ContextWeights;
  /** Embedding rows with a gradient, each once. */
  touched: number[];
  /** `touchedFlag[row] === 1` when `row` is in `touched`. */
  touchedFlag: Uint8Array;
}

/**
 * Allocates zeroed gradients for `w`.
 * @param w the weights
 * @returns the gradients
 */
export function createContextGradients(w: ContextWeights): ContextGradients {
  return {
    of: {
      ...mapDenseTensors(w, (_, a) => new Float32Array(a.length)),
      embedding: new Float32Array(w.embedding.length),
    },
    touched: [],
    touchedFlag: new Uint8Array(w.embedding.length / w.shape.dim),
  };
}

/**
 * Zeroes the dense gradients and the touched embedding rows.
 * @param g the gradients
 */
export function clearContextGradients(g: ContextGradients): void {
  for (const [, a] of denseTensors(g.of)) a.fill(0);
  const dim = g.of.shape.dim;
  for (const row of g.touched) {
    g.of.embedding.fill(0, row * dim, (row + 1) * dim);
    g.touchedFlag[row] = 0;
  }
  g.touched.length = 0;
}

/**
 * Adds `dbag / n` to the embedding rows of the n non-zero `ids` (the backward pass of `bagInto`).
 * @param g the gradients
 * @param ids the feature bucket ids the bag averaged
 * @param dbag the gradient of the bag, `[dim]`
 */
export function scatterBag(g: ContextGradients, ids: ArrayLike<number>, dbag: Float32Array): void {
  const dim = g.of.shape.dim;
  const { remap, embedding } = g.of;
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== 0) n++;
  if (n === 0) return;
  const inv = 1 / n;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const row = id === 0 ? 0 : (remap[id] ?? 0);
    if (row === 0) continue; // padding, and the unknown-feature row, which stays zero
    if (g.touchedFlag[row] === 0) {
      g.touchedFlag[row] = 1;
      g.touched.push(row);
    }
    for (let d = 0, base = row * dim; d < dim; d++)
      embedding[base + d] = (embedding[base + d] as number) + (dbag[d] as number) * inv;
  }
}

/** Scratch buffers of the backward pass, and where it leaves the gradients of the bags. */
export interface BackwardScratch {
  /** `[hidden]`. */
  dg: Float32Array;
  /** `[2·dim + state]`: the gradient of x = [u; c; state]; u's part then c's part are read by the caller. */
  dx: Float32Array;
  /** `[dim, max(candHidden, slotHidden)]`. */
  dm: Float32Array;
  /** `[max(candHidden, slotHidden)]` × 2. */
  dpre: Float32Array;
  dgproj: Float32Array;
}

/**
 * Allocates backward scratch for `w`.
 * @param w the weights
 * @returns the scratch
 */
export function createBackwardScratch(w: ContextWeights): BackwardScratch {
  const { dim, hidden, state, candHidden, slotHidden } = w.shape;
  const width = Math.max(candHidden, slotHidden);
  return {
    dg: new Float32Array(hidden),
    dx: new Float32Array(2 * dim + state),
    dm: new Float32Array(dim * width),
    dpre: new Float32Array(width),
    dgproj: new Float32Array(width),
  };
}

function headBackward(
  w: ContextWeights,
  hw: HeadWeights,
  gw: HeadWeights,
  width: number,
  features: number,
  turnBags: Float32Array[],
  turnFeats: Float32Array[],
  ht: HeadTrace,
  t: ContextTrace,
  target: number,
  weight: number,
  scale: number,
  s: BackwardScratch,
  dBags: Float32Array[],
): number {
  const { dim, hidden } = w.shape;
  const k = ht.count;
  if (!(target >= 0 && target < k)) throw new RangeError(`label ${target} is not one of the ${k} candidates`);
  const loss = -Math.log(Math.max(1e-12, ht.probs[target] as number)) * weight;
  const dm = s.dm.subarray(0, dim * width);
  const dpre = s.dpre;
  const dgproj = s.dgproj;
  dm.fill(0);
  dgproj.fill(0, 0, width);
  for (let n = 0; n < k; n++) {
    const ds = ((ht.probs[n] as number) - (n === target ? 1 : 0)) * weight * scale;
    const r = n * width;
    let any = false;
    for (let j = 0; j < width; j++) {
      gw.v[j] = (gw.v[j] as number) + ds * (ht.h[r + j] as number);
      const dp = (ht.pre[r + j] as number) > 0 ? ds * (hw.v[j] as number) : 0;
      dpre[j] = dp;
      if (dp !== 0) any = true;
      dgproj[j] = (dgproj[j] as number) + dp;
    }
    if (!any) continue;
    const f = turnFeats[n] as Float32Array;
    for (let i = 0; i < features; i++) {
      const fi = f[i] as number;
      if (fi === 0) continue;
      for (let j = 0, rr = i * width; j < width; j++)
        gw.wf[rr + j] = (gw.wf[rr + j] as number) + fi * (dpre[j] as number);
    }
    const d = turnBags[n] as Float32Array;
    const dd = dBags[n] as Float32Array;
    const m = ht.m;
    for (let i = 0; i < dim; i++) {
      const di = d[i] as number;
      let acc = 0;
      for (let j = 0, rr = i * width; j < width; j++) {
        const dp = dpre[j] as number;
        dm[rr + j] = (dm[rr + j] as number) + di * dp;
        acc += (m[rr + j] as number) * dp;
      }
      dd[i] = (dd[i] as number) + acc;
    }
  }
  const { g, x } = t;
  for (let j = 0; j < width; j++) gw.b[j] = (gw.b[j] as number) + (dgproj[j] as number);
  for (let i = 0; i < hidden; i++) {
    const gi = g[i] as number;
    let acc = 0;
    for (let j = 0, r = i * width; j < width; j++) {
      const dp = dgproj[j] as number;
      gw.wg[r + j] = (gw.wg[r + j] as number) + gi * dp;
      acc += (hw.wg[r + j] as number) * dp;
    }
    s.dg[i] = (s.dg[i] as number) + acc;
  }
  for (let i = 0; i < dim; i++) {
    const ui = x[i] as number;
    const ci = x[dim + i] as number;
    let du = 0;
    let dc = 0;
    for (let j = 0, r = i * width; j < width; j++) {
      const v = dm[r + j] as number;
      gw.wa[r + j] = (gw.wa[r + j] as number) + ui * v;
      gw.wb[r + j] = (gw.wb[r + j] as number) + ci * v;
      gw.wd[r + j] = (gw.wd[r + j] as number) + v;
      du += (hw.wa[r + j] as number) * v;
      dc += (hw.wb[r + j] as number) * v;
    }
    s.dx[i] = (s.dx[i] as number) + du;
    s.dx[dim + i] = (s.dx[dim + i] as number) + dc;
  }
  return loss;
}

/**
 * Accumulates into `grads` the gradient of one turn's loss, each head's term multiplied by its
 * weight and by `scale` (e.g. 1 / batch size), after `forwardContext` filled `t` for `turn`.
 * Leaves in `s.dx` the gradient of [u; c; state] and adds into `dCandBags` / `dSlotBags` the
 * gradients of the candidates' bags: the caller scatters them into the embedding rows (once per
 * distinct candidate text in a batch, see {@link scatterBag}).
 * @param w the weights
 * @param turn the encoded turn
 * @param t the trace of its forward pass
 * @param labels the turn's labels
 * @param lossWeights each head's weight
 * @param scale the turn's weight in the batch
 * @param grads gradients to add to
 * @param s backward scratch
 * @param dCandBags one `[dim]` buffer per intent candidate, added to
 * @param dSlotBags one `[dim]` buffer per slot candidate, added to
 * @returns the turn's (unscaled, weighted) loss
 * @throws {RangeError} when a label is out of range
 */
export function backwardContext(
  w: ContextWeights,
  turn: EncodedTurn,
  t: ContextTrace,
  labels: ContextLabels,
  lossWeights: HeadLossWeights,
  scale: number,
  grads: ContextGradients,
  s: BackwardScratch,
  dCandBags: Float32Array[],
  dSlotBags: Float32Array[],
): number {
  const { dim, hidden, state, commands } = w.shape;
  const gw = grads.of;
  const { g, x, gpre, gmask } = t;
  s.dg.fill(0);
  s.dx.fill(0);
  let loss = 0;
  if (labels.command !== undefined) {
    const y = labels.command;
    if (!(y >= 0 && y < commands)) throw new RangeError(`command label ${y} is not one of the ${commands} commands`);
    const weight = lossWeights.command;
    loss -= Math.log(Math.max(1e-12, t.command[y] as number)) * weight;
    for (let k = 0; k < commands; k++) {
      const dz = ((t.command[k] as number) - (k === y ? 1 : 0)) * weight * scale;
      gw.bc[k] = (gw.bc[k] as number) + dz;
      for (let i = 0; i < hidden; i++) {
        gw.wc[i * commands + k] = (gw.wc[i * commands + k] as number) + (g[i] as number) * dz;
        s.dg[i] = (s.dg[i] as number) + (w.wc[i * commands + k] as number) * dz;
      }
    }
  }
  if (labels.switch !== undefined) {
    const y = labels.switch;
    const p = t.switchProb;
    const weight = lossWeights.switch;
    loss -= (y === 1 ? Math.log(Math.max(1e-12, p)) : Math.log(Math.max(1e-12, 1 - p))) * weight;
    const dz = (p - y) * weight * scale;
    gw.bs[0] = (gw.bs[0] as number) + dz;
    for (let i = 0; i < hidden; i++) {
      gw.ws[i] = (gw.ws[i] as number) + (g[i] as number) * dz;
      s.dg[i] = (s.dg[i] as number) + (w.ws[i] as number) * dz;
    }
  }
  const sh = w.shape;
  if (labels.intent !== undefined) {
    loss += headBackward(
      w,
      w.cand,
      gw.cand,
      sh.candHidden,
      sh.candFeatures,
      turn.candBags,
      turn.candFeats,
      t.cand,
      t,
      labels.intent,
      lossWeights.intent,
      scale,
      s,
      dCandBags,
    );
  }
  if (labels.slot !== undefined) {
    loss += headBackward(
      w,
      w.slot,
      gw.slot,
      sh.slotHidden,
      sh.slotFeatures,
      turn.slotBags,
      turn.slotFeats,
      t.slot,
      t,
      labels.slot,
      lossWeights.slot,
      scale,
      s,
      dSlotBags,
    );
  }
  // Through g = ReLU(gpre) ⊙ mask into Wg, bg and x.
  const width = 2 * dim + state;
  for (let j = 0; j < hidden; j++) {
    const dp = (gpre[j] as number) > 0 ? (s.dg[j] as number) * (gmask[j] as number) : 0;
    if (dp === 0) continue;
    gw.bg[j] = (gw.bg[j] as number) + dp;
    for (let i = 0; i < width; i++) {
      gw.wg[i * hidden + j] = (gw.wg[i * hidden + j] as number) + (x[i] as number) * dp;
      s.dx[i] = (s.dx[i] as number) + (w.wg[i * hidden + j] as number) * dp;
    }
  }
  return loss;
}
