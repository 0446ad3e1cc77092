// The reply language through the whole engine: createAssistant({ worker: false }) with the shipped
// model. The English model cannot place most Chinese requests yet (the bilingual model is issue 13's
// other half), so these tests check the language of the reply, not the intent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, type Assistant } from '../../../src/index.ts';

describe('the language of replies', () => {
  let assistant: Assistant;
  before(async () => {
    assistant = await createAssistant({ worker: false, storage: 'memory', timeZone: 'Europe/Paris', uiLang: 'zh-CN' });
  });
  after(() => assistant.dispose());

  test('a Chinese turn gets a Chinese reply, an English one an English reply', async () => {
    const zh = await assistant.send('你好');
    assert.equal(zh.understanding.lang, 'zh-CN');
    assert.match(zh.text, /\p{Script=Han}/u);
    const en = await assistant.send('hello');
    assert.equal(en.understanding.lang, 'en');
    assert.doesNotMatch(en.text, /\p{Script=Han}/u);
  });

  test('text in another language is answered honestly in the UI language, and nothing is done', async () => {
    const reply = await assistant.send('Stell einen Wecker für sieben Uhr, bitte');
    assert.equal(reply.understanding.intent, null);
    assert.match(reply.text, /只懂中文和英文/);
    // Japanese writes Han among its kana: it is a language, not junk, whatever else the text holds.
    for (const text of ['タイマーを五分にセットして', 'こんにちは、天気はどうですか', '今日は何曜日ですか']) {
      const japanese = await assistant.send(text);
      assert.equal(japanese.understanding.intent, null, text);
      assert.match(japanese.text, /只懂中文和英文/, text);
    }
  });

  test('markup, code or keyboard mash follows the conversation language, not its Latin letters', async () => {
    const zh = await createAssistant({ worker: false, storage: 'memory', uiLang: 'zh-CN' });
    const en = await createAssistant({ worker: false, storage: 'memory', uiLang: 'zh-CN' });
    try {
      // First turn of a conversation on a Chinese page: the UI language.
      const first = await zh.send('<img src=x onerror=alert(1)>');
      assert.equal(first.understanding.intent, null);
      assert.match(first.text, /\p{Script=Han}/u);
      await zh.send('现在几点了');
      for (const junk of ['asdfghjkl', "<script>fetch('//x')</script>", 'SELECT * FROM users; DROP TABLE x;--']) {
        assert.match((await zh.send(junk)).text, /\p{Script=Han}/u, junk);
      }
      // An English conversation on the same page stays English.
      await en.send('what time is it');
      const markup = await en.send('<b onclick=steal()>hi</b>');
      assert.doesNotMatch(markup.text, /\p{Script=Han}/u);
    } finally {
      await zh.dispose();
      await en.dispose();
    }
  });

  test('full-width English typed with a Chinese input method is understood, values included', async () => {
    const timer = await assistant.send('ＳＥＴ　ＴＩＭＥＲ　５　ＭＩＮ');
    assert.equal(timer.understanding.lang, 'en');
    assert.equal(timer.understanding.intent, 'timer');
    assert.equal(timer.understanding.slots?.['duration'], 300_000);
    const sum = await assistant.send('ＷＨＡＴ　ＩＳ　５＋５');
    assert.equal(sum.understanding.intent, 'calculator');
    assert.match(sum.text, /\b10\b/);
  });

  test('a bare name answering "what should I call you?" is the name, never a cancel', async () => {
    const ask = await assistant.send('call me');
    assert.equal(ask.understanding.intent, 'change_user_name');
    const name = await assistant.send('Bob');
    assert.equal(name.understanding.intent, 'change_user_name');
    assert.equal(name.understanding.slots?.['name'], 'Bob');
  });

  test('a host-fixed lang answers every turn in it', async () => {
    const fixed = await createAssistant({ worker: false, storage: 'memory', lang: 'en' });
    try {
      const reply = await fixed.send('你好');
      assert.equal(reply.understanding.lang, 'en');
      assert.doesNotMatch(reply.text, /\p{Script=Han}/u);
    } finally {
      await fixed.dispose();
    }
  });

  test('a malformed lang or uiLang throws TypeError before anything starts', () => {
    assert.throws(() => createAssistant({ worker: false, storage: 'memory', lang: 'chinese please' }), TypeError);
    assert.throws(() => createAssistant({ worker: false, storage: 'memory', uiLang: '' }), TypeError);
  });
});
