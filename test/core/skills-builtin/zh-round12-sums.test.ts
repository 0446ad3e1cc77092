/**
 * Round 12's Chinese sums (from zh-train-10's failures, our own sentences): a share taken off or
 * added to an amount said before it (扣百分之八, 涨百分之十), counted things between a number and the
 * operator (二十三单乘四块五), 仨 in a sum and as the people sharing it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { createHarness } from '../dialogue/harness.ts';

describe('spoken sums of a pay slip and a delivery shift', () => {
  it('take a share off or add it to the amount said before it', () => {
    const cases: [string, string][] = [
      ['月薪六千五，社保扣百分之八，扣多少', '8% * 6500'],
      ['月薪六千五，社保扣百分之八，到手多少', '6500 - 8% * 6500'],
      ['房租三千二 明年涨百分之五 涨完多少', '3200 + 5% * 3200'],
      ['营业额两万 平台抽成百分之二十', '20% * 20000'],
      ['那要是扣百分之十呢', '10%'],
    ];
    for (const [said, sum] of cases) assert.equal(toSymbolsZh(said), sum, said);
  });

  it('read counted things and 仨 as numbers of the sum', () => {
    const cases: [string, string][] = [
      ['今天跑了二十三单乘四块五', '23 * 4.5'],
      ['三箱乘以二十四', '3 * 24'],
      ['仨人平摊九十九块', '99 / 3'],
      ['七乘个仨', '7 * 3'],
    ];
    for (const [said, sum] of cases) assert.equal(toSymbolsZh(said), sum, said);
  });

  it('works the deduction out, then a new share of the same pay', async () => {
    const h = await createHarness();
    const first = await h.say('底薪五千，迟到扣百分之十，扣多少', 'calculator');
    assert.match(first.reply.text, /500/u);
    const next = await h.say('那要是扣百分之四呢', 'calculator');
    assert.match(next.reply.text, /200/u);
  });
});

describe('a result shared out afterwards', () => {
  it('divides the last result among the people named, when nothing was shared before', async () => {
    const h = await createHarness();
    await h.say('一百五加九十', 'calculator');
    const shared = await h.say('三个人平分，每人多少', 'calculator');
    assert.match(shared.reply.text, /80/u);
    const c = await createHarness();
    await c.say('两百乘三', 'calculator');
    const given = await c.say('平分给四个人呢', 'calculator');
    assert.match(given.reply.text, /150/u);
  });
});

describe('what is left (review r11 should-fix 13)', () => {
  it('is money unless the things not sold or done are asked for', () => {
    assert.equal(toSymbolsZh('收了五百 花了两百 还有多少没花'), '500 - 200');
    assert.notEqual(toSymbolsZh('卖了三百块 花了100 还有多少没卖'), '300 - 100');
    assert.notEqual(toSymbolsZh('做了八十 花了三十 剩几个没做'), '80 - 30');
  });
});
