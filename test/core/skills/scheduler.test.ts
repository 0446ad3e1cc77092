import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScheduler, type FiredReply } from '../../../src/skills/scheduler.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import { delay, invocationOf, openTestStore } from '../../fixtures/skills/helpers.ts';

test('a scheduled reply fires while the page is open, through ctx.schedule', async () => {
  const store = await openTestStore();
  const fired: [string, FiredReply][] = [];
  const scheduler = createScheduler({ store, onFire: (c, r) => void fired.push([c, r]) });
  await scheduler.start();
  const runtime = createSkillRuntime({ store, scheduler });
  const timer = defineSkill({
    id: 'builtin.timer',
    version: '1.0.0',
    intents: ['timer'],
    permissions: { schedule: true },
    async execute(ctx) {
      // Margins are generous: CI machines are shared, and a loaded one runs timers late.
      await ctx.schedule!.add({ at: Date.now() + 500, text: 'Time is up!' });
      return 'Timer set.';
    },
  });
  assert.equal(
    (await runtime.invoke(invocationOf(timer, { conversation: { id: 'conv-7', recentTurns: [] } }))).text,
    'Timer set.',
  );
  assert.equal(fired.length, 0);
  for (let i = 0; i < 100 && fired.length === 0; i++) await delay(50);
  assert.equal(fired.length, 1);
  assert.equal(fired[0]![0], 'conv-7');
  assert.equal(fired[0]![1].text, 'Time is up!');
  assert.equal(fired[0]![1].missed, false);
  assert.deepEqual(await scheduler.list(), []);
  scheduler.stop();
});

test('entries survive a restart: missed ones fire on start, future ones are re-armed', async () => {
  const store = await openTestStore();
  const first = createScheduler({
    store,
    onFire: () => assert.fail('the first scheduler is stopped before anything is due'),
  });
  await first.start();
  const s = first.forSkill('builtin.reminder', 'c1');
  const base = Date.now();
  await s.add({ at: base + 400, text: 'missed one' });
  const laterId = await s.add({ at: base + 1500, text: 'later one' });
  first.stop();
  await delay(Math.max(0, base + 500 - Date.now()));

  const fired: FiredReply[] = [];
  const second = createScheduler({ store, onFire: (_c, r) => void fired.push(r) });
  await second.start();
  assert.deepEqual(
    fired.map((f) => [f.text, f.missed]),
    [['missed one', true]],
  );
  for (let i = 0; i < 100 && fired.length < 2; i++) await delay(50);
  assert.deepEqual(
    fired.map((f) => [f.text, f.missed, f.id === laterId]),
    [
      ['missed one', true, false],
      ['later one', false, true],
    ],
  );
  second.stop();
});

test('a skill sees and cancels only its own entries; limits and bad input are refused', async () => {
  const store = await openTestStore();
  const scheduler = createScheduler({ store, onFire: () => undefined, maxPerSkill: 3 });
  await scheduler.start();
  const mine = scheduler.forSkill('a', 'c1');
  const theirs = scheduler.forSkill('b', 'c1');
  const id = await theirs.add({ at: Date.now() + 100_000, text: 'theirs' });
  await mine.cancel(id);
  assert.equal((await theirs.list()).length, 1, "cancelling another skill's entry does nothing");
  assert.deepEqual(await mine.list(), []);
  for (let i = 0; i < 3; i++) await mine.add({ at: Date.now() + 100_000 + i, text: `m${i}` });
  await assert.rejects(mine.add({ at: Date.now() + 100_000, text: 'one too many' }), RangeError);
  await assert.rejects(mine.add({ at: Number.NaN, text: 'x' }), TypeError);
  await assert.rejects(mine.add({ at: Date.now(), text: '' }), TypeError);
  await assert.rejects(mine.add(null as never), TypeError);
  assert.equal((await scheduler.list()).length, 4);
  scheduler.stop();
});

test('a failing announcement is kept for the next start rather than lost', async () => {
  const store = await openTestStore();
  const failing = createScheduler({ store, onFire: () => Promise.reject(new Error('engine busy')) });
  await failing.start();
  await failing.forSkill('a', 'c').add({ at: Date.now() - 1, text: 'keep me' });
  failing.stop();
  assert.equal((await failing.list()).length, 1);
  const fired: string[] = [];
  const retry = createScheduler({ store, onFire: (_c, r) => void fired.push(r.text) });
  await retry.start();
  assert.deepEqual(fired, ['keep me']);
  assert.equal((await retry.list()).length, 0);
  retry.stop();
});

test('a timer that fires a moment early still announces its entry', async () => {
  // The clock reads one millisecond before the entry when the timer fires (timers may fire early),
  // and past it from then on: the entry must be re-armed and fired, not forgotten.
  const store = await openTestStore();
  const fired: FiredReply[] = [];
  let early: number | undefined;
  const now = () => {
    if (early === undefined) return Date.now();
    const t = early;
    early = undefined;
    return t;
  };
  const scheduler = createScheduler({ store, now, onFire: (_c, r) => void fired.push(r) });
  await scheduler.start();
  const at = Date.now() + 200;
  await scheduler.forSkill('builtin.timer', 'c1').add({ at, text: 'on time' });
  early = at - 1;
  for (let i = 0; i < 100 && fired.length === 0; i++) await delay(50);
  assert.deepEqual(
    fired.map((f) => f.text),
    ['on time'],
  );
  scheduler.stop();
});
