import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVocabulary } from '../../../src/nlu/training/trainer-helpers.ts';
import { resolveTrainOptions } from '../../../src/nlu/training/train-options.ts';
import { trainIntentModel } from '../../../src/nlu/training/trainer.ts';
import { readDataset } from '../../../bin/commands/dataset.ts';
import { datasetCorpus } from '../../../src/nlu/corpus/dataset-format.ts';

// Bucket ids of four "utterances": 7 is seen 4 times, 3 and 9 three times, 5 twice, 8 once; 0 is the unknown bucket.
const lists = [
  Int32Array.from([5, 3, 7]),
  Int32Array.from([9, 7, 0, 3]),
  Int32Array.from([7, 9, 5, 8]),
  Int32Array.from([3, 9, 7]),
];

test('without a cap, or with one the table does not reach, rows go by first appearance as before', () => {
  const plain = buildVocabulary(lists, 16, 2);
  // First appearances of the features seen twice or more: 5, 3, 7, 9.
  assert.deepEqual([plain[5], plain[3], plain[7], plain[9], plain[8], plain[0]], [1, 2, 3, 4, 0, 0]);
  assert.deepEqual(buildVocabulary(lists, 16, 2, 5), plain, 'four rows and the zero row fit a cap of 5');
  assert.deepEqual(buildVocabulary(lists, 16, 2, 100), plain);
});

test('a cap keeps the most frequent features (ties: the first seen), numbered by first appearance', () => {
  // Room for three rows besides the zero row: 7 (4 times), then 3 and 9 (3 times each); 5 (twice) is dropped.
  const capped = buildVocabulary(lists, 16, 2, 4);
  assert.deepEqual([capped[3], capped[7], capped[9], capped[5], capped[8]], [1, 2, 3, 0, 0]);
  // Room for two: 7, then 3, seen before 9 (the tie goes to the first seen).
  const two = buildVocabulary(lists, 16, 2, 3);
  assert.deepEqual([two[3], two[7], two[9], two[5]], [1, 2, 0, 0]);
  assert.deepEqual(buildVocabulary(lists, 16, 2, 3), two, 'the same data gives the same table');
});

test('maxRows must be an integer of at least 2', () => {
  for (const maxRows of [0, 1, 2.5, -3, Number.NaN, Number.POSITIVE_INFINITY])
    assert.throws(() => resolveTrainOptions({ maxRows }), RangeError, `maxRows ${maxRows}`);
  assert.equal(resolveTrainOptions({ maxRows: 2 }).maxRows, 2);
  assert.equal(resolveTrainOptions({}).maxRows, undefined);
});

test('a trained model with maxRows has at most that many embedding rows', async () => {
  const corpus = datasetCorpus(readDataset(new URL('../../fixtures/nlu/tiny-dataset.json', import.meta.url).pathname));
  const options = { dim: 8, hidden: 8, epochs: 2, seed: 3, augment: false as const };
  const free = await trainIntentModel(corpus, options);
  const freeRows = free.weights.embedding.length / 8;
  const capped = await trainIntentModel(corpus, { ...options, maxRows: 40 });
  assert.ok(freeRows > 40, `the tiny corpus needs more than 40 rows (${freeRows})`);
  assert.equal(capped.weights.embedding.length / 8, 40);
});
