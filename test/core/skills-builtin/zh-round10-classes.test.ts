/**
 * Classes of Chinese failures seen in people's dialogues (issues 13 and 15, round 10): sums said the way
 * students and office workers say them (a discount and its price apart, a weight 占 a share, a rate per
 * hour times the hours, a share that restates its divisor), remarks after a task or an item, take-backs.
 * Each test pins the class with sentences written for it, not copied from a dialogue set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { answersConfirmZh, asksWhatIsSetZh } from '../../../src/lang/zh/zh-turn-words.ts';
import { parseConversionZh } from '../../../src/lang/zh/zh-units.ts';
import { taggedValues } from '../../../src/dialogue/slots.ts';
import { createHarness } from '../dialogue/harness.ts';

describe('Chinese sums said apart', () => {
  it('a discount and the price it is taken off, said apart in either order', () => {
    assert.equal(toSymbolsZh('外套打八五折 标价360 现在多少'), '360 * 85%');
    assert.equal(toSymbolsZh('标价199 店里打六折 多少钱'), '199 * 60%');
    // A count after the discount is no price: "买3件" stays out.
    assert.equal(toSymbolsZh('24打75折 买3件'), '24 * 75%');
    assert.equal(toSymbolsZh('打八折'), undefined);
  });

  it('a weight (占 N%) and what it weighs, in either order', () => {
    assert.equal(toSymbolsZh('作业成绩80 占25%'), '25% * 80');
    assert.equal(toSymbolsZh('期中占百分之三十 考了90'), '30% * 90');
  });

  it('a rate for one unit times how many units', () => {
    assert.equal(toSymbolsZh('兼职每小时30 干了两个半小时 一共多少'), '30 * 2.5');
    assert.equal(toSymbolsZh('一晚三百二 住了四晚 一共多少'), '320 * 4');
    assert.equal(toSymbolsZh('家教一节课150 上了6节课 一共'), '150 * 6');
    // A duration alone is no rate.
    assert.equal(toSymbolsZh('1小时45分钟'), undefined);
  });

  it('a share that restates the divisor divides once', () => {
    assert.equal(toSymbolsZh('900除以三 3个人平摊'), '900 / 3');
    assert.equal(toSymbolsZh('720除以6 六个人AA'), '720 / 6');
  });

  it('follow-ups: another price for the same discount, a step with a reason after it', async () => {
    const h = await createHarness();
    const first = await h.say('帮我算一下 外套打八五折 标价360 现在多少', 'calculator');
    assert.match(first.reply.text, /(?<![\d.])306。$/);
    const other = await h.say('那400的呢', 'calculator');
    assert.match(other.reply.text, /(?<![\d.])340。$/);
    const step = await h.say('再除以2 两个人分着穿', 'calculator');
    assert.match(step.reply.text, /(?<![\d.])170。$/);
  });
});

describe('Chinese remarks after a task or an item', () => {
  it('a feeling, a change, how long, a word to oneself or a reason after the item is no item', () => {
    assert.deepEqual(parseListRequestZh('购物清单加个牙刷 我的都开叉了 烦死了').add, ['牙刷']);
    assert.deepEqual(parseListRequestZh('待办加个 还信用卡 又到月初了').add, ['还信用卡']);
    assert.deepEqual(parseListRequestZh('待办加上 复习高数 不然又要挂科').add, ['复习高数']);
    // Why it is dropped, said right after it: "太贵了", "有点辣".
    assert.deepEqual(parseListRequestZh('榴莲太贵了 不要了').remove, ['榴莲']);
    assert.deepEqual(parseListRequestZh('辣条有点辣 不买了').remove, ['辣条']);
    assert.deepEqual(parseListRequestZh('太太乐鸡精不要了').remove, ['太太乐鸡精']);
  });

  it('keeps what only looks like a remark: a second item, a question of more, a use', () => {
    assert.deepEqual(parseListRequestZh('加上洗衣液，要不要再加柔顺剂').add, ['洗衣液', '柔顺剂']);
    assert.deepEqual(parseListRequestZh('购物清单加上牙膏 儿童用的').add, ['牙膏', '儿童用的']);
  });

  it('a remark after a reminder task is no part of it; a message passed on, a place and a second task stay', async () => {
    const cases: [string, string][] = [
      ['二十分钟后提醒我起来走走 坐了一下午了', '起来走走'],
      ['晚上十点提醒我背单词 不然又要挂科', '背单词'],
      ['一小时后提醒我收衣服 快下雨了', '收衣服'],
      ['晚上十一点提醒我放下手机 别再刷了', '放下手机'],
      ['明天早上提醒我跟组长说 周报晚点交了', '跟组长说 周报晚点交了'],
      ['明天提醒我告诉小王 别再迟到了', '告诉小王 别再迟到了'],
      ['中午提醒我吃药 在饭后', '吃药 在饭后'],
      ['下午三点提醒我交表 再把发票贴了', '交表 再把发票贴了'],
      ['半小时后提醒我下楼取快递', '下楼取快递'],
      ['提醒我下班前交日报', '下班前交日报'],
    ];
    for (const [said, task] of cases) {
      const h = await createHarness();
      const r = await h.say(said, 'reminder_update');
      assert.equal(r.understanding.slots['task'], task.replace(/我/gu, '你'), said);
    }
  });
});

describe('Chinese take-backs and yeses', () => {
  it('a name taken back in the same turn is the name said after it', async () => {
    const cases: [string, string][] = [
      ['以后叫我小林 说错了 是小琳', '小琳'],
      ['叫我大壮 算了 还是叫我壮哥吧', '壮哥'],
      ['叫我阿宁吧 不对 宁宁', '宁宁'],
      // 不是 says what the name is not.
      ['叫我老王 不是小王', '老王'],
    ];
    for (const [said, name] of cases) {
      const h = await createHarness();
      const r = await h.say(said, 'change_user_name');
      assert.equal(r.understanding.slots['name'], name, said);
    }
  });

  it('a yes said with feeling or in a dialect confirms; an emphatic phrase with a refusal denies', () => {
    for (const yes of [
      '中 删吧',
      '中中中',
      '对对对',
      '得嘞',
      '要得 清了吧',
      '是是是 删',
      '别问了',
      '不用再确认了 清吧',
    ])
      assert.equal(answersConfirmZh(yes), 'yes', yes);
    for (const no of ['别问了 不清', '不要再确认了 不可以', '别问了 算了', '不用问了，我不要了', '别确认了 不'])
      assert.equal(answersConfirmZh(no), 'no', no);
    for (const neither of ['对不起', '不对']) assert.equal(answersConfirmZh(neither), undefined, neither);
  });

  it('clears the list after a dialect or emphatic yes', async () => {
    for (const yes of ['中中 删了吧', '对对对 别问了']) {
      const h = await createHarness();
      await h.say('购物清单加上鸡蛋和牛奶', 'shopping_list_update');
      await h.say('把购物清单清空', 'shopping_list_update');
      const answer = await h.say(yes, 'shopping_list_update');
      assert.equal(answer.understanding.action, 'confirm', yes);
      assert.match(answer.reply.text, /清空/u, yes);
    }
  });
});

describe('Chinese reads and targets said loosely', () => {
  it('asks what is left on a list, or whether it is empty, without adding the question', () => {
    for (const read of ['还有什么没做的', '还有啥没买的', '那待办是不是空了', '购物单空了没'])
      assert.deepEqual(parseListRequestZh(read), { add: [], remove: [], check: [], clear: false }, read);
  });

  it('asks to list the alarms set ("给我列一下")', () => {
    assert.equal(asksWhatIsSetZh('把我定的几个闹钟都列一下'), true);
    assert.equal(asksWhatIsSetZh('把明早的闹钟报一下'), true);
  });

  it('a conversion target with what it is for after it, and 换算成', () => {
    assert.deepEqual(parseConversionZh('换成厘米 做衣服要用'), { to: 'centimeter' });
    assert.deepEqual(parseConversionZh('换算成公斤 体检表得用'), { to: 'kilogram' });
    assert.deepEqual(parseConversionZh('换算成磅'), { to: 'pound' });
  });

  it('lists the alarms and converts with the purpose said after the target, in dialogue', async () => {
    const h = await createHarness();
    await h.say('明早7点叫我起床', 'alarm');
    await h.say('再定一个7点半的', 'alarm');
    const list = await h.say('把我定的几个闹钟都列一下', 'alarm');
    assert.match(list.reply.text, /7:30/u);
    const c = await createHarness();
    await c.say('帮我换算一下 5英尺', 'measurement_conversion');
    const to = await c.say('换成厘米 做衣服要用', 'measurement_conversion');
    assert.match(to.reply.text, /152/u);
  });
});

describe('Chinese times kept and tasks not yet said', () => {
  it('another day at the same time said loosely (一样的点, 还是那个点) keeps the time of day', async () => {
    const cases: [string, string, string][] = [
      ['周五早上六点半的闹钟 要赶高铁', '周六也来一个 一样的点', '2026-11-28T06:30:00+01:00'],
      ['明天早上七点的闹钟', '改到后天 还是那个点', '2026-11-28T07:00:00+01:00'],
    ];
    for (const [first, again, time] of cases) {
      const h = await createHarness();
      await h.say(first, 'alarm');
      const r = await h.say(again, 'alarm');
      assert.equal(r.understanding.slots['time'], time, again);
    }
  });

  it('that there is something to be reminded of names no task: the task is asked', async () => {
    for (const said of ['提醒我一下 有件事', '帮我设个提醒 有点事', '提醒我 有事情']) {
      const h = await createHarness();
      const r = await h.say(said, 'reminder_update');
      assert.equal(r.understanding.slots['task'], undefined, said);
      assert.match(r.reply.text, /做什么/u, said);
    }
    // Nor do the slot tagger's words for it.
    for (const text of ['一下 有件事', '有事', '有点事情'])
      assert.deepEqual(
        taggedValues([{ kind: 'slot', name: 'task', text, start: 0, end: text.length, value: text }], 'task'),
        [],
        text,
      );
  });
});

describe('Chinese small hours in replies', () => {
  it('says 凌晨 before a time from 0:00 to 5:59, and nothing before others', async () => {
    const cases: [string, string, RegExp][] = [
      ['凌晨三点叫我起来看球', 'alarm', /凌晨3:00/u],
      ['凌晨零点半提醒我关电脑', 'reminder_update', /凌晨0:30/u],
      ['早上六点的闹钟', 'alarm', /(?<!凌晨)6:00/u],
      ['晚上十一点的闹钟', 'alarm', /(?<!凌晨)23:00/u],
    ];
    for (const [said, intent, reply] of cases) {
      const h = await createHarness();
      const r = await h.say(said, intent);
      assert.match(r.reply.text, reply, said);
    }
  });
});
