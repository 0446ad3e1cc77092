/**
 * The linear-chain CRF over BIO tags (Lafferty et al. 2001): transition scores between tags, from
 * the start and to the end, added to the network's per-token emission scores. Transitions the
 * BIO scheme forbids (`O → I-x`, `B-x → I-y`) score −∞ in training and decoding alike, so the
 * decoder can only return well-formed spans.
 *
 * Runtime and training share this file: Viterbi and token marginals run after ONNX Runtime
 * returns the emissions; the forward-backward gradient trains the tagger.
 *
 * @module
 */
import { transitionAllowed } from './bio.ts';

/** Transition scores for `labels` tags. */
export interface CrfTransitions {
  labels: number;
  /** `[labels, labels]`: score of tag `next` after tag `prev`, at `prev * labels + next`. */
  trans: Float32Array;
  /** `[labels]`: score of starting with a tag. */
  start: Float32Array;
  /** `[labels]`: score of ending with a tag. */
  end: Float32Array;
}

/** Fresh zero transitions for `labels` tags. */
export function createTransitions(labels: number): CrfTransitions {
  return {
    labels,
    trans: new Float32Array(labels * labels),
    start: new Float32Array(labels),
    end: new Float32Array(labels),
  };
}

/** The transition score, −∞ where BIO forbids it. */
function transScore(c: CrfTransitions, prev: number, next: number): number {
  return transitionAllowed(prev, next) ? (c.trans[prev * c.labels + next] as number) : -Infinity;
}

function startScore(c: CrfTransitions, tag: number): number {
  return transitionAllowed(-1, tag) ? (c.start[tag] as number) : -Infinity;
}

/**
 * The best tag sequence (Viterbi), BIO-valid by construction.
 * @param emissions `[tokens, labels]` scores, row-major
 * @param tokens the number of tokens
 * @param c the transitions
 * @returns one tag index per token
 */
export function viterbi(emissions: ArrayLike<number>, tokens: number, c: CrfTransitions): Int32Array {
  const L = c.labels;
  const tags = new Int32Array(tokens);
  if (tokens === 0) return tags;
  let score = new Float64Array(L);
  let next = new Float64Array(L);
  const back = new Int32Array(tokens * L);
  for (let y = 0; y < L; y++) score[y] = startScore(c, y) + (emissions[y] as number);
  for (let t = 1; t < tokens; t++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = (score[p] as number) + transScore(c, p, y);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      next[y] = best + (emissions[t * L + y] as number);
      back[t * L + y] = arg;
    }
    [score, next] = [next, score];
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const s = (score[y] as number) + (c.end[y] as number);
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  tags[tokens - 1] = arg;
  for (let t = tokens - 1; t > 0; t--) tags[t - 1] = back[t * L + (tags[t] as number)] as number;
  return tags;
}

/**
 * Scaled forward-backward in probability space (Rabiner 1989): exponentials are taken once per
 * score, not once per tag pair as a log-space recursion would, which makes training several
 * times faster. Each token's emissions are shifted by their maximum before `exp`, and each α row
 * is normalized, so nothing overflows; `logZ` adds the shifts and scales back.
 */
interface Lattice {
  /** Normalized forward rows. */
  alpha: Float64Array;
  /** Backward rows, scaled so that `alpha * beta / z` are the marginals. */
  beta: Float64Array;
  /** Shifted exponentials of the emissions. */
  em: Float64Array;
  /** `exp` of the allowed transitions, 0 where forbidden. */
  tr: Float64Array;
  /** Each row's normalizer. */
  scale: Float64Array;
  /** The final sum with the scaled rows. */
  z: number;
  logZ: number;
}

function forwardBackward(emissions: ArrayLike<number>, T: number, c: CrfTransitions): Lattice {
  const L = c.labels;
  const alpha = new Float64Array(T * L);
  const beta = new Float64Array(T * L);
  const em = new Float64Array(T * L);
  const tr = new Float64Array(L * L);
  const scale = new Float64Array(T);
  const nb = new Float64Array(L);
  let shift = 0;
  for (let p = 0; p < L; p++)
    for (let y = 0; y < L; y++) tr[p * L + y] = transitionAllowed(p, y) ? Math.exp(c.trans[p * L + y] as number) : 0;
  for (let t = 0; t < T; t++) {
    let max = -Infinity;
    for (let y = 0; y < L; y++) max = Math.max(max, emissions[t * L + y] as number);
    shift += max;
    for (let y = 0; y < L; y++) em[t * L + y] = Math.exp((emissions[t * L + y] as number) - max);
  }
  let sum = 0;
  for (let y = 0; y < L; y++) {
    const a = transitionAllowed(-1, y) ? Math.exp(c.start[y] as number) * (em[y] as number) : 0;
    alpha[y] = a;
    sum += a;
  }
  scale[0] = sum;
  for (let y = 0; y < L; y++) alpha[y] = (alpha[y] as number) / sum;
  for (let t = 1; t < T; t++) {
    const row = t * L;
    const prev = row - L;
    for (let p = 0; p < L; p++) {
      const a = alpha[prev + p] as number;
      if (a === 0) continue;
      const r = p * L;
      // O and every B-x may follow any tag; I-x only B-x and I-x (the odd/even layout of bio.ts).
      for (let y = 0; y < L; y += 2 - (y === 0 ? 1 : 0))
        alpha[row + y] = (alpha[row + y] as number) + a * (tr[r + y] as number);
      if (p > 0) {
        const i = p % 2 === 1 ? p + 1 : p;
        alpha[row + i] = (alpha[row + i] as number) + a * (tr[r + i] as number);
      }
    }
    sum = 0;
    for (let y = 0; y < L; y++) {
      const a = (alpha[row + y] as number) * (em[row + y] as number);
      alpha[row + y] = a;
      sum += a;
    }
    scale[t] = sum;
    for (let y = 0; y < L; y++) alpha[row + y] = (alpha[row + y] as number) / sum;
  }
  const last = (T - 1) * L;
  let z = 0;
  for (let y = 0; y < L; y++) {
    beta[last + y] = Math.exp(c.end[y] as number);
    z += (alpha[last + y] as number) * (beta[last + y] as number);
  }
  for (let t = T - 2; t >= 0; t--) {
    const row = t * L;
    const next = row + L;
    const s = scale[t + 1] as number;
    // The part of the sum over O and B-x next tags is the same for every tag y but for tr(y, ·).
    for (let n = 0; n < L; n++) nb[n] = (em[next + n] as number) * (beta[next + n] as number);
    for (let y = 0; y < L; y++) {
      let acc = 0;
      const r = y * L;
      for (let n = 0; n < L; n += 2 - (n === 0 ? 1 : 0)) acc += (tr[r + n] as number) * (nb[n] as number);
      if (y > 0) {
        const i = y % 2 === 1 ? y + 1 : y;
        acc += (tr[r + i] as number) * (nb[i] as number);
      }
      beta[row + y] = acc / s;
    }
  }
  let logZ = shift + Math.log(z);
  for (let t = 0; t < T; t++) logZ += Math.log(scale[t] as number);
  return { alpha, beta, em, tr, scale, z, logZ };
}

/**
 * Per-token tag probabilities (the CRF's marginals).
 * @param emissions `[tokens, labels]` scores
 * @param tokens the number of tokens
 * @param c the transitions
 * @returns `[tokens, labels]` probabilities
 */
export function tokenMarginals(emissions: ArrayLike<number>, tokens: number, c: CrfTransitions): Float32Array {
  const L = c.labels;
  const out = new Float32Array(tokens * L);
  if (tokens === 0) return out;
  const { alpha, beta, z } = forwardBackward(emissions, tokens, c);
  for (let i = 0; i < tokens * L; i++) out[i] = ((alpha[i] as number) * (beta[i] as number)) / z;
  return out;
}

/**
 * The CRF's negative log-likelihood of `gold` and its gradient, added to the given buffers:
 * marginals minus the gold indicator for the emissions, expected minus gold transition counts.
 *
 * @param emissions `[T, labels]` scores
 * @param T the number of tokens, at least 1
 * @param c the transitions
 * @param gold the gold tags (BIO-valid)
 * @param dEmissions `[T, labels]`, overwritten with the emission gradient
 * @param g transition gradients, added to
 * @returns the loss
 * @internal
 */
export function crfLossAndGradient(
  emissions: ArrayLike<number>,
  T: number,
  c: CrfTransitions,
  gold: ArrayLike<number>,
  dEmissions: Float32Array,
  g: CrfTransitions,
): number {
  const L = c.labels;
  const { alpha, beta, em, tr, scale, z, logZ } = forwardBackward(emissions, T, c);
  let goldScore = startScore(c, gold[0] as number) + (c.end[gold[T - 1] as number] as number);
  for (let t = 0; t < T; t++) {
    const y = gold[t] as number;
    goldScore += emissions[t * L + y] as number;
    if (t > 0) goldScore += transScore(c, gold[t - 1] as number, y);
  }
  for (let t = 0; t < T; t++) {
    for (let y = 0; y < L; y++) {
      const i = t * L + y;
      dEmissions[i] = ((alpha[i] as number) * (beta[i] as number)) / z;
    }
    const gi = t * L + (gold[t] as number);
    dEmissions[gi] = (dEmissions[gi] as number) - 1;
  }
  for (let y = 0; y < L; y++) {
    g.start[y] = (g.start[y] as number) + (dEmissions[y] as number);
    g.end[y] = (g.end[y] as number) + (dEmissions[(T - 1) * L + y] as number);
  }
  // Expected transition counts, ξ_t(p, y) = α̂_{t-1}(p) tr(p, y) em_t(y) β̂_t(y) / (scale_t z), minus the gold ones.
  for (let t = 1; t < T; t++) {
    const inv = 1 / ((scale[t] as number) * z);
    const row = t * L;
    for (let p = 0; p < L; p++) {
      const a = (alpha[row - L + p] as number) * inv;
      if (a === 0) continue;
      const r = p * L;
      for (let y = 0; y < L; y += 2 - (y === 0 ? 1 : 0))
        g.trans[r + y] =
          (g.trans[r + y] as number) + a * (tr[r + y] as number) * (em[row + y] as number) * (beta[row + y] as number);
      if (p > 0) {
        const i = p % 2 === 1 ? p + 1 : p;
        g.trans[r + i] =
          (g.trans[r + i] as number) + a * (tr[r + i] as number) * (em[row + i] as number) * (beta[row + i] as number);
      }
    }
    const gi = (gold[t - 1] as number) * L + (gold[t] as number);
    g.trans[gi] = (g.trans[gi] as number) - 1;
  }
  return logZ - goldScore;
}
