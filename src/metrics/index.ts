/**
 * Metrics: counters and latency histograms, and the Prometheus text renderer.
 *
 * @module
 */
export { createMetrics, DURATION_BUCKETS } from './metrics.ts';
export { toPrometheusText } from './prometheus.ts';
export type { CounterSample, HistogramSample, MetricLabels, MetricOutcome, Metrics, MetricsSnapshot } from './types.ts';
