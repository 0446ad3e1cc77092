import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage, hasHan } from '../../../src/lang/detect-language.ts';

describe('detectLanguage', () => {
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
});
