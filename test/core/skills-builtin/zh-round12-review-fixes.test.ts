/**
 * Review r12 dlg-zh must-fix points, with our own sentences: a Wu or Cantonese day word inside a
 * Mandarin word is no day; sums chained with one operator said twice still compute.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness } from '../dialogue/harness.ts';

describe('dialect day words inside Mandarin words', () => {
  it('keep the reminder text and its time', async () => {
    const cases: [string, RegExp, RegExp][] = [
      ['提醒我后天上午十点去报听日语口语班', /听日语口语班/u, /10:00/u],
      ['提醒我周四晚上八点看探寻日落的纪录片', /探寻日落的纪录片/u, /20:00/u],
      ['提醒我下午四点把钢琴日程表发给老师', /钢琴日程表/u, /16:00/u],
      ['提醒我明天晚上七点读明朝两百年那本书', /明朝两百年/u, /19:00/u],
    ];
    for (const [said, task, time] of cases) {
      const h = await createHarness();
      const set = await h.say(said, 'reminder_update');
      assert.match(set.reply.text, task, said);
      assert.match(set.reply.text, time, said);
    }
  });

  it('still read a dialect day before a time or a day part', async () => {
    const h = await createHarness();
    const set = await h.say('听日下昼三点提醒我去银行', 'reminder_update');
    assert.match(set.reply.text, /15:00/u);
    assert.match(set.reply.text, /明天/u);
  });
});

describe('sums with an operator said twice around 一', () => {
  it('compute', async () => {
    const cases: [string, RegExp][] = [
      ['四加一加五等于多少', /10/u],
      ['九减一减三是几', /5/u],
      ['六乘一乘二', /12/u],
      ['一加一加一加一是多少', /4/u],
    ];
    for (const [said, answer] of cases) {
      const h = await createHarness();
      const r = await h.say(said, 'calculator');
      assert.match(r.reply.text, answer, said);
    }
  });
});

describe('a count and a price for each', () => {
  it('is the count times the price, or a question back, never the count alone', async () => {
    const cases: [string, RegExp][] = [
      ['一共九趟，每趟二十五块，多少钱', /225/u],
      ['买了7袋，每袋3块2，共多少', /22\.4/u],
      ['每盒12支，买了5盒，一共几支', /60/u],
    ];
    for (const [said, answer] of cases) {
      const h = await createHarness();
      const r = await h.say(said, 'calculator');
      assert.match(r.reply.text, answer, said);
    }
    const h = await createHarness();
    const r = await h.say('一共14件，每件价格不一样，多少钱', 'calculator');
    assert.doesNotMatch(r.reply.text, /14/u);
  });
});

describe('traditional characters', () => {
  it('keep a name as the user wrote it', async () => {
    const h = await createHarness();
    await h.say('以後叫我劉德華', 'change_user_name');
    const asked = await h.say('我叫什么名字', 'user_name');
    assert.match(asked.reply.text, /劉德華/u);
  });
});

describe('list items said with words the Cantonese list words also spell', () => {
  it('keep their words', async () => {
    const cases: [string, RegExp][] = [
      ['购物清单加一把剔骨小刀', /剔骨小刀/u],
      ['购物清单加两罐咩咩牌奶粉', /咩咩牌奶粉/u],
      ['购物清单加一瓶冇糖可乐', /冇糖可乐/u],
      ['购物清单加一盒同仁堂六味地黄丸', /同仁堂六味地黄丸/u],
      ['待办加上周六同爸妈去爬山', /周六同爸妈去爬山/u],
    ];
    for (const [said, item] of cases) {
      const h = await createHarness();
      const intent = said.startsWith('待办') ? 'todo_list_update' : 'shopping_list_update';
      const r = await h.say(said, intent);
      assert.match(r.reply.text, item, said);
      assert.doesNotMatch(r.reply.text, /没有/u, said);
    }
  });

  it('join two short things on the shopping list with 同', async () => {
    const h = await createHarness();
    const r = await h.say('购物清单加橙汁同吐司', 'shopping_list_update');
    assert.equal(r.understanding.slots['add']?.toString(), '橙汁,吐司');
  });

  it('still read Cantonese list words at a clause edge', async () => {
    const h = await createHarness();
    await h.say('购物清单加豆腐同埋白菜', 'shopping_list_update');
    // The list named: a bare 剔走豆腐 right after the add is the context model's call (the round-12 model reads
    // it out of scope with the intent forced; with the real intent model both models do), not the parser's.
    await h.say('购物清单剔走豆腐', 'shopping_list_update');
    const read = await h.say('睇下购物清单仲有乜嘢', 'shopping_list_update');
    assert.match(read.reply.text, /白菜/u);
    assert.doesNotMatch(read.reply.text, /豆腐/u);
  });
});

describe('a remark in traditional characters after a reminder', () => {
  it('is no part of the task, which keeps its characters', async () => {
    const h = await createHarness();
    const set = await h.say('晚上八點提醒我繳電話費 千萬別忘了', 'reminder_update');
    assert.match(set.reply.text, /繳電話費/u);
    assert.doesNotMatch(set.reply.text, /忘/u);
  });
});
