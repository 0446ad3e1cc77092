import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadContextModel } from '../../../src/context/context-model.ts';
import { convertContextOnnx } from '../../../src/context/training/context-convert.ts';
import { GRAPH_CONSTANTS } from '../../../src/context/training/context-graph.ts';
import { ModelLoadError } from '../../../src/errors.ts';
import { readInitializers, readOnnxSummary } from '../../../src/nlu/onnx/onnx-reader.ts';
import { encodeOnnxModel } from '../../../src/nlu/onnx/onnx-writer.ts';
import { syntheticTurns } from './synthetic-turns.ts';

// A tiny context model written by the format-1 exporter (every candidate's ids fed on every
// turn), with the outputs that exporter's graph gave on syntheticTurns(6, 9); and the same
// weights as round 4's converter wrote them (format 2: nine input tensors, five outputs).
const fixture = new URL('../../fixtures/context/', import.meta.url);
const format1 = readFileSync(new URL('format1-tiny.onnx', fixture));
const format2 = readFileSync(new URL('format2-tiny.onnx', fixture));
const expected = JSON.parse(readFileSync(new URL('format1-tiny.outputs.json', fixture), 'utf8')) as {
  outputs: { command: number[]; switch: number; intent: number[]; slot: number[] }[];
};

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

/** Plays syntheticTurns(6, 9) twice and checks every output against the format-1 graph's. */
async function assertSameOutputs(bytes: Uint8Array): Promise<void> {
  const model = await loadContextModel(bytes);
  try {
    assert.equal(model.metadata.format, 3);
    assert.equal(model.bytes, bytes.length);
    const turns = syntheticTurns(6, 9);
    // Twice: the second pass takes every description's embedding from the first (the `known` rows).
    for (let pass = 0; pass < 2; pass++) {
      for (const [i, turn] of turns.entries()) {
        const out = await model.run(turn);
        const want = expected.outputs[i]!;
        assert.ok(maxDiff(out.command, want.command) < 1e-5, `turn ${i} command`);
        assert.ok(Math.abs(out.switch - want.switch) < 1e-5, `turn ${i} switch`);
        assert.ok(maxDiff(out.intent, want.intent) < 1e-5, `turn ${i} intent`);
        assert.ok(maxDiff(out.slot, want.slot) < 1e-5, `turn ${i} slot`);
      }
    }
  } finally {
    await model.dispose();
  }
}

test('format-1 and format-2 context models still load, converted in memory, with their outputs', async () => {
  await assertSameOutputs(format1);
  await assertSameOutputs(format2);
});

test('converting a format-1 or format-2 model keeps its weights byte for byte and its outputs', async () => {
  const weights = (bytes: Uint8Array) =>
    new Map(readInitializers(bytes).map((t) => [t.name, Buffer.from(t.data.buffer).toString('base64')]));
  for (const [name, old] of [
    ['format1-tiny.onnx', format1],
    ['format2-tiny.onnx', format2],
  ] as const) {
    const converted = convertContextOnnx(old, name);
    const before = weights(old);
    const after = weights(converted);
    for (const [tensor, data] of before) {
      // The graph's own constants (ids, axes, the padding score) are written anew; every weight is kept.
      if (GRAPH_CONSTANTS.has(tensor)) continue;
      assert.equal(after.get(tensor), data, `${name}: ${tensor}`);
    }
    await assertSameOutputs(converted);
    assert.throws(() => convertContextOnnx(converted, 'converted.onnx'), /already of format 3/);
  }
  assert.throws(() => convertContextOnnx(format1.subarray(0, 100), 'cut.onnx'), ModelLoadError);
});

test('an old model of the wrong shape is still refused with a ModelLoadError naming it', async () => {
  // Format 2 with its graph cut short of an output: refused before any conversion.
  const summary = readOnnxSummary(format2);
  const metadata = Object.fromEntries(summary.metadata);
  delete metadata['confidant.checksum'];
  const cut = encodeOnnxModel({
    producerName: 'test',
    producerVersion: '0',
    graphName: 'cut',
    nodes: [{ op: 'Identity', inputs: ['w'], outputs: ['command'] }],
    initializers: [{ name: 'w', type: 'float32', dims: [1, 2], data: new Float32Array(2) }],
    inputs: summary.inputs,
    outputs: summary.outputs.filter((o) => o.name === 'command'),
    metadata,
    checksumKey: 'confidant.checksum',
  });
  await assert.rejects(loadContextModel(cut), (e: unknown) => {
    assert.ok(e instanceof ModelLoadError);
    assert.equal(e.source, 'bytes');
    assert.match(e.message, /wrong shape: the graph must have 5 outputs/);
    return true;
  });
});
