import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadContextModel } from '../../../src/context/context-model.ts';
import { convertContextOnnx } from '../../../src/context/training/context-export.ts';
import { ModelLoadError } from '../../../src/errors.ts';
import { readInitializers } from '../../../src/nlu/onnx/onnx-reader.ts';
import { syntheticTurns } from './synthetic-turns.ts';

// A tiny context model written by the format-1 exporter (every candidate's ids fed on every
// turn), with the outputs that exporter's graph gave on syntheticTurns(6, 9).
const fixture = new URL('../../fixtures/context/', import.meta.url);
const format1 = readFileSync(new URL('format1-tiny.onnx', fixture));
const expected = JSON.parse(readFileSync(new URL('format1-tiny.outputs.json', fixture), 'utf8')) as {
  outputs: { command: number[]; switch: number; intent: number[]; slot: number[] }[];
};

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

test('a format-1 context model is refused with the way to convert it', async () => {
  await assert.rejects(loadContextModel(format1), (e: unknown) => {
    assert.ok(e instanceof ModelLoadError);
    assert.match(e.message, /format 1.*convert-context/);
    return true;
  });
});

test('converting a format-1 model keeps its weights byte for byte and its outputs', async () => {
  const converted = convertContextOnnx(format1, 'format1-tiny.onnx');
  const weights = (bytes: Uint8Array) =>
    new Map(readInitializers(bytes).map((t) => [t.name, Buffer.from(t.data.buffer).toString('base64')]));
  const before = weights(format1);
  const after = weights(converted);
  for (const [name, data] of before) {
    // The graph's own constants (ids were int64, are int32) are written anew; every weight is kept.
    if (name === 'zero_id') continue;
    assert.equal(after.get(name), data, name);
  }
  const model = await loadContextModel(converted);
  try {
    assert.equal(model.metadata.format, 2);
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
  assert.throws(() => convertContextOnnx(converted, 'converted.onnx'), /already of format 2/);
  assert.throws(() => convertContextOnnx(format1.subarray(0, 100), 'cut.onnx'), ModelLoadError);
});
