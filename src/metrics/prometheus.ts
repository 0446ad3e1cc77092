/**
 * Renders a metrics snapshot in the Prometheus text exposition format (version 0.0.4), for hosts
 * that ship metrics to their own backend. https://prometheus.io/docs/instrumenting/exposition_formats/
 *
 * @module
 */
import type { MetricLabels, MetricsSnapshot } from './types.ts';

/** Label values escape backslash, double quote and line feed (the format's only escapes). */
const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
/** HELP text escapes backslash and line feed only. */
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

/** Go's float formatting as Prometheus reads it: `+Inf`, `-Inf`, `NaN`, else the shortest decimal. */
function formatValue(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (Number.isNaN(n)) return 'NaN';
  return String(n);
}

function formatLabels(labels: MetricLabels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  if (extra !== undefined) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/**
 * Renders a snapshot as Prometheus text: one `# HELP` and `# TYPE` per metric family, then its
 * samples; histograms as `_bucket{le=…}`, `_sum` and `_count`. Ends with a line feed.
 *
 * @param snapshot from `metrics.snapshot()` / `assistant.metrics()`
 * @returns the exposition text (`Content-Type: text/plain; version=0.0.4`)
 * @example
 * ```ts
 * await fetch('/metrics-sink', { method: 'POST', body: toPrometheusText(assistant.metrics()) });
 * ```
 */
export function toPrometheusText(snapshot: MetricsSnapshot): string {
  const lines: string[] = [];
  const families = new Map<string, { type: 'counter' | 'histogram'; help: string; samples: string[] }>();
  const family = (name: string, type: 'counter' | 'histogram', help: string) => {
    let f = families.get(name);
    if (f === undefined) {
      f = { type, help, samples: [] };
      families.set(name, f);
    }
    return f;
  };
  for (const c of snapshot.counters) {
    family(c.name, 'counter', c.help).samples.push(`${c.name}${formatLabels(c.labels)} ${formatValue(c.value)}`);
  }
  for (const h of snapshot.histograms) {
    const f = family(h.name, 'histogram', h.help);
    for (const b of h.buckets)
      f.samples.push(`${h.name}_bucket${formatLabels(h.labels, ['le', formatValue(b.le)])} ${formatValue(b.count)}`);
    f.samples.push(`${h.name}_sum${formatLabels(h.labels)} ${formatValue(h.sum)}`);
    f.samples.push(`${h.name}_count${formatLabels(h.labels)} ${formatValue(h.count)}`);
  }
  for (const [name, f] of [...families].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`# HELP ${name} ${escapeHelp(f.help)}`, `# TYPE ${name} ${f.type}`, ...f.samples);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
