import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDice } from '../../../src/skills/builtin/chance.ts';
import { parseListRequestZh, splitItemsZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { parseConversionZh } from '../../../src/lang/zh/zh-units.ts';
import { toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { createScheduler } from '../../../src/skills/index.ts';
import { createHarness } from '../dialogue/harness.ts';

/** No English words in a Chinese reply (unit symbols, names and numbers aside). */
function chinese(text: string): void {
  assert.match(text, /\p{Script=Han}/u, `not Chinese: ${text}`);
  assert.doesNotMatch(text, /\b(?:the|your|you|is|are|I|it|and)\b/, `English in a Chinese reply: ${text}`);
}

describe('Chinese replies of the built-in skills', () => {
  it('time and date, here and in a place named in Chinese', async () => {
    const h = await createHarness();
    const now = await h.say('现在几点了', 'time');
    chinese(now.reply.text);
    assert.match(now.reply.text, /10:00/);
    assert.equal(now.understanding.lang, 'zh-CN');
    const tokyo = await h.say('东京现在几点', 'time');
    assert.match(tokyo.reply.text, /东京.*18:00/);
    assert.equal(tokyo.understanding.slots['place'], '东京');
    const paris = await h.say('那巴黎呢', null);
    assert.equal(paris.understanding.action, 'follow-up');
    assert.match(paris.reply.text, /巴黎.*10:00/);
    const unknown = await h.say('雷克雅未克现在几点', 'time');
    assert.match(unknown.reply.text, /还不知道雷克雅未克的时区/);
    const zone = await h.say('纽约是什么时区', 'timezone');
    chinese(zone.reply.text);
    assert.match(zone.reply.text, /纽约/);
    const date = await h.say('后天几号', 'date');
    assert.match(date.reply.text, /11月28日星期六/);
    chinese((await h.say('今天几号', 'date')).reply.text);
  });

  it('timers: set in Chinese words, ask how long is left, cancel', async () => {
    const h = await createHarness();
    const set = await h.say('设置一个五分钟的计时器', 'timer');
    assert.equal(set.understanding.slots['duration'], 300_000);
    chinese(set.reply.text);
    assert.match(set.reply.text, /5分钟/);
    h.advance(60_000);
    const left = await h.say('计时器还剩多久', 'timer');
    assert.match(left.reply.text, /还剩4分钟/);
    const off = await h.say('把计时器关了', 'timer');
    assert.match(off.reply.text, /计时器(?:已经取消|关掉)/);
  });

  it('timers: 再加五分钟 adds time to the running one, 暂停 is said honestly, and 再加一个 sets another', async () => {
    const h = await createHarness();
    await h.say('定一个十分钟的计时器', 'timer');
    const more = await h.say('再加五分钟', 'timer');
    chinese(more.reply.text);
    assert.match(more.reply.text, /加了5分钟.*还剩15分钟/);
    const scheduler = createScheduler({ store: h.store, onFire: () => undefined });
    assert.equal((await scheduler.list()).length, 1, 'the timer is moved, not doubled');
    assert.match((await h.say('暂停一下计时器', 'timer')).reply.text, /不能暂停/);
    assert.equal((await scheduler.list()).length, 1, 'pausing cancels nothing');
    await h.say('再加一个三分钟的计时器', 'timer');
    assert.equal((await scheduler.list()).length, 2, '再加一个 is another timer');
  });

  it('timers ask for a length and take 一个半小时 as the answer', async () => {
    const h = await createHarness();
    const ask = await h.say('帮我定个计时器', 'timer');
    assert.equal(ask.reply.expectsAnswer, true);
    chinese(ask.reply.text);
    const answer = await h.say('呃 一个半小时吧', null);
    assert.equal(answer.understanding.slots['duration'], 5_400_000);
    assert.match(answer.reply.text, /1小时30分钟/);
  });

  it('alarms read 明天早上七点 and say the day back', async () => {
    const h = await createHarness();
    const r = await h.say('明天早上七点叫醒我', 'alarm');
    chinese(r.reply.text);
    assert.match(r.reply.text, /明天7:00/);
  });

  it('reminders keep the task in the user words, said back to them', async () => {
    const h = await createHarness();
    const r = await h.say('提醒我明天下午三点给我妈打电话', 'reminder_update');
    assert.equal(r.understanding.slots['task'], '给你妈打电话');
    assert.match(r.reply.text, /明天15:00/);
    assert.match(r.reply.text, /给你妈打电话/);
    const later = await h.say('十分钟后提醒我喝水', 'reminder_update');
    assert.match(later.reply.text, /今天10:10.*喝水|喝水.*今天10:10/);
    const list = await h.say('我有哪些提醒', 'reminder');
    assert.match(list.reply.text, /你有2个提醒/);
  });

  it('a reminder with a time and no task asks for the task (明天早上八点提醒我 is no reminder to "你")', async () => {
    const h = await createHarness();
    const r = await h.say('明天早上八点提醒我', 'reminder_update');
    assert.equal(r.understanding.slots['task'], undefined);
    chinese(r.reply.text);
    const task = await h.say('开会', null);
    assert.equal(task.understanding.slots['task'], '开会');
    assert.match(task.reply.text, /明天8:00/);
    const us = await h.say('下午三点提醒我们', 'reminder_update');
    assert.equal(us.understanding.slots['task'], undefined);
  });

  it('an English question interrupted by a Chinese turn is asked again in Chinese', async () => {
    const h = await createHarness();
    const ask = await h.say('call me', 'change_user_name', undefined, 'en');
    assert.doesNotMatch(ask.reply.text, /\p{Script=Han}/u);
    const time = await h.say('现在几点', 'time', undefined, 'zh');
    chinese(time.reply.text);
    assert.match(time.reply.text, /称呼|叫你|名字/);
  });

  it('lists: 再加个香蕉 adds 香蕉, in the user words', async () => {
    const h = await createHarness();
    await h.say('把牛奶和鸡蛋加到购物清单', 'shopping_list_update');
    const more = await h.say('再加个香蕉', null);
    assert.deepEqual(more.understanding.slots['add'], ['香蕉']);
    assert.deepEqual(await h.store.skillData('builtin.shopping-list').get('items'), ['牛奶', '鸡蛋', '香蕉']);
    const show = await h.say('购物清单上有什么', 'shopping_list');
    assert.match(show.reply.text, /购物清单上有3项：牛奶、鸡蛋和香蕉/);
    const check = await h.say('购物清单里有牛奶吗', 'shopping_list');
    assert.match(check.reply.text, /有的，牛奶在购物清单上/);
    const removed = await h.say('把鸡蛋从购物清单删掉', 'shopping_list_update');
    assert.match(removed.reply.text, /鸡蛋/);
    chinese(removed.reply.text);
  });

  it('lists: clearing asks first, and 好的 confirms', async () => {
    const h = await createHarness();
    await h.say('待办加一条：交水费', 'todo_list_update');
    const ask = await h.say('清空待办清单', 'todo_list_update');
    assert.match(ask.reply.text, /确定要清空待办清单/);
    const done = await h.say('好的', null);
    assert.equal(done.understanding.action, 'confirm');
    chinese(done.reply.text);
    assert.deepEqual(await h.store.skillData('builtin.todo-list').get('items'), []);
  });

  it('calculator reads Chinese arithmetic and follows up on it', async () => {
    const h = await createHarness();
    const r = await h.say('七乘以八等于多少', 'calculator');
    assert.match(r.reply.text, /56/);
    chinese(r.reply.text.replace(/\d+/g, ''));
    const twice = await h.say('再乘以二呢', null);
    assert.match(twice.reply.text, /112/);
    assert.match((await h.say('80的15%是多少', 'calculator')).reply.text, /12/);
    assert.match((await h.say('一百除以四', 'calculator')).reply.text, /25/);
    assert.match((await h.say('一除以零', 'calculator')).reply.text, /除数不能为零/);
  });

  it('conversion reads Chinese units and answers with Chinese unit names', async () => {
    const h = await createHarness();
    const r = await h.say('5公里是多少英里', 'measurement_conversion');
    assert.match(r.reply.text, /3\.10686英里/);
    const then = await h.say('那10公里呢', null);
    assert.match(then.reply.text, /6\.21371英里/);
    assert.match((await h.say('100斤等于多少公斤', 'measurement_conversion')).reply.text, /50公斤/);
    assert.match((await h.say('华氏100度是多少摄氏度', 'measurement_conversion')).reply.text, /37\.7778摄氏度/);
  });

  it('energy conversions name their units in Chinese, English unit names or not', async () => {
    const h = await createHarness();
    // No English unit name in the reply (the result's wording is drawn from a few).
    const say = async (t: string) => {
      const text = (await h.say(t, 'measurement_conversion')).reply.text;
      assert.doesNotMatch(text, /[a-z]/i, t);
      return text;
    };
    assert.match(await say('800 kj 等于多少 kcal'), /191\.205千卡/);
    assert.match(await say('2 kwh 是多少 j'), /7200000焦耳/);
    assert.match(await say('250千卡是多少千焦'), /1046千焦/);
    assert.match(await say('一块蛋糕350卡路里，换算成千焦是多少'), /1464\.4千焦/);
    assert.match(await say('5度电等于多少千焦'), /18000千焦/);
    // Units of two dimensions name the dimension in Chinese too.
    assert.match(await say('3千卡是多少公里'), /一个是能量/);
    // 千 after a numeral is a thousand, never the kilo of a unit.
    assert.doesNotMatch(await say('两千卡是多少千焦'), /8\.368千焦/);
    assert.match(await say('1千瓦时是多少焦耳'), /3600000焦耳/);
  });

  it('dice, coin, spelling, names, jokes and small talk answer in Chinese', async () => {
    const h = await createHarness();
    chinese((await h.say('掷两个骰子', 'roll_dice')).reply.text);
    chinese((await h.say('抛个硬币，我猜正面', 'flip_coin')).reply.text);
    const spelled = await h.say('necessary怎么拼', 'spelling');
    assert.match(spelled.reply.text, /N-E-C-E-S-S-A-R-Y.*9个字母/);
    assert.match((await h.say('“饕餮”怎么拼', 'spelling')).reply.text, /汉字/);
    const name = await h.say('以后叫我小王吧', 'change_user_name');
    assert.equal(name.understanding.slots['name'], '小王');
    assert.match((await h.say('我叫什么名字', 'user_name')).reply.text, /小王/);
    chinese((await h.say('讲个笑话', 'tell_joke')).reply.text);
    chinese((await h.say('你好', 'greeting')).reply.text);
    chinese((await h.say('你能做什么', 'what_can_i_ask_you')).reply.text);
  });

  it('intents no skill answers get an honest Chinese "not here yet"', async () => {
    const h = await createHarness();
    const r = await h.say('帮我订一张去上海的机票', 'book_flight');
    assert.match(r.reply.text, /订机票/);
    assert.match(r.reply.text, /离线/);
    chinese(r.reply.text);
    for (const q of r.reply.quickReplies ?? []) assert.match(q.label, /\p{Script=Han}/u);
  });
});

describe('Chinese parsers of the built-in skills', () => {
  it('list requests', () => {
    assert.deepEqual(parseListRequestZh('购物清单加上鸡蛋和牛奶').add, ['鸡蛋', '牛奶']);
    assert.deepEqual(parseListRequestZh('往购物清单里加两斤苹果').add, ['两斤苹果']);
    assert.deepEqual(parseListRequestZh('鸡蛋不要了').remove, ['鸡蛋']);
    assert.deepEqual(parseListRequestZh('把oat milk加到清单').add, ['oat milk']);
    assert.deepEqual(parseListRequestZh('有没有香蕉').check, ['香蕉']);
    // "X too" keeps only X, whether read as a request or as a follow-up's items.
    assert.deepEqual(splitItemsZh('香蕉也要'), ['香蕉']);
    assert.deepEqual(splitItemsZh('牛奶也买一下'), ['牛奶']);
    assert.equal(parseListRequestZh('把待办清单全部删掉').clear, true);
    assert.deepEqual(parseListRequestZh('购物清单上有什么'), { add: [], remove: [], check: [], clear: false });
  });

  it('arithmetic', () => {
    assert.equal(toSymbolsZh('三加五等于几'), '3 + 5');
    assert.equal(toSymbolsZh('八十的百分之十五是多少'), '15% * 80');
    assert.equal(toSymbolsZh('2的3次方'), '2 ^ 3');
    assert.equal(toSymbolsZh('根号16'), '√16');
    assert.equal(toSymbolsZh('帮我算一下12乘7'), '12 * 7');
    assert.equal(toSymbolsZh('今天天气怎么样'), undefined);
  });

  it('conversions and dice', () => {
    assert.deepEqual(parseConversionZh('把30摄氏度换算成华氏度'), { amount: 30, from: 'celsius', to: 'fahrenheit' });
    assert.deepEqual(parseConversionZh('一英里等于几公里'), { amount: 1, from: 'mile', to: 'kilometer' });
    assert.deepEqual(parseConversionZh('换成英里呢'), { to: 'mile' });
    assert.deepEqual(parseDice('掷一个二十面的骰子'), { count: 1, sides: 20 });
    assert.deepEqual(parseDice('扔3颗骰子'), { count: 3, sides: 6 });
  });
});
