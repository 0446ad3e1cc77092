import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContextModel } from '../../../src/context/context-model.ts';
import { readOnnxSummary } from '../../../src/nlu/onnx/onnx-reader.ts';
import { exportContextOnnx } from '../../../src/context/training/context-export.ts';
import { createContextPredictor } from '../../../src/context/training/context-predictor.ts';
import { trainContextModel } from '../../../src/context/training/context-trainer.ts';
import { spec, syntheticTurns } from './synthetic-turns.ts';

const trained = trainContextModel(
  syntheticTurns(600, 1),
  { spec, seed: 3, dim: 16, hidden: 16, candHidden: 16, slotHidden: 8, epochs: 3, name: 'parity', version: '2.0.1' },
  syntheticTurns(100, 2),
);
// Turns with no candidates, no slots, empty texts and odd text, besides ordinary ones.
const probes = [
  ...syntheticTurns(60, 9),
  { utterance: '', context: '', state: [0, 0], candidates: [], slots: [] },
  { utterance: 'play 🎵 的歌', state: [1, 1], candidates: [{ text: 'none', feats: [0, 0, 0] }] },
];

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

for (const options of [{ quantize: false }, { quantize: true }, { quantize: true, quantizeDense: true }]) {
  test(`the exported model (${JSON.stringify(options)}) gives the in-memory outputs on every probe`, async () => {
    const model = await trained;
    const onnx = await loadContextModel(exportContextOnnx(model, options));
    const memory = createContextPredictor(model, options);
    const quantize = options.quantize;
    try {
      let worst = 0;
      for (const input of probes) {
        const a = await onnx.run(input);
        const b = memory.run(input);
        worst = Math.max(
          worst,
          maxDiff(a.command, b.command),
          Math.abs(a.switch - b.switch),
          maxDiff(a.intent, b.intent),
          maxDiff(a.slot, b.slot),
        );
        assert.equal(a.intent.length, input.candidates.length);
        assert.equal(a.slot.length, input.slots?.length ?? 0);
      }
      assert.ok(worst < 1e-5, `largest difference ${worst}`);
      assert.equal(onnx.metadata.name, 'parity');
      assert.equal(onnx.metadata.version, '2.0.1');
      assert.deepEqual(onnx.metadata.spec, spec);
      assert.equal(onnx.metadata.weights, quantize ? 'uint8' : 'float32');
    } finally {
      await onnx.dispose();
    }
  });
}

test('quantizing shrinks the file by about what it stores as uint8 and keeps the predictions', async () => {
  const model = await trained;
  const f32 = exportContextOnnx(model, { quantize: false });
  const u8 = exportContextOnnx(model, { quantize: true });
  const all8 = exportContextOnnx(model, { quantize: true, quantizeDense: true });
  const table = model.weights.embedding.length * 4;
  assert.ok(f32.length - u8.length > table * 0.7, `${f32.length} → ${u8.length}`);
  const w = model.weights;
  const matrices = [w.wg, w.wc, w.cand.wa, w.cand.wb, w.cand.wd, w.cand.wg, w.slot.wa, w.slot.wb, w.slot.wd];
  const matrixBytes = matrices.reduce((n, a) => n + a.length * 4, 0);
  // Each quantized matrix adds a scale, a zero point and a node: about 100 bytes.
  assert.ok(u8.length - all8.length > matrixBytes * 0.75 - 13 * 120, `${u8.length} → ${all8.length}`);
  assert.ok(readOnnxSummary(u8).initializers.includes('embedding_q'));
  assert.ok(readOnnxSummary(all8).initializers.includes('cand_wa_q'));
  const full = createContextPredictor(model, { quantize: false });
  const argmax = (p: Float32Array) => p.indexOf(Math.max(...p));
  const turns = syntheticTurns(200, 5);
  for (const options of [{ quantize: true }, { quantize: true, quantizeDense: true }]) {
    const quantized = createContextPredictor(model, options);
    const agree = turns.filter((t) => argmax(full.run(t).intent) === argmax(quantized.run(t).intent)).length;
    assert.ok(agree / turns.length >= 0.97, `${JSON.stringify(options)}: agreement ${agree}/${turns.length}`);
  }
});

test('padding a turn’s candidates to longer descriptions does not change its outputs', async () => {
  const model = await trained;
  const onnx = await loadContextModel(exportContextOnnx(model));
  try {
    const turn = syntheticTurns(1, 4)[0]!;
    const features = onnx.featurize(turn);
    const alone = await onnx.runFeatures(features);
    // A long extra candidate pads every other row of cand_tokens with zeros.
    const long = Int32Array.from({ length: 300 }, (_, i) => (i % 50) + 1);
    const padded = await onnx.runFeatures({
      ...features,
      candTokens: [...features.candTokens, long],
      candFeats: [...features.candFeats, new Float32Array(spec.candFeatures.length)],
    });
    const renormalized = padded.intent.slice(0, -1).map((p) => p / (1 - padded.intent.at(-1)!));
    assert.ok(maxDiff(alone.intent, renormalized) < 1e-5);
    assert.ok(maxDiff(alone.command, padded.command) < 1e-6);
  } finally {
    await onnx.dispose();
  }
});
