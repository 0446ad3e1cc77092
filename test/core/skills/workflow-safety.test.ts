// Hostile YAML and hostile data: prototype keys, merge keys, alias bombs, custom tags, deep nesting,
// and webhook responses that try to pollute prototypes. All refused or neutralized, and
// Object.prototype is unchanged afterwards.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseWorkflow } from '../../../src/skills/workflow/parse.ts';
import { defineWorkflowSkill } from '../../../src/skills/workflow/workflow-skill.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { SkillError } from '../../../src/errors.ts';
import { invocationOf, openTestStore, startServer } from '../../fixtures/skills/helpers.ts';

const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const head = 'id: a.b\nversion: 1.0.0\nintents: [x]\n';

after(() => {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), protoBefore);
  for (const key of ['polluted', 'isAdmin', 'x', 'a'])
    assert.equal(({} as Record<string, unknown>)[key], undefined, key);
});

const refused = (yaml: string, pattern: RegExp) =>
  assert.throws(
    () => parseWorkflow(yaml),
    (e: unknown) => e instanceof SkillError && e.code === 'workflow' && pattern.test(e.message),
  );

test('__proto__, constructor and prototype keys are refused wherever they appear, with line and column', () => {
  refused(
    `${head}__proto__: { polluted: yes }\nsteps: [{ reply: hi }]\n`,
    /line 4, column 1: the key "__proto__" is not allowed/,
  );
  refused(`${head}"__proto__": { polluted: yes }\nsteps: [{ reply: hi }]\n`, /line 4, column 1: .*__proto__/);
  refused(
    `${head}steps:\n  - set: { constructor: { prototype: { polluted: 1 } } }\n  - reply: hi\n`,
    /line 5, column 12: the key "constructor"/,
  );
  refused(
    `${head}steps:\n  - set:\n      x:\n        prototype: 1\n  - reply: hi\n`,
    /line 7, column 9: the key "prototype"/,
  );
  refused(
    `${head}permissions: { network: [https://a.com] }\nsteps:\n  - webhook: { url: https://a.com/x, body: { __proto__: { isAdmin: true } } }\n  - reply: hi\n`,
    /line 6, column 46: the key "__proto__"/,
  );
});

test('merge keys are refused, inline or through an alias', () => {
  refused(
    `${head}steps:\n  - set: { <<: { polluted: 1 } }\n  - reply: hi\n`,
    /line 5, column 12: merge keys \(<<\) are not allowed/,
  );
  refused(`base: &b { a: 1 }\n${head}steps:\n  - set:\n      <<: *b\n  - reply: hi\n`, /not allowed/);
});

test('a billion-laughs alias bomb is refused at once, nothing expanded', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const bomb = `${levels.join('\n')}\n${head}steps: [{ reply: hi }]\n`;
  const started = performance.now();
  refused(bomb, /line 2, column \d+: aliases \(\*a\) are not allowed/);
  assert.ok(performance.now() - started < 1_000);
  refused(`${head}x: &x hi\nsteps: [{ reply: *x }]\n`, /aliases/);
});

test('custom tags, deep nesting and oversized files are refused', () => {
  refused(`${head}steps: [{ reply: !!js/function "function(){}" }]\n`, /tag/);
  refused(`${head}steps: [{ reply: !!binary aGk= }]\n`, /tag/);
  refused(`${head}steps: [{ reply: !custom hi }]\n`, /tag/);
  refused(`${head}steps: [{ set: { x: ${'['.repeat(200)}1${']'.repeat(200)} } }, { reply: hi }]\n`, /nests too deeply/);
  refused(`${head}steps: [{ reply: "${'x'.repeat(300_000)}" }]\n`, /larger than/);
  refused(`${head}? [complex, key]\n: 1\nsteps: [{ reply: hi }]\n`, /plain string/);
});

test('webhook responses cannot pollute prototypes or reach globals through templates', async () => {
  const hostile =
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"isAdmin":true}},"name":"ok","nested":{"__proto__":{"x":1}}}';
  const server = await startServer((_req, res) => res.setHeader('content-type', 'application/json').end(hostile));
  try {
    const yaml = `id: evil.test
version: 1.0.0
intents: [x]
permissions: { network: ["${server.origin}"] }
steps:
  - webhook: { url: "${server.origin}/x", as: w }
  - if: "vars.w.polluted == 'yes' || vars.w.isAdmin || vars.w.toString || vars.w.hasOwnProperty || vars.w.nested.x"
    then: [{ reply: "reached the prototype" }]
  - reply: "[{{ vars.w.name }}|{{ vars.w.polluted }}|{{ vars.w.toString }}|{{ vars.w.valueOf }}|{{ vars.w.nested.x }}|{{ slots.length }}|{{ intent }}]"
`;
    const skill = defineWorkflowSkill(yaml);
    const runtime = createSkillRuntime({ store: await openTestStore(), requestPermission: async () => true });
    const reply = await runtime.invoke(invocationOf(skill, { slots: { city: 'x' } }));
    assert.equal(reply.text, '[ok||||||x]');
  } finally {
    await server.close();
  }
});
