import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMetrics, DURATION_BUCKETS } from '../../../src/metrics/metrics.ts';
import { toPrometheusText } from '../../../src/metrics/prometheus.ts';
import type { MetricsSnapshot } from '../../../src/metrics/types.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import { auditRecorder, invocationOf, openTestStore } from '../../fixtures/skills/helpers.ts';

/** The exposition format's line grammar (text format 0.0.4), strict enough to catch escaping bugs. */
const LABEL_VALUE = String.raw`"(?:[^"\\\n]|\\[\\"n])*"`;
const LABELS = String.raw`\{(?:[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})(?:,[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})*\}`;
const SAMPLE = new RegExp(
  String.raw`^[a-zA-Z_:][a-zA-Z0-9_:]*(?:${LABELS})? (?:[+-]?Inf|NaN|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$`,
);
const COMMENT =
  /^# (?:HELP [a-zA-Z_:][a-zA-Z0-9_:]* (?:[^\\\n]|\\[\\n])*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (?:counter|gauge|histogram|summary|untyped))$/;

function assertExposition(text: string): void {
  assert.ok(text.endsWith('\n'));
  const typed = new Set<string>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('#')) {
      assert.match(line, COMMENT);
      if (line.startsWith('# TYPE ')) {
        const name = line.split(' ')[2]!;
        assert.ok(!typed.has(name), `one TYPE per family: ${name}`);
        typed.add(name);
      }
    } else assert.match(line, SAMPLE, line);
  }
}

test('counters and histograms per intent and per skill, with error and timeout counts', () => {
  const m = createMetrics({ now: () => 1234 });
  m.recordTurn('weather.current', 12, 'ok');
  m.recordTurn('weather.current', 30, 'ok');
  m.recordTurn(null, 4, 'out-of-scope');
  m.recordSkill('acme.orders', 80, 'ok');
  m.recordSkill('acme.orders', 10_000, 'timeout');
  m.recordSkill('acme.orders', 3, 'error');
  const s = m.snapshot();
  assert.equal(s.takenAt, 1234);
  const counter = (name: string, labels: Record<string, string>) =>
    s.counters.find((c) => c.name === name && JSON.stringify(c.labels) === JSON.stringify(labels))?.value;
  assert.equal(counter('confidant_turns_total', { intent: 'weather.current', outcome: 'ok' }), 2);
  assert.equal(counter('confidant_turns_total', { intent: 'none', outcome: 'out-of-scope' }), 1);
  assert.equal(counter('confidant_skill_timeouts_total', { skill: 'acme.orders' }), 1);
  assert.equal(counter('confidant_skill_errors_total', { kind: 'error', skill: 'acme.orders' }), 1);
  const h = s.histograms.find((x) => x.name === 'confidant_skill_duration_seconds')!;
  assert.equal(h.count, 3);
  assert.ok(Math.abs(h.sum - 10.083) < 1e-9);
  assert.equal(h.buckets.length, DURATION_BUCKETS.length + 1);
  assert.deepEqual(
    h.buckets.find((b) => b.le === 0.005),
    { le: 0.005, count: 1 },
  );
  assert.deepEqual(
    h.buckets.find((b) => b.le === 10),
    { le: 10, count: 3 },
  );
  assert.deepEqual(h.buckets.at(-1), { le: Infinity, count: 3 });
  assert.deepEqual(
    JSON.parse(JSON.stringify(structuredClone(s))).counters,
    JSON.parse(JSON.stringify(s)).counters,
    'plain, cloneable data',
  );
  m.reset();
  assert.deepEqual(m.snapshot().counters, []);
});

test('toPrometheusText renders valid exposition text', () => {
  const m = createMetrics();
  m.recordSkill('acme.orders', 42, 'ok');
  m.recordTurn('book_table', 7, 'ok');
  const text = toPrometheusText(m.snapshot());
  assertExposition(text);
  assert.match(text, /^# TYPE confidant_skill_duration_seconds histogram$/m);
  assert.match(text, /^confidant_skill_duration_seconds_bucket\{skill="acme.orders",le="0.05"\} 1$/m);
  assert.match(text, /^confidant_skill_duration_seconds_bucket\{skill="acme.orders",le="\+Inf"\} 1$/m);
  assert.match(text, /^confidant_skill_duration_seconds_count\{skill="acme.orders"\} 1$/m);
  assert.match(text, /^confidant_skill_invocations_total\{outcome="ok",skill="acme.orders"\} 1$/m);
  assert.equal(toPrometheusText(createMetrics().snapshot()), '');
});

test('label values and help text are escaped', () => {
  const snapshot: MetricsSnapshot = {
    takenAt: 0,
    counters: [
      {
        name: 'x_total',
        help: 'back\\slash\nnew line',
        labels: { a: 'q"uote', b: 'back\\slash', c: 'line\nfeed' },
        value: 3,
      },
    ],
    histograms: [],
  };
  const text = toPrometheusText(snapshot);
  assertExposition(text);
  assert.ok(text.includes('# HELP x_total back\\\\slash\\nnew line\n'));
  assert.ok(text.includes('x_total{a="q\\"uote",b="back\\\\slash",c="line\\nfeed"} 3\n'));
});

test('labels that are not identifiers are recorded as "invalid"; names are checked', () => {
  const m = createMetrics();
  m.increment('confidant_custom_total', 'Custom.', { intent: 'please book a table for my mother' });
  m.recordSkill('Book a table for my mother at 7', 1, 'ok');
  const json = JSON.stringify(m.snapshot());
  assert.ok(!json.includes('mother'));
  assert.ok(json.includes('"invalid"'));
  assert.throws(() => m.increment('bad name', 'x'), RangeError);
  assert.throws(() => m.increment('ok_total', 'x', { 'bad-label': 'v' }), RangeError);
  assert.throws(() => m.increment('ok_total', 'x', {}, -1), RangeError);
});

test('no message content ever reaches metrics or the audit log', async () => {
  const SECRET = 'my bank PIN is 4921 and I live at 12 Elm Street';
  const metrics = createMetrics();
  const rec = auditRecorder();
  const runtime = createSkillRuntime({
    store: await openTestStore(),
    metrics,
    audit: rec.audit,
    requestPermission: async () => false,
  });
  const skills = [
    defineSkill({ id: 'a.ok', version: '1.0.0', intents: ['i'], execute: (ctx) => `You said: ${ctx.text}` }),
    defineSkill({
      id: 'a.throw',
      version: '1.0.0',
      intents: ['i'],
      execute: (ctx) => {
        throw new Error(ctx.text);
      },
    }),
    defineSkill({
      id: 'a.code',
      version: '1.0.0',
      intents: ['i'],
      execute: (ctx) => {
        throw Object.assign(new Error('x'), { name: ctx.text, code: ctx.text });
      },
    }),
    defineSkill({
      id: 'a.slow',
      version: '1.0.0',
      intents: ['i'],
      timeoutMs: 20,
      execute: () => new Promise<never>(() => {}),
    }),
    defineSkill({
      id: 'a.garbage',
      version: '1.0.0',
      intents: ['i'],
      execute: (ctx) => ({ text: 42, note: ctx.text }) as never,
    }),
    defineSkill({
      id: 'a.net',
      version: '1.0.0',
      intents: ['i'],
      permissions: { network: ['https://x.example'] },
      execute: () => 'x',
    }),
    defineSkill({
      id: 'a.conseq',
      version: '1.0.0',
      intents: ['i'],
      permissions: { consequential: true },
      execute: () => 'x',
    }),
  ];
  for (const skill of skills) {
    await runtime.invoke(
      invocationOf(skill, {
        text: SECRET,
        slots: { note: SECRET },
        conversation: { id: 'c', recentTurns: [{ role: 'user', text: SECRET }] },
      }),
    );
  }
  metrics.recordTurn('i', 5, 'ok');
  const everything =
    JSON.stringify(metrics.snapshot()) + toPrometheusText(metrics.snapshot()) + JSON.stringify(rec.entries);
  for (const fragment of ['PIN', '4921', 'Elm', 'bank']) assert.ok(!everything.includes(fragment), fragment);
  assert.ok(rec.entries.length >= 5, 'failures were audited');
});
