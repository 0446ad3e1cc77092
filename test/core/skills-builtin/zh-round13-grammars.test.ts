/**
 * Round 13 (zh-train-12 classes, our own sentences): northern day words (后儿个, 大后儿个, 明儿个) and 一早 as
 * the morning; 定个半小时 is half an hour; shopping-festival names and Cantonese 嘅 / 系几多 around a sum; a
 * coupon after 再; list tails (a tag question, 进去, a counter, +1, "X记到清单上"); Cantonese 提我 after a time;
 * 借呗 keeps its 呗; "再加一个 <time><task>"; 唔係 / 改做 open a correction. Each failed on main.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from '../../../src/nlu/entities/extract-entities.ts';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { isCorrection } from '../../../src/dialogue/cues.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

const when = (text: string) =>
  extractEntities(text, { now: NOW, timeZone: ZONE })
    .filter((e) => e.kind === 'date' || e.kind === 'datetime' || e.kind === 'time' || e.kind === 'duration')
    .map((e) => e.value);

describe('round 13 Chinese grammars', () => {
  it('northern day words and first thing in the morning', () => {
    // NOW is Thursday 26 November 2026.
    assert.deepEqual(when('后儿个下午两点去拿体检报告'), ['2026-11-28T14:00:00+01:00']);
    assert.deepEqual(when('大后儿个星期几'), ['2026-11-29']);
    assert.deepEqual(when('明儿个晚上八点'), ['2026-11-27T20:00:00+01:00']);
    assert.deepEqual(when('大后天一早五点半'), ['2026-11-29T05:30:00+01:00']);
    assert.deepEqual(when('以后儿子放学自己回家'), []);
  });

  it('定个半小时 is half an hour, 一个半小时 still one and a half', () => {
    assert.deepEqual(when('蒸蛋 给我定个半个钟头'), [30 * 60_000]);
    assert.deepEqual(when('定个半小时吧'), [30 * 60_000]);
    assert.deepEqual(when('炖一个半小时'), [90 * 60_000]);
  });

  it('sums with a festival name, Cantonese 嘅 and a coupon after 再', async () => {
    const h = await createHarness();
    const sale = await h.say('双十二打八五折 原价260 现在多少', 'calculator');
    assert.match(sale.reply.text, /221/u);
    const coupon = await h.say('那再用个15块的券呢', 'calculator');
    assert.match(coupon.reply.text, /206/u);
    const h2 = await createHarness();
    const tip = await h2.say('450嘅百分之二十係幾多', 'calculator');
    assert.match(tip.reply.text, /90/u);
  });

  it('list tails: a tag question, where it goes, a counter, +1, the item before the list it goes on', () => {
    assert.deepEqual(parseListRequestZh('还有花椒，中不中').add, ['花椒']);
    assert.deepEqual(parseListRequestZh('再放点葱进去').add, ['葱']);
    assert.deepEqual(parseListRequestZh('待办记一笔 周五前交房租').add, ['周五前交房租']);
    assert.deepEqual(parseListRequestZh('购物清单+1 燕麦片').add, ['燕麦片']);
    assert.deepEqual(parseListRequestZh('然后牛油果写到购物单上').add, ['牛油果']);
    // A verb with only a measure after it, then the item after a space: 写 of 写周报 is the item's.
    assert.deepEqual(parseListRequestZh('待办加个 写述职报告').add, ['写述职报告']);
    // Northern "全给俺清了" clears the list (it is then confirmed).
    assert.equal(parseListRequestZh('待办全给我清了').clear, true);
    assert.equal(parseListRequestZh('整个购物单清了吧').clear, true);
    // A 把 request is read as before: the item, not what opens the turn.
    assert.deepEqual(parseListRequestZh('再把葱放到购物单').add, ['葱']);
  });

  it('Cantonese 提我 after a time, 借呗 / 花呗 keep 呗, one more reminder with its time', async () => {
    const h = await createHarness();
    const canto = await h.say('听日朝早九点提我打电话畀业主', 'reminder_update');
    assert.equal(canto.understanding.slots['task'], '打电话畀业主');
    const app = await h.say('后天晚上九点提醒我还花呗', 'reminder_update');
    assert.equal(app.understanding.slots['task'], '还花呗');
    const more = await h.say('再加一个 十点半给房东转账', 'reminder_update');
    assert.equal(more.understanding.slots['task'], '给房东转账');
  });

  it('唔係 and 改做 open a correction', () => {
    assert.ok(isCorrection('唔係，改做五點'));
    assert.ok(isCorrection('改做下晝兩點'));
  });

  it('review r12 should-fix 9-11: 现在多少 after a raise, 多半打不通, 等雨停', async () => {
    const h = await createHarness();
    const raise = await h.say('房租三千，涨了百分之五，现在多少', 'calculator');
    assert.match(raise.reply.text, /3150/u);
    const numbers = (t: string) =>
      extractEntities(t, { now: NOW, timeZone: ZONE })
        .filter((e) => e.kind === 'number')
        .map((e) => e.value);
    assert.deepEqual(numbers('电话多半打不通'), []);
    assert.deepEqual(numbers('买半打鸡蛋'), [6]);
  });
});
