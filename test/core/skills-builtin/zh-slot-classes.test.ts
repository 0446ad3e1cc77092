/**
 * Classes of Chinese slot and reply failures seen in people's dialogues (issue 13): each test pins
 * the class with forms of it, not one sentence. Parsers are tested directly; the replies through
 * the dialogue stack with a scripted intent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCorrection, stripCue } from '../../../src/dialogue/cues.ts';
import { zhFormat } from '../../../src/lang/zh/zh-format.ts';
import { toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { parseListRequestZh, splitItemsZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { parseConversionZh } from '../../../src/lang/zh/zh-units.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import type { Entity } from '../../../src/nlu/types.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

const times = (text: string): [string, string, unknown][] =>
  extractEntities(text, { now: NOW, timeZone: ZONE })
    .filter((e: Entity) => e.kind === 'date' || e.kind === 'time' || e.kind === 'datetime')
    .map((e: Entity) => [e.kind, e.text, e.value]);
const at = (text: string): unknown =>
  extractEntities(text, { now: NOW, timeZone: ZONE }).find((e: Entity) => e.kind === 'time' || e.kind === 'datetime')
    ?.value;

describe('Chinese times and dates said the way people say them', () => {
  it('minutes before the hour: 差五分十点, 十点差五分, 差一刻九点', () => {
    assert.equal(at('明天上午差五分十点提醒我进会议室'), '2026-11-27T09:55:00+01:00');
    assert.equal(at('今晚差五分十点提醒我吃药'), '2026-11-26T21:55:00+01:00');
    assert.equal(at('明天差一刻九点提醒我出门'), '2026-11-27T08:45:00+01:00');
    assert.equal(at('明早差十分六点吧'), '2026-11-27T05:50:00+01:00');
    assert.equal(at('明天十点差五分'), '2026-11-27T09:55:00+01:00');
  });

  it('a day and its clock time said apart keep together (明天早上帮我定个八点的闹钟)', () => {
    assert.deepEqual(times('那个啥 明天早上帮我定个八点的闹钟哈'), [
      ['date', '明天早上', '2026-11-27'],
      ['datetime', '八点', '2026-11-27T08:00:00+01:00'],
    ]);
    assert.equal(at('今晚帮我十点提醒一下'), '2026-11-26T22:00:00+01:00');
    // A clause break ends the day: the time after it is read on its own.
    assert.deepEqual(
      times('明天要早起，三点提醒我').map(([kind]) => kind),
      ['date', 'time'],
    );
  });

  it('minutes and a half: 两分半, 十二分半钟, 一分半', () => {
    const length = (text: string) =>
      extractEntities(text, { now: NOW, timeZone: ZONE }).find((e: Entity) => e.kind === 'duration')?.value;
    assert.equal(length('两分半就行'), 150_000);
    assert.equal(length('计时十二分半钟'), 750_000);
    assert.equal(length('不对不对 改成一分半'), 90_000);
    assert.equal(length('五分钟'), 300_000);
  });

  it('一点 after a word it grades is "a little", not one o’clock', () => {
    assert.deepEqual(times('嗯……还是保险一点，改到五点二十'), [['time', '五点二十', '2026-11-26T17:20:00+01:00']]);
    assert.deepEqual(times('早一点吧'), []);
    assert.deepEqual(times('快一点儿'), []);
    assert.equal(at('下午一点开会'), '2026-11-26T13:00:00+01:00');
    assert.equal(at('改到一点'), '2026-11-26T13:00:00+01:00');
    assert.equal(at('明天一点提醒我'), '2026-11-27T13:00:00+01:00');
  });
});

describe('Chinese corrections open with an interjection or an apology', () => {
  it('reads 哦不对, 诶不对, 还是改到, 不好意思还是改成 as corrections and strips them', () => {
    for (const [text, rest] of [
      ['哦不对 八点一刻', '八点一刻'],
      ['诶不对 六点二十', '六点二十'],
      ['还是改到七点半吧', '七点半'],
      ['不好意思，还是改成张姐吧', '张姐'],
      ['不对 我是说99乘98', '99乘98'],
    ] as const) {
      assert.equal(isCorrection(text), true, text);
      assert.equal(stripCue(text), rest, text);
    }
    assert.equal(isCorrection('还是算了吧'), false);
    assert.equal(isCorrection('好的谢谢'), false);
  });
});

describe('Chinese conversions and sums inside longer sentences', () => {
  it('finds the amount, its unit and the unit asked for with words around them', () => {
    assert.deepEqual(parseConversionZh('菜谱上写要 8 盎司的黄油，请问这是多少克'), {
      amount: 8,
      from: 'ounce',
      to: 'gram',
    });
    assert.deepEqual(parseConversionZh('孩子体温量出来是 101 华氏度，换成摄氏度是多少'), {
      amount: 101,
      from: 'fahrenheit',
      to: 'celsius',
    });
    assert.deepEqual(parseConversionZh('三公里大约等于多少英里'), { amount: 3, from: 'kilometer', to: 'mile' });
    assert.deepEqual(parseConversionZh('等一下 先帮我看看350克等于几两'), { amount: 350, from: 'gram', to: 'liang' });
  });

  it('reads X斤半, 零下十度 and an English unit symbol in a Chinese follow-up', () => {
    assert.equal(parseConversionZh('请问两斤半是多少克').amount, 2.5);
    assert.deepEqual(parseConversionZh('那零下十度呢'), { amount: -10, from: 'celsius' });
    assert.deepEqual(parseConversionZh('换10km呢'), { amount: 10, from: 'kilometer' });
  });

  it('reads discounts, sums in one clause of a turn, spaces around digits and counted things', () => {
    assert.equal(toSymbolsZh('100块打八五折多少钱'), '100 * 85%');
    assert.equal(toSymbolsZh('80块钱的八折是多少'), '80 * 80%');
    assert.equal(toSymbolsZh('先不说这个，你帮我算算 128 乘以 6 是多少'), '128 * 6');
    assert.equal(toSymbolsZh('七乘以八是多少来着'), '7 * 8');
    assert.equal(toSymbolsZh('再除以 30 天呢，平均一天多少？'), '/ 30');
    // Two numbers with nothing between them are not one sum.
    assert.equal(toSymbolsZh('我有3个苹果5个梨'), undefined);
  });

  it('continues the last sum when a turn opens with an operator, whether read as a follow-up or a new request', async () => {
    const h = await createHarness();
    await h.say('一百加二十', 'calculator');
    const less = await h.say('再减去12', 'calculator');
    assert.equal(less.understanding.slots['expression'], '(100 + 20) - 12');
    assert.match(less.reply.text, /108/);
    const fresh = await h.say('5乘6', 'calculator');
    assert.equal(fresh.understanding.slots['expression'], '5 * 6');
  });

  it('follows a sum up with a new discount, and answers without thousands commas', async () => {
    const h = await createHarness();
    const first = await h.say('100块打八五折多少钱', 'calculator');
    assert.match(first.reply.text, /85/);
    const again = await h.say('那打七折呢', 'calculator');
    assert.match(again.reply.text, /70/);
    const big = await h.say('算一下三百六十五乘二十四', 'calculator');
    assert.match(big.reply.text, /8760/);
    assert.equal(zhFormat.number(525600), '525600');
  });
});

describe('Chinese list items in the user words, without the wrapper', () => {
  it('takes off counted intros, list names people use, interjections and trailing 也', () => {
    const adds = (text: string) => parseListRequestZh(text).add;
    assert.deepEqual(adds('shopping list加两样：cheese跟bread'), ['cheese', 'bread']);
    assert.deepEqual(adds('麻烦在待办清单上添两件事：去银行办卡、给车做保养'), ['去银行办卡', '给车做保养']);
    assert.deepEqual(adds('行 那在任务清单里记一笔：订回家的车票'), ['订回家的车票']);
    assert.deepEqual(adds('买菜单子上加个土豆'), ['土豆']);
    assert.deepEqual(adds('买东西的单子上加鸡蛋'), ['鸡蛋']);
    assert.deepEqual(adds('明天要去超市，请帮我把洗衣液、卫生纸记在要买的东西里'), ['洗衣液', '卫生纸']);
    assert.deepEqual(adds('购物清单帮我加埋柠檬茶'), ['柠檬茶']);
    assert.deepEqual(adds('顺便把一盒鸡蛋也加上'), ['一盒鸡蛋']);
    assert.deepEqual(adds('写差评也加上'), ['写差评']);
    assert.deepEqual(splitItemsZh('呃 酸奶吧'), ['酸奶']);
  });

  it('reads a removal said as a topic, clauses split at a typed space, and questions that only read', () => {
    assert.deepEqual(parseListRequestZh('苹果家里还有，去掉吧').remove, ['苹果']);
    assert.deepEqual(parseListRequestZh('葱家里有 删了吧').remove, ['葱']);
    const both = parseListRequestZh('加四个橙子 把酱油去掉');
    assert.deepEqual([both.add, both.remove], [['四个橙子'], ['酱油']]);
    assert.deepEqual(parseListRequestZh('清单里挂面还在吧？').check, ['挂面']);
    for (const read of [
      '那待办清单现在还剩什么',
      '那算了。购物清单上现在都有什么',
      '那清单上现在应该什么都没有了吧？',
    ]) {
      const r = parseListRequestZh(read);
      assert.deepEqual([r.add, r.remove, r.check], [[], [], []], read);
    }
  });

  it('adds bare quantities and what follows 还有 when no verb says otherwise', () => {
    assert.deepEqual(parseListRequestZh('嗯还有半斤虾仁').add, ['半斤虾仁']);
    assert.deepEqual(parseListRequestZh('五斤黄心土豆').add, ['五斤黄心土豆']);
    assert.deepEqual(parseListRequestZh('还有什么').add, []);
    assert.deepEqual(parseListRequestZh('加一个 改简历').add, ['改简历']);
  });

  it('removes the one stored item a shorter name points to, and reads the list on 念一下', async () => {
    const h = await createHarness();
    await h.say('购物清单加两斤苹果和牛奶', 'shopping_list_update');
    const off = await h.say('把苹果划掉', 'shopping_list_update');
    assert.match(off.reply.text, /两斤苹果/);
    const read = await h.say('念一下买菜清单听听', 'shopping_list');
    assert.match(read.reply.text, /牛奶/);
    assert.doesNotMatch(read.reply.text, /苹果/);
  });
});

describe('Chinese reminders and alarms', () => {
  it('keep 去 in the task, drop 提醒下我 and the time, and read 设一个：…', async () => {
    const h = await createHarness();
    const bank = await h.say('提醒我明天早上9点去银行', 'reminder_update');
    assert.equal(bank.understanding.slots['task'], '去银行');
    const clothes = await h.say('20分钟以后提醒下我晾衣服', 'reminder_update');
    assert.equal(clothes.understanding.slots['task'], '晾衣服');
    const office = await h.say('那麻烦你帮我设一个：星期一上午九点去社保局办手续', 'reminder_update');
    assert.equal(office.understanding.slots['task'], '去社保局办手续');
    assert.equal(office.understanding.slots['when'], '2026-11-30T09:00:00+01:00');
    const mixed = await h.say('remind我明天下午三点打疫苗', 'reminder_update');
    assert.equal(mixed.understanding.slots['task'], '打疫苗');
  });

  it('apply a lead time (提前十分钟) and read reminders when the question names a time', async () => {
    const h = await createHarness();
    const call = await h.say('我十一点半有个电话会议，麻烦你提前十分钟提醒我', 'reminder_update');
    assert.equal(call.understanding.slots['when'], '2026-11-26T11:20:00+01:00');
    assert.match(call.reply.text, /11:20/);
    const read = await h.say('我今天一共有几个提醒', 'reminder');
    assert.match(read.reply.text, /你有1个提醒/);
    // The lead time said after the task, in a clause of its own, is no part of the task.
    const after = await h.say('提醒我明天下午三点半去医院复诊，提前十分钟', 'reminder_update');
    assert.equal(after.understanding.slots['task'], '去医院复诊');
    assert.equal(after.understanding.slots['when'], '2026-11-27T15:20:00+01:00');
  });

  it('a correction that says two times takes the last one, in the half of the day of the first', async () => {
    const h = await createHarness();
    await h.say('下午两点提醒我开会', 'reminder_update');
    const fixed = await h.say('不是两点 是三点', 'reminder_update');
    assert.equal(fixed.understanding.slots['when'], '2026-11-26T15:00:00+01:00');
    const k = await createHarness();
    await k.say('下午三点提醒我去幼儿园接孙子', 'reminder_update');
    const later = await k.say('不对，幼儿园今天四点才放学，改成三点四十五吧', 'reminder_update');
    assert.equal(later.understanding.slots['when'], '2026-11-26T15:45:00+01:00');
    assert.match(later.reply.text, /15:45/);
  });

  it('the time after 提醒我 is not taken for 提醒下我 (下午五点 keeps its 下)', async () => {
    const h = await createHarness();
    const r = await h.say('那行吧 就提醒我下午五点开会', 'reminder_update');
    assert.equal(r.understanding.slots['task'], '开会');
    assert.equal(r.understanding.slots['when'], '2026-11-26T17:00:00+01:00');
  });

  it('an alarm said with a bare hour from 4 to 9 wakes in the morning; a said half of the day is kept', async () => {
    const h = await createHarness();
    const early = await h.say('帮我定一个六点一刻的闹钟', 'alarm');
    assert.equal(early.understanding.slots['time'], '2026-11-27T06:15:00+01:00');
    assert.match(early.reply.text, /明天6:15/);
    const evening = await h.say('定个晚上八点的闹钟', 'alarm');
    assert.equal(evening.understanding.slots['time'], '2026-11-26T20:00:00+01:00');
    const noon = await h.say('定个十一点的闹钟', 'alarm');
    assert.equal(noon.understanding.slots['time'], '2026-11-26T11:00:00+01:00');
  });
});

describe('Chinese names', () => {
  it('reads 叫老周吧 and 称呼我为李老师, and never keeps a question word as a name', async () => {
    const h = await createHarness();
    assert.equal((await h.say('叫老周吧', 'change_user_name')).understanding.slots['name'], '老周');
    assert.equal((await h.say('以后请称呼我为李老师', 'change_user_name')).understanding.slots['name'], '李老师');
    await h.say('叫我小张', 'change_user_name');
    const fixed = await h.say('不好意思，还是改成张姐吧，显得年轻一点', 'change_user_name');
    assert.equal(fixed.understanding.slots['name'], '张姐');
    const ask = await h.say('我叫啥你还记得吗', 'change_user_name');
    assert.doesNotMatch(ask.reply.text, /记住了|以后就这么叫你/);
  });
});

describe('Chinese cities', () => {
  it('the time skills know the provincial capitals and big cities of China, said in Chinese', async () => {
    const h = await createHarness();
    const zone = await h.say('对了，乌鲁木齐用的是哪个时区来着', 'timezone');
    assert.equal(zone.understanding.slots['place'], '乌鲁木齐');
    assert.match(zone.reply.text, /乌鲁木齐.*GMT\+8/);
    for (const city of ['哈尔滨', '昆明', '厦门', '澳门']) {
      const r = await h.say(`${city}现在几点`, 'time');
      assert.match(r.reply.text, new RegExp(`${city}.*17:00`), city);
    }
  });
});
