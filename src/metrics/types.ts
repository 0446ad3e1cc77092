/**
 * Metrics shapes: a snapshot is plain data (structured-cloneable, JSON-safe) so it crosses the
 * Worker boundary and hosts can ship it to their own backend.
 *
 * @module
 */

/** Label names and values. Values are identifiers (intents, skill ids, outcomes), never message text. */
export type MetricLabels = Readonly<Record<string, string>>;

/** One counter series. */
export interface CounterSample {
  name: string;
  help: string;
  labels: MetricLabels;
  value: number;
}

/** One histogram series: cumulative bucket counts, as Prometheus exposes them. */
export interface HistogramSample {
  name: string;
  help: string;
  labels: MetricLabels;
  /** Upper bounds (inclusive) and cumulative counts; the last bound is `Infinity` (`+Inf`). */
  buckets: { le: number; count: number }[];
  sum: number;
  count: number;
}

/** Everything measured since start (or the last reset). */
export interface MetricsSnapshot {
  /** Epoch milliseconds when it was taken. */
  takenAt: number;
  counters: CounterSample[];
  histograms: HistogramSample[];
}

/** How a turn or a skill call ended. */
export type MetricOutcome = 'ok' | 'error' | 'timeout' | 'invalid' | 'permission' | 'aborted' | 'out-of-scope';

/** The metrics registry. */
export interface Metrics {
  /** Counts one turn and its latency, per intent (`none` when nothing was understood). */
  recordTurn(intent: string | null, durationMs: number, outcome: MetricOutcome): void;
  /** Counts one skill call and its latency, per skill. */
  recordSkill(skillId: string, durationMs: number, outcome: MetricOutcome): void;
  /** Adds to a counter of any declared name. Unsafe label values are replaced by `invalid`. */
  increment(name: string, help: string, labels?: MetricLabels, by?: number): void;
  /** Records one value (seconds for durations) in a histogram. */
  observe(name: string, help: string, value: number, labels?: MetricLabels): void;
  snapshot(): MetricsSnapshot;
  reset(): void;
}
