/**
 * Round 12's Chinese acts (from zh-train-10's failures, our own sentences): Cantonese yes, no-need and
 * done (系呀, 唔使, 搞掂), a reaction to a flat joke in two clauses, a feeling after what happened, what
 * the assistant can do, a Cantonese name question; and the guards of decide.ts that hold whatever the
 * model says: a stop with a timer set goes to the timer, a Cantonese question is no free-text answer,
 * "就是那个，…" is one, and "之前定的多久来着" reads the timer set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideAction } from '../../../src/context/decide.ts';
import { readTalk } from '../../../src/lang/talk.ts';
import { zhCues } from '../../../src/lang/zh/zh-cues.ts';
import {
  answersConfirmZh,
  asksBackZh,
  asksWhatWasSetZh,
  dropsZh,
  notFunnyZh,
  requestIntentZh,
  stopsZh,
} from '../../../src/lang/zh/zh-turn-words.ts';
import { createHarness } from '../dialogue/harness.ts';
import { asking, featuresOf, finished, outputs } from './decide-fixtures.ts';

describe('Chinese turn words, round 12', () => {
  it('hear Cantonese yes, no-need and done', () => {
    assert.equal(answersConfirmZh('系呀，删晒佢'), 'yes');
    assert.equal(dropsZh('唔使喇，我记得'), true);
    assert.equal(dropsZh('唔使喇，帮我定八点'), false);
    assert.ok(zhCues.cancel.test('唔使喇，冇事'));
    assert.ok(zhCues.yes.test('系啊'));
    assert.equal(readTalk('OK搞掂'), 'ack');
    assert.equal(readTalk('得咗'), 'ack');
  });

  it('hear a Shanghainese yes (额 for 的) with or without its verb', () => {
    assert.equal(answersConfirmZh('好额，删脱伊'), 'yes');
    assert.equal(answersConfirmZh('是额'), 'yes');
    assert.ok(zhCues.yes.test('对额'));
    assert.equal(answersConfirmZh('好额，先别删'), 'no');
  });

  it('hear a flat joke in two clauses, but not a request after it', () => {
    assert.ok(notFunnyZh('这个好尬，笑不出来'));
    assert.ok(notFunnyZh('太冷了这个'));
    assert.ok(!notFunnyZh('这个笑话，再来一个'));
    assert.ok(!notFunnyZh('好冷啊 帮我定个闹钟'));
  });

  it('hear a feeling after what happened, not after a request', () => {
    assert.equal(readTalk('电脑又死机了，烦死了'), 'stressed');
    assert.equal(readTalk('地铁又坏了，气死'), 'angry');
    assert.equal(readTalk('讲个笑话呗 好无聊'), undefined);
    assert.equal(readTalk('明天早上七点，好累'), undefined);
  });

  it('hear what the assistant can do and a Cantonese name question', () => {
    assert.equal(requestIntentZh('你都能干些啥', false), 'what_can_i_ask_you');
    assert.equal(requestIntentZh('你会做饭吗', false), undefined);
    assert.equal(requestIntentZh('我叫咩名呀', false), 'user_name');
    assert.equal(stopsZh('好了停吧'), true);
    assert.equal(stopsZh('别停'), false);
    assert.equal(asksWhatWasSetZh('之前定的是多久来着'), true);
    assert.equal(asksWhatWasSetZh('我叫啥来着'), false);
  });
});

describe('decide.ts Chinese guards, round 12', () => {
  it('a stop with a timer set and nothing asked goes to the timer, even when the model says cancel', () => {
    const state = finished('timer', 'builtin.timer', { duration: 300_000 });
    // The intent model names the cancel too, so the cancel is possible (cancelNamed).
    const f = featuresOf('好了停吧', state, 'cancel');
    const d = decideAction(state, f, outputs({ cancel: 0.6, start_task: 0.4 }, { timer: 1 }, f, 0.1));
    assert.equal(d.action.type, 'new-intent');
    assert.equal((d.action as { intent: string }).intent, 'timer');
  });

  it('a Cantonese question while the reminder text is asked is no answer', () => {
    const state = asking('reminder_update', 'builtin.reminders', 'task', '要提醒你做什么？');
    const f = featuresOf('而家有边啲提醒', state, 'reminder');
    const d = decideAction(state, f, outputs({ start_task: 0.7, fill_slot: 0.2 }, { reminder: 1 }, f, 0.9));
    assert.notEqual(d.action.type, 'fill-slot');
  });

  it('"就是那个，…" while the reminder text is asked answers it', () => {
    const state = asking('reminder_update', 'builtin.reminders', 'task', '要提醒你做什么？');
    const f = featuresOf('就是那个，去银行取钱', state, 'reminder_update');
    const d = decideAction(state, f, outputs({ out_of_scope: 0.55, fill_slot: 0.45 }, { reminder_update: 1 }, f, 0.6));
    assert.equal(d.action.type, 'fill-slot');
  });

  it('"之前定的多久来着" with a timer set reads the timer, whatever the model reads', () => {
    const state = finished('timer', 'builtin.timer', { duration: 480_000 });
    const f = featuresOf('之前定的多久来着', state, 'repeat');
    const d = decideAction(state, f, outputs({ start_task: 1 }, { repeat: 0.9, timer: 0.1 }, f, 0.3));
    assert.equal((d.action as { intent?: string }).intent, 'timer');
  });
});

describe('a tag question to a confirmation (review r11 should-fix 9)', () => {
  it('"对吧" / "是吧？" / "好了好了" leave the list and the confirmation as they are; a yes then clears it', async () => {
    for (const said of ['对吧', '是吧？', '好了好了']) {
      const h = await createHarness();
      await h.say('购物清单加牛奶和面包', 'shopping_list_update');
      await h.say('把购物清单清空', 'shopping_list_update');
      const tag = await h.say(said, 'yes');
      assert.notEqual(tag.understanding.action, 'confirm', said);
      const read = await h.say('购物清单上有什么', 'shopping_list');
      assert.match(read.reply.text, /牛奶/u, said);
    }
    assert.equal(asksBackZh('对吧 清吧'), false);
  });
});
