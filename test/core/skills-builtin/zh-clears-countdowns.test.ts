/**
 * Round 7b classes of Chinese turns (issue 13): a whole list cleared with 全部清掉 / 都清掉 (read as an
 * item to add, so the confirmation after it went nowhere), 加了没 read as adding "了没", and countdowns to a day more than a month
 * away ("距离春节还有几天") answered with the number of days in both languages. Replies go through the
 * real dialogue stack with a scripted intent and the shipped context model.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { createHarness } from '../dialogue/harness.ts';

describe('Chinese list clears', () => {
  it('reads 全部清掉, 都清掉, 统统清了, 清光 as clearing the whole list', () => {
    for (const text of ['购物单全部清掉', '算了 待办全部清掉', '单子上的都清掉吧', '统统清了', '购物清单清光']) {
      const r = parseListRequestZh(text);
      assert.deepEqual([r.clear, r.add, r.remove], [true, [], []], text);
    }
  });

  it('keeps an item that only contains 清: 清洗空调, 把牛奶清掉 removes the one item', () => {
    assert.deepEqual(parseListRequestZh('待办加个清洗空调').add, ['清洗空调']);
    assert.equal(parseListRequestZh('待办加个清洗空调').clear, false);
    assert.equal(parseListRequestZh('把牛奶清掉').clear, false);
  });

  it('reads 加了没 / 加上没有 as asking whether an add was done, adding nothing', () => {
    for (const text of ['待办那个呢 加了没', '加了没有', '牛奶加好了吗'])
      assert.deepEqual(parseListRequestZh(text).add, [], text);
    assert.deepEqual(parseListRequestZh('鸡蛋加上没 购物清单给我加上鸡蛋啊').add, ['鸡蛋']);
  });

  it('asks to confirm a clear said after an add, and a yes said with the verb clears it', async () => {
    const h = await createHarness();
    await h.say('购物单加可乐', 'shopping_list_update');
    const ask = await h.say('购物单全部清掉', 'shopping_list_update');
    assert.match(ask.reply.text, /确定要清空购物清单/);
    const yes = await h.say('嗯嗯 删吧删吧', 'shopping_list_update');
    assert.equal(yes.understanding.intent, 'yes');
    assert.match(yes.reply.text, /清空/);
    assert.match((await h.say('现在购物单上有什么', 'shopping_list')).reply.text, /空/);
  });
});

describe('countdowns to a day up to 400 days ahead', () => {
  it('says the number of days to a holiday months away, in Chinese and English', async () => {
    const h = await createHarness();
    const spring = await h.say('距离春节还有几天', 'date');
    assert.match(spring.reply.text, /^72天后是2027年2月6日/);
    const national = await h.say('离国庆节还有多少天', 'date');
    assert.match(national.reply.text, /^309天后/);
    const en = await createHarness();
    assert.match((await en.say('how many days until july 4', 'date')).reply.text, /^In 220 days/);
  });

  it('names the day alone beyond 400 days, and counts past days only within a month', async () => {
    const h = await createHarness();
    assert.doesNotMatch((await h.say('what day is january 1 2029', 'date')).reply.text, /days/);
    assert.doesNotMatch((await h.say('what day was march 3 2026', 'date')).reply.text, /days ago/);
    assert.match((await h.say('what day was november 16', 'date')).reply.text, /^10 days ago/);
  });
});
