import { test } from 'node:test';
import assert from 'node:assert/strict';
import { augmentChinese, augmentEnglish, augmenterFor, typo } from '../../../src/nlu/training/augment.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';
import { resolveTrainOptions } from '../../../src/nlu/training/train-options.ts';
import { splicedOos } from '../../../src/nlu/training/trainer-data.ts';

const EN = [
  'can you set a timer for 5 minutes please',
  "what's the weather going to be like tomorrow",
  'I want to know my credit score right now',
  'how do you say thank you in french',
];

test('English variants are seeded, differ from the text at the default rates, and keep most words', () => {
  const a = EN.map((t) => augmentEnglish(t, createRng(9)));
  const b = EN.map((t) => augmentEnglish(t, createRng(9)));
  assert.deepEqual(a, b, 'the same seed gives the same variants');
  const rng = createRng(4);
  let changed = 0;
  let keptShare = 0;
  for (let i = 0; i < 200; i++) {
    const text = EN[i % EN.length]!;
    const v = augmentEnglish(text, rng);
    if (v !== text.toLowerCase()) changed++;
    const words = new Set(v.split(' '));
    const original = text.toLowerCase().split(' ');
    keptShare += original.filter((w) => words.has(w)).length / original.length / 200;
  }
  assert.ok(changed > 120, `${changed} of 200 variants differ`);
  assert.ok(keptShare > 0.6 && keptShare < 0.95, `on average ${keptShare} of the words are kept as they were`);
});

test('chat forms and contractions without apostrophes appear; no digit spellings', () => {
  const rng = createRng(1);
  const all = Array.from({ length: 300 }, () => augmentEnglish("can you please tell me what's up tomorrow", rng));
  for (const form of ['u', 'pls', 'whats', 'tmrw'])
    assert.ok(
      all.some((v) => v.split(' ').includes(form)),
      form,
    );
  assert.ok(!all.some((v) => /\d/.test(v)), 'the featurizer folds digits: 2day would read as a number');
  // Zero rates: only lower-casing.
  assert.equal(augmentEnglish('Set A Timer', rng, { typo: 0, chat: 0, filler: 0 }), 'set a timer');
});

test('a typo keeps the first letter and changes the word by one edit', () => {
  const rng = createRng(2);
  for (let i = 0; i < 200; i++) {
    const v = typo('weather', rng);
    assert.equal(v[0], 'w');
    assert.ok(Math.abs(v.length - 7) <= 1, v);
  }
});

test('Chinese variants: English words, numerals, homophones; seeded', () => {
  const rng = createRng(3);
  const all = Array.from({ length: 300 }, () => augmentChinese('帮我设置一个5分钟的计时器', rng));
  assert.ok(all.some((v) => v.includes('timer')));
  assert.ok(all.some((v) => v.includes('五分钟')));
  assert.deepEqual(augmentChinese('现在几点了', createRng(5)), augmentChinese('现在几点了', createRng(5)));
});

test('augmenters by language; options are checked', () => {
  assert.notEqual(augmenterFor('en-GB'), null);
  assert.notEqual(augmenterFor('zh-CN'), null);
  assert.notEqual(augmenterFor('mul'), null);
  assert.equal(augmenterFor('fr'), null, 'no augmentation for a language without an augmenter');
  assert.equal(resolveTrainOptions({ augment: false }).augmentCopies, 0);
  assert.throws(() => resolveTrainOptions({ augment: { copies: 1.5 } }), RangeError);
  assert.throws(() => resolveTrainOptions({ augment: { rates: { typo: 2 } } }), RangeError);
  assert.throws(() => resolveTrainOptions({ splicedOos: -1 }), RangeError);
});

test('spliced out-of-scope utterances join halves of two intents', () => {
  const train = [
    { text: 'set a timer for ten minutes', intent: 'timer' },
    { text: 'what is my credit card balance', intent: 'balance' },
    { text: '帮我设置一个闹钟', intent: 'alarm' },
  ];
  const out = splicedOos(train, 20, createRng(1));
  assert.equal(out.length, 20);
  for (const t of out) assert.ok(!train.some((e) => e.text === t), t);
  assert.deepEqual(splicedOos(train.slice(0, 1), 5, createRng(1)), []);
});
