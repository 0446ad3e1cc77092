/**
 * Percentiles for the dialogue benchmark, one definition for every row (nearest rank: the p50 of
 * 200 samples is the 100th smallest), so the Worker, round-trip and Node figures compare.
 */

/**
 * The nearest-rank percentile of `samples`.
 * @param samples any order; not modified
 * @param p between 0 and 1
 * @returns `NaN` for no samples
 */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

/** p50, p95 and mean of a set of samples. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

/**
 * Summarizes millisecond samples.
 * @param samples any order
 */
export function summarize(samples: readonly number[]): Summary {
  const mean = samples.length === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / samples.length;
  return { n: samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), mean };
}

/** Milliseconds with three decimals (the in-Worker clock is precise to 5 µs when cross-origin isolated). */
export const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
