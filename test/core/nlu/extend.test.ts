import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CorpusError, ModelLoadError } from '../../../src/errors.ts';
import { parseCorpus } from '../../../src/nlu/corpus/parse-corpus.ts';
import { applyExtension, encodeExtension } from '../../../src/nlu/onnx/extension-file.ts';
import { exportOnnx } from '../../../src/nlu/onnx/export.ts';
import { readInitializers } from '../../../src/nlu/onnx/onnx-tensors.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { extendIntentModel, type ExtendStrategy } from '../../../src/nlu/training/extend/extend-model.ts';
import { extensionData } from '../../../src/nlu/training/extend/extension-data.ts';
import { planExtension } from '../../../src/nlu/training/extend/extension-plan.ts';
import { readReplayPack, sampleReplayPack } from '../../../src/nlu/training/extend/replay-pack.ts';
import { createInMemoryPredictor } from '../../../src/nlu/training/predictor.ts';
import {
  nluFixture as fixture,
  shopCorpus,
  tinyBase as base,
  tinyBytes as baseBytes,
  tinyDataset as dataset,
  tinyPack as pack,
} from '../../fixtures/nlu/tiny-extension.ts';

const shop = shopCorpus({ more: ['is the shop open on public holidays', 'start a return'] });

const extend = (corpus: string, strategy: ExtendStrategy = 'output') =>
  extendIntentModel(base, parseCorpus(corpus), pack, { strategy, epochs: 3, seed: 3 });

test('an extended model knows the base intents and the new ones, and keeps the base rows byte for byte', async () => {
  const { model, report } = await extend(shop);
  assert.deepEqual(report.added, ['return_item', 'store_hours']);
  assert.deepEqual(model.labels.slice(0, base.meta.labels.length - 1), base.meta.labels.slice(0, -1));
  assert.deepEqual(model.labels.slice(-3), ['return_item', 'store_hours', 'oos']);
  const bytes = exportOnnx(model, { quantize: true, quantization: base.quantization! });
  const before = readInitializers(baseBytes).get('embedding_q')!.data;
  const after = readInitializers(bytes).get('embedding_q')!.data;
  assert.deepEqual(after.slice(0, before.length), before);
  assert.ok(after.length > before.length, 'the corpus brought features the base never saw');
  const onnx = await loadIntentModel(bytes);
  try {
    assert.equal((await onnx.classify('when are you open on saturday')).intent, 'store_hours');
    assert.equal((await onnx.classify('how do I return these shoes')).intent, 'return_item');
    assert.equal((await onnx.classify('hello there')).intent, 'greeting');
    assert.equal((await onnx.classify('set a timer for ten minutes')).intent, 'set_timer');
  } finally {
    await onnx.dispose();
  }
});

test('the head strategy leaves every base output column as it was', async () => {
  const { model } = await extend(shop, 'head');
  const b = base.weights;
  const w = model.weights;
  for (let k = 0; k < b.classes - 1; k++) {
    assert.equal(w.b2[k], b.b2[k]);
    for (let j = 0; j < b.hidden; j++) assert.equal(w.w2[j * w.classes + k], b.w2[j * b.classes + k]);
  }
  assert.deepEqual(w.w1, b.w1);
});

test('an extension file applied to its base gives the extended model byte for byte, and refuses another base', async () => {
  const { model } = await extend(shop);
  const whole = exportOnnx(model, { quantize: true, quantization: base.quantization! });
  const ext = encodeExtension(model, base);
  assert.ok(ext.length < whole.length / 4, `extension ${ext.length} bytes, whole ${whole.length}`);
  assert.deepEqual(applyExtension(baseBytes, ext, 'shop.ext.onnx'), whole);
  const other = new Uint8Array(readFileSync(fixture('tiny.onnx')));
  assert.throws(
    () => applyExtension(other, ext, 'shop.ext.onnx'),
    (e: unknown) => e instanceof ModelLoadError && e.code === 'extension-base' && /shop\.ext\.onnx/.test(e.message),
  );
});

test('corpus intents the base has are refused, all named, unless marked override', async () => {
  const overlapping = `
intents:
  greeting: [hey you, yo assistant, good evening friend]
  weather: [is it raining in town, forecast for tomorrow, will it be sunny]
  store_hours: [when are you open, store hours, what time do you close]
`;
  await assert.rejects(
    extend(overlapping),
    (e: unknown) =>
      e instanceof CorpusError &&
      e.code === 'intent-overlap' &&
      /"greeting", "weather"/.test(e.message) &&
      !/store_hours/.test(e.message),
  );
  const { report, model } = await extend(
    overlapping
      .replace('greeting: [', 'greeting:\n    override: true\n    examples: [')
      .replace('weather: [', 'forecast:\n    override: [weather]\n    examples: [')
      .replace('tomorrow, will it be sunny]', 'tomorrow, will it be sunny]\n'),
  );
  assert.deepEqual(report.overridden, ['greeting']);
  assert.deepEqual(report.renamed, [{ from: 'weather', to: 'forecast' }]);
  assert.ok(model.labels.includes('forecast') && !model.labels.includes('weather'));
});

test('overrides naming intents the base lacks, and a corpus in another language, are refused', async () => {
  await assert.rejects(
    extend(
      `intents:\n  parcel:\n    override: [order_status]\n    examples: [where is my parcel, track it, find my box]\n`,
    ),
    (e: unknown) => e instanceof CorpusError && e.code === 'override' && /order_status/.test(e.message),
  );
  await assert.rejects(
    extend(
      `language: zh\nintents:\n  store_hours: [几点开门, 营业时间, 周日开门吗]\n  refund: [我要退货, 怎么退款, 可以退吗]\n`,
    ),
    (e: unknown) => e instanceof CorpusError && e.code === 'language',
  );
});

test('a tiny corpus gets a warning, and outOfScope phrases the base answers stay with the base', async () => {
  const { report, model } = await extend(`
intents:
  store_hours: [when are you open, store hours]
  return_item: [I want to return something, how do I return an item, can I send this back, refund please, return policy]
outOfScope: [what's the weather like, tell me a joke]
`);
  assert.ok(report.warnings.some((w) => /"store_hours" has 2 examples/.test(w)));
  assert.ok(report.warnings.some((w) => /outOfScope/.test(w)));
  const p = createInMemoryPredictor(model, { quantize: true });
  assert.equal(p.predict('tell me a joke', 1).intent, 'tell_joke');
});

test('a replay pack of another model, or of another format, is refused', () => {
  assert.throws(
    () => readReplayPack({ format: 2 }),
    (e: unknown) => e instanceof CorpusError && e.code === 'replay',
  );
  const foreign = { ...pack, train: { a: ['x'], b: ['y'] } };
  return assert.rejects(
    extendIntentModel(base, parseCorpus(shop), foreign),
    (e: unknown) => e instanceof CorpusError && /greeting/.test(e.message),
  );
});

test('dropout shares outside [0, 1) are refused before any training', async () => {
  const corpus = parseCorpus(shop);
  for (const bad of [{ wordDropout: 1 }, { featureDropout: -0.1 }, { wordDropout: Number.NaN }])
    await assert.rejects(extendIntentModel(base, corpus, pack, bad), RangeError);
  const { model } = await extendIntentModel(base, corpus, pack, { wordDropout: 0, featureDropout: 0, epochs: 1 });
  assert.ok(model.labels.includes('store_hours'));
});

test('the out-of-scope margin makes the extension flag that much more of the held-out out-of-scope utterances than the base', async () => {
  const train = dataset.splits.train!;
  // A pack with held-out utterances of every intent, so that the extension recalibrates.
  const calibrating = sampleReplayPack(
    { train, val: train },
    { model: 'tiny', language: 'en', source: 'tiny', license: 'MIT', attribution: 'tiny', perIntent: 12, valOos: 20 },
  );
  // Held-out "out-of-scope" utterances the base model partly answers, so that it flags under 100%.
  const held = [
    ...calibrating.validation.oos!,
    ...train.filter((e) => e.intent !== 'oos').flatMap((e, i) => (i % 9 === 0 ? [e.text] : [])),
  ];
  calibrating.validation.oos = held;
  const corpus = parseCorpus(shop);
  const baseP = createInMemoryPredictor({
    weights: base.weights,
    labels: base.meta.labels,
    oosClass: base.meta.oosLabel !== null,
    featurizer: base.meta.featurizer,
    temperature: base.meta.temperature,
    threshold: base.meta.threshold,
  } as Parameters<typeof createInMemoryPredictor>[0]);
  const baseRecall = held.filter((t) => baseP.predict(t, 1).intent === null).length / held.length;
  const options = { epochs: 2, seed: 3 } as const;
  const none = await extendIntentModel(base, corpus, calibrating, { ...options, oosMargin: 0 });
  const margin = await extendIntentModel(base, corpus, calibrating, { ...options, oosMargin: 0.05 });
  assert.ok(none.model.metrics.oosRecall >= baseRecall);
  assert.ok(none.model.metrics.oosRecall < baseRecall + 0.05, 'without the margin the base recall is enough');
  assert.ok(margin.model.metrics.oosRecall >= baseRecall + 0.05);
  assert.ok(margin.model.threshold >= none.model.threshold);
  for (const oosMargin of [1, -0.1, Number.NaN])
    await assert.rejects(extendIntentModel(base, corpus, pack, { oosMargin }), RangeError);
});

test("the corpus's outOfScope phrases weigh together as much as one of its intents", () => {
  const corpus = parseCorpus(shop);
  const inScope = base.meta.labels.slice(0, -1);
  const data = extensionData(base, planExtension(inScope, corpus), corpus, pack, { replayPerIntent: 10, ownWeight: 3 });
  const corpusIntents = new Set(['store_hours', 'return_item'].map((l) => data.classes.indexOf(l)));
  // The phrases are the corpus's own lines that are not its intents' examples (whatever class the
  // base model gives them): two phrases, 3 × 10 examples' weight, 15 copies each.
  const phrases = [...data.own.keys()].filter(
    (i) => data.own[i] === 1 && !corpusIntents.has(data.trainingSet.targets[i] as number),
  );
  assert.equal(phrases.length, 30);
  // An intent's six examples: 5 copies each, 30 in all, as much as the phrases together.
  const storeHours = data.classes.indexOf('store_hours');
  assert.equal(data.trainingSet.targets.filter((t) => t === storeHours).length, 30);
});
