/**
 * Classes of Chinese failures seen in people's dialogues (issues 13 and 15, round 10): sums said the way
 * students and office workers say them (a discount and its price apart, a weight 占 a share, a rate per
 * hour times the hours, a share that restates its divisor), remarks after a task or an item, take-backs.
 * Each test pins the class with sentences written for it, not copied from a dialogue set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
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
