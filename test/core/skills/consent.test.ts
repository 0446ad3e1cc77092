import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import type { PermissionRequest, SkillDefinition } from '../../../src/skills/types.ts';
import { auditRecorder, delay, invocationOf, openTestStore, recordingFetch } from '../../fixtures/skills/helpers.ts';

const networked = (network: string[], version = '1.0.0'): SkillDefinition =>
  defineSkill({
    id: 'acme.orders',
    version,
    intents: ['order'],
    description: 'Looks up orders',
    permissions: { network },
    execute: async (ctx) => (await ctx.fetch!(`${network[0]}/x`)).text(),
  });

async function setup(
  answer: (r: PermissionRequest) => Promise<boolean> | boolean,
  extra: { consentTimeoutMs?: number } = {},
) {
  const store = await openTestStore();
  const rec = auditRecorder();
  const requests: PermissionRequest[] = [];
  const fetch = recordingFetch();
  const runtime = createSkillRuntime({
    store,
    audit: rec.audit,
    fetch: fetch.fetch,
    requestPermission: async (r) => {
      requests.push(r);
      return answer(r);
    },
    ...extra,
  });
  return { store, runtime, requests, audit: rec.entries, fetch };
}

test('first use of a network permission asks, waits, and remembers a yes', async () => {
  let release: (v: boolean) => void = () => undefined;
  const { runtime, requests, audit, fetch, store } = await setup(() => new Promise<boolean>((r) => (release = r)));
  const pending = runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  await delay(20);
  assert.equal(fetch.requested.length, 0, 'nothing is sent while the question is open');
  assert.deepEqual(requests, [
    {
      skillId: 'acme.orders',
      skillVersion: '1.0.0',
      permission: 'network',
      origins: ['https://api.acme.com'],
      description: 'Looks up orders',
    },
  ]);
  release(true);
  assert.deepEqual(await pending, { text: 'ok' });
  assert.deepEqual(fetch.requested, ['https://api.acme.com/x']);
  await runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  assert.equal(requests.length, 1, 'asked once');
  assert.deepEqual((await runtime.permissions('acme.orders')).network, ['https://api.acme.com']);
  assert.deepEqual(await store.settings().get('skills.grants.acme.orders'), {
    network: ['https://api.acme.com'],
    profile: false,
  });
  assert.deepEqual(
    audit.map((e) => e.type),
    ['permission-requested', 'permission-granted'],
  );
});

test('a no is not remembered, and the skill does not run', async () => {
  const { runtime, requests, fetch, audit } = await setup(() => false);
  for (let i = 0; i < 2; i++)
    assert.equal((await runtime.invoke(invocationOf(networked(['https://api.acme.com'])))).failed, 'permission');
  assert.equal(requests.length, 2);
  assert.equal(fetch.requested.length, 0);
  assert.ok(audit.some((e) => e.type === 'permission-denied' && e.detail?.permission === 'network'));
});

test('concurrent first uses share one question', async () => {
  let release: (v: boolean) => void = () => undefined;
  const { runtime, requests, audit } = await setup(() => new Promise<boolean>((r) => (release = r)));
  const calls = Array.from({ length: 5 }, () => runtime.invoke(invocationOf(networked(['https://api.acme.com']))));
  await delay(20);
  assert.equal(requests.length, 1);
  release(true);
  for (const reply of await Promise.all(calls)) assert.deepEqual(reply, { text: 'ok' });
  assert.equal(audit.filter((e) => e.type === 'permission-granted').length, 1);
});

test('revoking asks again; a new version asks only for new origins; revocation is audited', async () => {
  const { runtime, requests, audit } = await setup(() => true);
  await runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  await runtime.revokePermission('acme.orders', 'network');
  assert.deepEqual((await runtime.permissions('acme.orders')).network, []);
  await runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  await runtime.invoke(invocationOf(networked(['https://api.acme.com', 'https://cdn.acme.com'], '1.1.0')));
  assert.deepEqual(
    requests.map((r) => r.origins),
    [['https://api.acme.com'], ['https://api.acme.com'], ['https://cdn.acme.com']],
  );
  assert.ok(audit.some((e) => e.type === 'permission-revoked' && e.detail?.permission === 'network'));
});

test('profile asks too; storage, schedule and secret do not', async () => {
  const { runtime, requests } = await setup(() => true);
  const s = defineSkill({
    id: 'p.s',
    version: '1.0.0',
    intents: ['x'],
    permissions: { profile: true, storage: true, schedule: true, secret: true },
    execute: () => 'ok',
  });
  await runtime.invoke(invocationOf(s));
  assert.deepEqual(
    requests.map((r) => r.permission),
    ['profile'],
  );
});

test('without a requestPermission handler, or with no answer in time, permission is denied', async () => {
  const store = await openTestStore();
  const bare = createSkillRuntime({ store, fetch: recordingFetch().fetch });
  assert.equal((await bare.invoke(invocationOf(networked(['https://api.acme.com'])))).failed, 'permission');
  const { runtime } = await setup(() => new Promise<boolean>(() => {}), { consentTimeoutMs: 50 });
  assert.equal((await runtime.invoke(invocationOf(networked(['https://api.acme.com'])))).failed, 'permission');
});

test('a host can pre-grant; cancelling the turn stops waiting for the answer', async () => {
  const { runtime, requests } = await setup(() => new Promise<boolean>(() => {}));
  await runtime.grantPermission('acme.orders', 'network', ['https://API.acme.com/']);
  assert.deepEqual(await runtime.invoke(invocationOf(networked(['https://api.acme.com']))), { text: 'ok' });
  assert.equal(requests.length, 0);
  const c = new AbortController();
  const pending = runtime.invoke(invocationOf(networked(['https://other.acme.com']), { signal: c.signal }));
  await delay(10);
  c.abort(new DOMException('stop', 'AbortError'));
  await assert.rejects(pending, (e: unknown) => (e as DOMException).message === 'stop');
  await assert.rejects(runtime.grantPermission('x', 'network', ['http://evil.com']), RangeError);
  runtime.dispose();
});
