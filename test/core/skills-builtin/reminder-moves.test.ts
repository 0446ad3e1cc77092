/**
 * Moving a reminder that is set, named by its words (found using the packed app: "can you change the
 * dentist reminder to 11am" set a reminder "to 11am", "把买牛奶的提醒改到六点" one "改到", and the one meant
 * stayed). The dialogue decisions are scripted (a new reminder_update request); the skill, the store
 * and the scheduler are the real ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DialogueAction } from '../../../src/dialogue/types.ts';
import { movesReminder } from '../../../src/skills/builtin/reminder-moves.ts';
import { createHarness, scripted } from '../dialogue/harness.ts';

const update: DialogueAction = {
  type: 'new-intent',
  intent: 'reminder_update',
  skillId: 'builtin.reminders',
  confidence: 0.9,
};
const read: DialogueAction = { type: 'new-intent', intent: 'reminder', skillId: 'builtin.reminders', confidence: 0.9 };

async function harnessFor(updates: string[], reads: string[]) {
  const actions: Record<string, DialogueAction> = {};
  for (const t of updates) actions[t] = update;
  for (const t of reads) actions[t] = read;
  const h = await createHarness({ policy: scripted(actions) });
  return async (text: string) =>
    (await h.say(text, updates.includes(text) ? 'reminder_update' : 'reminder')).reply.text;
}

describe('moving a reminder named by its words', () => {
  it('moves the English one it names, keeping its day when only a time is said', async () => {
    const say = await harnessFor(
      [
        'remind me to renew the passport on saturday at 9am',
        'remind me to feed the cat at 6pm',
        'could you move the passport reminder to 2pm',
        'shift the cat one to 7pm please',
      ],
      ['which reminders are set'],
    );
    await say('remind me to renew the passport on saturday at 9am');
    await say('remind me to feed the cat at 6pm');
    assert.match(
      await say('could you move the passport reminder to 2pm'),
      /changed it: .*renew the passport .*Saturday.*2:00 PM/,
    );
    assert.match(await say('shift the cat one to 7pm please'), /changed it: .*feed the cat .*7:00 PM/);
    const list = await say('which reminders are set');
    assert.match(list, /2 reminders/);
    assert.match(list, /feed the cat at 7:00 PM/);
    assert.doesNotMatch(list, /2pm|7pm|passport reminder/);
  });

  it('moves the Chinese one it names', async () => {
    const say = await harnessFor(
      [
        '提醒我周六上午九点去取快递',
        '提醒我今晚八点给爸爸打电话',
        '取快递那个提醒改到十一点',
        '给爸爸打电话的提醒推迟到九点半',
      ],
      ['现在有几个提醒'],
    );
    await say('提醒我周六上午九点去取快递');
    await say('提醒我今晚八点给爸爸打电话');
    assert.match(await say('取快递那个提醒改到十一点'), /改好了.*11:00.*取快递/);
    assert.match(await say('给爸爸打电话的提醒推迟到九点半'), /改好了.*21:30.*给爸爸打电话/);
    const list = await say('现在有几个提醒');
    assert.match(list, /2个提醒/);
    assert.doesNotMatch(list, /改到|推迟/);
  });

  it('still sets a reminder that is about moving or changing something else', () => {
    for (const text of [
      'set a reminder to change the oil at 6pm',
      'remind me to move the car at 8',
      'add a reminder to push the bins out tonight',
      '提醒我明天把车挪到车库',
      '记得提醒我把会议改到周五',
    ])
      assert.equal(movesReminder(text), false, text);
    for (const text of ['move my reminder to 6pm', 'can you change the dentist one to 4', '开会那个提醒提前到两点'])
      assert.equal(movesReminder(text), true, text);
  });
});

describe('a new reminder, or one that is not set, moves none', () => {
  it('sets a new reminder whose task moves or changes something, keeping the one set', async () => {
    const asks = [
      'reminder: change the sheets at 9pm',
      'reminder to move the car at 9pm',
      'one more: move the car at 9pm',
      'also a reminder to shift the laundry to the dryer at 9pm',
      'a reminder to push the bins out at 8pm',
      'ok and one more, update the blog tonight at 10pm',
    ];
    for (const text of asks) assert.equal(movesReminder(text), false, text);
    const say = await harnessFor([], ['remind me to water the plants at 6pm', asks[1]!, 'what reminders do i have']);
    await say('remind me to water the plants at 6pm');
    assert.doesNotMatch(await say(asks[1]!), /changed it/);
    const list = await say('what reminders do i have');
    assert.match(list, /2 reminders/);
    assert.match(list, /water the plants at 6:00 PM/);
  });

  it('leaves the only reminder where it is when the move names another one', async () => {
    const say = await harnessFor(
      ['remind me to pay the rent at 5pm', 'move the gym reminder to 9pm', '把健身的提醒改到九点'],
      ['what reminders do i have'],
    );
    await say('remind me to pay the rent at 5pm');
    const moved = await say('move the gym reminder to 9pm');
    assert.doesNotMatch(moved, /changed it/);
    assert.match(moved, /couldn't find that reminder.*pay the rent/);
    const list = await say('what reminders do i have');
    assert.match(list, /1 reminder: pay the rent at 5:00 PM/);
  });

  it('leaves the only Chinese reminder where it is when the move names another one', async () => {
    const say = await harnessFor(['提醒我今晚六点去取干洗的衣服', '把游泳的提醒改到九点'], ['我有哪些提醒']);
    await say('提醒我今晚六点去取干洗的衣服');
    assert.doesNotMatch(await say('把游泳的提醒改到九点'), /改好了/);
    const list = await say('我有哪些提醒');
    assert.match(list, /18:00/);
    assert.doesNotMatch(list, /21:00/);
  });

  it('still moves the only one when the move names nothing but the reminder', async () => {
    const say = await harnessFor(['remind me to stretch at 4pm', 'move my reminder to 5pm'], []);
    await say('remind me to stretch at 4pm');
    assert.match(await say('move my reminder to 5pm'), /changed it: .*stretch .*5:00 PM/);
  });

  it('asks which one when two reminders share the words of the move, and sets none', async () => {
    const say = await harnessFor(
      [
        'remind me to water the tomatoes at 5pm',
        'remind me to water the ferns at 6pm',
        'push the water reminder to 8pm',
      ],
      ['what reminders do i have'],
    );
    await say('remind me to water the tomatoes at 5pm');
    await say('remind me to water the ferns at 6pm');
    const moved = await say('push the water reminder to 8pm');
    assert.match(moved, /^Which one should I move\? You have 2 reminders/);
    const list = await say('what reminders do i have');
    assert.match(list, /2 reminders: water the tomatoes at 5:00 PM and water the ferns at 6:00 PM/);
  });

  it('asks which one in Chinese, with no space between the sentences', async () => {
    const say = await harnessFor(
      ['提醒我五点给花浇水', '提醒我六点给草坪浇水', '把浇水的提醒推迟到八点'],
      ['我有哪些提醒'],
    );
    await say('提醒我五点给花浇水');
    await say('提醒我六点给草坪浇水');
    assert.match(await say('把浇水的提醒推迟到八点'), /^要改哪一个？你有2个提醒/);
    const list = await say('我有哪些提醒');
    assert.match(list, /17:00/);
    assert.doesNotMatch(list, /20:00/);
  });
});
