/**
 * Mean ± standard deviation over seeds: how figures of a randomized training recipe are
 * reported (issue 15: CLINC150 as mean ± sd over 3 seeds), one definition for the bench and
 * the model scripts.
 */

/** Mean and sample standard deviation (n − 1; 0 for a single value). */
export interface MeanSd {
  mean: number;
  sd: number;
  n: number;
}

/**
 * Mean and sample standard deviation of `values`.
 * @param values one figure per seed
 * @returns `NaN`s for no values
 */
export function meanSd(values: readonly number[]): MeanSd {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, sd, n };
}

/**
 * Formats a share as a percentage `93.10 ± 0.21%` (just `93.10%` for one seed).
 * @param m the mean and sd of shares in [0, 1]
 */
export function pctMeanSd(m: MeanSd): string {
  if (!Number.isFinite(m.mean)) return 'n/a';
  return m.n < 2 ? `${(100 * m.mean).toFixed(2)}%` : `${(100 * m.mean).toFixed(2)} ± ${(100 * m.sd).toFixed(2)}%`;
}
