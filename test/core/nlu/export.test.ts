import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDataset } from '../../../bin/commands/dataset.ts';
import { datasetCorpus } from '../../../src/nlu/corpus/dataset-format.ts';
import { exportOnnx } from '../../../src/nlu/onnx/export.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { readOnnxSummary } from '../../../src/nlu/onnx/onnx-reader.ts';
import { createInMemoryPredictor } from '../../../src/nlu/training/predictor.ts';
import { trainIntentModel } from '../../../src/nlu/training/trainer.ts';

const dataset = readDataset(new URL('../../fixtures/nlu/tiny-dataset.json', import.meta.url).pathname);
const testSplit = dataset.splits.test!;
const trained = trainIntentModel(
  { ...datasetCorpus(dataset), name: 'parity', version: '3.1.4' },
  { seed: 11, dim: 32, hidden: 48 },
);

test('the exported float32 model predicts exactly what the trainer predicts, on the whole test split', async () => {
  const model = await trained;
  const onnx = await loadIntentModel(exportOnnx(model));
  const memory = createInMemoryPredictor(model);
  try {
    let maxDiff = 0;
    for (const { text } of testSplit) {
      const fromOnnx = await onnx.classify(text, { topK: 8 });
      const fromMemory = memory.predict(text, 8);
      assert.equal(fromOnnx.intent, fromMemory.intent, text);
      assert.equal(fromOnnx.outOfScope, fromMemory.outOfScope, text);
      assert.deepEqual(
        fromOnnx.intents.map((i) => i.intent),
        fromMemory.intents.map((i) => i.intent),
        text,
      );
      fromOnnx.intents.forEach(
        (s, i) => (maxDiff = Math.max(maxDiff, Math.abs(s.score - fromMemory.intents[i]!.score))),
      );
    }
    assert.ok(maxDiff < 1e-5, `largest probability difference ${maxDiff}`);
    assert.equal(onnx.info.version, '3.1.4');
    assert.equal(onnx.info.name, 'parity');
    assert.deepEqual(onnx.info.labels, model.labels.slice(0, -1));
    assert.equal(onnx.info.threshold, model.threshold);
  } finally {
    await onnx.dispose();
  }
});

test('the uint8-quantized model is about 4x smaller in its table, loads, and agrees', async () => {
  const model = await trained;
  const f32 = exportOnnx(model);
  const u8 = exportOnnx(model, { quantize: true });
  const tableBytes = model.weights.embedding.length * 4;
  assert.ok(f32.length - u8.length > tableBytes * 0.7, `${f32.length} → ${u8.length}`);
  assert.ok(readOnnxSummary(u8).initializers.includes('embedding_q'));
  const onnx = await loadIntentModel(u8);
  const quantized = createInMemoryPredictor(model, { quantize: true });
  const full = createInMemoryPredictor(model);
  try {
    let agreeWithFloat = 0;
    for (const { text } of testSplit) {
      const r = await onnx.classify(text);
      assert.equal(r.intent, quantized.predict(text).intent, text);
      if (r.intent === full.predict(text).intent) agreeWithFloat++;
    }
    assert.ok(
      agreeWithFloat / testSplit.length >= 0.95,
      `agreement with float32: ${agreeWithFloat}/${testSplit.length}`,
    );
  } finally {
    await onnx.dispose();
  }
});

test('the file describes itself in metadata_props', async () => {
  const model = await trained;
  const summary = readOnnxSummary(exportOnnx(model));
  assert.equal(summary.opset, 17);
  assert.deepEqual(summary.inputs, [{ name: 'ids', type: 'int64', shape: [1, 'n'] }]);
  assert.deepEqual(summary.outputs, [{ name: 'probs', type: 'float32', shape: [1, model.labels.length] }]);
  assert.deepEqual(JSON.parse(summary.metadata.get('confidant.labels')!), model.labels);
  assert.deepEqual(JSON.parse(summary.metadata.get('confidant.featurizer')!), model.featurizer);
  for (const key of [
    'format',
    'name',
    'version',
    'language',
    'threshold',
    'temperature',
    'entities',
    'oos_label',
    'weights',
  ]) {
    assert.ok(summary.metadata.has(`confidant.${key}`), key);
  }
});

test('trainOnnxModel reports every training stage and its info matches the loaded model', async () => {
  const { trainOnnxModel } = await import('../../../src/nlu/training/train-model.ts');
  const statuses: string[] = [];
  const { bytes, info } = await trainOnnxModel(datasetCorpus(dataset), {
    seed: 3,
    dim: 16,
    hidden: 16,
    epochs: 4,
    onProgress: (e) => statuses.push(e.status),
  });
  assert.deepEqual([...new Set(statuses)], ['featurize', 'epoch', 'calibrate', 'export', 'done']);
  const loaded = await loadIntentModel(bytes);
  assert.deepEqual(loaded.info, info);
  await loaded.dispose();
});
