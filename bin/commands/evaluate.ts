/**
 * Evaluation of an intent model on a labelled split, with the figures `confidant eval --json`
 * prints and the benchmark reports. Definitions follow Larson et al. (EMNLP 2019): in-scope
 * accuracy counts an in-scope utterance flagged out-of-scope as wrong; out-of-scope recall is
 * the share of `oos` utterances flagged out-of-scope.
 *
 * @module
 */
import { gzipSync } from 'node:zlib';
import type { TrainingExample } from '../../src/nlu/types.ts';
import { OOS_LABEL } from '../../src/nlu/types.ts';

/** A classifier under evaluation: returns the predicted intent, or `null` for out of scope. */
export type Classify = (text: string) => Promise<string | null> | string | null;

/** One confusion: how often `expected` was classified as `predicted` (`oos` = flagged out of scope). */
export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
}

/** The figures of one evaluation. */
export interface EvalReport {
  /** Share of in-scope utterances given their exact intent. */
  inScopeAccuracy: number;
  /** Share of `oos` utterances flagged out of scope (null when the split has none). */
  oosRecall: number | null;
  /** Share of utterances flagged out of scope that are `oos` (null when none was flagged or the split has none). */
  oosPrecision: number | null;
  /** Mean F1 over the gold labels (each intent, and `oos` when present), out-of-scope flags predicting `oos`. */
  macroF1: number;
  /** Utterances evaluated. */
  n: number;
  inScopeN: number;
  oosN: number;
  /** Latency of one whole classification (featurizer, model, entities), in milliseconds. */
  latencyMs: { p50: number; p95: number };
  modelBytes?: number;
  modelGzipBytes?: number;
  /** The most frequent errors, most frequent first. */
  topConfusions: Confusion[];
}

/** Quantile of sorted numbers (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Gzipped size of bytes (level 9), as a web server would send them. */
export function gzipBytes(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * Classifies every example (one at a time, timing each) and computes the report.
 * @param classify the classifier
 * @param examples the labelled split (`oos` marks out-of-scope)
 * @param modelBytes the model file, to report its raw and gzipped size
 * @returns the report
 */
export async function evaluate(
  classify: Classify,
  examples: TrainingExample[],
  modelBytes?: Uint8Array,
): Promise<EvalReport> {
  const latencies: number[] = [];
  const predicted: string[] = [];
  for (const { text } of examples) {
    const start = performance.now();
    const intent = await classify(text);
    latencies.push(performance.now() - start);
    predicted.push(intent ?? OOS_LABEL);
  }
  latencies.sort((a, b) => a - b);
  let inN = 0,
    inOk = 0,
    oosN = 0,
    oosCaught = 0,
    flagged = 0;
  const confusions = new Map<string, Confusion>();
  const tp = new Map<string, number>(),
    fp = new Map<string, number>(),
    fn = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  examples.forEach(({ intent: gold }, i) => {
    const p = predicted[i]!;
    if (p === OOS_LABEL) flagged++;
    if (gold === OOS_LABEL) {
      oosN++;
      if (p === OOS_LABEL) oosCaught++;
    } else {
      inN++;
      if (p === gold) inOk++;
    }
    if (p === gold) bump(tp, gold);
    else {
      bump(fn, gold);
      bump(fp, p);
      const key = `${gold}\u0000${p}`;
      const c = confusions.get(key) ?? { expected: gold, predicted: p, count: 0 };
      c.count++;
      confusions.set(key, c);
    }
  });
  const labels = [...new Set(examples.map((e) => e.intent))];
  const f1 = labels.map((l) => {
    const t = tp.get(l) ?? 0;
    const denominator = 2 * t + (fp.get(l) ?? 0) + (fn.get(l) ?? 0);
    return denominator === 0 ? 0 : (2 * t) / denominator;
  });
  return {
    inScopeAccuracy: inN === 0 ? 0 : inOk / inN,
    oosRecall: oosN === 0 ? null : oosCaught / oosN,
    oosPrecision: oosN === 0 || flagged === 0 ? null : oosCaught / flagged,
    macroF1: f1.length === 0 ? 0 : f1.reduce((a, b) => a + b, 0) / f1.length,
    n: examples.length,
    inScopeN: inN,
    oosN,
    latencyMs: { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) },
    ...(modelBytes === undefined ? {} : { modelBytes: modelBytes.length, modelGzipBytes: gzipBytes(modelBytes) }),
    topConfusions: [...confusions.values()]
      .sort((a, b) => b.count - a.count || (a.expected < b.expected ? -1 : 1))
      .slice(0, 10),
  };
}
