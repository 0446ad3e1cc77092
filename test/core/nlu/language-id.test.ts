import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  detectLanguage,
  hasHan,
  hasLetter,
  wordCoverage,
  wordsAroundLinks,
} from '../../../src/nlu/runtime/language-id.ts';
import { asksTaskAroundLinkZh } from '../../../src/lang/zh/zh-links.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { defaultFeaturizerConfig } from '../../../src/nlu/runtime/featurizer.ts';
import { LANGUAGE_ID_TEXTS } from '../../fixtures/nlu/language-id-texts.ts';

const modelPath = new URL('../../../models/assistant-en.onnx', import.meta.url).pathname;

test('script and model evidence tell English, Chinese and other languages apart', async () => {
  const en = await loadIntentModel(modelPath);
  try {
    const wrong = LANGUAGE_ID_TEXTS.filter(
      ({ text, language }) => detectLanguage(text, { coverage: { en: (t) => en.coverage(t) } }).lang !== language,
    );
    assert.deepEqual(
      wrong.map((w) => w.text),
      [],
    );
  } finally {
    await en.dispose();
  }
});

test('confidence is a share, 0 without letters; mixed Chinese-English is Chinese', () => {
  for (const { text } of LANGUAGE_ID_TEXTS) {
    const { confidence } = detectLanguage(text);
    assert.ok(confidence >= 0 && confidence <= 1, text);
  }
  assert.deepEqual(detectLanguage('12:30 !!'), { lang: 'und', confidence: 0 });
  assert.equal(detectLanguage('帮我set个timer').lang, 'zh');
  assert.equal(detectLanguage('what does 你好 mean').lang, 'en');
  // Without model evidence, function words tell other Latin-script languages; a few words without
  // them read as English.
  assert.equal(detectLanguage('quelle heure est-il').lang, 'und');
  assert.equal(detectLanguage('faire courses demain').lang, 'en');
  assert.equal(detectLanguage(42 as unknown as string).lang, 'und');
});

test('coverage: the share of words with their own row', () => {
  const config = { ...defaultFeaturizerConfig('en'), buckets: 1 << 12 };
  const remap = new Int32Array(config.buckets);
  assert.ok(Number.isNaN(wordCoverage('  !! ', config, remap)));
  assert.equal(wordCoverage('hello there', config, remap), 0);
  remap.fill(1);
  assert.equal(wordCoverage('hello there', config, remap), 1);
});

describe('detectLanguage without model evidence (as the dialogue manager calls it)', () => {
  it('tells Chinese, English and mixed turns apart', () => {
    for (const t of ['现在几点了', '帮我set个timer', '把oat milk加到清单', '東京現在幾點', '明天早上7点叫我', '好的'])
      assert.equal(detectLanguage(t).lang, 'zh', t);
    for (const t of [
      'what time is it',
      'what does 你好 mean in English',
      'Paris',
      'José',
      'set a timer for 5 minutes 谢谢',
    ])
      assert.equal(detectLanguage(t).lang, 'en', t);
  });

  it("reads a turn's language around its links, a link alone by its letters", () => {
    for (const t of [
      '打开 https://shop.example.io/cart',
      '后天提醒我缴费 www.example.net/bill',
      '给 ann@example.org 回信',
    ])
      assert.equal(detectLanguage(t).lang, 'zh', t);
    for (const t of ['remind me to pay https://bills.example.com/q', 'https://shop.example.io/cart', 'ann@example.org'])
      assert.equal(detectLanguage(t).lang, 'en', t);
  });

  it('calls other languages undetermined, with confidence', () => {
    for (const t of [
      'Wie spät ist es?',
      'Quelle heure est-il ?',
      '¿Qué hora es?',
      'Который час?',
      '今何時ですか',
      '몇 시예요?',
      'كم الساعة',
    ])
      assert.ok(detectLanguage(t).lang === 'und' && detectLanguage(t).confidence >= 0.5, t);
  });

  it('has no evidence in digits, emoji or punctuation, and never throws on bad input', () => {
    for (const t of ['', '42', '👍', '?!', '１５', '\uD800', '\uDC00abc'.slice(0, 1)])
      assert.deepEqual(detectLanguage(t), { lang: 'und', confidence: 0 }, JSON.stringify(t));
    assert.equal(detectLanguage('\uD800现在几点\uDFFF').lang, 'zh');
    assert.equal(detectLanguage('好'.repeat(1_000_000)).lang, 'zh');
    assert.equal(detectLanguage(42 as unknown as string).lang, 'und');
  });

  it('hasHan', () => {
    assert.ok(hasHan('a香蕉'));
    assert.ok(!hasHan('banana'));
  });

  it('hasLetter, wordsAroundLinks: the words a link turn says besides its links', () => {
    assert.ok(hasLetter('ok👍') && !hasLetter('42 👍'));
    assert.equal(wordsAroundLinks('打开 https://x.example.io')?.trim(), '打开');
    // No link, or nothing with a letter besides the links: no words around links.
    assert.equal(wordsAroundLinks('remind me at 5'), undefined);
    assert.equal(wordsAroundLinks('https://x.example.io 👍 2'), undefined);
  });

  it('asksTaskAroundLinkZh: a request form for one of our tasks, never a shop paste', () => {
    assert.ok(asksTaskAroundLinkZh('明天提醒我续费  '));
    assert.ok(asksTaskAroundLinkZh('把  加到购物清单'));
    assert.ok(!asksTaskAroundLinkZh('【拼多多】提醒我领券  点击链接'));
    assert.ok(!asksTaskAroundLinkZh('快加到购物车  '));
  });
});
