import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineWebhookSkill, type WebhookSkillConfig } from '../../../src/skills/webhook/webhook-skill.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { createMetrics } from '../../../src/metrics/metrics.ts';
import { toPrometheusText } from '../../../src/metrics/prometheus.ts';
import {
  auditRecorder,
  delay,
  invocationOf,
  openTestStore,
  startServer,
  type LocalServer,
} from '../../fixtures/skills/helpers.ts';

const TOKEN = 'tok-SECRET-4242';

async function setup(server: LocalServer, config: Partial<WebhookSkillConfig> = {}) {
  const store = await openTestStore();
  const rec = auditRecorder();
  const metrics = createMetrics();
  const runtime = createSkillRuntime({ store, audit: rec.audit, metrics, requestPermission: async () => true });
  const skill = defineWebhookSkill({
    id: 'acme.orders',
    version: '1.0.0',
    intents: ['order.status'],
    url: `${server.origin}/hook`,
    backoffMs: 5,
    ...config,
  });
  return { store, runtime, skill, audit: rec.entries, metrics };
}

test('POSTs the intent and slots as JSON and maps the response with a template', async () => {
  const server = await startServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end('{"status":"shipped","eta":2}'),
  );
  try {
    const { runtime, skill } = await setup(server, {
      reply: 'Order {{ slots.order }} is {{ response.status }}, {{ response.eta }} days.',
      send: { text: true },
    });
    assert.deepEqual(skill.permissions, { network: [server.origin] });
    const reply = await runtime.invoke(
      invocationOf(skill, { slots: { order: 42, $action: 'new-intent' }, text: 'where is 42' }),
    );
    assert.deepEqual(reply, { text: 'Order 42 is shipped, 2 days.' });
    const req = server.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(req.body), {
      intent: 'order.status',
      slots: { order: 42 },
      lang: 'en',
      timeZone: JSON.parse(req.body).timeZone,
      text: 'where is 42',
    });
    assert.equal(req.headers.cookie, undefined);
  } finally {
    await server.close();
  }
});

test('default and function response mappings', async () => {
  const server = await startServer((req, res) =>
    res.end(req.url === '/text' ? 'plain answer' : '{"reply":"from reply field"}'),
  );
  try {
    const a = await setup(server);
    assert.equal((await a.runtime.invoke(invocationOf(a.skill))).text, 'from reply field');
    const b = await setup(server, { url: `${server.origin}/text` });
    assert.equal((await b.runtime.invoke(invocationOf(b.skill))).text, 'plain answer');
    const c = await setup(server, {
      reply: (data) => ({
        text: `got ${(data as { reply: string }).reply.length} chars`,
        quickReplies: [{ label: 'ok' }],
      }),
    });
    assert.deepEqual(await c.runtime.invoke(invocationOf(c.skill)), {
      text: 'got 16 chars',
      quickReplies: [{ label: 'ok' }],
    });
  } finally {
    await server.close();
  }
});

test('idempotent calls retry with backoff; others are sent once', async () => {
  let n = 0;
  const server = await startServer((_req, res) => {
    n++;
    if (n % 3 !== 0) res.writeHead(503).end('busy');
    else res.end('{"reply":"third time lucky"}');
  });
  try {
    const retrying = await setup(server, { idempotent: true, retries: 2 });
    assert.equal((await retrying.runtime.invoke(invocationOf(retrying.skill))).text, 'third time lucky');
    assert.equal(server.requests.length, 3);
    const keys = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    assert.equal(keys.size, 1, 'retries share one Idempotency-Key');
    n = 0;
    const once = await setup(server);
    assert.equal((await once.runtime.invoke(invocationOf(once.skill))).failed, 'error');
    assert.equal(server.requests.length, 4);
    assert.deepEqual(once.audit.at(-1), {
      type: 'skill-error',
      skillId: 'acme.orders',
      detail: { error: 'SkillError', code: 'status' },
    });
  } finally {
    await server.close();
  }
});

test('a slow webhook times out per attempt', async () => {
  const server = await startServer(async (_req, res) => {
    await delay(700);
    res.end('{}');
  });
  try {
    const { runtime, skill, audit } = await setup(server, { attemptTimeoutMs: 100 });
    const started = performance.now();
    assert.equal((await runtime.invoke(invocationOf(skill))).failed, 'error');
    assert.ok(performance.now() - started < 600);
    assert.equal(audit.at(-1)!.detail!.code, 'timeout');
  } finally {
    await server.close();
  }
});

test('the response is read up to the cap and no further', async () => {
  let written = 0;
  let closedEarly = false;
  const server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = 'x'.repeat(16_384);
    const pump = () => {
      while (written < 50_000_000) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (closedEarly = written < 50_000_000));
    pump();
  });
  try {
    const { runtime, skill, audit } = await setup(server, { maxResponseBytes: 100_000 });
    assert.equal((await runtime.invoke(invocationOf(skill))).failed, 'error');
    assert.equal(audit.at(-1)!.detail!.code, 'too-large');
    await delay(50);
    assert.ok(closedEarly, `the client hung up after ${written} bytes were offered`);
    assert.ok(written < 10_000_000);
  } finally {
    await server.close();
  }
});

test('credentials: a token provider or a secret reach the webhook and nothing else', async () => {
  const server = await startServer((_req, res) => res.writeHead(500).end('{"error":"boom"}'));
  const logged: string[] = [];
  const originals = {
    log: console.log,
    error: console.error,
    warn: console.warn,
    info: console.info,
    debug: console.debug,
  };
  for (const k of Object.keys(originals) as (keyof typeof originals)[])
    console[k] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    const a = await setup(server, { auth: { token: async () => TOKEN } });
    const replyA = await a.runtime.invoke(invocationOf(a.skill));
    assert.equal(server.requests[0]!.headers.authorization, `Bearer ${TOKEN}`);

    const b = await setup(server, { auth: { secret: true, header: 'x-api-key' } });
    assert.equal(b.skill.permissions!.secret, true);
    await b.runtime.setSecret('acme.orders', TOKEN);
    const replyB = await b.runtime.invoke(invocationOf(b.skill));
    assert.equal(server.requests[1]!.headers['x-api-key'], TOKEN);
    assert.equal(server.requests[1]!.headers.authorization, undefined);

    const other = defineWebhookSkill({
      id: 'other.hook',
      version: '1.0.0',
      intents: ['x'],
      url: `${server.origin}/o`,
      auth: { secret: true },
    });
    await b.runtime.invoke(invocationOf(other));
    assert.equal(server.requests[2]!.headers.authorization, undefined, "another skill never gets this skill's secret");

    const everything = JSON.stringify([
      replyA,
      replyB,
      a.audit,
      b.audit,
      a.metrics.snapshot(),
      toPrometheusText(b.metrics.snapshot()),
      logged,
    ]);
    assert.ok(!everything.includes(TOKEN), 'the credential appears in no reply, audit entry, metric or log line');
  } finally {
    Object.assign(console, originals);
    await server.close();
  }
});

test('offline calls wait in the encrypted outbox and are sent by flushOutbox()', async () => {
  let online = false;
  let status = 200;
  const server = await startServer((_req, res) => res.writeHead(status).end('{"reply":"ok"}'));
  try {
    const { runtime, skill, store, audit } = await setup(server, {
      outbox: true,
      idempotent: true,
      isOnline: () => online,
    });
    assert.equal(skill.permissions!.storage, true);
    const reply = await runtime.invoke(invocationOf(skill, { slots: { order: 7 } }));
    assert.match(reply.text, /offline/);
    await runtime.invoke(invocationOf(skill, { slots: { order: 8 } }));
    await runtime.invoke(invocationOf(skill, { slots: { order: 9 } }));
    assert.equal(server.requests.length, 0);
    assert.equal((await store.skillData('acme.orders').keys()).length, 3);

    online = true;
    status = 503;
    assert.deepEqual(await runtime.flushOutbox([skill]), { sent: 0, dropped: 0, pending: 3 });
    status = 200;
    await runtime.revokePermission('acme.orders', 'network');
    assert.deepEqual(
      await runtime.flushOutbox([skill]),
      { sent: 0, dropped: 0, pending: 3 },
      'a revoked grant holds the queue',
    );
    await runtime.grantPermission('acme.orders', 'network', [server.origin]);
    const before = server.requests.length;
    const [r1, r2] = await Promise.all([runtime.flushOutbox([skill]), runtime.flushOutbox([skill])]);
    assert.deepEqual(r1, { sent: 3, dropped: 0, pending: 0 });
    assert.equal(r1, r2, 'overlapping flushes share one run');
    const sent = server.requests.slice(before);
    assert.deepEqual(
      sent.map((r) => JSON.parse(r.body).slots.order),
      [7, 8, 9],
      'in the order they were made',
    );
    assert.ok(sent.every((r) => typeof r.headers['idempotency-key'] === 'string'));
    assert.deepEqual(await store.skillData('acme.orders').keys(), []);

    online = false;
    await runtime.invoke(invocationOf(skill, { slots: { order: 10 } }));
    online = true;
    status = 422;
    assert.deepEqual(await runtime.flushOutbox([skill]), { sent: 0, dropped: 1, pending: 0 });
    assert.deepEqual(audit.at(-1), { type: 'webhook-outbox-dropped', skillId: 'acme.orders', detail: { status: 422 } });
  } finally {
    await server.close();
  }
});

test('bad configurations are refused synchronously', () => {
  const base = { id: 'a.b', version: '1.0.0', intents: ['x'] };
  assert.throws(() => defineWebhookSkill({ ...base, url: 'http://example.com/hook' }), RangeError);
  assert.throws(() => defineWebhookSkill({ ...base, url: 'https://user:pw@example.com/hook' }), RangeError);
  assert.throws(() => defineWebhookSkill({ ...base, url: 'https://example.com/hook?token=x' }), RangeError);
  assert.throws(
    () => defineWebhookSkill({ ...base, url: 'https://example.com/h', headers: { Authorization: 'Bearer x' } }),
    RangeError,
  );
  assert.throws(
    () => defineWebhookSkill({ ...base, url: 'https://example.com/h', headers: { 'bad header': 'x' } }),
    TypeError,
  );
  assert.throws(() => defineWebhookSkill({ ...base, url: 'https://example.com/h', auth: {} as never }), TypeError);
  assert.throws(
    () => defineWebhookSkill({ ...base, url: 'https://example.com/h', reply: '{{ response.__proto__ }}' }),
    Error,
  );
  assert.throws(() => defineWebhookSkill({ ...base, url: 'https://example.com/h', retries: 50 }), RangeError);
  assert.throws(() => defineWebhookSkill({ ...base, url: 'https://example.com/h', maxResponseBytes: -1 }), RangeError);
});
