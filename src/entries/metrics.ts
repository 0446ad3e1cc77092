/**
 * `confidant-assistant/metrics`: the Prometheus text format of `assistant.metrics()`.
 *
 * @module
 */
export { toPrometheusText } from '../metrics/prometheus.ts';
export type { MetricLabels, MetricOutcome } from '../metrics/types.ts';
