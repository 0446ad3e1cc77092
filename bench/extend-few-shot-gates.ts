/**
 * Scores gate rules of the few-shot head on a dump of bench/extend-few-shot-dump.ts (dev data
 * only), without extending again: a rule is a quantile for the threshold (over the pack's and the
 * corpus's out-of-scope lines the softmax flags, as few-shot-head.ts chooses it) and a gate the
 * head's best intent must pass: `none` (its score over `ratio` times the "none" class's, the mean
 * of its 2 best cosines to the out-of-scope lines, the line itself left out) or `agree` (the
 * softmax's best custom intent is the head's).
 *
 *   node --import tsx bench/extend-few-shot-gates.ts /tmp/dump-en-1.json [--rule none:0.8:0.98 …]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import type { Dump, Row } from './extend-few-shot-dump.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rule: { type: 'string', multiple: true } },
});
const defaults = [
  'off',
  'head:0:0.98',
  ...[0.7, 0.8, 0.9].flatMap((r) => [0.9, 0.95, 0.98].map((q) => `none:${r}:${q}`)),
];
const pct = (x: number) => (100 * x).toFixed(1);

for (const file of positionals) {
  const dump = JSON.parse(readFileSync(file, 'utf8')) as Dump;
  for (const rule of values.rule ?? defaults) {
    const [kind, ratio, quantile] = rule.split(':');
    const r = Number(ratio);
    const q = Number(quantile);
    const gate = (row: Row, h: { intent: string; score: number }) =>
      kind === 'none' ? h.score > r * row.none2 : kind === 'agree' ? h.intent === row.own : true;
    let devRight = 0;
    let devCount = 0;
    let leaks = 0;
    const split: Record<string, { oos: number; caught: number; n: number; right: number }[]> = {};
    const taus: string[] = [];
    for (const { rows } of Object.values(dump)) {
      const top = (row: Row) => row.head[0]?.score ?? 0;
      const scores = rows
        .filter((x) => (x.set === 'calib' || x.set === 'corpusOos') && x.sm === null)
        .map(top)
        .sort((a, b) => a - b);
      const own = rows.filter((x) => x.set === 'corpusOos').map(top);
      const chosen = Math.max(scores[Math.min(scores.length - 1, Math.floor(q * scores.length))] ?? 1, ...own);
      const tau = Math.min(1, (Math.floor(chosen * 1e4) + 1) / 1e4);
      taus.push(tau.toFixed(3));
      const answer = (row: Row): string | null => {
        if (row.sm !== null || kind === 'off') return row.sm;
        const h = row.head[0];
        return h !== undefined && h.score > 0 && h.score >= tau && gate(row, h) ? h.intent : null;
      };
      const intents = new Set(rows.filter((x) => x.set === 'dev').map((x) => x.gold));
      const per: Record<string, { oos: number; caught: number; n: number; right: number }> = {};
      for (const row of rows) {
        const got = answer(row);
        if (row.set === 'dev') {
          devCount++;
          if (got === row.gold) devRight++;
        } else if (row.set === 'neg' || row.set === 'corpusOos') {
          if (got !== null && intents.has(got)) leaks++;
        } else if (row.set !== 'calib') {
          const c = (per[row.set] ??= { oos: 0, caught: 0, n: 0, right: 0 });
          if (row.gold === null) {
            c.oos++;
            if (got === null) c.caught++;
          } else {
            c.n++;
            if (got === row.gold) c.right++;
          }
        }
      }
      for (const [n, c] of Object.entries(per)) (split[n] ??= []).push(c);
    }
    const parts = Object.entries(split).map(([n, cs]) => {
      const mean = (f: (c: (typeof cs)[number]) => number) => cs.reduce((a, c) => a + f(c), 0) / cs.length;
      return `${n} ${pct(mean((c) => c.right / c.n))}/${pct(mean((c) => c.caught / c.oos))}`;
    });
    console.log(
      `${file} ${rule.padEnd(14)} dev ${pct(devRight / devCount)} of ${devCount} leaks ${leaks} | ${parts.join(' | ')} | tau ${taus.join(' ')}`,
    );
  }
}
