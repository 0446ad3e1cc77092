import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shippedPlayer } from './shipped-play.ts';

// The shipped intent, context and tagger models, played as `eval-dialogues` plays them.
let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

describe('talk between and around tasks', () => {
  it('answers a feeling warmly in its language, as out of scope, with what it can do', async () => {
    for (const [text, words] of [
      ['i feel sad', /sorry/i],
      ['im so tired', /exhausting|long day|rest/i],
      ['im bored', /company|help with that/i],
      ['我好难过', /抱抱|难过|陪/],
      ['好累啊', /辛苦/],
      ['无聊死了', /陪你|打发/],
    ] as const) {
      const [turn] = await play(text);
      assert.equal(turn!.intent, null, text);
      assert.match(turn!.text, words, text);
      assert.doesNotMatch(turn!.text, /didn't understand|didn't get|没理解|没听懂/, text);
      assert.match(turn!.text, /I can|我可以/, text);
    }
  });

  it('answers a question about privacy truthfully, in its language, and starts nothing', async () => {
    for (const [text, words] of [
      ['are you recording me', /stays on this device.*encrypted/],
      ['do you store my data anywhere', /stays on this device/],
      ['你会上传我的数据吗', /留在这台设备上.*加密/],
    ] as const) {
      const [turn] = await play(text);
      assert.equal(turn!.intent, null, text);
      assert.match(turn!.text, words, text);
    }
    // In the middle of a task the question is answered and the task waits.
    const [, answer, filled] = await play('set a timer', 'wait are you recording me?', '5 minutes');
    assert.match(answer!.text, /stays on this device/);
    assert.equal(filled!.intent, 'timer');
  });

  it('answers an insult calmly and starts nothing', async () => {
    for (const text of ['youre useless', 'ur dumb', '你好笨', '垃圾']) {
      const [turn] = await play(text);
      assert.equal(turn!.intent, null, text);
      assert.match(turn!.text, /sorry|抱歉|不好意思/i, text);
      assert.doesNotMatch(turn!.text, /Confidant|你好/, text);
    }
  });

  it('thanks praise and takes note of "got it" without starting anything', async () => {
    for (const [text, words] of [
      ['youre the best', /thank/i],
      ['你真棒', /谢谢/],
      ['嗯嗯 知道了', /好|有需要/],
    ] as const) {
      const [turn] = await play(text);
      assert.equal(turn!.intent, null, text);
      assert.match(turn!.text, words, text);
      assert.doesNotMatch(turn!.text, /didn't understand|didn't get|没理解|没听懂/, text);
    }
  });

  it('takes no reaction, filler or mash for a name, an item or a reminder, and keeps the question', async () => {
    for (const [ask, reaction, answer, named] of [
      ['call me', 'lol', 'Bob', /Bob/],
      ['call me', 'haha', 'Bob', /Bob/],
      ['call me', 'idk', 'Bob', /Bob/],
      ['叫我', '哈哈', '小王', /小王/],
      ['add something to my shopping list', 'asdfgh', 'eggs', /eggs/],
      ['set a reminder', 'lol', 'take out the trash', /trash/],
    ] as const) {
      const [, heard, filled] = await play(ask, reaction, answer);
      assert.doesNotMatch(heard!.text, new RegExp(`(call you|叫你|on your|reminder set).*${reaction}`, 'i'), reaction);
      assert.match(filled!.text, named, `${ask} / ${reaction} / ${answer}: ${filled!.text}`);
    }
  });

  it('keeps the question open through an aside, quietly', async () => {
    for (const [ask, aside, answer, named] of [
      ['call me', 'hmm let me think', 'Bob', /Bob/],
      ['call me', 'one sec', 'Bob', /Bob/],
      ['叫我', '等一下', '小王', /小王/],
      ['叫我', '我想想', '小王', /小王/],
      ['remind me to call mom', 'hold on', 'at 5pm', /5:00/],
    ] as const) {
      const [asked, waited, filled] = await play(ask, aside, answer);
      assert.match(waited!.text, /take your time|No rush|wait|慢|等你/i, aside);
      assert.ok(!waited!.text.includes(asked!.text), `${aside}: asked again "${waited!.text}"`);
      assert.match(filled!.text, named, `${aside} / ${answer}: ${filled!.text}`);
    }
  });

  it('asks an interrupted question again once, then keeps it open quietly until answered', async () => {
    const [asked, first, second, third, answered] = await play(
      'set a timer',
      'what time is it',
      'tell me a joke',
      'whats 2 plus 2',
      '5 minutes',
    );
    assert.ok(first!.text.endsWith(asked!.text), first!.text);
    assert.ok(!second!.text.includes(asked!.text), second!.text);
    assert.ok(!third!.text.includes(asked!.text), third!.text);
    assert.match(answered!.text, /5 minutes/);
    assert.equal(answered!.intent, 'timer');
  });
});
