import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, wordCoverage } from '../../../src/nlu/language-id.ts';
import { loadIntentModel } from '../../../src/nlu/intent-model.ts';
import { defaultFeaturizerConfig } from '../../../src/nlu/featurizer.ts';
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
  // Without model evidence, Latin script reads as English.
  assert.equal(detectLanguage('quelle heure est-il').lang, 'en');
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
