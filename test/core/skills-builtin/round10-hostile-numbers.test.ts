/**
 * Round 10's out-of-range numbers (bench:hostile seed 9), with sentences written for these tests: a
 * number after a power sign ("10^30 seconds") was read as a length of time (a 30-second timer), and
 * a reminder or an alarm thousands of years ahead was kept (a date past the year 9999 is no ISO date
 * either).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { createHarness } from '../dialogue/harness.ts';

test('a number after a power sign is no length of time', () => {
  const durations = (text: string) => extractEntities(text).filter((e) => e.kind === 'duration');
  for (const text of ['set a timer for 10^6 minutes', 'timer for 2 ** 12 seconds', '计时2^20秒', '倒计时10 ^ 9分钟'])
    assert.deepEqual(durations(text), [], text);
  assert.equal(durations('set a timer for 12 minutes')[0]?.value, 720_000);
  assert.equal(durations('计时20秒')[0]?.value, 20_000);
  // Markdown bold and faces are no power sign.
  assert.equal(durations('计时**5分钟**')[0]?.value, 300_000);
  assert.equal(durations('设个计时器^_^ 5分钟')[0]?.value, 300_000);
  assert.equal(durations('timer ^^ 10 min')[0]?.value, 600_000);
});

test('a reminder further ahead than 100 years asks the time again; one within is set', async () => {
  const h = await createHarness();
  const far = await h.say('remind me in 250 years to feed the cat', 'reminder_update');
  assert.match(far.reply.text, /100 years/);
  assert.deepEqual(await h.store.settings().get('skills.schedule'), undefined);
  const zh = await createHarness();
  await zh.say('500年后提醒我浇花', 'reminder_update');
  assert.deepEqual(await zh.store.settings().get('skills.schedule'), undefined);
  const near = await createHarness();
  // Within the horizon, a bare day is kept and its time asked (round 10: no silent 9 AM).
  const asked = await near.say('remind me in 30 years to open the time capsule', 'reminder_update');
  assert.doesNotMatch(asked.reply.text, /100 years/);
  const set = await near.say('at noon', 'reminder_update');
  assert.match(set.reply.text, /2056/);
});

test('an alarm further ahead than 100 years asks the time again; one within is set', async () => {
  const h = await createHarness();
  const far = await h.say('wake me up on 5 may 4000 at 6am', 'alarm');
  assert.match(far.reply.text, /100 years/);
  assert.deepEqual(await h.store.settings().get('skills.schedule'), undefined);
  const zh = await createHarness();
  const farZh = await zh.say('定一个3026年1月1日早上7点的闹钟', 'alarm');
  assert.match(farZh.reply.text, /一百年/);
  assert.deepEqual(await zh.store.settings().get('skills.schedule'), undefined);
  const near = await createHarness();
  const set = await near.say('set an alarm for march 3 2030 at 7am', 'alarm');
  assert.match(set.reply.text, /2030/);
  assert.notDeepEqual(await near.store.settings().get('skills.schedule'), undefined);
});
