/**
 * Guard (decide.ts, round 13): a yes or a no answers a confirmation and nothing else. With no confirmation
 * pending, a bare agreement or ack after a finished task ("冒得问题", "yep got it") is a reaction: out of
 * scope whatever the models say, answered as an ack ("好的！"), never "I didn't understand". With a
 * confirmation pending it still confirms. Our own sentences; the intent model's reading (yes) is forced.
 * On main the first two were a new small-talk yes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness } from '../dialogue/harness.ts';

describe('a yes or no with no confirmation pending', () => {
  it('after a finished task is a reaction, taken note of (both languages)', async () => {
    const zh = await createHarness();
    await zh.say('明早七点叫我', 'alarm');
    const ack = await zh.say('冒得问题', 'yes');
    assert.equal(ack.understanding.action, 'out-of-scope');
    assert.doesNotMatch(ack.reply.text, /没听懂|没理解|帮不上/u);
    const en = await createHarness();
    await en.say('what is 4 times 9', 'calculator');
    const ok = await en.say('yep got it', 'yes');
    assert.equal(ok.understanding.action, 'out-of-scope');
    assert.doesNotMatch(ok.reply.text, /understand|beyond me/u);
  });

  it('still confirms what is asked to be confirmed', async () => {
    const h = await createHarness();
    await h.say('购物清单加牛奶', 'shopping_list_update');
    const asked = await h.say('把购物清单清空', 'shopping_list_update');
    assert.match(asked.reply.text, /确定|清空/u);
    const yes = await h.say('好的', 'yes');
    assert.notEqual(yes.understanding.action, 'out-of-scope');
    assert.doesNotMatch(yes.reply.text, /牛奶/u);
    // A to-do list asks its own question before it clears (a pending question, not a confirmation).
    const todo = await createHarness();
    await todo.say('待办加上交水费', 'todo_list_update');
    await todo.say('待办全部清空', 'todo_list_update');
    const sure = await todo.say('嗯 确定', 'yes');
    assert.notEqual(sure.understanding.action, 'out-of-scope', sure.reply.text);
  });
});
