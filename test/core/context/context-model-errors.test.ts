import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContextModel } from '../../../src/context/context-model.ts';
import { exportContextOnnx } from '../../../src/context/training/context-export.ts';
import { trainContextModel } from '../../../src/context/training/context-trainer.ts';
import { InferenceError, ModelLoadError } from '../../../src/errors.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { readOnnxSummary } from '../../../src/nlu/onnx/onnx-reader.ts';
import type { OnnxModel } from '../../../src/nlu/onnx/onnx-model.ts';
import { encodeOnnxModel } from '../../../src/nlu/onnx/onnx-writer.ts';
import { spec, syntheticTurns } from './synthetic-turns.ts';

const bytes = trainContextModel(syntheticTurns(80, 1), {
  spec,
  dim: 8,
  hidden: 8,
  candHidden: 8,
  slotHidden: 4,
  epochs: 1,
}).then((m) => exportContextOnnx(m));

const isLoadError = (source: string, pattern?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof ModelLoadError, String(e));
  assert.equal(e.source, source);
  assert.ok(e.message.includes(source), e.message);
  if (pattern !== undefined) assert.match(e.message, pattern);
  return true;
};

test('a missing, truncated or corrupt file is a ModelLoadError naming it', async () => {
  const good = await bytes;
  const dir = mkdtempSync(join(tmpdir(), 'context-model-'));
  try {
    await assert.rejects(loadContextModel(join(dir, 'missing.onnx')), isLoadError(join(dir, 'missing.onnx')));
    const truncated = join(dir, 'truncated.onnx');
    writeFileSync(truncated, good.slice(0, good.length >> 1));
    await assert.rejects(loadContextModel(truncated), isLoadError(truncated, /corrupt or truncated/));
    const flipped = good.slice();
    flipped[flipped.length >> 1]! ^= 0x10;
    const flippedPath = join(dir, 'flipped.onnx');
    writeFileSync(flippedPath, flipped);
    await assert.rejects(loadContextModel(flippedPath), isLoadError(flippedPath));
    // A graph edited without its checksum (an initializer changed by hand) is refused too.
    const unchecked = await variant(({ checksumKey: _, ...m }) => m);
    await assert.rejects(loadContextModel(unchecked), isLoadError('bytes', /checksum/));
    await assert.rejects(loadContextModel(new Uint8Array(0)), isLoadError('bytes'));
    await assert.rejects(
      loadContextModel(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255)),
      isLoadError('bytes'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The good model's graph re-encoded with changed inputs, outputs or metadata. */
async function variant(change: (m: OnnxModel) => OnnxModel): Promise<Uint8Array> {
  const summary = readOnnxSummary(await bytes);
  const metadata = Object.fromEntries(summary.metadata);
  delete metadata['confidant.checksum'];
  // A stand-in graph: a constant output, declared like the real one (too short for any turn).
  return encodeOnnxModel(
    change({
      producerName: 'test',
      producerVersion: '0',
      graphName: 'variant',
      nodes: summary.outputs.map((o) => ({ op: 'Identity', inputs: [`${o.name}_value`], outputs: [o.name] })),
      initializers: [{ name: 'out_value', type: 'float32', dims: [3], data: new Float32Array(3).fill(1 / 3) }],
      inputs: summary.inputs,
      outputs: summary.outputs,
      metadata,
      checksumKey: 'confidant.checksum',
    }),
  );
}

test('a graph of the wrong shape is refused before or at its test run', async () => {
  const renamed = await variant((m) => ({
    ...m,
    inputs: m.inputs.map((v) => (v.name === 'x' ? { ...v, name: 'features' } : v)),
  }));
  await assert.rejects(loadContextModel(renamed), isLoadError('bytes', /no input "x"/));
  const matrix = await variant((m) => ({
    ...m,
    inputs: m.inputs.map((v) => (v.name === 'x' ? { ...v, shape: [1, 'X'] } : v)),
  }));
  await assert.rejects(loadContextModel(matrix), isLoadError('bytes', /"x" must be float32 of rank 1/));
  const floatIds = await variant((m) => ({
    ...m,
    inputs: m.inputs.map((v) => (v.name === 'ids' ? { ...v, type: 'float32' } : v)),
  }));
  await assert.rejects(loadContextModel(floatIds), isLoadError('bytes', /"ids" must be int32/));
  const extraOutput = await variant((m) => ({
    ...m,
    outputs: [...m.outputs, { name: 'bags', type: 'float32', shape: ['T'] }],
  }));
  await assert.rejects(loadContextModel(extraOutput), isLoadError('bytes', /1 outputs/));
  const otherLayout = await variant((m) => ({
    ...m,
    metadata: { ...m.metadata, 'confidant.layout': JSON.stringify({ ids: [], x: [], out: [], dim: 8 }) },
  }));
  await assert.rejects(loadContextModel(otherLayout), isLoadError('bytes', /layout.ids must be/));
  const noWidth = await variant((m) => {
    const layout = JSON.parse(m.metadata['confidant.layout']!) as Record<string, unknown>;
    return { ...m, metadata: { ...m.metadata, 'confidant.layout': JSON.stringify({ ...layout, dim: 0 }) } };
  });
  await assert.rejects(loadContextModel(noWidth), isLoadError('bytes', /layout.dim/));
  // Declared right, but its one output has the wrong length for the turn: caught by the test run.
  const wrongRun = await variant((m) => m);
  await assert.rejects(loadContextModel(wrongRun), (e: unknown) => {
    isLoadError('bytes', /does not run as a Confidant context model/)(e);
    assert.ok((e as Error).cause instanceof InferenceError);
    return true;
  });
});

test('a model that is not a context model, is newer, or was trained for other features is refused', async () => {
  const good = await bytes;
  const withMetadata = (edit: (m: Record<string, string>) => void) =>
    variant((m) => {
      const metadata = { ...m.metadata };
      edit(metadata);
      return { ...m, metadata };
    });
  await assert.rejects(
    loadContextModel(await withMetadata((m) => delete m['confidant.kind'])),
    isLoadError('bytes', /no confidant.kind/),
  );
  await assert.rejects(
    loadContextModel(await withMetadata((m) => (m['confidant.kind'] = 'tagger'))),
    isLoadError('bytes', /a "tagger" model/),
  );
  await assert.rejects(
    loadContextModel(await withMetadata((m) => (m['confidant.format'] = '99'))),
    isLoadError('bytes', /newer than this library/),
  );
  await assert.rejects(
    loadContextModel(await withMetadata((m) => (m['confidant.spec'] = '{"state":["a","a"]}'))),
    isLoadError('bytes', /spec/),
  );
  await assert.rejects(
    loadContextModel(await withMetadata((m) => (m['confidant.featurizer'] = '{"version":7}'))),
    isLoadError('bytes', /featurizer/),
  );
  await assert.rejects(
    loadContextModel(good, { expect: { commands: ['start_task', 'cancel'] } }),
    isLoadError('bytes', /trained for other commands/),
  );
  const model = await loadContextModel(good, { expect: { commands: spec.commands, state: spec.state } });
  await model.dispose();
  // And the intent loader refuses a context model: the two formats cannot be confused.
  await assert.rejects(loadIntentModel(good), isLoadError('bytes', /Not a Confidant intent model/));
});

test('bad turns are TypeError or RangeError, and a disposed model rejects', async () => {
  const model = await loadContextModel(await bytes);
  const turn = syntheticTurns(1, 3)[0]!;
  await assert.rejects(model.run({ ...turn, utterance: 42 as unknown as string }), TypeError);
  await assert.rejects(model.run({ ...turn, state: [1] }), RangeError);
  await assert.rejects(model.run({ ...turn, state: [0, NaN] }), RangeError);
  await assert.rejects(model.run({ ...turn, candidates: [{ text: 'x', feats: [1] }] }), RangeError);
  await assert.rejects(model.run({ ...turn, slots: [{ text: 5 as unknown as string, feats: [0, 0] }] }), TypeError);
  const features = model.featurize(turn);
  await assert.rejects(model.runFeatures({ ...features, state: new Float32Array(3) }), /features.state/);
  await assert.rejects(model.runFeatures({ ...features, candFeats: features.candFeats.slice(1) }), RangeError);
  const out = await model.run(turn);
  assert.equal(out.intent.length, turn.candidates.length);
  await model.dispose();
  await assert.rejects(model.run(turn), InferenceError);
});
