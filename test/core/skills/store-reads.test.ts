// What the skills runtime reads from the encrypted store on a turn (issue 5: the whole turn in
// <= 5 ms; every read is an IndexedDB transaction in the browser): no consent lookup for a skill
// that declares nothing to consent to, and the scheduler re-arms from the list it just wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScheduler, type FiredReply } from '../../../src/skills/scheduler.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import type { KeyValueStore } from '../../../src/store/types.ts';
import { delay, invocationOf, openTestStore, type TestStore } from '../../fixtures/skills/helpers.ts';

/** Waits until `done()` holds, up to a generous deadline (the machine running the tests may be busy). */
async function until(done: () => boolean, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await delay(20);
}

/** The store, with the keys read from its settings namespace recorded. */
function recordingSettings(store: TestStore): { store: TestStore; reads: string[] } {
  const reads: string[] = [];
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'settings') return Reflect.get(target, key, receiver);
      return (): KeyValueStore => {
        const kv = target.settings();
        return { ...kv, get: (k: string) => (reads.push(k), kv.get(k)) } as KeyValueStore;
      };
    },
  });
  return { store: proxy, reads };
}

test('a skill that declares nothing to consent to runs without a consent lookup', async () => {
  const { store, reads } = recordingSettings(await openTestStore());
  const asked: string[] = [];
  const runtime = createSkillRuntime({ store, requestPermission: async (r) => (asked.push(r.permission), true) });
  const plain = defineSkill({
    id: 'acme.notes',
    version: '1.0.0',
    intents: ['note'],
    permissions: { storage: true },
    execute: () => 'noted',
  });
  assert.equal((await runtime.invoke(invocationOf(plain))).text, 'noted');
  assert.deepEqual(reads, []);

  // A skill with a grantable permission still has its grant looked up, asked for once and remembered.
  const profiled = defineSkill({
    id: 'acme.greeter',
    version: '1.0.0',
    intents: ['greet'],
    permissions: { profile: true },
    execute: () => 'hi',
  });
  for (let i = 0; i < 2; i++) assert.equal((await runtime.invoke(invocationOf(profiled))).text, 'hi');
  assert.ok(
    reads.length >= 2 && reads.every((k) => k === 'skills.grants.acme.greeter'),
    'its grant is read on every call',
  );
  assert.deepEqual(asked, ['profile']);
  await runtime.revokePermission('acme.greeter');
  const denied = createSkillRuntime({ store, requestPermission: async () => false });
  assert.equal((await denied.invoke(invocationOf(profiled))).failed, 'permission', 'a revoked grant is not used');
});

test('the scheduler re-arms from the list it wrote, a handle reads it once, and timers still fire', async () => {
  const { store, reads } = recordingSettings(await openTestStore());
  const fired: FiredReply[] = [];
  const scheduler = createScheduler({ store, onFire: (_c, r) => void fired.push(r) });
  await scheduler.start();
  const s = scheduler.forSkill('builtin.timer', 'c1');
  reads.length = 0;
  const late = await s.add({ at: Date.now() + 60_000, text: 'late' });
  assert.equal(reads.length, 1, 'add reads the list once, to append to it');
  await s.add({ at: Date.now() + 600, text: 'soon' });
  const early = await s.add({ at: Date.now() + 300, text: 'first' });
  await s.cancel(late);
  assert.equal(reads.length, 1, 'the next adds and the cancel of the same handle work on the list it wrote');
  await until(() => fired.length >= 2);
  assert.deepEqual(
    fired.map((f) => f.text),
    ['first', 'soon'],
    'the timer was armed for the earliest entry each time',
  );
  assert.ok(fired.some((f) => f.id === early));
  assert.deepEqual(await scheduler.list(), [], 'the cancelled one never fires, the fired ones are gone');
  scheduler.stop();
});

test('cancelling the earliest entry re-arms for the next one', async () => {
  const store = await openTestStore();
  const fired: string[] = [];
  const scheduler = createScheduler({ store, onFire: (_c, r) => void fired.push(r.text) });
  await scheduler.start();
  const s = scheduler.forSkill('builtin.timer', 'c1');
  // Far enough ahead that the cancel below comes first even on a busy machine.
  const first = await s.add({ at: Date.now() + 400, text: 'first' });
  await s.add({ at: Date.now() + 500, text: 'second' });
  // Overlapping calls: whichever re-arm started last decides the timer.
  await Promise.all([s.cancel(first), s.add({ at: Date.now() + 60_000, text: 'much later' })]);
  await until(() => fired.length >= 1);
  await delay(50);
  assert.deepEqual(fired, ['second']);
  assert.deepEqual(
    (await s.list()).map((e) => e.text),
    ['much later'],
  );
  scheduler.stop();
});

test('a handle reads the list again after another write of the scheduler, and loses none of it', async () => {
  const { store, reads } = recordingSettings(await openTestStore());
  const scheduler = createScheduler({ store, onFire: () => undefined });
  await scheduler.start();
  const turn = scheduler.forSkill('builtin.timer', 'c1');
  const other = scheduler.forSkill('builtin.reminder', 'c2');
  const mine = await turn.add({ at: Date.now() + 60_000, text: 'mine' });
  reads.length = 0;
  assert.deepEqual(
    (await turn.list()).map((e) => e.id),
    [mine],
  );
  assert.equal(reads.length, 0, 'its own write is what it lists');
  await other.add({ at: Date.now() + 120_000, text: 'theirs' });
  assert.equal(reads.length, 1, 'the other handle read the list once');
  await turn.cancel(mine);
  assert.equal(reads.length, 2, "the other handle's write came between: the list is read again");
  assert.deepEqual(
    (await scheduler.list()).map((e) => e.text),
    ['theirs'],
    "the other handle's entry is kept",
  );
  // A failed write leaves the stored list unknown: the next call reads it (reads are still recorded).
  let full = false;
  const failing = new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'settings') return Reflect.get(target, key, receiver);
      return (): KeyValueStore => {
        const kv = target.settings();
        return {
          ...kv,
          set: async (k: string, v: unknown) => {
            if (full) throw new Error('disk full');
            return kv.set(k, v);
          },
        };
      };
    },
  });
  const h = createScheduler({ store: failing, onFire: () => undefined }).forSkill('builtin.timer', 'c3');
  reads.length = 0;
  await h.add({ at: Date.now() + 60_000, text: 'kept' });
  full = true;
  await assert.rejects(h.add({ at: Date.now() + 60_000, text: 'lost' }), /disk full/);
  full = false;
  assert.equal(reads.length, 1, 'the failed add worked on the list the first one wrote');
  assert.deepEqual(
    (await h.list()).map((e) => e.text),
    ['kept'],
    'nothing it failed to write is listed',
  );
  assert.equal(reads.length, 2, 'after the failed write the list is read again');
  scheduler.stop();
});
