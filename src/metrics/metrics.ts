/**
 * An in-memory metrics registry: counters and latency histograms per intent and per skill.
 *
 * Message content can never enter it: label values must look like identifiers (an intent label, a
 * skill id, an outcome: no spaces, at most 80 characters), and anything else is recorded as
 * `invalid`. A sentence typed by the user cannot pass that test, and no API takes free text.
 *
 * @module
 */
import type { CounterSample, HistogramSample, MetricLabels, MetricOutcome, Metrics, MetricsSnapshot } from './types.ts';

/** Latency buckets in seconds: from a cached lookup to an LLM answer. */
export const DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const SAFE_VALUE = /^[A-Za-z0-9_.:@/-]{1,80}$/;

interface Series<T> {
  name: string;
  help: string;
  labels: MetricLabels;
  data: T;
}

function cleanLabels(labels: MetricLabels): MetricLabels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!LABEL_NAME.test(k) || k.startsWith('__')) throw new RangeError(`metrics: bad label name ${JSON.stringify(k)}`);
    out[k] = typeof v === 'string' && SAFE_VALUE.test(v) ? v : 'invalid';
  }
  return Object.freeze(out);
}

const seriesKey = (name: string, labels: MetricLabels) => `${name}\u0000${JSON.stringify(labels)}`;

/**
 * Creates a metrics registry.
 * @param options.now clock for `takenAt` @default Date.now
 * @example
 * ```ts
 * const metrics = createMetrics();
 * metrics.recordSkill('acme.orders', 42, 'ok');
 * console.log(toPrometheusText(metrics.snapshot()));
 * ```
 */
export function createMetrics(options: { now?: () => number } = {}): Metrics {
  const now = options.now ?? Date.now;
  const counters = new Map<string, Series<{ value: number }>>();
  const histograms = new Map<string, Series<{ counts: number[]; sum: number; count: number }>>();

  const checkName = (name: string) => {
    if (!METRIC_NAME.test(name)) throw new RangeError(`metrics: bad metric name ${JSON.stringify(name)}`);
  };
  const increment: Metrics['increment'] = (name, help, labels = {}, by = 1) => {
    checkName(name);
    if (!Number.isFinite(by) || by < 0) throw new RangeError('metrics: a counter only goes up by a finite amount');
    const clean = cleanLabels(labels);
    const key = seriesKey(name, clean);
    const s = counters.get(key) ?? { name, help, labels: clean, data: { value: 0 } };
    s.data.value += by;
    counters.set(key, s);
  };
  const observe: Metrics['observe'] = (name, help, value, labels = {}) => {
    checkName(name);
    if (!Number.isFinite(value)) return;
    const clean = cleanLabels(labels);
    const key = seriesKey(name, clean);
    const s = histograms.get(key) ?? {
      name,
      help,
      labels: clean,
      data: { counts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 },
    };
    DURATION_BUCKETS.forEach((le, i) => {
      if (value <= le) s.data.counts[i]! += 1;
    });
    s.data.sum += value;
    s.data.count += 1;
    histograms.set(key, s);
  };

  return {
    recordTurn(intent, durationMs, outcome: MetricOutcome) {
      const labels = { intent: intent ?? 'none' };
      increment('confidant_turns_total', 'Turns answered, by intent and outcome.', { ...labels, outcome });
      observe('confidant_turn_duration_seconds', 'Time to answer a turn, by intent.', durationMs / 1000, labels);
    },
    recordSkill(skillId, durationMs, outcome: MetricOutcome) {
      const labels = { skill: skillId };
      increment('confidant_skill_invocations_total', 'Skill calls, by skill and outcome.', { ...labels, outcome });
      observe('confidant_skill_duration_seconds', 'Time a skill call took, by skill.', durationMs / 1000, labels);
      if (outcome === 'timeout') increment('confidant_skill_timeouts_total', 'Skill calls that timed out.', labels);
      else if (outcome === 'error' || outcome === 'invalid') {
        increment('confidant_skill_errors_total', 'Skill calls that threw or returned garbage.', {
          ...labels,
          kind: outcome,
        });
      }
    },
    increment,
    observe,
    snapshot(): MetricsSnapshot {
      const cs: CounterSample[] = [...counters.values()].map((s) => ({
        name: s.name,
        help: s.help,
        labels: { ...s.labels },
        value: s.data.value,
      }));
      const hs: HistogramSample[] = [...histograms.values()].map((s) => ({
        name: s.name,
        help: s.help,
        labels: { ...s.labels },
        buckets: [
          ...DURATION_BUCKETS.map((le, i) => ({ le, count: s.data.counts[i]! })),
          { le: Infinity, count: s.data.count },
        ],
        sum: s.data.sum,
        count: s.data.count,
      }));
      return { takenAt: now(), counters: cs, histograms: hs };
    },
    reset() {
      counters.clear();
      histograms.clear();
    },
  };
}
