import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDialogueManager } from '../../../src/dialogue/index.ts';
import { isCancel, isNo, isYes, stripCue, wordCount, cueOf } from '../../../src/dialogue/cues.ts';
import { openStore } from '../../../src/store/index.ts';
import { createSkillRuntime } from '../../../src/skills/index.ts';
import { createHarness } from './harness.ts';

describe('the language of each turn', () => {
  it('answers each turn in the language it is written in', async () => {
    const h = await createHarness();
    const en = await h.say('what time is it', 'time');
    assert.equal(en.understanding.lang, 'en');
    assert.match(en.reply.text, /^(?:It's|Right now)/);
    const zh = await h.say('现在几点', 'time');
    assert.equal(zh.understanding.lang, 'zh-CN');
    assert.match(zh.reply.text, /现在/);
    const back = await h.say('and in Tokyo?', null);
    assert.equal(back.understanding.lang, 'en');
    assert.match(back.reply.text, /Tokyo/);
  });

  it('takes mixed Chinese-English as Chinese ("帮我set个timer")', async () => {
    const h = await createHarness();
    const r = await h.say('帮我set个timer', 'timer');
    assert.equal(r.understanding.lang, 'zh-CN');
    assert.match(r.reply.text, /多长时间|多久/);
    const answer = await h.say('10分钟', null);
    assert.equal(answer.understanding.slots['duration'], 600_000);
    assert.match(answer.reply.text, /10分钟/);
  });

  it('answers a turn without words ("90") in the language of the conversation', async () => {
    const h = await createHarness();
    await h.say('定个计时器', 'timer');
    const r = await h.say('90', null);
    assert.equal(r.understanding.lang, 'zh-CN');
    assert.match(r.reply.text, /\p{Script=Han}/u);
  });

  it('answers in the host-fixed language whatever the user writes', async () => {
    const h = await createHarness({ lang: 'en' });
    const r = await h.say('现在几点', 'time');
    assert.equal(r.understanding.lang, 'en');
    assert.match(r.reply.text, /^(?:It's|Right now)/);
    const zh = await createHarness({ lang: 'zh-CN' });
    assert.match((await zh.say('what time is it', 'time')).reply.text, /现在/);
  });

  it('never acts on text in a language it does not speak, and says so in the UI language', async () => {
    for (const [text, uiLang, expected] of [
      ['Wie spät ist es jetzt?', 'zh-CN', /只懂中文和英文/],
      ['Который час?', 'en', /English and Chinese/],
      ['タイマーを五分にセットして', 'zh-CN', /只懂中文和英文/],
      ['타이머 5분 맞춰줘', 'en', /English and Chinese/],
      ['¿Qué hora es en este momento?', 'en', /English and Chinese/],
    ] as const) {
      const h = await createHarness({ uiLang: uiLang });
      // Even a confident guess of the model is not acted on.
      const r = await h.say(text, 'timer', 0.99);
      assert.equal(r.understanding.intent, null, text);
      assert.equal(r.understanding.action, 'out-of-scope', text);
      assert.match(r.reply.text, expected, text);
      assert.equal(await h.store.skillData('builtin.timer').get('last-timer'), undefined, text);
    }
  });

  it('never carries the context into a turn the model found in neither language (NluResult.lang und)', async () => {
    const h = await createHarness();
    await h.say('what time is it', 'time');
    // No function word the detector knows: only the model's word evidence says it is not English.
    const r = await h.say('Tokio ahora', null, 0.9, 'und');
    assert.equal(r.understanding.intent, null);
    assert.equal(r.understanding.action, 'out-of-scope');
    assert.match(r.reply.text, /English and Chinese/);
    // Digits and emoji have no language, whatever the model says: they follow the conversation.
    const digits = await h.say('12:30', null, 0.9, 'und');
    assert.doesNotMatch(digits.reply.text, /English and Chinese/);
  });

  it('answers an emoji at the start of a conversation in the UI language, without acting on it', async () => {
    const h = await createHarness({ uiLang: 'zh-CN' });
    const r = await h.say('👍', null);
    assert.equal(r.understanding.lang, 'zh-CN');
    assert.match(r.reply.text, /\p{Script=Han}/u);
  });

  it('rejects a malformed language tag synchronously', async () => {
    const store = await openStore({ storage: 'memory' });
    const runtime = createSkillRuntime({ store });
    assert.throws(() => createDialogueManager({ store, runtime, skills: [], lang: 'not a tag' }), TypeError);
    assert.throws(
      () => createDialogueManager({ store, runtime, skills: [], uiLang: 42 as unknown as string }),
      TypeError,
    );
  });
});

describe('Chinese dialogue cues', () => {
  it('cancel, yes and no', () => {
    for (const t of ['算了', '算了算了', '那算了吧', '取消', '不用了，谢谢', '当我没说', '还是算了'])
      assert.ok(isCancel(t), t);
    for (const t of ['好的', '好', '行', '可以', '嗯嗯', '对的', '没问题', '确定', '好的，清空吧', '好啊'])
      assert.ok(isYes(t), t);
    for (const t of ['不要', '不', '别', '先别', '不行', '不要清空', '别删', '留着吧']) assert.ok(isNo(t), t);
    for (const t of ['好的我知道了然后呢', '算了一下是五十', '取消订单怎么弄', '不要忘了买牛奶']) {
      assert.ok(!isCancel(t) && !isYes(t) && !isNo(t), t);
    }
  });

  it('follow-ups and corrections, and what they leave', () => {
    assert.deepEqual(cueOf('那巴黎呢'), { type: 'follow-up', rest: '巴黎' });
    assert.deepEqual(cueOf('再加个香蕉'), { type: 'follow-up', rest: '加个香蕉' });
    assert.deepEqual(cueOf('不对，改成七点'), { type: 'correction', rest: '七点' });
    assert.equal(stripCue('不是三个是五个'), '五个');
    assert.equal(stripCue('我是说明天'), '明天');
  });

  it('count Chinese words with the segmenter, so fragments stay fragments', () => {
    assert.equal(wordCount('那巴黎呢'), 3);
    assert.ok(wordCount('帮我设置一个五分钟的计时器') >= 5);
  });

  it('cancel a pending question with 算了, and a correction with 不对 replaces the time', async () => {
    const h = await createHarness();
    await h.say('定个闹钟', 'alarm');
    const cancelled = await h.say('算了', null);
    assert.equal(cancelled.understanding.intent, 'cancel');
    assert.match(cancelled.reply.text, /取消|不管|没说过/);
    await h.say('提醒我明天早上八点去跑步', 'reminder_update');
    const fixed = await h.say('不对，改成九点', null);
    assert.equal(fixed.understanding.action, 'correction');
    assert.match(fixed.reply.text, /明天9:00/);
  });
});
