// Declarative skills cross to the engine as data (issue 16.3): a workflow as its plan, a webhook
// as its configuration, rebuilt in the engine's realm. Here the engine runs in this thread but is
// fed exactly what `createAssistant` sends a Worker engine (`engineSkillsOf`, `hostFor`), so the
// outbox, its replays and the token round trip are those of the Worker configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defineWebhookSkill } from '../../../src/skills/webhook/webhook-skill.ts';
import { defineWorkflowSkill } from '../../../src/skills/workflow/workflow-skill.ts';
import { declarationOf, type WorkflowDeclaration } from '../../../src/skills/declaration.ts';
import { reviveSkill } from '../../../src/skills/revive-skill.ts';
import { engineSkillsOf, hostFor } from '../../../src/skills/app-skill-host.ts';
import { createLocalEngine } from '../../../src/engine/local-engine.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import type { EngineEvent } from '../../../src/engine/types.ts';
import { invocationOf, openTestStore, startServer } from '../../fixtures/skills/helpers.ts';

const weatherYaml = readFileSync(new URL('../../fixtures/skills/weather.workflow.yaml', import.meta.url), 'utf8');

test('a workflow crosses as plain data and the rebuilt skill answers as the original does', async () => {
  const readings = [{ temp: 27, sky: 'clear' }, { temp: 12, sky: 'rain' }, { sky: 'fog' }];
  let reading: unknown = readings[0];
  const server = await startServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end(JSON.stringify(reading)),
  );
  try {
    const original = defineWorkflowSkill(weatherYaml.replaceAll('PORT', String(server.port)));
    const declaration = declarationOf(original) as WorkflowDeclaration;
    assert.equal(declaration.declared, 'workflow');
    // What postMessage would deliver: a structured clone, functions and prototypes gone.
    const revived = reviveSkill(structuredClone(declaration));
    assert.deepEqual(
      { ...revived, execute: undefined },
      { ...original, execute: undefined },
      'same manifest on both sides',
    );
    const runtime = createSkillRuntime({ store: await openTestStore(), requestPermission: async () => true });
    for (const slots of [{}, { city: 'Nice' }, { city: 'Brest' }]) {
      for (const [i, r] of readings.entries()) {
        reading = r;
        const a = await runtime.invoke(invocationOf(original, { slots }));
        const b = await runtime.invoke(invocationOf(revived, { slots }));
        assert.deepEqual(b, a, `reading ${i}, slots ${JSON.stringify(slots)}`);
      }
    }
    assert.equal(server.requests.length, 12, 'both ran their webhook step (not when asking for the city)');
  } finally {
    await server.close();
  }
});

test('a plan keeps literals as safe data and refuses a template that does not compile', () => {
  const skill = defineWorkflowSkill(
    'id: a.b\nversion: 1.0.0\nintents: [x]\nsteps:\n  - set: { v: { n: 3, list: [1, "{{ intent }}"] } }\n  - reply: "{{ vars.v.n }} {{ vars.v.list.1 }}"\n',
  );
  const declaration = declarationOf(skill) as WorkflowDeclaration;
  assert.deepEqual(declaration.steps[0], {
    type: 'set',
    values: [
      [
        'v',
        {
          kind: 'record',
          entries: [
            ['n', { kind: 'literal', value: 3 }],
            [
              'list',
              {
                kind: 'list',
                items: [
                  { kind: 'literal', value: 1 },
                  { kind: 'template', template: '{{ intent }}' },
                ],
              },
            ],
          ],
        },
      ],
    ],
  });
  const broken = structuredClone(declaration);
  (broken.steps[1] as { text: string }).text = '{{ constructor.constructor }}';
  assert.throws(() => reviveSkill(broken), { name: 'SkillError', code: 'workflow' });
});

test('a YAML webhook step sends an Idempotency-Key when idempotent, the same one on every retry', async () => {
  let failures = 2;
  const server = await startServer((_req, res) => {
    if (failures-- > 0) return res.writeHead(503).end();
    return res.setHeader('content-type', 'application/json').end('{"ok":true}');
  });
  const yaml = (idempotent: boolean) =>
    `id: acme.ping\nversion: 1.0.0\nintents: [ping]\npermissions: { network: ["${server.origin}"] }\nsteps:\n` +
    `  - webhook: { url: "${server.origin}/ping", idempotent: ${idempotent}, retries: 3 }\n  - reply: pong\n`;
  try {
    const runtime = createSkillRuntime({ store: await openTestStore(), requestPermission: async () => true });
    assert.equal((await runtime.invoke(invocationOf(defineWorkflowSkill(yaml(true))))).text, 'pong');
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    assert.equal(keys.length, 3, 'two 503s, then the answer');
    assert.match(String(keys[0]), /^[0-9a-f-]{36}$/);
    assert.deepEqual(new Set(keys).size, 1, 'one key across the retries');

    const again = server.requests.length;
    assert.equal((await runtime.invoke(invocationOf(defineWorkflowSkill(yaml(true))))).text, 'pong');
    assert.notEqual(server.requests[again]!.headers['idempotency-key'], keys[0], 'a new run, a new key');

    const before = server.requests.length;
    await runtime.invoke(invocationOf(defineWorkflowSkill(yaml(false))));
    assert.equal(server.requests[before]!.headers['idempotency-key'], undefined, 'none when not idempotent');
  } finally {
    await server.close();
  }
});

test('webhooks with a function in them are served from the page; auth.token() stays there', () => {
  const base = { id: 'acme.w', version: '1.0.0', intents: ['x'], url: 'https://api.acme.com/hook' };
  const data = defineWebhookSkill({ ...base, auth: { secret: true }, reply: 'Done: {{ response.ref }}' });
  const withToken = defineWebhookSkill({ ...base, auth: { token: () => 't', header: 'x-key', scheme: '' } });
  const withReply = defineWebhookSkill({ ...base, reply: () => 'x' });
  const withValidate = defineWebhookSkill({
    ...base,
    slots: [{ name: 'n', kind: 'number', prompt: 'n?', validate: () => true }],
  });
  const [a, b, c, d] = engineSkillsOf([data, withToken, withReply, withValidate]);
  assert.deepEqual(a, {
    declared: 'webhook',
    id: 'acme.w',
    config: { ...base, auth: { secret: true }, reply: 'Done: {{ response.ref }}' },
  });
  assert.deepEqual(b, { declared: 'webhook', id: 'acme.w', config: base, token: { header: 'x-key', scheme: '' } });
  assert.equal((c as { declared?: string }).declared, undefined, 'a reply function keeps it on the page');
  assert.equal((d as { declared?: string }).declared, undefined, 'a validate function keeps it on the page');
  assert.deepEqual(structuredClone([a, b, c, d]), [a, b, c, d], 'all cloneable');
});

test('in the engine: queued while the service is unreachable, sent once after it is back, token from the page', async () => {
  let down = true;
  const delivered: { key: string; auth: string; body: { slots: unknown } }[] = [];
  const server = await startServer((req, res, body) => {
    if (down) return req.socket.destroy();
    delivered.push({
      key: String(req.headers['idempotency-key']),
      auth: String(req.headers['authorization']),
      body: JSON.parse(body) as { slots: unknown },
    });
    return res.setHeader('content-type', 'application/json').end('{"reply":"Booked."}');
  });
  let tokens = 0;
  const skill = defineWebhookSkill({
    id: 'acme.orders',
    version: '1.0.0',
    intents: ['order_status'],
    url: `${server.origin}/hook`,
    idempotent: true,
    outbox: true,
    retries: 1,
    backoffMs: 5,
    auth: { token: () => `page-token-${++tokens}` },
  });
  const engine = createLocalEngine();
  const asked: string[] = [];
  await engine.setListener((event: EngineEvent) => {
    if (event.type !== 'permission-request') return;
    asked.push(`${event.skillId} ${event.permission}`);
    void engine.respondToPermission(event.id, true);
  });
  try {
    await engine.init({ storage: 'memory', appSkills: engineSkillsOf([skill]) }, undefined, hostFor([skill]));
    assert.deepEqual(
      (await engine.listSkills()).filter((s) => s.id === 'acme.orders').map((s) => s.permissions),
      [{ network: [server.origin], storage: true }],
    );
    const reply = await engine.send({ text: 'where is my order' });
    assert.equal(reply.understanding.skill, 'acme.orders');
    assert.match(reply.text, /offline/);
    assert.deepEqual(asked, ['acme.orders network']);
    assert.equal(delivered.length, 0);
    assert.deepEqual(await engine.flushOutbox(), { sent: 0, dropped: 0, pending: 1 }, 'still unreachable');

    down = false;
    const [first, overlapping] = await Promise.all([engine.flushOutbox(), engine.flushOutbox()]);
    assert.deepEqual(first, { sent: 1, dropped: 0, pending: 0 });
    assert.deepEqual(overlapping, first);
    assert.deepEqual(await engine.flushOutbox(), { sent: 0, dropped: 0, pending: 0 });
    assert.equal(delivered.length, 1, 'exactly once');
    assert.match(delivered[0]!.key, /^[0-9a-f-]{36}$/);
    assert.match(delivered[0]!.auth, /^Bearer page-token-\d+$/, "a fresh token from the page's provider");
    assert.ok(tokens >= 2, 'asked before each attempt');

    const online = await engine.send({ text: 'where is my order' });
    assert.equal(online.text, 'Booked.');
    assert.equal(delivered.length, 2);
    assert.notEqual(delivered[1]!.key, delivered[0]!.key);
  } finally {
    await engine.dispose();
    await server.close();
  }
});

test('declarations sent to the engine are checked against the model like code skills', async () => {
  const webhook = (id: string, intents: string[]) =>
    defineWebhookSkill({ id, version: '1.0.0', intents, url: 'https://hooks.example/x' });
  const refusal = async (skills: ReturnType<typeof webhook>[]) => {
    const engine = createLocalEngine();
    try {
      await engine.init({ storage: 'memory', appSkills: engineSkillsOf(skills) }, undefined, hostFor(skills));
      return undefined;
    } catch (error) {
      return error as { name: string; code: string; skillId: string };
    } finally {
      await engine.dispose();
    }
  };
  assert.ok(
    engineSkillsOf([webhook('acme.a', ['order_status'])]).every((s) => 'declared' in s),
    'sent as data',
  );
  const unknown = await refusal([webhook('acme.a', ['order.status'])]);
  assert.deepEqual([unknown?.name, unknown?.code, unknown?.skillId], ['SkillError', 'unknown-intent', 'acme.a']);
  const conflict = await refusal([webhook('acme.a', ['order_status']), webhook('acme.b', ['order_status'])]);
  assert.equal(conflict?.code, 'intent-conflict');
  assert.equal(await refusal([webhook('acme.a', ['order_status'])]), undefined, 'a known intent starts');
});
