import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  defaultFeaturizerConfig,
  featurize,
  tokenize,
  type FeaturizerConfig,
} from '../../../src/nlu/runtime/featurizer.ts';
import { normalizeText } from '../../../src/nlu/runtime/normalize.ts';
import { FEATURIZER_TEXTS } from '../../fixtures/nlu/featurizer-texts.ts';

const config = defaultFeaturizerConfig('en');
const pinned = JSON.parse(readFileSync(new URL('../../fixtures/nlu/featurizer-ids.json', import.meta.url), 'utf8')) as {
  versions: { config: FeaturizerConfig; ids: number[][] }[];
};

test('ids equal the pinned fixture for every featurizer version (a change of ids is a model-format change)', () => {
  assert.deepEqual(
    pinned.versions.map((v) => v.config.version),
    [1, 2],
  );
  assert.deepEqual(pinned.versions.at(-1)?.config, config, 'the default config is the newest pinned one');
  for (const { config: c, ids } of pinned.versions) {
    FEATURIZER_TEXTS.forEach((text, i) =>
      assert.deepEqual(Array.from(featurize(text, c)), ids[i], `v${c.version} ${JSON.stringify(text)}`),
    );
  }
});

test('version 2 changes the ids of Han text only', () => {
  const v1 = pinned.versions[0]!.config;
  for (const text of FEATURIZER_TEXTS) {
    if (/\p{Script=Han}/u.test(text)) continue;
    assert.deepEqual(featurize(text, config), featurize(text, v1), JSON.stringify(text));
  }
});

test('traditional characters and full-width forms featurize as simplified and ASCII (version 2)', () => {
  const zh = defaultFeaturizerConfig('zh');
  assert.deepEqual(featurize('現在幾點了？', zh), featurize('现在几点了?', zh));
  assert.deepEqual(featurize('設置一個５分鐘的計時器', zh), featurize('设置一个5分钟的计时器', zh));
  assert.equal(normalizeText('現在幾點了？１０', 1000, { foldHan: true }), '现在几点了?00');
  // Simplified text is never changed (么 stays 么, though a Taiwan variant table lists it).
  assert.equal(normalizeText('什么时候', 1000, { foldHan: true }), '什么时候');
  // Version 1 models keep featurizing as they were trained.
  assert.notDeepEqual(
    featurize('現在幾點了', pinned.versions[0]!.config),
    featurize('现在几点了', pinned.versions[0]!.config),
  );
});

test("Han n-grams run across the segmenter's word boundaries", () => {
  const zh = defaultFeaturizerConfig('zh');
  const split = tokenize(normalizeText('计时器'), 'zh');
  const withGrams = new Set(featurize('计时器', zh));
  const without = new Set(featurize('计时器', { ...zh, hanNgrams: 0 }));
  assert.ok(withGrams.size > without.size, `tokens ${split.join('|')}`);
  // "计时" and "时器" are features whatever the segmentation.
  const inOther = new Set(featurize('倒计时', zh));
  assert.ok([...withGrams].some((id) => inOther.has(id) && !without.has(id)));
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

test('a text featurized under several configs in a row gets the ids each config alone gives (the kept segmentation is keyed by text and options)', () => {
  const configs: FeaturizerConfig[] = [
    config,
    { ...config, buckets: 4096, charMin: 3, charMax: 4 },
    defaultFeaturizerConfig('zh'),
    { ...config, maxChars: 12 },
    { ...config, version: 1 },
  ];
  const texts = ['Set a timer for ten minutes', '把七点的闹钟关了', '頭髮 ＡＢＣ', 'Set a timer for ten minutes'];
  // Alone: every call follows a call on another text, so nothing kept from the previous call applies.
  const alone = configs.map((c) =>
    texts.map((t) => {
      featurize(`${t} (another text first)`, c);
      return [...featurize(t, c)];
    }),
  );
  // In a row: the same text under each config, one call after another, as a turn is read by several models.
  for (const [i, t] of texts.entries()) {
    configs.forEach((c, k) => assert.deepEqual([...featurize(t, c)], alone[k]![i], `${t} under config ${k}`));
  }
});
