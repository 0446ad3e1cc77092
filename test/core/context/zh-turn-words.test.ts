import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  againZh,
  answersConfirmZh,
  asksTimeLeftZh,
  dropsZh,
  readsListZh,
  requestIntentZh,
  stopsZh,
} from '../../../src/lang/zh/zh-turn-words.ts';
import { createHarness } from '../dialogue/harness.ts';

/**
 * Chinese turns whose words settle the act whatever the intent model reads (src/lang/zh/zh-turn-words.ts,
 * applied by src/context/decide.ts). Each dialogue scripts the WRONG reading the Chinese model gives such
 * turns (payday for "元旦是哪天", change_user_name for "我叫啥来着", yes for "等等 别 还没买呢"), so the
 * test holds for the policy, not for one model.
 */
describe('Chinese turn words: the grammars', () => {
  it('reads day questions only with a date, and name questions', () => {
    assert.equal(requestIntentZh('元旦是哪天', true), 'date');
    assert.equal(requestIntentZh('距离春节还有几天', true), 'date');
    assert.equal(requestIntentZh('还有几天', false), undefined);
    assert.equal(requestIntentZh('我叫啥来着', false), 'user_name');
    assert.equal(requestIntentZh('你还记得我叫啥不', false), 'user_name');
    assert.equal(requestIntentZh('所以你现在叫啥来着', false), 'what_is_your_name');
    assert.equal(requestIntentZh('我想改个名字', false), 'change_user_name');
    assert.equal(requestIntentZh('能改下你怎么称呼我吗', false), 'change_user_name');
    assert.equal(requestIntentZh('给你改个名字', false), undefined);
    assert.equal(requestIntentZh('叫我小王', false), undefined);
  });

  it('tells a loose drop from a thing stopped or a new request', () => {
    assert.ok(dropsZh('哎 还是不弄了 我手机自己有'));
    assert.ok(dropsZh('算了，这种事我自己肯定忘不了，不用提醒了'));
    assert.ok(dropsZh('唉，我想起来了，手机上已经有了，你就别设了'));
    assert.ok(!dropsZh('coffee不要了 删掉'));
    assert.ok(!dropsZh('关煤气那个不用了'));
    assert.ok(!dropsZh('算了 改成八点'));
    assert.ok(!dropsZh('算了直接关掉吧'));
  });

  it('reads loose answers to a confirmation, a no word first', () => {
    assert.equal(answersConfirmZh('嗯嗯 删吧删吧'), 'yes');
    assert.equal(answersConfirmZh('嗯 清吧 都买完了'), 'yes');
    assert.equal(answersConfirmZh('系啊 清晒'), 'yes');
    assert.equal(answersConfirmZh('等等 别 还没买呢'), 'no');
    assert.equal(answersConfirmZh('还是别删了'), 'no');
    assert.equal(answersConfirmZh('今天天气不错'), undefined);
    assert.ok(stopsZh('ok cancel掉吧 老板叫我开会'));
    assert.ok(!stopsZh('好的 不用了 谢谢'));
  });

  it('reads the same again, list readings and time left', () => {
    assert.ok(againZh('换一个 这个太冷了'));
    assert.ok(againZh('三局两胜 再来'));
    assert.ok(!againZh('再加个香蕉'));
    assert.equal(readsListZh('那清单上现在应该什么都没有了吧？'), 'either');
    assert.equal(readsListZh('待办现在是空的吧'), 'todo');
    assert.equal(readsListZh('清单上加个牛奶'), undefined);
    assert.ok(asksTimeLeftZh('米饭那个还剩多少时间'));
  });
});

describe('Chinese turn words: in dialogues', () => {
  it('answers a holiday question with the holiday, not today, and no place', async () => {
    const h = await createHarness();
    const r = await h.say('元旦是哪天', 'payday');
    assert.equal(r.understanding.intent, 'date');
    assert.equal(r.understanding.slots['date'], '2027-01-01');
    assert.equal(r.understanding.slots['place'], undefined);
    assert.match(r.reply.text, /1月1日/);
    const christmas = await h.say('圣诞节是星期几', 'date');
    assert.equal(christmas.understanding.slots['date'], '2026-12-25');
    assert.match(christmas.reply.text, /星期五/);
  });

  it('recalls the name asked back and never stores the question word', async () => {
    const h = await createHarness();
    await h.say('叫我老李', 'change_user_name');
    const r = await h.say('我叫啥你还记得吗', 'change_user_name');
    assert.equal(r.understanding.intent, 'user_name');
    assert.match(r.reply.text, /老李/);
    const again = await h.say('我叫啥来着', 'user_name');
    assert.match(again.reply.text, /老李/);
  });

  it('drops the alarm question on a loose drop with its reason', async () => {
    const h = await createHarness();
    await h.say('帮我定个闹钟', 'alarm');
    const r = await h.say('哎 还是不弄了 我手机自己有', 'are_you_a_bot');
    assert.equal(r.understanding.intent, 'cancel');
    assert.equal(h.seen()?.pending?.type, 'slot');
  });

  it('keeps the list when a confirmation is refused in loose words, clears it on a loose yes', async () => {
    const h = await createHarness();
    await h.say('购物单加可乐', 'shopping_list_update');
    await h.say('把购物单都删了', 'shopping_list_update');
    const no = await h.say('等等 别 还没买呢', 'yes');
    assert.equal(no.understanding.intent, 'no');
    const read = await h.say('购物单上有什么', 'shopping_list');
    assert.match(read.reply.text, /可乐/);
    await h.say('把购物单都删了', 'shopping_list_update');
    const yes = await h.say('嗯 清吧 都买完了', 'shopping_list_update');
    assert.equal(yes.understanding.intent, 'yes');
    const empty = await h.say('购物单上有什么', 'shopping_list');
    assert.doesNotMatch(empty.reply.text, /可乐/);
  });

  it('stops the named reminder, not the last one', async () => {
    const h = await createHarness();
    await h.say('明天下午三点提醒我去拿报告', 'reminder_update');
    await h.say('今晚八点提醒我关煤气', 'reminder_update');
    const r = await h.say('那个拿报告的取消吧 同事帮我拿了', 'reminder');
    assert.equal(r.understanding.intent, 'reminder_update');
    assert.match(r.reply.text, /拿报告/);
    const left = await h.say('现在还剩啥提醒没', 'reminder_update');
    assert.equal(left.understanding.intent, 'reminder');
    assert.match(left.reply.text, /关煤气/);
    assert.doesNotMatch(left.reply.text, /拿报告/);
  });

  it('asks again after a vague answer, keeps the question through an aside, and takes a bare item', async () => {
    const h = await createHarness();
    await h.say('给开个计时器呗', 'timer');
    const vague = await h.say('随便吧你定', 'maybe');
    assert.equal(vague.understanding.intent, 'timer');
    const set = await h.say('那就十五分钟好了', 'timer');
    assert.equal(set.understanding.slots['duration'], 900_000);

    const r = await createHarness();
    await r.say('帮我设个提醒 明天下午两点', 'reminder_update');
    const aside = await r.say('hhh 我忘了要提醒啥了', 'reminder');
    assert.equal(aside.understanding.intent, null);
    const task = await r.say('哦对 去银行办卡', 'new_card');
    assert.equal(task.understanding.intent, 'reminder_update');
    assert.equal(task.understanding.slots['task'], '去银行办卡');

    const t = await createHarness();
    await t.say('请你帮我在要做的事情里面记一条', 'todo_list_update');
    const item = await t.say('去银行办养老金认证', 'international_visa');
    assert.equal(item.understanding.intent, 'todo_list_update');
    assert.deepEqual(item.understanding.slots['add'], ['去银行办养老金认证']);
  });

  it('reads the list just cleared, not a yes, and tells the next joke', async () => {
    const h = await createHarness();
    await h.say('购物单加可乐', 'shopping_list_update');
    await h.say('把购物单都删了', 'shopping_list_update');
    await h.say('嗯 清吧 都买完了', 'shopping_list_update');
    const read = await h.say('那清单上现在应该什么都没有了吧？', 'yes');
    assert.equal(read.understanding.intent, 'shopping_list');
    const j = await createHarness();
    await j.say('讲个笑话', 'tell_joke');
    const next = await j.say('换一个 这个太冷了', 'next_song');
    assert.equal(next.understanding.intent, 'tell_joke');
  });
});
