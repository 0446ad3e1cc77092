import { expect } from '@esm-bundle/chai';
import { ModelLoadError } from '../../../src/errors.ts';
import { exportOnnx } from '../../../src/nlu/onnx/export.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { createInMemoryPredictor } from '../../../src/nlu/training/predictor.ts';
import { trainIntentModel } from '../../../src/nlu/training/trainer.ts';
import type { Corpus, TrainingExample } from '../../../src/nlu/types.ts';

const wasmUrl = new URL('/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', location.href).href;
const fixture = (name: string) => new URL(`/test/fixtures/nlu/${name}`, location.href).href;

describe('intent model in Chromium (onnxruntime-web wasm)', () => {
  it('loads the fixture model from a URL with progress and classifies', async () => {
    const statuses: string[] = [];
    const model = await loadIntentModel(fixture('tiny.onnx'), { wasmUrl, onProgress: (e) => statuses.push(e.status) });
    expect(statuses[0]).to.equal('initiate');
    expect(statuses).to.include('progress');
    expect(statuses.at(-1)).to.equal('done');
    const hello = await model.classify('hello there');
    expect(hello.intent).to.equal('greeting');
    const timer = await model.classify('set a timer for 10 minutes');
    expect(timer.intent).to.equal('set_timer');
    expect(timer.entities.some((e) => e.kind === 'duration')).to.equal(true);
    for (const odd of ['', '\uD800', 'x'.repeat(1_000_000), '\u202Ehi\u202C']) {
      const r = await model.classify(odd);
      expect(r.confidence).to.be.within(0, 1);
    }
    await model.dispose();
  });

  it('runs the default model (assistant-en.onnx): "hello" is a greeting', async () => {
    const model = await loadIntentModel(new URL('/models/assistant-en.onnx', location.href).href, { wasmUrl });
    expect(model.info.name).to.equal('assistant-en');
    expect(model.info.labels.length).to.equal(150);
    expect((await model.classify('hello')).intent).to.equal('greeting');
    expect((await model.classify('set a timer for 10 minutes')).intent).to.equal('timer');
    expect((await model.classify('what is the capital of peru')).outOfScope).to.equal(true);
    await model.dispose();
  });

  it('trains in the browser, exports, and the ONNX model matches the in-memory predictor', async () => {
    const data = (await (await fetch(fixture('tiny-dataset.json'))).json()) as {
      splits: Record<string, TrainingExample[]>;
    };
    const train = data.splits.train!;
    const corpus: Corpus = {
      language: 'en',
      train: train.filter((e) => e.intent !== 'oos'),
      outOfScope: train.filter((e) => e.intent === 'oos').map((e) => e.text),
      entities: [],
    };
    const trained = await trainIntentModel(corpus, { seed: 2, dim: 32, hidden: 48 });
    const model = await loadIntentModel(exportOnnx(trained, { quantize: true }), { wasmUrl });
    const memory = createInMemoryPredictor(trained, { quantize: true });
    for (const { text } of data.splits.test!) {
      expect((await model.classify(text)).intent, text).to.equal(memory.predict(text).intent);
    }
    await model.dispose();
  });

  it('rejects a missing or corrupt model with a ModelLoadError naming its URL', async () => {
    const missing = fixture('does-not-exist.onnx');
    const error = await loadIntentModel(missing, { wasmUrl }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ModelLoadError);
    expect((error as ModelLoadError).source).to.equal(missing);
    const bytes = new Uint8Array(await (await fetch(fixture('tiny.onnx'))).arrayBuffer());
    const truncated = await loadIntentModel(bytes.slice(0, 5000), { wasmUrl }).catch((e: unknown) => e);
    expect(truncated).to.be.instanceOf(ModelLoadError);
  });
});
