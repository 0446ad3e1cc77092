/**
 * The slot tagger's network in plain TypeScript, forward and backward: each token's embedding
 * (the sum of its features' rows), a 1-D convolution over a window of tokens plus a projection of
 * the sentence's mean embedding (the sentence says which slots can occur: a playlist in "add to",
 * a city in "weather in"), ReLU, and a linear layer to per-tag emission scores that the CRF
 * (`../tagger/crf.ts`) combines. The exported ONNX graph computes the same emissions.
 *
 * Hand-written for the reasons given in `../trainer.ts`: a few loops over `Float32Array`s train in
 * minutes in Node or a Worker, where a tensor framework would add megabytes.
 *
 * @module
 */
import { createTransitions, type CrfTransitions } from '../../tagger/crf.ts';
import type { Rng } from '../rng.ts';

/** The tagger's parameters. */
export interface TaggerWeights {
  dim: number;
  hidden: number;
  labels: number;
  /** Convolution width in tokens (odd: the token, and `(window - 1) / 2` on each side). */
  window: number;
  /** Feature ids per token. */
  features: number;
  /** Feature bucket → embedding row; row 0 is the all-zero row of padding and unseen features. */
  remap: Int32Array;
  /** `[rows, dim]`. */
  embedding: Float32Array;
  /** `[window, dim, hidden]` (the exporter reorders it to ONNX Conv's `[hidden, dim, window]`). */
  conv: Float32Array;
  /** `[hidden]`. */
  convBias: Float32Array;
  /** `[dim, hidden]`: the sentence's mean embedding → hidden. */
  sentence: Float32Array;
  /** `[hidden, labels]`. */
  out: Float32Array;
  /** `[labels]`. */
  outBias: Float32Array;
  crf: CrfTransitions;
}

/**
 * Fresh weights, initialized for ReLU (He et al. 2015) with small embeddings.
 * @internal
 */
export function initTaggerWeights(
  shape: { dim: number; hidden: number; labels: number; window: number; features: number },
  remap: Int32Array,
  rows: number,
  rng: Rng,
): TaggerWeights {
  const { dim, hidden, labels, window } = shape;
  const fill = (n: number, sd: number) => Float32Array.from({ length: n }, () => rng.normal() * sd);
  const embedding = fill(rows * dim, 0.1);
  embedding.fill(0, 0, dim);
  return {
    ...shape,
    remap,
    embedding,
    conv: fill(window * dim * hidden, Math.sqrt(2 / (window * dim))),
    convBias: new Float32Array(hidden),
    sentence: fill(dim * hidden, Math.sqrt(1 / dim)),
    out: fill(hidden * labels, Math.sqrt(1 / hidden)),
    outBias: new Float32Array(labels),
    crf: createTransitions(labels),
  };
}

/** Intermediate values of one forward pass, kept for the backward pass. */
export interface TaggerActivations {
  tokens: number;
  /** `[tokens, dim]` token embeddings. */
  x: Float32Array;
  /** `[dim]` mean of `x`. */
  mean: Float32Array;
  /** `[tokens, hidden]` after ReLU (and dropout). */
  hidden: Float32Array;
  /** `[tokens, labels]`. */
  emissions: Float32Array;
}

/**
 * Computes the emissions of one utterance.
 * @param w the weights
 * @param ids `[tokens, features]` feature bucket ids (a dropped feature is 0)
 * @param tokens the number of tokens
 * @param dropMask optional `[tokens, hidden]` dropout scales (0 or 1/(1-p)), training only
 * @returns the activations, `emissions` included
 */
export function taggerForward(
  w: TaggerWeights,
  ids: ArrayLike<number>,
  tokens: number,
  dropMask?: Float32Array,
): TaggerActivations {
  const { dim: D, hidden: H, labels: L, window: W, features: K, remap, embedding } = w;
  const r = (W - 1) >> 1;
  const x = new Float32Array(tokens * D);
  for (let t = 0; t < tokens; t++) {
    for (let k = 0; k < K; k++) {
      const base = (remap[ids[t * K + k] as number] ?? 0) * D;
      if (base === 0) continue;
      for (let d = 0; d < D; d++) x[t * D + d] = (x[t * D + d] as number) + (embedding[base + d] as number);
    }
  }
  const mean = new Float32Array(D);
  for (let t = 0; t < tokens; t++) for (let d = 0; d < D; d++) mean[d] = (mean[d] as number) + (x[t * D + d] as number);
  for (let d = 0; d < D; d++) mean[d] = (mean[d] as number) / Math.max(1, tokens);
  const sent = new Float32Array(H);
  sent.set(w.convBias);
  for (let d = 0; d < D; d++) {
    const m = mean[d] as number;
    for (let h = 0, o = d * H; h < H; h++) sent[h] = (sent[h] as number) + m * (w.sentence[o + h] as number);
  }
  const hidden = new Float32Array(tokens * H);
  for (let t = 0; t < tokens; t++) {
    const row = t * H;
    hidden.set(sent, row);
    for (let j = 0; j < W; j++) {
      const s = t + j - r;
      if (s < 0 || s >= tokens) continue;
      for (let d = 0; d < D; d++) {
        const v = x[s * D + d] as number;
        if (v === 0) continue;
        for (let h = 0, o = (j * D + d) * H; h < H; h++)
          hidden[row + h] = (hidden[row + h] as number) + v * (w.conv[o + h] as number);
      }
    }
    for (let h = 0; h < H; h++) {
      const a = hidden[row + h] as number;
      hidden[row + h] = a > 0 ? (dropMask === undefined ? a : a * (dropMask[row + h] as number)) : 0;
    }
  }
  const emissions = new Float32Array(tokens * L);
  for (let t = 0; t < tokens; t++) {
    const row = t * L;
    emissions.set(w.outBias, row);
    for (let h = 0; h < H; h++) {
      const a = hidden[t * H + h] as number;
      if (a === 0) continue;
      for (let l = 0, o = h * L; l < L; l++)
        emissions[row + l] = (emissions[row + l] as number) + a * (w.out[o + l] as number);
    }
  }
  return { tokens, x, mean, hidden, emissions };
}

/** Gradients of every parameter but the embedding rows, which are sparse (see `touched`). */
export interface TaggerGradients {
  embedding: Float32Array;
  touched: number[];
  touchedFlag: Uint8Array;
  conv: Float32Array;
  convBias: Float32Array;
  sentence: Float32Array;
  out: Float32Array;
  outBias: Float32Array;
  crf: CrfTransitions;
}

/** @internal */
export function createTaggerGradients(w: TaggerWeights): TaggerGradients {
  return {
    embedding: new Float32Array(w.embedding.length),
    touched: [],
    touchedFlag: new Uint8Array(w.embedding.length / w.dim),
    conv: new Float32Array(w.conv.length),
    convBias: new Float32Array(w.hidden),
    sentence: new Float32Array(w.sentence.length),
    out: new Float32Array(w.out.length),
    outBias: new Float32Array(w.labels),
    crf: createTransitions(w.labels),
  };
}

/** Zeroes the gradients (the embedding only in the touched rows). @internal */
export function clearTaggerGradients(g: TaggerGradients, dim: number): void {
  for (const a of [g.conv, g.convBias, g.sentence, g.out, g.outBias, g.crf.trans, g.crf.start, g.crf.end]) a.fill(0);
  for (const row of g.touched) {
    g.embedding.fill(0, row * dim, (row + 1) * dim);
    g.touchedFlag[row] = 0;
  }
  g.touched.length = 0;
}

/**
 * Backpropagates `dEmissions` (from the CRF) through the network into `g`.
 * @param w the weights
 * @param ids the same ids as the forward pass
 * @param act the forward pass's activations
 * @param dEmissions `[tokens, labels]` gradient of the loss
 * @param g gradients, added to
 * @param dropMask the forward pass's dropout scales, if any
 * @internal
 */
export function taggerBackward(
  w: TaggerWeights,
  ids: ArrayLike<number>,
  act: TaggerActivations,
  dEmissions: Float32Array,
  g: TaggerGradients,
  dropMask?: Float32Array,
): void {
  const { dim: D, hidden: H, labels: L, window: W, features: K } = w;
  const r = (W - 1) >> 1;
  const T = act.tokens;
  const { x, mean, hidden } = act;
  const dHidden = new Float32Array(T * H);
  for (let t = 0; t < T; t++) {
    for (let l = 0; l < L; l++) g.outBias[l] = (g.outBias[l] as number) + (dEmissions[t * L + l] as number);
    for (let h = 0; h < H; h++) {
      const a = hidden[t * H + h] as number;
      if (a === 0) continue; // ReLU off or dropped: no gradient flows
      let acc = 0;
      for (let l = 0, o = h * L; l < L; l++) {
        const de = dEmissions[t * L + l] as number;
        g.out[o + l] = (g.out[o + l] as number) + a * de;
        acc += (w.out[o + l] as number) * de;
      }
      // Through inverted dropout: a = relu(z) * scale, so da/dz = scale where a > 0.
      dHidden[t * H + h] = dropMask === undefined ? acc : acc * (dropMask[t * H + h] as number);
    }
  }
  const dx = new Float32Array(T * D);
  const dSent = new Float32Array(H);
  // Only the units that were on (ReLU > 0, not dropped) carry a gradient: about half of them.
  const active = new Int32Array(H);
  const dz = new Float32Array(H);
  for (let t = 0; t < T; t++) {
    let n = 0;
    for (let h = 0; h < H; h++) {
      const v = dHidden[t * H + h] as number;
      dSent[h] = (dSent[h] as number) + v;
      if (v !== 0) {
        active[n] = h;
        dz[n++] = v;
      }
    }
    for (let j = 0; j < W; j++) {
      const s = t + j - r;
      if (s < 0 || s >= T) continue;
      for (let d = 0; d < D; d++) {
        const v = x[s * D + d] as number;
        const o = (j * D + d) * H;
        let acc = 0;
        for (let i = 0; i < n; i++) {
          const k = o + (active[i] as number);
          const z = dz[i] as number;
          g.conv[k] = (g.conv[k] as number) + v * z;
          acc += (w.conv[k] as number) * z;
        }
        dx[s * D + d] = (dx[s * D + d] as number) + acc;
      }
    }
  }
  for (let h = 0; h < H; h++) g.convBias[h] = (g.convBias[h] as number) + (dSent[h] as number);
  const inv = 1 / Math.max(1, T);
  for (let d = 0; d < D; d++) {
    const m = mean[d] as number;
    let acc = 0;
    for (let h = 0, o = d * H; h < H; h++) {
      g.sentence[o + h] = (g.sentence[o + h] as number) + m * (dSent[h] as number);
      acc += (w.sentence[o + h] as number) * (dSent[h] as number);
    }
    for (let t = 0; t < T; t++) dx[t * D + d] = (dx[t * D + d] as number) + acc * inv;
  }
  for (let t = 0; t < T; t++) {
    for (let k = 0; k < K; k++) {
      const row = w.remap[ids[t * K + k] as number] ?? 0;
      if (row === 0) continue; // the padding / unseen row stays zero
      if (g.touchedFlag[row] === 0) {
        g.touchedFlag[row] = 1;
        g.touched.push(row);
      }
      for (let d = 0, base = row * D; d < D; d++)
        g.embedding[base + d] = (g.embedding[base + d] as number) + (dx[t * D + d] as number);
    }
  }
}
