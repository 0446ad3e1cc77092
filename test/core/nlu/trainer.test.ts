import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TrainProgressEvent } from '../../../src/engine/types.ts';
import { CorpusError } from '../../../src/errors.ts';
import { trainIntentModel } from '../../../src/nlu/training/trainer.ts';
import { createInMemoryPredictor } from '../../../src/nlu/training/predictor.ts';
import { readDataset, withMoreData } from '../../../bin/commands/dataset.ts';
import { datasetCorpus } from '../../../src/nlu/corpus/dataset-format.ts';

const dataset = readDataset(new URL('../../fixtures/nlu/tiny-dataset.json', import.meta.url).pathname);
const corpus = datasetCorpus(dataset);
const small = { dim: 32, hidden: 48, epochs: 12 };

test('the same seed gives the same model, bit for bit; another seed does not', async () => {
  const a = await trainIntentModel(corpus, { ...small, seed: 5 });
  const b = await trainIntentModel(corpus, { ...small, seed: 5 });
  const c = await trainIntentModel(corpus, { ...small, seed: 6 });
  assert.deepEqual(a.weights.embedding, b.weights.embedding);
  assert.deepEqual(a.weights.w2, b.weights.w2);
  assert.equal(a.threshold, b.threshold);
  assert.equal(a.temperature, b.temperature);
  assert.notDeepEqual(a.weights.embedding, c.weights.embedding);
});

test('it learns the tiny corpus and reports progress in order', async () => {
  const events: TrainProgressEvent[] = [];
  const model = await trainIntentModel(corpus, { ...small, seed: 1, onProgress: (e) => events.push(e) });
  assert.equal(events[0]?.status, 'featurize');
  assert.equal(events.at(-1)?.status, 'calibrate');
  const epochs = events.filter((e) => e.status === 'epoch');
  assert.ok(epochs.length >= 1);
  assert.deepEqual(model.labels.at(-1), 'oos', 'the out-of-scope examples train an extra class');
  const predictor = createInMemoryPredictor(model);
  const test = dataset.splits.test!.filter((e) => e.intent !== 'oos');
  const correct = test.filter((e) => predictor.predict(e.text).intent === e.intent).length;
  assert.ok(correct / test.length >= 0.7, `in-scope accuracy ${correct}/${test.length}`);
  assert.ok(model.threshold > 0 && model.threshold < 1);
  assert.ok(model.temperature > 0);
});

test('an abort signal stops training with its reason', async () => {
  const controller = new AbortController();
  const reason = new Error('stop');
  const run = trainIntentModel(corpus, {
    ...small,
    epochs: 200,
    patience: 200,
    onProgress: (e) => {
      if (e.status === 'epoch' && e.epoch === 2) controller.abort(reason);
    },
    signal: controller.signal,
  });
  await assert.rejects(run, (e) => e === reason);
});

test('bad corpora and options fail with typed errors', async () => {
  await assert.rejects(
    trainIntentModel({ language: 'en', train: [{ text: 'hi', intent: 'greeting' }], entities: [] }),
    CorpusError,
  );
  await assert.rejects(trainIntentModel(corpus, { dropout: 1 }), RangeError);
  await assert.rejects(trainIntentModel(corpus, { learningRate: Number.NaN }), RangeError);
});

test('a helper thread (the CLI’s) trains exactly the same model', async () => {
  const { createThreadHelper } = await import('../../../bin/commands/parallel.ts');
  const helper = createThreadHelper();
  if (helper === undefined) return; // a single-core machine has no helper
  try {
    const alone = await trainIntentModel(corpus, { ...small, seed: 9 });
    const helped = await trainIntentModel(corpus, { ...small, seed: 9, parallel: helper });
    assert.deepEqual(helped.weights.embedding, alone.weights.embedding);
    assert.deepEqual(helped.weights.w1, alone.weights.w1);
    assert.equal(helped.threshold, alone.threshold);
  } finally {
    helper.close();
  }
});

test('without an out-of-scope class, the out-of-scope examples calibrate the threshold', async () => {
  const model = await trainIntentModel(corpus, { ...small, seed: 4, oosClass: false });
  assert.ok(!model.labels.includes('oos'));
  assert.equal(model.oosClass, false);
  assert.equal(
    model.metrics.oosValidationSize,
    corpus.outOfScope!.length,
    'every out-of-scope text is a calibration negative',
  );
});

test('withMoreData adds the train and val splits of more datasets, never their test split', () => {
  const more = {
    name: 'more',
    splits: {
      train: [{ text: 'one more', intent: 'x' }],
      val: [{ text: 'a val line', intent: 'x' }],
      test: [{ text: 'never', intent: 'x' }],
    },
  };
  const merged = withMoreData(dataset, [more, more]);
  assert.equal(merged.name, dataset.name);
  assert.equal(merged.splits.train!.length, dataset.splits.train!.length + 2);
  assert.equal(merged.splits.val?.length ?? 0, (dataset.splits.val?.length ?? 0) + 2);
  assert.deepEqual(merged.splits.test, dataset.splits.test);
  assert.equal(dataset.splits.train!.includes(more.splits.train[0]!), false, 'the input is not changed');
});
