/**
 * Classes of Chinese failures seen in people's dialogues (issues 13 and 15, round 9): bills shared
 * among people, prices of each thing counted, a day and its clock time said apart, remarks said after
 * a task or a list item. Each test pins the class with sentences written for it, not copied from a
 * dialogue set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedAmongZh, toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { answersConfirmZh } from '../../../src/lang/zh/zh-turn-words.ts';
import { parseConversionZh } from '../../../src/lang/zh/zh-units.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

describe('Chinese bills shared and prices of each', () => {
  it('an amount shared among people (AA, 平摊, 分) is divided by them, in either order', () => {
    assert.equal(toSymbolsZh('打车120 三个人平摊 一人多少'), '120 / 3');
    assert.equal(toSymbolsZh('这顿火锅480 六个人AA制 每人出多少'), '480 / 6');
    assert.equal(toSymbolsZh('五个人分750块 每个人多少'), '750 / 5');
    assert.equal(toSymbolsZh('八个人去唱歌 一共花了960 平摊的话一人几块'), '960 / 8');
    // Each number is whole: a head count of two digits is not cut into the amount.
    assert.equal(toSymbolsZh('15个人分450 每人多少'), '450 / 15');
    assert.equal(toSymbolsZh('11个人平摊2200'), '2200 / 11');
    assert.equal(toSymbolsZh('20个人分4组'), undefined);
    assert.equal(toSymbolsZh('烧烤540七个人AA'), '540 / 7');
    // A score or minutes is no share.
    assert.equal(toSymbolsZh('3个人考了90分'), undefined);
    assert.equal(toSymbolsZh('两个人跑了20分钟'), undefined);
  });

  it('a count of things and the price of each (每…) is their product', () => {
    assert.equal(toSymbolsZh('五杯咖啡每杯十二块五 一共多少钱'), '5 * 12.5');
    assert.equal(toSymbolsZh('买了两箱牛奶 每箱六十 总共多少'), '2 * 60');
    assert.equal(toSymbolsZh('每本书二十八 买三本一共多少'), '28 * 3');
  });

  it('a digit after a money word that counts something is no tenths', () => {
    assert.equal(toSymbolsZh('三十块4个 一共多少'), undefined);
    assert.equal(toSymbolsZh('一百元3次'), undefined);
    assert.equal(toSymbolsZh('八块五乘二'), '8.5 * 2');
  });

  it('reads another number of people to share among as a follow-up', () => {
    assert.equal(sharedAmongZh('那要是七个人平摊呢'), 7);
    assert.equal(sharedAmongZh('换成3个人AA的话'), 3);
    assert.equal(sharedAmongZh('九个人呢 每人多少'), 9);
    assert.equal(sharedAmongZh('那要是七个人来呢'), undefined);
  });

  it('shares the same amount among other people in the next turn', async () => {
    const h = await createHarness();
    const first = await h.say('KTV唱歌花了600 三个人AA 一人多少', 'calculator');
    assert.match(first.reply.text, /(?<![\d.])200。$/);
    const again = await h.say('那要是四个人分呢', 'calculator');
    assert.equal(again.understanding.slots['expression'], '600 / 4');
    assert.match(again.reply.text, /(?<![\d.])150。$/);
  });
});

describe('Chinese day and clock time said apart', () => {
  const at = (text: string) =>
    extractEntities(text, { now: NOW, timeZone: ZONE })
      .filter((e) => e.kind === 'datetime' || e.kind === 'time')
      .map((e) => e.value);

  it('a day, a pause, then a clock time with its day part is one date-time', () => {
    assert.deepEqual(at('后天吧 晚上七点'), ['2026-11-28T19:00:00+01:00']);
    assert.deepEqual(at('下周三 上午十点半'), ['2026-12-02T10:30:00+01:00']);
    assert.deepEqual(at('明天 中午'), []);
  });

  it('a day said with its day part keeps it; a clock time after a pause with no day part of its own joins it', () => {
    assert.deepEqual(at('周五晚上 八点吧'), ['2026-11-27T20:00:00+01:00']);
  });
});

describe('Chinese task words and list items kept whole (remark stripping reverted to main)', () => {
  it('keeps what follows the task: a message, a choice (要不要), a place', async () => {
    for (const [said, task] of [
      ['明早八点提醒我告诉小张 下午别迟到', '告诉小张 下午别迟到'],
      ['晚上提醒我问问老公 要不要去看电影', '问问老公 要不要去看电影'],
      ['下午五点提醒我取快递 在东门', '取快递 在东门'],
    ] as const) {
      const h = await createHarness();
      const r = await h.say(said, 'reminder_update');
      assert.equal(r.understanding.slots['task'], task.replace(/我/gu, '你'), said);
    }
  });

  it('a quantity alone after a list item adds no item; a verb phrase or a person is no item', () => {
    assert.deepEqual(parseListRequestZh('葱也要啊 三根').add, ['葱']);
    assert.deepEqual(parseListRequestZh('加上牙膏，要不要再加牙刷').add, ['牙膏', '牙刷']);
    assert.deepEqual(parseListRequestZh('他要五个').add, []);
    assert.deepEqual(parseListRequestZh('那个要三瓶').add, []);
    assert.deepEqual(parseListRequestZh('小李也来').add, []);
    assert.deepEqual(parseListRequestZh('米也来一袋 东北大米').add, ['东北大米']);
    assert.deepEqual(parseListRequestZh('购物清单帮我add一下 燕麦片').add, ['燕麦片']);
  });
});

describe('Chinese yes and no to a confirmation', () => {
  it('a refusal after "don\'t ask again" is still a no', () => {
    assert.equal(answersConfirmZh('别再问了 不删'), 'no');
    assert.equal(answersConfirmZh('不用确认了 不行'), 'no');
    assert.equal(answersConfirmZh('别问了 还是算了'), 'no');
    assert.equal(answersConfirmZh('哎等下 先别删 还没抄下来'), 'no');
  });

  it('a clear said with 一键 or 全部…清掉 clears the list', () => {
    assert.equal(parseListRequestZh('购物清单一键清空吧').clear, true);
    assert.equal(parseListRequestZh('待办全部一键删了').clear, true);
    assert.equal(parseListRequestZh('把鸡蛋删了').clear, false);
  });
});

describe('Chinese amounts said in Chinese units and decimals', () => {
  it('两 after a numeral is the weight, 一米七 is 1.7 m, 零下 is below zero, and what is measured may follow', () => {
    assert.deepEqual(parseConversionZh('二两茶叶等于多少克'), { amount: 2, from: 'liang', to: 'gram' });
    assert.deepEqual(parseConversionZh('一米七二是几英尺'), { amount: 1.72, from: 'meter', to: 'foot' });
    assert.deepEqual(parseConversionZh('那1米9的篮球运动员呢'), { amount: 1.9, from: 'meter' });
    assert.deepEqual(parseConversionZh('那零下五度换过来是多少'), { amount: -5, from: 'celsius' });
    assert.deepEqual(parseConversionZh('那两斤排骨呢'), { amount: 2, from: 'jin' });
    // 三两个 is a rough count, no weight.
    assert.deepEqual(parseConversionZh('三两个人'), {});
    assert.deepEqual(parseConversionZh('三两天'), {});
  });

  it('a follow-up in Chinese units converts to the unit asked before', async () => {
    const h = await createHarness();
    await h.say('四两牛肉是多少克', 'measurement_conversion');
    const r = await h.say('那一斤牛腩呢', 'measurement_conversion');
    assert.match(r.reply.text, /500克/);
  });
});

describe('Chinese requests with English words in them', () => {
  it('the English verb of a spelling request is not the word to spell', async () => {
    for (const [said, word] of [
      ['麻烦spell一下 restaurant', 'restaurant'],
      ['帮我check下spelling: necessary', 'necessary'],
      ['spell怎么拼', 'spell'],
    ] as const) {
      const h = await createHarness();
      const r = await h.say(said, 'spelling');
      assert.equal(r.understanding.slots['word'], word, said);
    }
  });
});

describe('Chinese alarms pointed at without their time', () => {
  it('cancels the one named by its place or its day part, and the question after reads the one left', async () => {
    const h = await createHarness();
    await h.say('明天早上七点定个闹钟', 'alarm');
    await h.say('晚上九点也来一个闹钟', 'alarm');
    await h.say('晚上那个不要了', 'alarm');
    const left = await h.say('闹钟还剩哪几个', 'alarm');
    assert.match(left.reply.text, /7:00/);
    assert.doesNotMatch(left.reply.text, /21:00/);

    const g = await createHarness();
    await g.say('明天早上五点半定个闹钟', 'alarm');
    await g.say('明天早上五点五十再定一个', 'alarm');
    await g.say('第一个闹钟删了吧', 'alarm');
    const after = await g.say('现在还剩几个闹钟', 'alarm');
    assert.match(after.reply.text, /5:50/);
    assert.doesNotMatch(after.reply.text, /5:30/);
  });
});

describe('the shared arithmetic run (English)', () => {
  it('reads a leading decimal and leaves half sums alone', async () => {
    const { arithmeticRun } = await import('../../../src/skills/builtin/expression.ts');
    assert.equal(arithmeticRun('ok so what is .75 * 12 then'), '.75 * 12');
    assert.equal(arithmeticRun('tell me 9 + 2 -'), undefined);
    assert.equal(arithmeticRun('numbers 5 6 * 2'), undefined);
  });

  it('a digit run of thousands of digits is read at once', () => {
    const start = performance.now();
    toSymbolsZh('7'.repeat(2000) + '个人AA');
    assert.ok(performance.now() - start < 2000);
  });
});

describe('Chinese 两 before a unit or a time span', () => {
  it('is the rough count "one or two", not the weight', () => {
    for (const said of ['一两英里是多少公里', '三两小时换成分钟', '一两周是几天']) {
      assert.notEqual(parseConversionZh(said).from, 'liang', said);
    }
    assert.equal(parseConversionZh('三两肉是多少克').from, 'liang');
  });
});
