import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeAuditSink, toAuditInput } from '../../../src/skills/audit-sink.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import { delay, invocationOf, openTestStore } from '../../fixtures/skills/helpers.ts';

test('runtime entries map onto the store audit types', () => {
  assert.deepEqual(
    toAuditInput({
      type: 'permission-granted',
      skillId: 'a.b',
      detail: { permission: 'network', origins: 'https://a.com' },
    }),
    {
      type: 'permission-grant',
      detail: { event: 'permission-granted', skill: 'a.b', permission: 'network', origins: 'https://a.com' },
    },
  );
  assert.equal(toAuditInput({ type: 'permission-revoked', skillId: 'a' }).type, 'permission-revoke');
  assert.equal(toAuditInput({ type: 'webhook-outbox-dropped', skillId: 'a' }).type, 'network-call');
  assert.equal(toAuditInput({ type: 'skill-timeout', skillId: 'a' }).type, 'skill-call');
  const long = toAuditInput({ type: 'permission-granted', skillId: 'a', detail: { origins: 'x'.repeat(500) } });
  assert.equal((long.detail!.origins as string).length, 200);
});

test('the runtime writes into the store’s hash-chained audit log', async () => {
  const store = await openTestStore();
  const runtime = createSkillRuntime({ store, audit: storeAuditSink(store), requestPermission: async () => true });
  const skill = defineSkill({
    id: 'a.net',
    version: '1.0.0',
    intents: ['x'],
    permissions: { network: ['https://a.example'] },
    timeoutMs: 20,
    execute: () => new Promise<never>(() => {}),
  });
  await runtime.invoke(invocationOf(skill));
  await runtime.revokePermission('a.net');
  const wanted = [
    'skill-call/permission-requested',
    'permission-grant/permission-granted',
    'skill-call/skill-timeout',
    'permission-revoke/permission-revoked',
  ];
  // The runtime's audit writes are fire-and-forget (an audit sink must never slow a turn): wait for
  // them rather than for a fixed time, which a loaded machine overruns.
  let events: string[] = [];
  for (const started = Date.now(); Date.now() - started < 10_000; await delay(20)) {
    events = (await store.listAudit()).map((e) => `${e.type}/${String(e.detail.event)}`);
    if (wanted.every((w) => events.includes(w))) break;
  }
  for (const expected of wanted) assert.ok(events.includes(expected), `${expected} in ${events.join(', ')}`);
  assert.equal(await store.verifyAudit(), -1, 'the chain verifies');
});
