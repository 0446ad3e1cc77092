import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultFeaturizerConfig, featurize, tokenize } from '../../../src/nlu/runtime/featurizer.ts';
import { normalizeText } from '../../../src/nlu/runtime/normalize.ts';
import { FEATURIZER_TEXTS } from '../../fixtures/nlu/featurizer-texts.ts';

const config = defaultFeaturizerConfig('en');
const pinned = JSON.parse(readFileSync(new URL('../../fixtures/nlu/featurizer-ids.json', import.meta.url), 'utf8')) as {
  config: unknown;
  ids: number[][];
};

test('ids equal the pinned fixture (a change of ids is a model-format change)', () => {
  assert.deepEqual(pinned.config, config);
  FEATURIZER_TEXTS.forEach((text, i) =>
    assert.deepEqual(Array.from(featurize(text, config)), pinned.ids[i], JSON.stringify(text)),
  );
});

test('featurizing is deterministic and ids stay in range', () => {
  for (const text of FEATURIZER_TEXTS) {
    const a = featurize(text, config);
    assert.deepEqual(a, featurize(text, config));
    assert.ok(a.length >= 1 && a.length <= config.maxIds);
    for (const id of a) assert.ok(id >= 0 && id < config.buckets);
  }
});

test('normalization: NFKC, case folding, digits, whitespace', () => {
  assert.equal(normalizeText('ＨＥＬＬＯ　Ｗｏｒｌｄ'), 'hello world');
  assert.equal(normalizeText('Straße'), 'strasse');
  assert.equal(normalizeText(' ﬁne\t10 '), 'fine 00');
  assert.equal(normalizeText('\u202Eevil\u202C'), 'evil');
  assert.equal(normalizeText('a\u0000b'), 'a b');
  assert.equal(normalizeText('x\uD800y\uDC00'), 'x\uFFFDy\uFFFD');
  // Case and width do not change ids.
  assert.deepEqual(featurize('Set A TIMER', config), featurize('set a timer', config));
});

test('Chinese and Japanese are split into words without spaces', () => {
  const zh = tokenize(normalizeText('我想订一张去北京的机票'), 'zh');
  assert.ok(zh.length >= 4, `got ${zh.join('|')}`);
  assert.ok(zh.includes('北京'));
  const ja = tokenize(normalizeText('明日の天気を教えて'), 'ja');
  assert.ok(ja.includes('天気'), `got ${ja.join('|')}`);
  // Sentences sharing a word share ids.
  const a = new Set(featurize('北京的天气', config));
  assert.ok([...featurize('去北京', config)].some((id) => a.has(id)));
});

test('bad input never throws and stays bounded', () => {
  const big = 'word '.repeat(200_000); // 1 MB
  const start = performance.now();
  const ids = featurize(big, config);
  assert.ok(performance.now() - start < 500, 'a 1 MB text is cut before it is processed');
  assert.ok(ids.length <= config.maxIds);
  for (const text of [
    '',
    '   ',
    '\u0000\u0001\u0002',
    '\uD800',
    '\uDC00\uD800',
    '\u202E\u2066\u200B',
    '\uFFFF\uFFFE',
    '🏳️‍🌈'.repeat(5000),
  ]) {
    const r = featurize(text, config);
    assert.ok(r.length >= 1);
  }
  assert.deepEqual(Array.from(featurize('', config)), [0]);
  assert.deepEqual(Array.from(featurize(' \t\n ', config)), [0]);
  assert.deepEqual(featurize('\u202Ehello\u202C', config), featurize('hello', config));
  // Cutting the input never leaves half a surrogate pair.
  assert.equal(normalizeText('a'.repeat(999) + '😀', 1000), 'a'.repeat(999));
});
