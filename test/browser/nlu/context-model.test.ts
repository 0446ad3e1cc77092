import { expect } from '@esm-bundle/chai';
import { loadContextModel } from '../../../src/context/context-model.ts';
import { CONTEXT_SPEC } from '../../../src/context/dialogue-features.ts';
import { ModelLoadError } from '../../../src/errors.ts';
import { syntheticTurns } from '../../core/context/synthetic-turns.ts';

const wasmUrl = new URL('/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', location.href).href;
const fixture = (name: string) => new URL(`/test/fixtures/context/${name}`, location.href).href;

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).to.equal(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

describe('context model in Chromium (onnxruntime-web wasm)', () => {
  it('runs the shipped model (format 3: two flat inputs, one flat output)', async () => {
    const model = await loadContextModel(new URL('/models/assistant-context.onnx', location.href).href, {
      wasmUrl,
      expect: CONTEXT_SPEC,
    });
    expect(model.metadata.format).to.equal(3);
    const state = new Float32Array(CONTEXT_SPEC.state.length);
    const feats = (n: number) => new Float32Array(n);
    const out = await model.run({
      utterance: 'set a timer for ten minutes',
      state,
      candidates: [
        { text: 'timer | set a timer | duration', feats: feats(CONTEXT_SPEC.candFeatures.length) },
        { text: 'weather | the weather | place', feats: feats(CONTEXT_SPEC.candFeatures.length) },
      ],
    });
    expect(out.command.length).to.equal(CONTEXT_SPEC.commands.length);
    expect(out.intent.length).to.equal(2);
    expect(out.slot.length).to.equal(0);
    const sum = out.command.reduce((a, b) => a + b, 0);
    expect(sum).to.be.closeTo(1, 1e-5);
    await model.dispose();
  });

  it('loads format-1 and format-2 files (converted in memory) with their outputs', async () => {
    const expected = (await (await fetch(fixture('format1-tiny.outputs.json'))).json()) as {
      outputs: { command: number[]; switch: number; intent: number[]; slot: number[] }[];
    };
    for (const name of ['format1-tiny.onnx', 'format2-tiny.onnx']) {
      const model = await loadContextModel(fixture(name), { wasmUrl });
      expect(model.metadata.format).to.equal(3);
      for (const [i, turn] of syntheticTurns(6, 9).entries()) {
        const out = await model.run(turn);
        const want = expected.outputs[i]!;
        expect(maxDiff(out.command, want.command), `${name} turn ${i}`).to.be.below(1e-5);
        expect(maxDiff(out.intent, want.intent), `${name} turn ${i}`).to.be.below(1e-5);
        expect(maxDiff(out.slot, want.slot), `${name} turn ${i}`).to.be.below(1e-5);
      }
      await model.dispose();
    }
  });

  it('refuses a truncated old-format file with ModelLoadError naming its URL', async () => {
    const bytes = new Uint8Array(await (await fetch(fixture('format2-tiny.onnx'))).arrayBuffer());
    let error: unknown;
    try {
      await loadContextModel(bytes.slice(0, bytes.length >> 1), { wasmUrl });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ModelLoadError);
    expect((error as ModelLoadError).source).to.equal('bytes');
  });
});
