/**
 * Round 11's Chinese classes, from voice input: no punctuation, fillers, values taken back in the
 * middle of a sentence ("十分钟不对十五分钟", "七点 不是 八点", "乘以六不对是乘以九"). Our own sentences.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { couponZh, morePeopleZh, pricePerOneZh, toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { withoutFillersZh } from '../../../src/lang/zh/zh-fillers.ts';
import { withoutTrailingRemarksZh } from '../../../src/lang/zh/zh-remarks.ts';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { answersConfirmZh } from '../../../src/lang/zh/zh-turn-words.ts';
import { parseConversionZh } from '../../../src/lang/zh/zh-units.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

const entities = (text: string) => extractEntities(text, { now: NOW, timeZone: ZONE });

describe('a value taken back in the middle of a sentence', () => {
  it('keeps the duration, time or count said after the take-back', () => {
    const cases: [string, string, unknown][] = [
      ['计时器八分钟不对十二分钟', 'duration', 12 * 60_000],
      ['烤箱定个二十分钟 说错了 二十五分钟', 'duration', 25 * 60_000],
      ['帮我定明天早上六点不对六点半的闹钟', 'datetime', '2026-11-27T06:30:00+01:00'],
      // A bare clock time after a time with its day keeps the day.
      ['后天晚上七点 不是 八点提醒我', 'datetime', '2026-11-28T20:00:00+01:00'],
      ['要三个 哦不 四个', 'number', 4],
    ];
    for (const [said, kind, value] of cases) {
      const found = entities(said);
      assert.equal(found.length, 1, said);
      assert.equal(found[0]!.kind, kind, said);
      assert.deepEqual(found[0]!.value, value, said);
    }
  });

  it('keeps two values that no take-back parts', () => {
    assert.deepEqual(
      entities('七点和八点各一个闹钟').map((e) => e.text),
      ['七点', '八点', '一'],
    );
    assert.deepEqual(
      entities('先定五分钟 再定十分钟').map((e) => e.value),
      [5 * 60_000, 10 * 60_000],
    );
  });

  it('sets the timer, the alarm and the reminder the user meant', async () => {
    const h = await createHarness();
    const timer = await h.say('计时器八分钟不对十二分钟', 'timer');
    assert.equal(timer.understanding.slots['duration'], 12 * 60_000);
    const reminder = await h.say('提醒我晚上七点 不是 八点给妈妈打电话', 'reminder_update');
    assert.match(reminder.reply.text, /给妈妈打电话/u);
    assert.doesNotMatch(reminder.reply.text, /不是/u);
    assert.match(reminder.reply.text, /20:00/u);
  });

  it('works out the sum with the step, number or percentage said after the take-back', () => {
    const cases: [string, string][] = [
      ['九十五乘以四不对是乘以五', '95 * 5'],
      ['一百除以四 哦不 除以五', '100 / 5'],
      ['二十五加十七 说错了 十八', '25 + 18'],
      ['三加五 不对 四加六', '4 + 6'],
      ['五十的百分之二十不对百分之三十', '30% * 50'],
      ['一百二打八折不对打九折', '120 * 90%'],
    ];
    for (const [said, sum] of cases) assert.equal(toSymbolsZh(said), sum, said);
  });
});

describe('sums of a shop and a household, said as voice input says them', () => {
  it('works out money in and out, things per box and a bill per head', () => {
    const cases: [string, string | undefined][] = [
      ['早上带了五百块买菜花了一百二十六还剩多少', '500 - 126'],
      ['我有三百 打车花了四十五 吃饭花了六十八 还剩多少钱', '300 - 45 - 68'],
      ['工资八千五 交了房租两千二 还剩多少', '8500 - 2200'],
      ['一盒六个鸡蛋买了四盒一共几个', '6 * 4'],
      ['一袋二十包进了八袋一共多少包', '20 * 8'],
      ['八个人唱歌一共花了六百每人出多少', '600 / 8'],
      ['四百八 五个人 人均多少', '480 / 5'],
      // Not money in and out: a count or a time among the amounts, or nothing spent.
      ['收了九百 花了三天 还剩多少', undefined],
      ['卖了三百 还剩多少', undefined],
      // A question of each with no number of people is no share.
      ['每人多少', undefined],
    ];
    for (const [said, sum] of cases) assert.equal(toSymbolsZh(said), sum, said);
  });

  it('reads a follow-up that prices each thing or changes the number of people', () => {
    assert.equal(pricePerOneZh('那每个卖一块二能卖多少钱'), '1.2');
    assert.equal(pricePerOneZh('每袋十五块的话一共多少'), '15');
    // Each person is no thing sold.
    assert.equal(pricePerOneZh('那每人出五十呢'), undefined);
    assert.equal(morePeopleZh('要是多来一个人呢'), 1);
    assert.equal(morePeopleZh('那走了两个人呢'), -2);
    assert.equal(morePeopleZh('多来一点呢'), undefined);
  });

  it('carries the sum on: a price of each, one more person, a coupon, money that comes in', async () => {
    const steps: [string, RegExp][][] = [
      [
        ['一盒六个鸡蛋买了四盒一共几个', /24/u],
        ['那每个卖一块二能卖多少钱', /28\.8/u],
      ],
      [
        ['八个人唱歌一共花了六百每人出多少', /75/u],
        ['要是走了两个人呢', /100/u],
      ],
      [
        ['二百四打八折多少钱', /192/u],
        ['再用一张二十块的优惠券', /172/u],
      ],
      [
        ['早上带了五百块买菜花了一百二十六还剩多少', /374/u],
        ['再加上卖废品收的三十', /404/u],
      ],
      [
        ['三百除以四', /75/u],
        ['再减去车费二十', /55/u],
      ],
    ];
    for (const dialogue of steps) {
      const h = await createHarness();
      for (const [said, result] of dialogue) {
        const r = await h.say(said, 'calculator');
        assert.match(r.reply.text, result, said);
      }
    }
  });
});

describe('fillers and pleas that voice input runs into the request', () => {
  it('takes a run of fillers off the start; 那个 alone still points', () => {
    const cases: [string, string][] = [
      ['嗯那个就是生抽', '生抽'],
      ['然后那个就是陈醋也加上', '陈醋也加上'],
      ['就是那个交水费', '交水费'],
      ['呃这个就是说买牙膏', '买牙膏'],
      ['那个就是洗车', '洗车'],
      ['那个拿快递的提醒删掉', '那个拿快递的提醒删掉'],
      ['这个周末去爬山', '这个周末去爬山'],
    ];
    for (const [said, value] of cases) assert.equal(withoutFillersZh(said), value, said);
  });

  it('adds the item and not the plea run into it', () => {
    assert.deepEqual(parseListRequestZh('然后那个就是陈醋也加上').add, ['陈醋']);
    assert.deepEqual(parseListRequestZh('再来个洗洁精别忘了').add, ['洗洁精']);
    assert.deepEqual(parseListRequestZh('购物清单加上保鲜膜千万不要忘记啊').add, ['保鲜膜']);
  });

  it('keeps the task and not the plea run into it', async () => {
    const h = await createHarness();
    const r = await h.say('提醒我明天下午交电费千万别忘了', 'reminder_update');
    assert.equal(r.understanding.slots['task'], '交电费');
    // 记住 can be the task's own verb.
    const own = await createHarness();
    const kept = await own.say('提醒我晚上把新密码记住', 'reminder_update');
    assert.match(String(kept.understanding.slots['task']), /记住/u);
  });
});

describe('a yes word that asks back or stops the talk', () => {
  it('is no yes to a confirmation: 对吧, 是吧, 好了好了', () => {
    for (const said of ['对吧', '是吧？', '对吧对吧', '好了好了', '好了 好了 知道了', '好了，好了'])
      assert.notEqual(answersConfirmZh(said), 'yes', said);
    for (const said of ['对对对', '好的好的', '行吧', '好了', '是的', '嗯嗯 好'])
      assert.equal(answersConfirmZh(said), 'yes', said);
  });
});

describe('reminders and alarms said as voice input says them', () => {
  it('reads 提醒 written as a homophone, and a task named before the reminder asked for', async () => {
    const h = await createHarness();
    const typo = await h.say('体型我明天早上九点交报告', 'reminder_update');
    assert.equal(typo.understanding.slots['task'], '交报告');
    const named = await createHarness();
    const r = await named.say('那个取体检报告的提醒也设一个', 'reminder_update');
    assert.equal(r.understanding.slots['task'], '取体检报告');
  });

  it('a task that looks something up is set, not a reading of the reminders', async () => {
    const h = await createHarness();
    const r = await h.say('提醒我后天下午两点去看一下牙医', 'reminder_update');
    assert.equal(r.understanding.slots['task'], '去看一下牙医');
    assert.match(r.reply.text, /14:00/u);
    const other = await createHarness();
    const look = await other.say('那提醒我周五上午十点查一下快递到哪了', 'reminder');
    assert.match(look.reply.text, /10:00/u);
    // Still a question: "你提醒我几点来着".
    await other.say('提醒我明天上午十点开会', 'reminder_update');
    const asked = await other.say('你提醒我几点来着', 'reminder');
    assert.match(asked.reply.text, /开会/u);
  });

  it('an alarm time said with 十 before 的 is a time, and 读给我听 reads the alarms', async () => {
    assert.deepEqual(
      entities('再设一个七点四十的').map((e) => e.kind),
      ['number', 'time'],
    );
    assert.deepEqual(
      entities('三点五的平方').map((e) => e.kind),
      ['number'],
    );
    const h = await createHarness();
    await h.say('定个明天早上六点的闹钟', 'alarm');
    await h.say('再来一个六点四十五的', 'alarm');
    const read = await h.say('这两个闹钟读给我听一下', 'alarm');
    assert.match(read.reply.text, /6:00/u);
    assert.match(read.reply.text, /6:45/u);
  });
});

describe('conversions said as voice input says them', () => {
  it('takes the unit the user reads, not the one named in the reason after it', () => {
    assert.deepEqual(parseConversionZh('换成公斤吧我看不懂磅'), { to: 'kilogram' });
    assert.deepEqual(parseConversionZh('换成厘米 英寸我搞不懂'), { to: 'centimeter' });
    assert.deepEqual(parseConversionZh('用摄氏度吧 华氏度没概念'), { to: 'celsius' });
  });

  it('replaces the part taken back', () => {
    assert.deepEqual(parseConversionZh('三英里换成米不对换成公里'), { amount: 3, from: 'mile', to: 'kilometer' });
    assert.deepEqual(parseConversionZh('两磅是多少公斤 说错了 多少克'), { amount: 2, from: 'pound', to: 'gram' });
    assert.deepEqual(parseConversionZh('六公里 哦不 九公里是多少英里'), { amount: 9, from: 'kilometer', to: 'mile' });
  });

  it('answers the unit asked with its reason', async () => {
    const h = await createHarness();
    await h.say('帮我换算一下五英尺', 'measurement_conversion');
    const r = await h.say('换成厘米吧我看不懂英尺', 'measurement_conversion');
    assert.match(r.reply.text, /152\.4/u);
  });
});

describe('a name with its reason run on after it', () => {
  it('keeps the name before a space or 吧', async () => {
    for (const [said, name] of [
      ['就叫老周吧 厂里都这么叫', '老周'],
      ['叫我小雪吧大家都这么叫我', '小雪'],
      ['那就叫阿芬 顺口', '阿芬'],
    ] as const) {
      const h = await createHarness();
      await h.say('我想换个称呼', 'change_user_name');
      const r = await h.say(said, 'change_user_name');
      assert.equal(r.understanding.slots['name'], name, said);
    }
  });
});

describe('review r11: what the new readings must leave alone', () => {
  it('reads a coupon only as a follow-up, one coupon, never a negative sum', async () => {
    assert.equal(couponZh('再用一张十块的券'), '10');
    assert.equal(couponZh('还有个十五元的优惠券呢'), '15');
    for (const said of ['三张十块的券', '满一百减二十的券']) assert.equal(couponZh(said), undefined, said);
    // In a whole sentence a coupon is what main made of it: no "- 0", no "结果是 -10", no "- - 20".
    assert.equal(toSymbolsZh('10块券'), undefined);
    assert.equal(toSymbolsZh('用了一张10块的券 一共多少'), undefined);
    assert.equal(toSymbolsZh('一百五 用满一百减二十的券 要付多少'), '100 - 20');
    const h = await createHarness();
    const r = await h.say('用了一张十块的券 一共多少', 'calculator');
    assert.doesNotMatch(r.reply.text, /-10/u);
  });

  it('takes no coupon off that is worth more than the bill, or nothing (re-check of review r11)', async () => {
    for (const coupon of ['再用一张五百块的券', '再用一张0块的券']) {
      const h = await createHarness();
      const first = await h.say('六十加二十五', 'calculator');
      assert.match(first.reply.text, /85/u);
      const r = await h.say(coupon, 'calculator');
      assert.doesNotMatch(r.reply.text, /-\s*\d|−\s*\d|85 - 0|\(85\)/u, coupon);
    }
    const h = await createHarness();
    await h.say('六十加二十五', 'calculator');
    const r = await h.say('再用一张二十块的券', 'calculator');
    assert.match(r.reply.text, /65/u);
  });

  it('a dose (一次三片 一天三次) is no count times a price', () => {
    for (const said of ['1次3片 一天3次', '一次三片 一天三次 一共几片', '一次两粒 一天两次 一共几粒'])
      assert.notEqual(toSymbolsZh(said), '3 * 13', said);
    assert.equal(toSymbolsZh('一次三片 一天三次 一共几片'), undefined);
    assert.equal(toSymbolsZh('一袋二十包进了八袋一共多少包'), '20 * 8');
  });

  it('keeps 这个/那个 that point at something after a filler', () => {
    const cases: [string, string][] = [
      ['然后这个月的房租', '这个月的房租'],
      ['嗯这个牌子的酱油', '这个牌子的酱油'],
      ['就是说这个周末去', '这个周末去'],
      ['就是那个月的账单', '那个月的账单'],
    ];
    for (const [said, value] of cases) assert.equal(withoutFillersZh(said), value, said);
    assert.deepEqual(parseListRequestZh('购物清单加上嗯这个牌子的酱油').add, ['这个牌子的酱油']);
  });

  it('a plea after a word that passes a message on is the message', async () => {
    for (const said of ['告诉他别忘了', '让他别忘了', '跟老婆说别忘了'])
      assert.equal(withoutTrailingRemarksZh(said), said, said);
    const h = await createHarness();
    const r = await h.say('提醒我明天跟老婆说别忘了', 'reminder_update');
    assert.match(String(r.understanding.slots['task']), /别忘了/u);
  });

  it('"是X 不是 Y" says what the value is not; it takes nothing back', async () => {
    assert.equal(entities('我说的是七点 不是 八点 提醒我开会').length, 2);
    const h = await createHarness();
    await h.say('提醒我三点开会', 'reminder_update');
    const r = await h.say('是三点 不是 四点', 'reminder_update');
    assert.doesNotMatch(r.reply.text, /16:00/u);
  });
});

describe('review r11 should-fix', () => {
  it('a chain of take-backs keeps the last value; a bare number keeps the currency it replaces', () => {
    const chain = entities('计时器五分钟不对八分钟不对十分钟');
    assert.deepEqual(
      chain.map((e) => e.value),
      [10 * 60_000],
    );
    const money = entities('八十块不对是九十');
    assert.equal(money.length, 1);
    assert.equal(money[0]!.kind, 'money');
    assert.deepEqual(money[0]!.value, { amount: 90, currency: 'CNY' });
  });

  it('再来N个人 is more people; 每天 prices nothing; a price of each needs a count before it', async () => {
    assert.equal(morePeopleZh('再来两个人呢'), 2);
    assert.equal(morePeopleZh('那再加一个人'), 1);
    assert.equal(pricePerOneZh('每天3块'), undefined);
    const h = await createHarness();
    await h.say('三百二加四百五', 'calculator');
    const r = await h.say('每个3块', 'calculator');
    assert.doesNotMatch(r.reply.text, /2310/u);
  });
});
