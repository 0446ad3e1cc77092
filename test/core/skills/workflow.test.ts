import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defineWorkflowSkill } from '../../../src/skills/workflow/workflow-skill.ts';
import { parseWorkflow } from '../../../src/skills/workflow/parse.ts';
import { compileCondition } from '../../../src/skills/workflow/expression.ts';
import { compileTemplate } from '../../../src/skills/workflow/template.ts';
import { toSafeData } from '../../../src/skills/workflow/safe-data.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { SkillError } from '../../../src/errors.ts';
import { invocationOf, openTestStore, startServer } from '../../fixtures/skills/helpers.ts';

const weatherYaml = readFileSync(new URL('../../fixtures/skills/weather.workflow.yaml', import.meta.url), 'utf8');

test('a workflow asks, sets, calls its webhook, branches and replies from templates', async () => {
  let reading = { temp: 27, sky: 'clear' } as Record<string, unknown>;
  const server = await startServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end(JSON.stringify(reading)),
  );
  try {
    const skill = defineWorkflowSkill(weatherYaml.replaceAll('PORT', String(server.port)), { source: 'weather.yaml' });
    assert.deepEqual(skill.permissions, { network: [server.origin] });
    const runtime = createSkillRuntime({ store: await openTestStore(), requestPermission: async () => true });

    assert.deepEqual(await runtime.invoke(invocationOf(skill)), {
      text: 'Which city?',
      ask: { question: 'Which city?', slot: 'city' },
    });
    assert.equal(server.requests.length, 0, 'asks before calling');

    assert.deepEqual(await runtime.invoke(invocationOf(skill, { slots: { city: 'Nice' } })), {
      text: 'Weather for Nice: a sunny 27°C.',
      quickReplies: [{ label: 'Tomorrow?' }, { label: 'Nice next week' }],
    });
    assert.deepEqual(JSON.parse(server.requests[0]!.body), { city: 'Nice', unit: 'C', days: 1 });
    assert.equal(server.requests[0]!.method, 'POST');

    reading = { temp: 12, sky: 'rain' };
    assert.equal(
      (await runtime.invoke(invocationOf(skill, { slots: { city: 'Brest' } }))).text,
      'Weather for Brest: 12°C, rain.',
    );
    reading = { sky: 'fog' };
    assert.equal(
      (await runtime.invoke(invocationOf(skill, { slots: { city: 'Lille' } }))).text,
      'Sorry, no reading for Lille.',
    );
  } finally {
    await server.close();
  }
});

test('errors name the line and column', () => {
  const cases: [string, RegExp][] = [
    [
      'id: a.b\nversion: 1.0.0\nintents: [x]\nsteps:\n  - reply: hi\n  - jump: 3\n',
      /line 6, column 5: steps\[1\]: unknown key "jump"/,
    ],
    ['id: a.b\nversion: 1\nintents: [x]\nsteps: [{ reply: hi }]\n', /line 2, column 10: version must be/],
    [
      'id: a.b\nversion: 1.0.0\nintents: [x]\nsteps:\n  - ask: city\n',
      /line 5, column 10: steps\[0\]\.ask: "city" is not a declared slot/,
    ],
    [
      'id: a.b\nversion: 1.0.0\nintents: [x]\nsteps:\n  - reply: "Hi {{ slots.name "\n',
      /line 5, column 12: steps\[0\]\.reply: unclosed/,
    ],
    [
      'id: a.b\nversion: 1.0.0\nintents: [x]\nsteps:\n  - if: "slots.a == "\n    then: [{ reply: x }]\n',
      /line 5, column 9: steps\[0\]\.if, at character 12: the condition ends too early/,
    ],
    [
      'id: a.b\nversion: 1.0.0\nintents: [x]\nsteps:\n  - webhook: { url: "https://evil.example/x" }\n',
      /line 5, column 21: steps\[0\]\.webhook\.url must be/,
    ],
    ['id: a.b\nversion: 1.0.0\nintents: [x]\nsteps: [ { reply: hi }\n', /line 5, column 1: /],
    [
      'id: a.b\nid: c.d\nversion: 1.0.0\nintents: [x]\nsteps: [{ reply: hi }]\n',
      /line 2, column 1: .*(unique|duplicate)/i,
    ],
    [
      'id: a.b\nversion: 1.0.0\nintents: [x]\ncolour: red\nsteps: [{ reply: hi }]\n',
      /line 4, column 1: the workflow: unknown key "colour"/,
    ],
    ['- just\n- a list\n', /line 1, column 1: a workflow is a mapping/],
    [
      'id: a.b\nversion: 1.0.0\nintents: [x]\npermissions: { network: ["http://evil.com"] }\nsteps: [{ reply: hi }]\n',
      /line 4, column 14: .*plain http is allowed only for localhost/,
    ],
  ];
  for (const [yaml, expected] of cases) {
    assert.throws(
      () => parseWorkflow(yaml, { source: 'w.yaml' }),
      (e: unknown) => {
        assert.ok(e instanceof SkillError, String(e));
        assert.equal(e.code, 'workflow');
        assert.match(e.message, /^w\.yaml, line \d+, column \d+: /);
        assert.match(e.message, expected);
        return true;
      },
    );
  }
});

test('the expression language: comparisons, logic, paths, literals; no coercion; no code', () => {
  const data = toSafeData({ slots: { n: 3, s: 'Paris', empty: '', list: [1, 2] }, vars: { ok: true } });
  const t = (src: string) => compileCondition(src).test(data as never);
  assert.equal(t('slots.n == 3'), true);
  assert.equal(t("slots.n == '3'"), false, 'no coercion');
  assert.equal(t('slots.n > 2 && slots.n <= 3'), true);
  assert.equal(t("slots.s < 'Q' || false"), true);
  assert.equal(t('slots.n < slots.s'), false, 'number vs string compares false');
  assert.equal(t('!slots.empty && vars.ok'), true);
  assert.equal(t('(slots.n == 1 || slots.n == 3) && !(vars.ok == false)'), true);
  assert.equal(t('slots.missing == null'), true);
  assert.equal(t('slots.list.length == 2 && slots.list.1 == 2'), true);
  assert.equal(t('-1 < 0'), true);
  assert.equal(t('"a\\"b" == \'a"b\''), true);
  for (const bad of [
    'slots.n = 3',
    'slots.n +1',
    'alert(1)',
    'slots.__proto__',
    'constructor.constructor',
    'slots.n ==',
    '((slots.n)',
    '',
    'a ? b : c',
    '`x`',
    'slots["n"]',
    'x'.repeat(501),
  ]) {
    assert.throws(() => compileCondition(bad), Error, bad);
  }
  assert.throws(() => compileCondition('('.repeat(100) + '1' + ')'.repeat(100)), /nests too deeply/);
});

test('templates render own data only; a lone placeholder keeps its type', () => {
  const data = toSafeData({ slots: { city: 'Oslo', n: 4, tags: ['a', 'b'], obj: { x: 1 } } });
  assert.equal(
    compileTemplate('{{ slots.city }} has {{slots.n}} {{ slots.tags }}{{ slots.obj }}{{ slots.none }}').render(
      data as never,
    ),
    'Oslo has 4 a, b',
  );
  assert.equal(compileTemplate('{{ slots.n }}').value(data as never), 4);
  for (const bad of [
    '{{ slots.city',
    '{{ }}',
    '{{ slots.city.toString() }}',
    '{{ slots["city"] }}',
    '{{ a + b }}',
    '{{ __proto__ }}',
  ]) {
    assert.throws(() => compileTemplate(bad), Error, bad);
  }
});
