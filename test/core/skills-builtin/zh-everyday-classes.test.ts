/**
 * Classes of Chinese slot and reply failures seen in the held-out parts of people's dialogues
 * (issues 13 and 15, round 8): money said the way it is spoken, tips and totals, follow-ups that
 * scale or raise the last result. Each test pins the class with sentences written for it, not
 * copied from a dialogue set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scaleZh, toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { asksTimeLeftZh, notFunnyZh, requestIntentZh, thanksZh } from '../../../src/lang/zh/zh-turn-words.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { scheduleOp } from '../../../src/skills/builtin/timers.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

describe('Chinese money and shares in a sum', () => {
  it('reads 块/蚊 followed by a digit as tenths: 三块五 is 3.5, 四十五块钱 is 45', () => {
    assert.equal(toSymbolsZh('三块五加两块八等于多少'), '3.5 + 2.8');
    assert.equal(toSymbolsZh('六块5毛乘以4'), '6.5 * 4');
    assert.equal(toSymbolsZh('十蚊五加八蚊'), '10.5 + 8');
    assert.equal(toSymbolsZh('四十五块钱乘三'), '45 * 3');
  });

  it('reads a share in tenths (一成, 两成半) as a percentage', () => {
    assert.equal(toSymbolsZh('三百块的一成是多少'), '10% * 300');
    assert.equal(toSymbolsZh('八百的两成半'), '25% * 800');
  });

  it('三成五 is 35%, and 成 in a set phrase (一成不变, 八成是) is no share', () => {
    assert.equal(toSymbolsZh('一千的三成五是多少'), '35% * 1000');
    assert.equal(toSymbolsZh('两百的三成'), '30% * 200');
    assert.equal(toSymbolsZh('一成不变'), undefined);
    assert.equal(toSymbolsZh('八成是他算错了 3加5'), '3 + 5');
  });

  it('reads a tip said after the amount, with words around the sum', () => {
    assert.equal(toSymbolsZh('打车花了80 小费按15%算是多少'), '15% * 80');
    assert.equal(toSymbolsZh('这顿饭两百六，小费给百分之十'), '10% * 260');
    assert.equal(toSymbolsZh('三百蚊畀一成小费系几多'), '10% * 300');
  });

  it('sums prices listed one after another when the total is asked, never counted things', () => {
    assert.equal(toSymbolsZh('帮我算算 苹果十二块 香蕉六块五 牛奶二十 一共多少'), '12 + 6.5 + 20');
    assert.equal(toSymbolsZh('房租两千 水电三百 加起来多少钱'), '2000 + 300');
    // Weights and counts need a product nobody said: no guess.
    assert.equal(toSymbolsZh('苹果5斤 一斤3块 一共多少'), undefined);
    // 每 says the product: three people at 50 each (round 9).
    assert.equal(toSymbolsZh('我们3个人 每人50 一共多少'), '3 * 50');
    // Without a question of the total, two numbers side by side are still no sum.
    assert.equal(toSymbolsZh('白菜三块 猪肉二十'), undefined);
  });

  it('a total of hours, times, distances or floors is no total of prices; a weekday names, it does not price', () => {
    assert.equal(toSymbolsZh('周一3小时 周二5小时 一共多少'), undefined);
    assert.equal(toSymbolsZh('10点开会 11点结束 一共多久'), undefined);
    assert.equal(toSymbolsZh('第一天跑了5公里 第二天跑了8公里 一共多少'), undefined);
    assert.equal(toSymbolsZh('一楼3户 二楼4户 一共多少'), undefined);
    assert.equal(toSymbolsZh('星期三花了50 星期四花了30 一共多少'), '50 + 30');
    assert.equal(toSymbolsZh('早餐15 午餐30 晚餐45 总共多少'), '15 + 30 + 45');
  });

  it('a drop said first does not hide the sum after it (算了 帮我算下…)', () => {
    assert.equal(toSymbolsZh('算了 帮我算下600乘0.05'), '600 * 0.05');
  });

  it('a sum said not to be worked out is no sum; 算了 is a drop only at the start', () => {
    assert.equal(toSymbolsZh('算了吧 3加5也不用算了'), undefined);
    assert.equal(toSymbolsZh('12乘3 算了 不算了'), undefined);
    assert.equal(toSymbolsZh('别算了 7乘8'), undefined);
    assert.equal(toSymbolsZh('100减去算了 20'), undefined);
    assert.equal(toSymbolsZh('算了，12乘3等于几'), '12 * 3');
    assert.equal(toSymbolsZh('嗯 算了 还是算下7乘8'), '7 * 8');
  });
});

describe('Chinese follow-ups on the last result', () => {
  it('scales the result: 翻个倍, 再翻一番, 减半, 砍一半', () => {
    assert.equal(scaleZh('结果翻个倍'), '* 2');
    assert.equal(scaleZh('再翻一番看看'), '* 2');
    assert.equal(scaleZh('那减半呢'), '/ 2');
    assert.equal(scaleZh('砍一半'), '/ 2');
    assert.equal(scaleZh('翻译一下'), undefined);
  });

  it('翻两番 doubles twice (four times), 三倍 is three times', () => {
    assert.equal(scaleZh('再翻两番'), '* 4');
    assert.equal(scaleZh('结果翻两番是多少'), '* 4');
    assert.equal(scaleZh('变成四倍呢'), '* 4');
    assert.equal(scaleZh('变成三倍呢'), '* 3');
    assert.equal(scaleZh('翻两番的事以后再说'), undefined);
  });

  it('doubles, divides with 看看, raises to a new power and continues from one clause of a longer turn', async () => {
    const h = await createHarness();
    await h.say('二十五乘以四', 'calculator');
    // The result is the whole number the reply ends on (an echoed "25 × 4" proves nothing).
    const doubled = await h.say('结果翻个倍', 'calculator');
    assert.equal(doubled.understanding.slots['expression'], '(25 * 4) * 2');
    assert.match(doubled.reply.text, /(?<![\d.])200。$/);
    const divided = await h.say('再除以8看看', 'calculator');
    assert.equal(divided.understanding.slots['expression'], '((25 * 4) * 2) / 8');
    assert.match(divided.reply.text, /(?<![\d.])25。$/);
    const clause = await h.say('嗯，再乘以 3 呢，一共多少？', 'calculator');
    assert.match(clause.reply.text, /(?<![\d.])75。$/);

    await h.say('3的5次方', 'calculator');
    const power = await h.say('那8次方呢', 'calculator');
    assert.equal(power.understanding.slots['expression'], '3 ^ 8');
    assert.match(power.reply.text, /(?<![\d.])6561。$/);
  });

  it('a Cantonese follow-up (咁…呢) replaces the amount of a tip', async () => {
    const h = await createHarness();
    await h.say('两百蚊畀一成小费系几多', 'calculator');
    const again = await h.say('咁五百蚊呢', 'calculator');
    assert.equal(again.understanding.slots['expression'], '10% * 500');
    assert.match(again.reply.text, /(?<![\d.])50。$/);
  });
});

describe('Chinese list items with the words people put around them', () => {
  const adds = (text: string) => parseListRequestZh(text).add;
  const removes = (text: string) => parseListRequestZh(text).remove;

  it('a reason after the item is no item: 家里没了, 快用完了, 冰箱里还有', () => {
    assert.deepEqual(adds('酱油也要 家里没了'), ['酱油']);
    assert.deepEqual(adds('卫生纸也加上，快用完了'), ['卫生纸']);
    assert.deepEqual(removes('西红柿划掉 冰箱里还有'), ['西红柿']);
    assert.deepEqual(removes('大蒜划了 我家有'), ['大蒜']);
  });

  it('加 of 加油 is no add verb, and a 还有 clause with verbs of its own is one whole item', () => {
    assert.deepEqual(adds('还有去加油站加满油'), ['去加油站加满油']);
    assert.deepEqual(adds('还有给电动车充电'), ['给电动车充电']);
    assert.deepEqual(adds('还有鸡蛋'), ['鸡蛋']);
    // A question after 还有 adds nothing.
    assert.deepEqual(adds('还有要买的吗'), []);
  });

  it('油 is petrol only when it is the whole object: 加油条, 加油麦菜, 加油桃 add food', () => {
    assert.deepEqual(adds('加油条'), ['油条']);
    assert.deepEqual(adds('购物单加油麦菜'), ['油麦菜']);
    assert.deepEqual(adds('帮我加油桃'), ['油桃']);
    assert.deepEqual(adds('加油豆腐'), ['油豆腐']);
    assert.deepEqual(adds('清单里加油条和豆浆'), ['油条', '豆浆']);
    assert.deepEqual(adds('给车加油'), []);
    assert.deepEqual(adds('加油啊'), []);
  });
});

describe('Chinese timer lengths and their corrections', () => {
  const length = (text: string) =>
    extractEntities(text, { now: NOW, timeZone: ZONE }).find((e) => e.kind === 'duration')?.value;

  it('reads 廿 and 卅 (二十, 三十) and a Latin unit right after the digits', () => {
    assert.equal(length('廿五分钟'), 1_500_000);
    assert.equal(length('卅秒就得'), 30_000);
    assert.equal(length('换成3min啦'), 180_000);
    assert.equal(length('8mins'), 480_000);
    // Digits inside a Latin word stay no number of their own.
    assert.equal(length('放首mp3'), undefined);
  });

  it('a correction that says two lengths keeps the one it does not negate', async () => {
    const h = await createHarness();
    await h.say('帮我定个八分钟的计时器', 'timer');
    const fixed = await h.say('不是八分钟 十八分钟 刚才说错了', 'timer');
    assert.equal(fixed.understanding.slots['duration'], 1_080_000);
    const again = await h.say('不对 改成五分钟 不是十八分钟', 'timer');
    assert.equal(again.understanding.slots['duration'], 300_000);
  });

  it('a correction that negates none of its two lengths keeps the first; the second is its reason', async () => {
    for (const [said, ms] of [
      ['不对，要二十分钟，十分钟太短了', 1_200_000],
      ['不对 改成四十分钟吧 十五分钟根本不够', 2_400_000],
      ['no wait, 25 minutes, 10 minutes is too short', 1_500_000],
    ] as const) {
      const h = await createHarness();
      await h.say('帮我定个十分钟的计时器', 'timer');
      const fixed = await h.say(said, 'timer');
      assert.equal(fixed.understanding.slots['duration'], ms, said);
    }
  });
});

describe('Chinese remarks after a task is done', () => {
  it('reads thanks with words around it, but not a request or a refusal said with thanks', () => {
    assert.equal(thanksZh('好嘞 3q 我先去忙了'), 'thanks');
    assert.equal(thanksZh('嗯嗯 thx 你真靠谱'), 'thanks');
    assert.equal(thanksZh('太感谢了，这下不会忘了'), 'thanks');
    assert.equal(thanksZh('好了多谢 拜拜'), 'bye');
    assert.equal(thanksZh('定个十分钟的计时器 谢谢'), undefined);
    assert.equal(thanksZh('谢谢 再来一个'), undefined);
    assert.equal(thanksZh('不用了 谢谢'), undefined);
  });

  it('reads thanks only when the rest is a sign-off or praise, never a request said after the thanks', () => {
    assert.equal(thanksZh('好，谢谢，我这就去菜市场'), 'thanks');
    assert.equal(thanksZh('多谢 辛苦了'), 'thanks');
    assert.equal(thanksZh('谢谢 我去做饭了'), 'thanks');
    assert.equal(thanksZh('谢谢啦小助手'), 'thanks');
    assert.equal(thanksZh('好 谢谢 对了 明天天气怎样'), undefined);
    assert.equal(thanksZh('谢谢 我想听歌'), undefined);
    assert.equal(thanksZh('好的谢谢 播放音乐'), undefined);
    assert.equal(thanksZh('谢谢老板 我明天请假'), undefined);
    assert.equal(thanksZh('感谢 帮我查查快递到哪了'), undefined);
    assert.equal(thanksZh('谢了 顺便把灯关一下'), undefined);
    assert.equal(thanksZh('行 谢谢 顺便提醒我九点开会'), undefined);
  });

  it('a request after thanks read by the model as a yes is not answered with "不客气"', async () => {
    for (const said of ['好的谢谢 播放音乐', '谢谢 我想听歌', '好 谢谢 对了 明天天气怎样']) {
      const h = await createHarness();
      await h.say('帮我定个五分钟的计时器', 'timer');
      const r = await h.say(said, 'yes');
      assert.notEqual(r.understanding.intent, 'thank_you', said);
    }
  });

  it('reads a joke that did not land, and a Cantonese question of time left', () => {
    assert.ok(notFunnyZh('唉 一点儿都不好笑'));
    assert.ok(notFunnyZh('好冷啊'));
    assert.ok(!notFunnyZh('好冷啊 帮我查下天气'));
    assert.ok(asksTimeLeftZh('个计时器仲有几耐'));
  });

  it('thanks read by the intent model as a yes is thanks; a bare yes with nothing asked is acknowledged', async () => {
    const h = await createHarness();
    await h.say('帮我定个六分钟的计时器', 'timer');
    const thanks = await h.say('好嘞 3q 我先去忙了', 'yes');
    assert.equal(thanks.understanding.intent, 'thank_you');
    const ok = await h.say('好的', 'yes');
    assert.equal(ok.understanding.intent, 'yes');
    assert.doesNotMatch(ok.reply.text, /抱歉/);
    const c = await createHarness();
    await c.say('12乘3等于几', 'calculator');
    const right = await c.say('对', 'yes');
    assert.equal(right.understanding.intent, 'yes');
    assert.doesNotMatch(right.reply.text, /抱歉/);
  });

  it('a yes with a second request after it points to the second request, not an apology', async () => {
    for (const [said, second] of [
      ['好的谢谢 再定一个闹钟七点', /闹钟七点/],
      ['行 谢谢 顺便提醒我九点开会', /提醒我九点开会/],
      ['好嘞 谢谢 再帮我定个明早七点的闹钟', /明早七点的闹钟/],
      ['可以 顺便提醒我下午三点取快递', /取快递/],
    ] as const) {
      const h = await createHarness();
      await h.say('帮我定个十分钟的计时器', 'timer');
      const r = await h.say(said, 'yes');
      assert.equal(r.understanding.intent, 'yes', said);
      assert.match(r.reply.text, second, said);
      assert.doesNotMatch(r.reply.text, /抱歉/, said);
    }
  });

  it('a joke that did not land is a remark, and the next request for one still gets a joke', async () => {
    const h = await createHarness();
    await h.say('讲个笑话吧', 'tell_joke');
    const flat = await h.say('唉 一点儿都不好笑', 'tell_joke');
    assert.equal(flat.understanding.action, 'out-of-scope');
    const next = await h.say('换一个', 'tell_joke');
    assert.equal(next.understanding.intent, 'tell_joke');
  });
});

describe('Chinese reminders and alarms asked about', () => {
  it('"提醒我一件事" with no task sets one (the task is asked), a question about the reminders still reads them', async () => {
    for (const said of ['提醒我一件事', '提醒我事项', '帮我记个事']) {
      const h = await createHarness();
      const r = await h.say(said, 'reminder');
      assert.equal(r.understanding.intent, 'reminder_update', said);
      assert.doesNotMatch(r.reply.text, /没有任何提醒/, said);
    }
    const h = await createHarness();
    await h.say('提醒我一件事', 'reminder');
    const filled = await h.say('下午三点去拿快递', 'reminder');
    assert.equal(filled.understanding.slots['task'], '去拿快递');
    for (const said of ['我有哪些提醒', '提醒我有哪些事来着']) {
      const r = await createHarness().then((c) => c.say(said, 'reminder'));
      assert.equal(r.understanding.intent, 'reminder', said);
    }
  });

  it('a question of the time an alarm is set for reads the alarm set, it sets none', async () => {
    for (const [asked, read] of [
      ['现在闹钟是几点的', 'alarm'],
      ['闹钟是几点的', 'alarm'],
      ['我的闹钟定在几点', 'time'],
      ['几点的闹钟来着', 'time'],
    ] as const) {
      const h = await createHarness();
      await h.say('明天早上七点叫我起床', 'alarm');
      const r = await h.say(asked, read);
      assert.equal(r.understanding.intent, 'alarm', asked);
      assert.match(r.reply.text, /7:00/, asked);
      assert.doesNotMatch(r.reply.text, /定在几点？/, asked);
    }
    const h = await createHarness();
    await h.say('明天早上七点叫我起床', 'alarm');
    const moved = await h.say('闹钟改到八点', 'alarm');
    assert.match(moved.reply.text, /8:00响/);
    assert.equal(scheduleOp('再定个闹钟六点半'), 'set');
    assert.equal(scheduleOp('闹钟是几点的'), 'list');
  });

  it('"设一个提醒事项" names no task: the task is asked, and the next turn fills it', async () => {
    const h = await createHarness();
    const asked = await h.say('麻烦帮我建一个提醒事项', 'reminder_update');
    assert.equal(asked.understanding.slots['task'], undefined);
    const task = await h.say('就是去物业交停车费', 'pay_bill');
    assert.equal(task.understanding.slots['task'], '去物业交停车费');
  });

  it('a question of the time the alarm is set for asks the alarm, not the time now', () => {
    assert.equal(requestIntentZh('我的闹钟现在是几点的', false), 'alarm');
    assert.equal(requestIntentZh('后天几点的闹钟来着', false), 'alarm');
    assert.equal(requestIntentZh('现在几点了', false), undefined);
    assert.equal(requestIntentZh('把闹钟改到几点比较好', false), undefined);
  });
});
