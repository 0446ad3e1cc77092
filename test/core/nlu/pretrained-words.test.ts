import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketOf } from '../../../src/nlu/runtime/hash.ts';
import type { NetworkWeights } from '../../../src/nlu/training/network.ts';
import { addWordRows, seedWordRows, type PretrainedWords } from '../../../src/nlu/training/pretrained-words.ts';
import { createInMemoryPredictor } from '../../../src/nlu/training/predictor.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';
import { trainIntentModel } from '../../../src/nlu/training/trainer.ts';
import type { Corpus } from '../../../src/nlu/types.ts';

const BUCKETS = 1 << 12;

/** Weights whose rows belong to `known` words (row i + 1 for word i), with the given rows. */
function weightsFor(known: string[], dim: number, rows: number[][]): NetworkWeights {
  const remap = new Int32Array(BUCKETS);
  known.forEach((w, i) => (remap[bucketOf(`w${w}`, BUCKETS)] = i + 1));
  const embedding = new Float32Array((known.length + 1) * dim);
  rows.forEach((r, i) => embedding.set(r, (i + 1) * dim));
  return {
    dim,
    hidden: 0,
    classes: 2,
    remap,
    embedding,
    w1: new Float32Array(0),
    b1: new Float32Array(0),
    w2: new Float32Array(0),
    skip: new Float32Array(dim * 2),
    b2: new Float32Array(2),
  };
}

const cosine = (w: NetworkWeights, a: number, b: number): number => {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < w.dim; d++) {
    const x = w.embedding[a * w.dim + d]!;
    const y = w.embedding[b * w.dim + d]!;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return ab / Math.sqrt(aa * bb);
};

test('seedWordRows starts known words from their vectors: near words near, at the length of a random row', () => {
  const words = ['taxi', 'cab', 'pizza'];
  const pretrained: PretrainedWords = {
    words: [...words, 'unknown'],
    vectors: [
      [1, 0.1, 0],
      [0.95, 0.15, 0.05],
      [0, 0.2, 1],
      [0, 1, 0],
    ],
  };
  const dim = 24;
  const w = weightsFor(words, dim, []);
  assert.equal(seedWordRows(w, BUCKETS, pretrained, createRng(3)), 3, 'the word without a row is skipped');
  assert.ok(cosine(w, 1, 2) > 0.9, `taxi ~ cab: ${cosine(w, 1, 2)}`);
  assert.ok(Math.abs(cosine(w, 1, 3)) < cosine(w, 1, 2) - 0.3, `taxi !~ pizza: ${cosine(w, 1, 3)}`);
  const norm = Math.hypot(...w.embedding.subarray(dim, 2 * dim));
  assert.ok(Math.abs(norm - 0.5 * Math.sqrt(dim / 3)) < 1e-4, `row length ${norm}`);
  assert.ok(
    w.embedding.subarray(0, dim).every((x) => x === 0),
    'row 0 (unknown features) stays zero',
  );
  const zero = weightsFor(words, dim, []);
  assert.equal(seedWordRows(zero, BUCKETS, { ...pretrained, scale: 0 }, createRng(3)), 0, 'scale 0 sets nothing');
});

test('addWordRows maps the vectors of unseen words into the table by the map the known words follow', () => {
  // Rows that are a linear map of the vectors: the regression should recover it.
  const map = [
    [1, 0, 2],
    [0, 1, -1],
    [3, 1, 0],
    [0.5, -2, 1],
  ];
  const apply = (g: number[]) => map.map((r) => r.reduce((s, x, k) => s + (x * g[k]!) / Math.hypot(...g), 0));
  const rng = createRng(8);
  const known = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
  const vectors = known.map(() => [rng.next() - 0.5, rng.next() - 0.5, rng.next() - 0.5]);
  const w = weightsFor(known, 4, vectors.map(apply));
  const unseen = [
    [0.3, -0.2, 0.9],
    [-0.7, 0.1, 0.2],
    [0.1, 0.1, 0.1],
  ];
  const pretrained: PretrainedWords = {
    words: [...known, 'cab', 'petrol', 'scooter'],
    vectors: [...vectors, ...unseen],
    addRows: 2,
  };
  const before = w.embedding.slice();
  const { weights, added } = addWordRows(w, BUCKETS, pretrained, 1e-6);
  assert.equal(added, 2, 'at most addRows, most frequent first');
  assert.deepEqual(w.embedding, before, 'the input is not changed');
  assert.equal(weights.embedding.length, (known.length + 3) * 4);
  const cab = weights.remap[bucketOf('wcab', BUCKETS)]!;
  assert.equal(cab, known.length + 1);
  assert.equal(weights.remap[bucketOf('wscooter', BUCKETS)], 0, 'past addRows: no row');
  const expected = apply(unseen[0]!);
  for (let d = 0; d < 4; d++) assert.ok(Math.abs(weights.embedding[cab * 4 + d]! - expected[d]!) < 1e-3);
  assert.deepEqual(addWordRows(w, BUCKETS, { ...pretrained, addRows: 0 }).weights, w, 'addRows 0: unchanged');
});

test('trained with pretrained words, a word the corpus never had is understood like its neighbour', async () => {
  const corpus: Corpus = {
    language: 'en',
    entities: [],
    train: [
      ...['get me a taxi', 'i need a taxi now', 'taxi to the airport', 'call a taxi', 'book a taxi please'].map(
        (text) => ({ text, intent: 'ride' }),
      ),
      ...['order a pizza', 'i want pizza tonight', 'pizza delivery please', 'get me a pizza', 'a large pizza'].map(
        (text) => ({ text, intent: 'food' }),
      ),
    ],
  };
  const pretrained: PretrainedWords = {
    words: ['taxi', 'pizza', 'get', 'me', 'a', 'cab', 'burger'],
    vectors: [
      [1, 0, 0, 0.1],
      [0, 1, 0, 0.1],
      [0, 0, 1, 0.2],
      [0, 0, 1, 0.1],
      [0, 0, 0.9, 0.3],
      [0.97, 0.05, 0, 0.1],
      [0.05, 0.96, 0, 0.1],
    ],
  };
  const options = { seed: 2, dim: 16, hidden: 16, augment: false as const, minCount: 1 };
  /** P(ride) − P(food) of `text` under a model trained with `addRows` added words. */
  const margins = async (addRows: number) => {
    const model = await trainIntentModel(corpus, { ...options, pretrainedWords: { ...pretrained, addRows } });
    const predictor = createInMemoryPredictor(model);
    return (text: string) => {
      const probs = predictor.probabilities(text);
      return probs[model.labels.indexOf('ride')]! - probs[model.labels.indexOf('food')]!;
    };
  };
  const without = await margins(0);
  const withRows = await margins(10);
  // "get me a" is in both intents: the unseen word's row decides which way the added row moves it.
  const cab = withRows('get me a cab') - without('get me a cab');
  const burger = withRows('get me a burger') - without('get me a burger');
  assert.ok(cab > 0.1, `a cab moves towards a ride: ${cab}`);
  assert.ok(burger < cab - 0.1, `a burger does not: ${burger}`);
  await assert.rejects(trainIntentModel(corpus, { pretrainedWords: { words: ['a'], vectors: [] } }), TypeError);
  await assert.rejects(
    trainIntentModel(corpus, { pretrainedWords: { words: [], vectors: [], addRows: -1 } }),
    RangeError,
  );
});
