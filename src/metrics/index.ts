/**
 * Metrics: counters and latency histograms (the Prometheus text renderer is `prometheus.ts`).
 *
 * @module
 */
export { createMetrics } from './metrics.ts';
export type { Metrics } from './types.ts';
