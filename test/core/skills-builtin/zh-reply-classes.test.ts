/**
 * Round 6 classes of Chinese slot and reply failures seen in people's dialogues (issue 13): the
 * spacing of replies, repeating requests, corrections by an offset, spoken fillers inside slot
 * values, mixed Chinese-English values and questions that read what exists. Each test pins the
 * class with several forms of it; replies go through the real dialogue stack with a scripted intent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packFor } from '../../../src/lang/pack.ts';
import { toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { withoutFillersZh } from '../../../src/lang/zh/zh-fillers.ts';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { spaceZh } from '../../../src/lang/zh/zh-spacing.ts';
import { saysTimeShiftZh, timeShiftZh } from '../../../src/lang/zh/zh-time-shift.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

/** A space between a Chinese character and a Latin letter or digit, either way round. */
const MIXED_SPACE = /[\p{Script=Han}，。：；！？][ \t]+[A-Za-z0-9]|[A-Za-z0-9%][ \t]+[\p{Script=Han}，。：；！？]/u;

describe('one spacing rule for every Chinese reply', () => {
  it('drops the space between Chinese and Latin letters or digits, keeps it between Latin words and around symbols', () => {
    assert.equal(spaceZh('好的，我会在明天 10:00提醒你开会。'), '好的，我会在明天10:00提醒你开会。');
    assert.equal(spaceZh('现在是 17:00。'), '现在是17:00。');
    assert.equal(spaceZh('提醒你3点 meeting'), '提醒你3点meeting');
    assert.equal(spaceZh('已把oat milk加到购物清单。'), '已把oat milk加到购物清单。');
    assert.equal(spaceZh('12 × 7 等于 84。'), '12 × 7等于84。');
    assert.equal(spaceZh('80 的 15%'), '80的15%');
  });

  it('holds for the replies of alarms, reminders, timers, the clock and the calculator', async () => {
    const h = await createHarness();
    const replies = [
      await h.say('明天早上七点的闹钟', 'alarm'),
      await h.say('明天上午十点提醒我开会', 'reminder_update'),
      await h.say('我有哪些提醒', 'reminder'),
      await h.say('定个十分钟的计时器', 'timer'),
      await h.say('现在几点', 'time'),
      await h.say('十二乘以七', 'calculator'),
      await h.say('东京现在几点', 'time'),
    ].map((r) => r.reply.text);
    for (const text of replies) assert.doesNotMatch(text, MIXED_SPACE, text);
    assert.match(replies[0]!, /明天7:00/);
    assert.match(replies[1]!, /明天10:00/);
  });

  it('is applied to the Chinese pack as a whole, formats included, and leaves English alone', () => {
    const zh = packFor('zh-CN');
    const at = new Date('2026-11-27T09:00:00Z');
    assert.equal(zh.format.when(at, new Date('2026-11-26T09:00:00Z'), 'Europe/Paris'), '明天10:00');
    assert.equal(zh.format.count(3, '个提醒'), '3个提醒');
    assert.match(packFor('en').skills.alarm.moved('tomorrow 10:00 AM'), /tomorrow 10:00 AM/);
  });
});

describe('spoken fillers (嗯, 呃, 那个, 就是, 然后) are no part of a slot value', () => {
  it('takes fillers that stand alone, keeps a 那个 that points at something', () => {
    assert.equal(withoutFillersZh('嗯 那个 待办 加一个 就是 洗车'), '待办 加一个 洗车');
    assert.equal(withoutFillersZh('呃，小王'), '小王');
    assert.equal(withoutFillersZh('就是收衣服'), '收衣服');
    assert.equal(withoutFillersZh('那个拿报告的取消吧'), '那个拿报告的取消吧');
    assert.equal(withoutFillersZh('这个周末去爬山'), '这个周末去爬山');
  });

  it('in reminder tasks, list items and names', async () => {
    const h = await createHarness();
    const r = await h.say('嗯 那个 一个小时以后 提醒我 就是 收衣服', 'reminder_update');
    assert.equal(r.understanding.slots['task'], '收衣服');
    // Each request on a fresh conversation: none of them follows the one before.
    const todo = await (await createHarness()).say('嗯 那个 待办 加一个 就是 洗车', 'todo_list_update');
    assert.deepEqual(todo.understanding.slots['add'], ['洗车']);
    const shop = await (
      await createHarness()
    ).say('嗯 那个 购物清单 帮我加 鸡蛋 然后 还有 西红柿', 'shopping_list_update');
    assert.deepEqual(shop.understanding.slots['add'], ['鸡蛋', '西红柿']);
    assert.deepEqual(parseListRequestZh('然后 还有 呃 面包').add, ['面包']);
    assert.equal(toSymbolsZh('嗯 那个 三百六 除以 十二 等于多少'), '360 / 12');
    assert.equal(toSymbolsZh('然后 再乘 七'), '* 7');
    // The list's own name and its 的 are no part of the item either.
    assert.deepEqual(parseListRequestZh('购物清单上的可乐去掉').remove, ['可乐']);
    assert.deepEqual(parseListRequestZh('待办清单里的交电费做完了').remove, ['交电费']);
    const name = await (await createHarness()).say('叫我 呃 小王', 'change_user_name');
    assert.equal(name.understanding.slots['name'], '小王');
  });
});

describe('corrections by an offset move the time already set', () => {
  it('reads the direction and the length, and no day word for a shift', () => {
    const shift = (text: string) => timeShiftZh(text, extractEntities(text, { now: NOW, timeZone: ZONE }));
    assert.equal(shift('往后挪十分钟'), 600_000);
    assert.equal(shift('好的，闹钟再往后挪十分钟吧'), 600_000);
    assert.equal(shift('提前半小时吧 路上堵'), -1_800_000);
    assert.equal(shift('推迟一天'), 86_400_000);
    assert.equal(shift('早一个小时叫我'), -3_600_000);
    assert.equal(shift('今晚一个小时后提醒我关火'), undefined);
    assert.equal(shift('定个十分钟的计时器'), undefined);
    assert.equal(saysTimeShiftZh('往前挪一刻钟'), true);
    assert.equal(saysTimeShiftZh('改到周日同一时间'), true);
    assert.equal(saysTimeShiftZh('今晚一个小时后提醒我'), false);
    assert.equal(saysTimeShiftZh('晚上八点'), false);
  });

  it('同一时间 and 第一时间 are no clock time', () => {
    const kinds = (text: string) => extractEntities(text, { now: NOW, timeZone: ZONE }).map((e) => e.kind);
    assert.deepEqual(kinds('改到同一时间'), ['number']);
    assert.deepEqual(kinds('第一时间告诉我'), ['ordinal']);
    assert.equal(kinds('下午一时开会').includes('time'), true);
  });

  it('moves a reminder or an alarm, whatever the intent model reads the turn as', async () => {
    const h = await createHarness();
    await h.say('明天上午十点提醒我开会', 'reminder_update');
    const later = await h.say('往后挪十分钟', 'timer');
    assert.equal(later.understanding.action, 'correction');
    assert.equal(later.understanding.slots['when'], '2026-11-27T10:10:00+01:00');
    assert.match(later.reply.text, /10:10.*开会/);
    const day = await h.say('推迟一天', 'reminder_update');
    assert.equal(day.understanding.slots['when'], '2026-11-28T10:10:00+01:00');
    const k = await createHarness();
    await k.say('周六上午十点提醒我寄冬衣', 'reminder_update');
    const same = await k.say('不行，周六我有事，改到星期天上午同一时间', 'calendar_update');
    assert.equal(same.understanding.slots['when'], '2026-11-29T10:00:00+01:00');
    const a = await createHarness();
    await a.say('明天早上七点的闹钟', 'alarm');
    const early = await a.say('提前半小时', 'reminder_update');
    assert.equal(early.understanding.slots['time'], '2026-11-27T06:30:00+01:00');
    assert.match(early.reply.text, /6:30/);
  });
});

describe('repeating alarms and reminders (每天, 每周一, 工作日) are said to be set once', () => {
  it('sets the next one and says honestly that it does not repeat', async () => {
    const h = await createHarness();
    const alarm = await h.say('每天早上七点叫我起床', 'alarm');
    assert.equal(alarm.understanding.slots['time'], '2026-11-27T07:00:00+01:00');
    assert.match(alarm.reply.text, /明天7:00.*只设了一次/);
    const weekly = await h.say('每周一上午九点提醒我交周报', 'reminder_update');
    assert.equal(weekly.understanding.slots['task'], '交周报');
    assert.match(weekly.reply.text, /只设了一次/);
    const pills = await (await createHarness()).say('每天晚上八点提醒我吃药', 'reminder_update');
    assert.equal(pills.understanding.slots['task'], '吃药');
    assert.match(pills.reply.text, /只设了一次/);
    const workdays = await (await createHarness()).say('工作日早上七点半的闹钟', 'alarm');
    assert.match(workdays.reply.text, /只设了一次/);
    const once = await (await createHarness()).say('明天早上七点叫我起床', 'alarm');
    assert.doesNotMatch(once.reply.text, /只设了一次/);
    // Said once: moving the alarm just set does not repeat the note.
    const k = await createHarness();
    await k.say('每天早上七点叫我起床', 'alarm');
    const moved = await k.say('往后挪十分钟', 'alarm');
    assert.match(moved.reply.text, /7:10/);
    assert.doesNotMatch(moved.reply.text, /只设了一次/);
  });
});

describe('mixed Chinese-English slot values', () => {
  it('an English day part before a Chinese clock time is its half of the day', () => {
    const at = (text: string) =>
      extractEntities(text, { now: NOW, timeZone: ZONE })
        .filter((e) => e.kind === 'time' || e.kind === 'datetime')
        .map((e) => e.value);
    assert.deepEqual(at('set个alarm 明天morning 7点'), ['2026-11-27T07:00:00+01:00']);
    assert.deepEqual(at('明天evening 7点半开会'), ['2026-11-27T19:30:00+01:00']);
    assert.deepEqual(at('tonight 8点提醒我吃药'), ['2026-11-26T20:00:00+01:00']);
  });

  it('a timer of N分, English words kept in tasks and items', async () => {
    const h = await createHarness();
    assert.equal((await h.say('计时 5分', 'timer')).understanding.slots['duration'], 300_000);
    assert.equal((await h.say('再来一个 10分', 'timer')).understanding.slots['duration'], 600_000);
    assert.equal((await h.say('set个5分钟timer', 'timer')).understanding.slots['duration'], 300_000);
    // A score is no length, even when the intent model takes the turn for a timer.
    const score = await (await createHarness()).say('这次考试我考了95分', 'timer');
    assert.equal(score.understanding.slots['duration'], undefined);
    const meeting = await (await createHarness()).say('提醒我3点 meeting', 'reminder_update');
    assert.equal(meeting.understanding.slots['task'], 'meeting');
    assert.match(meeting.reply.text, /15:00提醒你meeting/);
    const coffee = await (await createHarness()).say('购物清单加个 coffee', 'shopping_list_update');
    assert.deepEqual(coffee.understanding.slots['add'], ['coffee']);
  });
});

describe('questions that read what exists (提醒都有啥, 清单里还剩啥, 我有哪些闹钟)', () => {
  it('reminders: read back whatever the intent model reads, and no question word becomes a task', async () => {
    const h = await createHarness();
    await h.say('明天上午十点提醒我开会', 'reminder_update');
    for (const text of ['提醒都有啥', '我现在有哪些reminder', '我给自己设的那些提醒，你能帮我报一下吗']) {
      const r = await h.say(text, 'reminder_update');
      assert.equal(r.understanding.intent, 'reminder', text);
      assert.match(r.reply.text, /你有1个提醒：明天10:00开会/, text);
    }
    // A change is no reading: it still deletes.
    const gone = await h.say('把提醒都删了', 'reminder_update');
    assert.match(gone.reply.text, /删掉了/);
  });

  it('lists: 还剩啥要买的 and 都有些什么 read the list and add nothing', async () => {
    assert.deepEqual(parseListRequestZh('清单里还剩啥要买的'), { add: [], remove: [], check: [], clear: false });
    assert.deepEqual(parseListRequestZh('单子上都有些什么 你念给我听听').add, []);
    assert.deepEqual(parseListRequestZh('再加个牛奶').add, ['牛奶']);
    const h = await createHarness();
    await h.say('购物清单加牛奶和鸡蛋', 'shopping_list_update');
    const read = await h.say('清单里还剩啥要买的', 'shopping_list_update');
    assert.equal(read.understanding.intent, 'shopping_list');
    assert.match(read.reply.text, /牛奶和鸡蛋/);
  });

  it('alarms and timers: 我有哪些闹钟, 还剩多久', async () => {
    const h = await createHarness();
    await h.say('明天早上六点四十的闹钟', 'alarm');
    assert.match((await h.say('我有哪些闹钟啊', 'alarm')).reply.text, /明天6:40/);
    const t = await createHarness();
    await t.say('定个十分钟的计时器', 'timer');
    assert.match((await t.say('还剩多久', 'timer')).reply.text, /还剩10分钟/);
  });
});
