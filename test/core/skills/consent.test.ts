import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import type { PermissionRequest, SkillDefinition } from '../../../src/skills/types.ts';
import { auditRecorder, delay, invocationOf, openTestStore, recordingFetch } from '../../fixtures/skills/helpers.ts';

/** Waits (up to 10 s) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  for (const started = Date.now(); !done(); await delay(5))
    if (Date.now() - started > 10_000) throw new Error('timed out waiting');
}

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
  // The question is asked once the grants are read and the skill identity hashed: wait for it, not a fixed time.
  await until(() => requests.length > 0);
  assert.equal(fetch.requested.length, 0, 'nothing is sent while the question is open');
  assert.deepEqual(requests, [
    {
      skillId: 'acme.orders',
      skillVersion: '1.0.0',
      permission: 'network',
      reason: 'new',
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
  const stored = await store.settings().get<{ identity: string }>('skills.grants.acme.orders');
  assert.deepEqual(stored, { network: ['https://api.acme.com'], profile: false, identity: stored?.identity });
  assert.match(stored?.identity ?? '', /^[0-9a-f]{64}$/);
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
  // The question is asked once the grants are read and the skill identity hashed: wait for it, not a fixed time.
  await until(() => requests.length > 0);
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

const bundled = (integrity: string, network = ['https://api.tides.example']) =>
  defineSkill({
    id: 'example.tides',
    version: '1.0.0',
    intents: ['tides'],
    fingerprint: `bundle ${integrity}`,
    permissions: { network },
    execute: () => 'high tide at 6',
  });

test('a grant is bound to the skill identity: a new bundle under the same id asks again, for everything', async () => {
  const { runtime, requests } = await setup(() => true);
  assert.deepEqual(await runtime.invoke(invocationOf(bundled('sha384-AAAA'))), { text: 'high tide at 6' });
  assert.deepEqual(await runtime.invoke(invocationOf(bundled('sha384-AAAA'))), { text: 'high tide at 6' });
  assert.equal(requests.length, 1);
  // Same id, same version, same origins, another bundle: not the skill the user said yes to.
  await runtime.invoke(invocationOf(bundled('sha384-BBBB')));
  assert.deepEqual(
    requests.map((r) => [r.reason, r.origins]),
    [
      ['new', ['https://api.tides.example']],
      ['changed', ['https://api.tides.example']],
    ],
  );
  // The yes moved to the new bundle: the old one is asked again if it comes back.
  await runtime.invoke(invocationOf(bundled('sha384-AAAA')));
  assert.equal(requests.length, 3);
  assert.equal(requests[2]?.reason, 'changed');
});

test('a refused re-ask after a change runs nothing and keeps nothing of the old grant', async () => {
  let answer = true;
  const { runtime, fetch } = await setup(() => answer);
  const fetching = (fingerprint: string) =>
    defineSkill({
      id: 'acme.hook',
      version: '1.0.0',
      intents: ['x'],
      fingerprint,
      permissions: { network: ['https://api.acme.com'] },
      execute: async (ctx) => (await ctx.fetch!('https://api.acme.com/x')).text(),
    });
  assert.deepEqual(await runtime.invoke(invocationOf(fetching('webhook https://api.acme.com/a'))), { text: 'ok' });
  answer = false;
  assert.equal((await runtime.invoke(invocationOf(fetching('webhook https://api.acme.com/b')))).failed, 'permission');
  assert.equal(fetch.requested.length, 1);
  assert.deepEqual(await runtime.effectivePermissions(fetching('webhook https://api.acme.com/b')), {
    network: [],
    profile: false,
  });
});

test('saying more about what it sends (the LLM fallback with earlier turns) asks again', async () => {
  const { runtime, requests } = await setup(() => true);
  const llm = (earlierTurns: number) =>
    defineSkill({
      id: 'acme.llm',
      version: '1.0.0',
      intents: ['fallback'],
      sends: { origin: 'https://llm.example', currentTurn: true, earlierTurns },
      permissions: { network: ['https://llm.example'] },
      execute: () => 'ok',
    });
  await runtime.invoke(invocationOf(llm(0)));
  await runtime.invoke(invocationOf(llm(0)));
  await runtime.invoke(invocationOf(llm(3)));
  assert.deepEqual(
    requests.map((r) => [r.reason, r.sends]),
    [
      ['new', { origin: 'https://llm.example', currentTurn: true, earlierTurns: 0 }],
      ['changed', { origin: 'https://llm.example', currentTurn: true, earlierTurns: 3 }],
    ],
  );
});

test('grants brought in by a backup are confirmed before first use', async () => {
  const source = await setup(() => true);
  await source.runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  const file = await source.store.exportBackup('backup pass');
  const { runtime, requests, store, fetch } = await setup(() => true);
  await store.importBackup(file, 'backup pass');
  assert.deepEqual((await runtime.permissions('acme.orders')).network, ['https://api.acme.com']);
  assert.deepEqual(await runtime.effectivePermissions(networked(['https://api.acme.com'])), {
    network: [],
    profile: false,
  });
  assert.deepEqual(await runtime.invoke(invocationOf(networked(['https://api.acme.com']))), { text: 'ok' });
  assert.deepEqual(
    requests.map((r) => r.reason),
    ['imported'],
  );
  // Confirmed once: from then on it is an ordinary grant.
  await runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  assert.equal(requests.length, 1);
  assert.equal(fetch.requested.length, 2);
  assert.equal((await store.settings().get<{ imported?: boolean }>('skills.grants.acme.orders'))?.imported, undefined);
});

test('grants from before identities (id only) are asked again once', async () => {
  const { runtime, requests, store } = await setup(() => true);
  await store.settings().set('skills.grants.acme.orders', { network: ['https://api.acme.com'], profile: false });
  await runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  await runtime.invoke(invocationOf(networked(['https://api.acme.com'])));
  assert.deepEqual(
    requests.map((r) => r.reason),
    ['changed'],
  );
});
