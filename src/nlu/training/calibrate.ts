/**
 * Calibration on validation data: temperature scaling (Guo et al., "On Calibration of Modern
 * Neural Networks", ICML 2017) so that confidences read as probabilities, then the
 * out-of-scope threshold that maximizes in-scope accuracy + out-of-scope recall.
 *
 * @module
 */

/** One validation prediction, before the threshold is applied. */
export interface ScoredPrediction {
  /** Top probability (after temperature). */
  confidence: number;
  /** True when the top class is the right intent (in-scope examples only). */
  correct: boolean;
  /** True when the top class is the model's out-of-scope class. */
  predictedOos: boolean;
}

/**
 * Finds the temperature minimizing the negative log-likelihood of the true labels, by golden-
 * section search over log T in [1/20, 20] (the NLL is unimodal in T for a fixed model).
 * @param logits validation logits, one array per example
 * @param targets the true class index of each example
 * @returns the temperature; 1 when there is no validation data
 */
export function fitTemperature(logits: Float32Array[], targets: number[]): number {
  if (logits.length === 0) return 1;
  const nll = (t: number): number => {
    let total = 0;
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i] as Float32Array;
      let max = -Infinity;
      for (let k = 0; k < z.length; k++) max = Math.max(max, (z[k] as number) / t);
      let sum = 0;
      for (let k = 0; k < z.length; k++) sum += Math.exp((z[k] as number) / t - max);
      total += Math.log(sum) + max - (z[targets[i] as number] as number) / t;
    }
    return total / logits.length;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(1 / 20);
  let hi = Math.log(20);
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** The chosen threshold and what it scores on validation data. */
export interface ThresholdChoice {
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
}

/**
 * Chooses the out-of-scope threshold on validation predictions. With out-of-scope examples it
 * maximizes in-scope accuracy + out-of-scope recall (both as rates, so the small out-of-scope
 * set weighs as much as the in-scope one), or, given `minOosRecall`, the in-scope accuracy among
 * thresholds reaching that recall; the threshold sits midway between neighbouring confidences.
 * `subsets` adds recall targets on parts of the out-of-scope data (say one source of a pooled
 * validation set, whose recall the pooled figure can hide when the other sources are easier); a
 * threshold must reach all of them, and when none does, the one nearest to them (the smallest
 * total shortfall) is taken.
 * Without out-of-scope examples there is nothing to trade against: the threshold is
 * `fallbackThreshold`, Chow's reject rule on calibrated probabilities (Chow 1970: reject when
 * the best class's probability is under 1 − c, c the cost of a rejection relative to an error;
 * 0.5 when a rejection costs half a wrong answer).
 *
 * @param inScope predictions on in-scope validation examples
 * @param oos predictions on out-of-scope validation examples
 * @param options `minOosRecall`: the recall to reach; `subsets`: out-of-scope predictions (usually
 * also in `oos`) with the recall each must reach, only with `minOosRecall`; `fallbackThreshold`: @default 0.5
 * @returns the threshold and its validation figures (on `inScope` and `oos`)
 */
export function chooseThreshold(
  inScope: ScoredPrediction[],
  oos: ScoredPrediction[],
  options: {
    minOosRecall?: number;
    subsets?: { oos: ScoredPrediction[]; minOosRecall: number }[];
    fallbackThreshold?: number;
  } = {},
): ThresholdChoice {
  const evaluate = (t: number): ThresholdChoice => ({
    threshold: t,
    inScopeAccuracy:
      inScope.length === 0
        ? 0
        : inScope.filter((p) => p.correct && !p.predictedOos && p.confidence >= t).length / inScope.length,
    oosRecall: oos.length === 0 ? 0 : oos.filter((p) => p.predictedOos || p.confidence < t).length / oos.length,
  });
  if (oos.length === 0) return evaluate(options.fallbackThreshold ?? 0.5);
  // Sweep candidate thresholds in increasing order: each step drops the examples at one confidence.
  const target = options.minOosRecall;
  const subsets = (options.subsets ?? []).filter((g) => g.oos.length > 0);
  if (subsets.length > 0 && target === undefined)
    throw new RangeError('chooseThreshold: subsets need minOosRecall (a recall target for the whole set)');
  // `group` -1 is the whole out-of-scope set, i >= 0 the subset i (counted apart, never in the whole).
  const events = [
    ...inScope.map((p) => ({ c: p.confidence, inGain: p.correct && !p.predictedOos ? -1 : 0, group: -1, oosGain: 0 })),
    ...oos.map((p) => ({ c: p.confidence, inGain: 0, group: -1, oosGain: p.predictedOos ? 0 : 1 })),
    ...subsets.flatMap((g, group) =>
      g.oos.map((p) => ({ c: p.confidence, inGain: 0, group, oosGain: p.predictedOos ? 0 : 1 })),
    ),
  ].sort((x, y) => x.c - y.c);
  let inCorrect = inScope.filter((p) => p.correct && !p.predictedOos).length;
  let oosCaught = oos.filter((p) => p.predictedOos).length;
  const subsetCaught = subsets.map((g) => g.oos.filter((p) => p.predictedOos).length);
  const score = (): number => {
    const accuracy = inCorrect / Math.max(1, inScope.length);
    const recall = oosCaught / oos.length;
    if (target === undefined) return accuracy + recall;
    // Below a target: the closer to all of them, the better.
    let shortfall = Math.max(0, target - recall);
    subsets.forEach((g, k) => {
      shortfall += Math.max(0, g.minOosRecall - (subsetCaught[k] as number) / g.oos.length);
    });
    return shortfall === 0 ? accuracy : -1 - shortfall;
  };
  let best = { t: 0, s: score() };
  for (let i = 0; i < events.length;) {
    const c = (events[i] as { c: number }).c;
    while (i < events.length && (events[i] as { c: number }).c === c) {
      const e = events[i] as { inGain: number; group: number; oosGain: number };
      inCorrect += e.inGain;
      if (e.group < 0) oosCaught += e.oosGain;
      else subsetCaught[e.group] = (subsetCaught[e.group] as number) + e.oosGain;
      i++;
    }
    const next = i < events.length ? (events[i] as { c: number }).c : Math.min(1, c + 1e-3);
    const s = score();
    if (s > best.s + 1e-12) best = { t: (c + next) / 2, s };
  }
  return evaluate(best.t);
}
