import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { ModelLoadError } from '../../../src/errors.ts';
import type { Corpus } from '../../../src/nlu/types.ts';
import { parseCorpus } from '../../../src/nlu/corpus/parse-corpus.ts';
import { applyExtension, encodeExtension } from '../../../src/nlu/onnx/extension-file.ts';
import { exportOnnx } from '../../../src/nlu/onnx/export.ts';
import { decodeMetadata, encodeMetadata, readModelFile } from '../../../src/nlu/onnx/model-format.ts';
import { defaultFeaturizerConfig, featurize } from '../../../src/nlu/runtime/featurizer.ts';
import { compileFewShot, fewShotScores, withFewShot, type FewShotHead } from '../../../src/nlu/runtime/few-shot.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import type { IntentDecision } from '../../../src/nlu/runtime/scoring.ts';
import { extendIntentModel } from '../../../src/nlu/training/extend/extend-model.ts';
import { buildFewShotHead } from '../../../src/nlu/training/extend/few-shot-head.ts';
import { createInMemoryPredictor } from '../../../src/nlu/training/predictor.ts';
import {
  shopCorpus,
  tinyBase as base,
  tinyBytes as baseBytes,
  tinyPack as pack,
} from '../../fixtures/nlu/tiny-extension.ts';

const featurizer = defaultFeaturizerConfig('en');
/** A corpus's intents (its tests override nothing): the head may answer each. */
const intentsOf = (c: Corpus) => [...new Set(c.train.map((e) => e.intent))];
/** Every word known to the model (the head's coverage check passes). */
const allKnown = () => 1;
const head: FewShotHead = {
  threshold: 0.3,
  k: 2,
  rare: 1,
  ids: [],
  weights: [],
  examples: [
    { intent: 'membership_price', text: 'how much does it cost to join the gym' },
    { intent: 'membership_price', text: 'what is the monthly membership fee' },
    { intent: 'class_schedule', text: 'when is the next yoga class' },
    { intent: 'class_schedule', text: 'what classes are on tonight' },
  ],
};
const compiled = compileFewShot(head, featurizer);
const outOfScope: IntentDecision = {
  intent: null,
  confidence: 0.4,
  outOfScope: true,
  intents: [
    { intent: 'weather', score: 0.2 },
    { intent: 'membership_price', score: 0.1 },
  ],
};
const decide = (text: string, d: IntentDecision = outOfScope) =>
  withFewShot(d, compiled, featurize(text, featurizer), allKnown);

test("the few-shot head answers what the softmax leaves out of scope, with its examples' words in other order", () => {
  const price = decide('the membership fee per month, how much is it');
  assert.equal(price.intent, 'membership_price');
  assert.equal(price.outOfScope, false);
  assert.ok(price.confidence >= head.threshold);
  assert.deepEqual(
    price.intents.map((i) => i.intent),
    ['membership_price'],
    "the head's intent alone: the softmax's rejected candidates are not evidence",
  );
  assert.equal(decide('any yoga classes on tonight').intent, 'class_schedule');
});

test('the few-shot head leaves far utterances out of scope and never overrides an intent the softmax chose', () => {
  assert.deepEqual(decide('what is the capital of peru'), outOfScope);
  const timer: IntentDecision = { intent: 'set_timer', confidence: 0.9, outOfScope: false, intents: [] };
  assert.deepEqual(decide('what is the monthly membership fee', timer), timer);
  assert.deepEqual(
    withFewShot(outOfScope, undefined, featurize('the monthly membership fee', featurizer), allKnown),
    outOfScope,
  );
  const none = withFewShot(
    { ...outOfScope, intents: [] },
    compiled,
    featurize('the monthly membership fee', featurizer),
    allKnown,
  );
  assert.equal(none.intent, 'membership_price');
  assert.deepEqual(none.intents, [], 'topK 0 lists no intent');
});

test('with a "none" class the head abstains where known out-of-scope lines are nearly as close as its examples', () => {
  // The same examples, plus out-of-scope lines that share their words.
  const guarded = compileFewShot(
    {
      ...head,
      none: {
        ratio: 0.8,
        texts: ['how much does it cost to join the army', 'how much does a car wash cost', 'when is the next bus'],
      },
    },
    featurizer,
  );
  const without = (text: string) => withFewShot(outOfScope, compiled, featurize(text, featurizer), allKnown);
  const withNone = (text: string) => withFewShot(outOfScope, guarded, featurize(text, featurizer), allKnown);
  // Over the threshold for the head alone, but closer to a known out-of-scope line.
  assert.equal(without('how much does it cost to join the navy').intent, 'membership_price');
  assert.deepEqual(withNone('how much does it cost to join the navy'), outOfScope);
  // Far from the out-of-scope lines: answered as before.
  assert.equal(withNone('the membership fee per month, how much is it').intent, 'membership_price');
  assert.equal(withNone('any yoga classes on tonight').intent, 'class_schedule');
  // Its known limit (README, review r12 should-fix 2): a near-miss question in the domain's own
  // words, with no out-of-scope line near it, is still answered with the custom intent.
  assert.equal(withNone('is the monthly membership fee tax deductible').intent, 'membership_price');
});

test('the head abstains when most of the words are unknown to the model: one domain word in nonsense (EN, ZH)', async () => {
  const root = (path: string) => new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
  const cases = [
    {
      lang: 'en',
      intent: 'order_cake',
      examples: ['I would like to order a birthday cake', 'can you bake a cake for saturday', 'a custom cake order'],
      request: 'order a cake for my birthday',
      junk: ['snorfle cake blimvix quazzle', 'zintrop frimp cake glimble'],
    },
    {
      lang: 'zh',
      intent: 'order_cake',
      examples: ['我想订一个生日蛋糕', '能帮我做一个周六的蛋糕吗', '定制蛋糕'],
      request: '我要订生日蛋糕',
      junk: ['咘啰嘁咔蛋糕呜啪嚓', '叽咕哝嘟蛋糕噗嗤啵'],
    },
  ] as const;
  for (const c of cases) {
    const model = await loadIntentModel(root(`models/assistant-${c.lang}.onnx`));
    try {
      const f = model.metadata.featurizer;
      const h = compileFewShot(
        {
          threshold: 0.05,
          k: 2,
          rare: 1,
          ids: [],
          weights: [],
          examples: c.examples.map((text) => ({ intent: c.intent, text })),
        },
        f,
      );
      const known = (text: string) => () => model.coverage(text);
      assert.equal(withFewShot(outOfScope, h, featurize(c.request, f), known(c.request)).intent, c.intent, c.request);
      for (const text of c.junk) {
        // Close enough for the head by its one domain word, but the model knows too little of the rest.
        assert.equal(withFewShot(outOfScope, h, featurize(text, f), allKnown).intent, c.intent, text);
        assert.ok(model.coverage(text) < 0.5, `${text}: coverage ${model.coverage(text)}`);
        assert.deepEqual(withFewShot(outOfScope, h, featurize(text, f), known(text)), outOfScope, text);
      }
    } finally {
      await model.dispose();
    }
  }
});

test('a model file with a malformed few-shot head is refused with a typed error', () => {
  const meta = {
    format: 1,
    name: 'm',
    version: '1',
    language: 'en',
    weights: 'uint8' as const,
    metrics: {},
    labels: ['membership_price', 'class_schedule', 'oos'],
    oosLabel: 'oos',
    featurizer,
    threshold: 0.5,
    temperature: 1,
    entities: [],
  };
  const props = (fewShot: unknown) =>
    new Map(Object.entries({ ...encodeMetadata(meta), 'confidant.few_shot': JSON.stringify(fewShot) }));
  assert.deepEqual(decodeMetadata(props(head), 'm.onnx').fewShot, head);
  assert.deepEqual(decodeMetadata(props({ ...head, v: 2 }), 'm.onnx').fewShot, { ...head, v: 2 });
  for (const bad of [
    { ...head, threshold: 2 },
    { ...head, threshold: 0 },
    { ...head, k: 0 },
    { ...head, ids: [3, 2], weights: [1, 1] },
    { ...head, ids: [1], weights: [] },
    { ...head, examples: [{ intent: 'weather', text: 'sunny?' }] },
    { ...head, examples: [{ intent: 'oos', text: 'what is the capital of peru' }] },
    { ...head, examples: [] },
    { ...head, none: { ratio: 0, texts: ['how tall is the eiffel tower'] } },
    { ...head, none: { ratio: 0.8, texts: [] } },
    { ...head, none: { ratio: 0.8, texts: [7] } },
    { ...head, none: 'none' },
    // A newer head, or one with a key this code does not know (a later guard), is refused, never read without it.
    { ...head, v: 3 },
    { ...head, v: 0 },
    { ...head, v: 2, margin: 0.1 },
    'head',
  ])
    assert.throws(
      () => decodeMetadata(props(bad), 'm.onnx'),
      (e: unknown) => e instanceof ModelLoadError && /few_shot/.test(e.message),
      JSON.stringify(bad),
    );
  assert.equal(decodeMetadata(new Map(Object.entries(encodeMetadata(meta))), 'm.onnx').fewShot, undefined);
});

const corpus = parseCorpus(shopCorpus());

test('an extension carries its few-shot head through the model file and the extension file, deciding as in memory', async () => {
  const { model } = await extendIntentModel(base, corpus, pack, { strategy: 'head', epochs: 2, seed: 3, fewShot: {} });
  const fewShot = model.fewShot!;
  assert.ok(fewShot !== undefined);
  assert.ok(fewShot.none !== undefined && corpus.outOfScope!.every((t) => fewShot.none!.texts.includes(t)));
  assert.equal(fewShot.examples.length, 10);
  assert.ok(fewShot.threshold > 0 && fewShot.threshold <= 1);
  assert.equal(fewShot.v, 2, "the head's format version");
  const bytes = exportOnnx(model, { quantize: true, quantization: base.quantization! });
  assert.deepEqual(readModelFile(bytes, 'shop.onnx').fewShot, fewShot);
  assert.deepEqual(applyExtension(baseBytes, encodeExtension(model, base), 'shop.ext.onnx'), bytes);
  const memory = createInMemoryPredictor(model, { quantize: true });
  const onnx = await loadIntentModel(bytes);
  try {
    for (const text of ['are you open on saturdays', 'refund policy please', 'what is the capital of peru', 'hello'])
      assert.equal((await onnx.classify(text)).intent, memory.predict(text).intent, text);
    for (const text of corpus.outOfScope!)
      assert.ok(!['store_hours', 'return_item'].includes(memory.predict(text).intent ?? ''), text);
  } finally {
    await onnx.dispose();
  }
  const off = await extendIntentModel(base, corpus, pack, { strategy: 'head', epochs: 2, seed: 3 });
  assert.equal(off.model.fewShot, undefined, 'off by default');
  assert.equal(
    readModelFile(exportOnnx(off.model, { quantize: true, quantization: base.quantization! }), 'x').fewShot,
    undefined,
  );
});

test('the head answers only the intents an extension adds, never a base intent it overrides', async () => {
  const overriding = parseCorpus(`
language: en
intents:
  store_hours: [when are you open, what are your opening hours, are you open on sunday, store hours, what time do you close]
  set_timer:
    override: true
    examples: [set a cooking timer, timer for the oven please, start a timer for my bread, bake timer 20 minutes, timer for the cookies]
outOfScope: [what is the capital of peru, write me a poem]
`);
  const { model, report } = await extendIntentModel(base, overriding, pack, {
    strategy: 'head',
    epochs: 2,
    seed: 3,
    fewShot: {},
  });
  assert.deepEqual(report.added, ['store_hours']);
  assert.deepEqual(report.overridden, ['set_timer']);
  const h = model.fewShot!;
  assert.ok(h !== undefined);
  assert.deepEqual([...new Set(h.examples.map((e) => e.intent))], ['store_hours']);
  // Near-misses sharing the overridden intent's words: never a timer through the head, whatever the threshold.
  const lowered = compileFewShot({ ...h, threshold: 0.01 }, base.meta.featurizer);
  for (const text of ['who invented the oven timer', 'the cookies timer song lyrics', 'how long do I bake bread'])
    assert.notEqual(
      withFewShot(outOfScope, lowered, featurize(text, base.meta.featurizer), allKnown).intent,
      'set_timer',
      text,
    );
  // Only overrides: no intent for the head, so no head.
  const onlyOverride = parseCorpus(`
language: en
intents:
  set_timer:
    override: true
    examples: [set a cooking timer, timer for the oven please, start a timer for my bread, bake timer 20 minutes, timer for the cookies]
`);
  const none = await extendIntentModel(base, onlyOverride, pack, { strategy: 'head', epochs: 2, seed: 3, fewShot: {} });
  assert.equal(none.model.fewShot, undefined);
  assert.throws(() => buildFewShotHead(onlyOverride, pack, base.meta.featurizer, () => true, []), RangeError);
});

test("the head's threshold keeps the chosen share of out-of-scope lines under it, and bad settings are refused", () => {
  const everything = buildFewShotHead(corpus, pack, base.meta.featurizer, () => true, intentsOf(corpus), {
    quantile: 1,
  });
  const some = buildFewShotHead(corpus, pack, base.meta.featurizer, () => true, intentsOf(corpus), { quantile: 0.5 });
  assert.ok(some.threshold <= everything.threshold);
  // quantile 0.5: at most half of the lines it was chosen on reach the threshold, and not none of them
  // (the tiny pack's lines score apart), so the quantile is what moves it.
  const withoutNone = ({ none: _, ...rest }: FewShotHead): FewShotHead => rest;
  const half = compileFewShot(withoutNone(some), base.meta.featurizer);
  const lines = [...new Set([...pack.outOfScope, ...(pack.validation.oos ?? []), ...corpus.outOfScope!])];
  const over = lines.filter(
    (t) => (fewShotScores(half, featurize(t, base.meta.featurizer))[0]?.score ?? 0) >= some.threshold,
  ).length;
  assert.ok(over <= lines.length / 2, `${over} of ${lines.length} over the threshold`);
  assert.ok(some.threshold < everything.threshold, 'a lower quantile, a lower threshold');
  const c = compileFewShot(everything, base.meta.featurizer);
  for (const text of [...pack.outOfScope, ...corpus.outOfScope!])
    assert.equal(withFewShot(outOfScope, c, featurize(text, base.meta.featurizer), allKnown), outOfScope, text);
  for (const settings of [
    { quantile: 0 },
    { quantile: 1.5 },
    { k: 0 },
    { k: 1.5 },
    { minDf: -1 },
    { noneRatio: -1 },
    { noneRatio: Infinity },
  ])
    assert.throws(
      () => buildFewShotHead(corpus, pack, base.meta.featurizer, () => true, intentsOf(corpus), settings),
      RangeError,
    );
});

test("the corpus's own outOfScope phrases stay under the threshold whatever the quantile, and it is never 0", () => {
  const near = parseCorpus(`
language: en
intents:
  store_hours: [when are you open, what are your opening hours, are you open on sunday, store hours, what time do you close]
  return_item: [how do I return an item, can I send this back, what is your return policy, start a return, I want a refund]
outOfScope: [is the bank open on sunday, what time does the museum close, how do I return a library book]
`);
  const h = buildFewShotHead(near, pack, base.meta.featurizer, () => true, intentsOf(near), { quantile: 0.1 });
  assert.ok(h.threshold > 0);
  const c = compileFewShot(h, base.meta.featurizer);
  for (const text of near.outOfScope!)
    assert.equal(withFewShot(outOfScope, c, featurize(text, base.meta.featurizer), allKnown), outOfScope, text);
  // Paraphrases of those phrases meet them in the "none" class: out of scope, though over the threshold.
  const lowered = compileFewShot({ ...h, threshold: 0.05 }, base.meta.featurizer);
  const { none: _, ...plain } = h;
  const bare = compileFewShot({ ...plain, threshold: 0.05 }, base.meta.featurizer);
  assert.ok(h.none !== undefined && near.outOfScope!.every((t) => h.none!.texts.includes(t)));
  for (const text of ['is the bank open on saturday', 'what time does the museum open'])
    assert.deepEqual(
      [
        withFewShot(outOfScope, bare, featurize(text, base.meta.featurizer), allKnown).outOfScope,
        withFewShot(outOfScope, lowered, featurize(text, base.meta.featurizer), allKnown),
      ],
      [false, outOfScope],
      text,
    );
  assert.equal(
    withFewShot(outOfScope, lowered, featurize('what time do you open on saturday', base.meta.featurizer), allKnown)
      .intent,
    'store_hours',
  );
  const without = buildFewShotHead(near, pack, base.meta.featurizer, () => true, intentsOf(near), { noneRatio: 0 });
  assert.equal(without.none, undefined, 'noneRatio 0: no "none" class');
  const far = buildFewShotHead(
    near,
    { ...pack, outOfScope: [], validation: {} },
    base.meta.featurizer,
    () => false,
    intentsOf(near),
  );
  assert.ok(far.threshold > 0, 'no line flagged: still above 0');
});

test('a model file written before the few-shot head (the demo extension) loads and answers as the softmax alone', async () => {
  const root = (path: string) => new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
  const bytes = applyExtension(
    root('models/assistant-en.onnx'),
    root('demo/acme-store.ext.onnx'),
    'acme-store.ext.onnx',
  );
  assert.equal(readModelFile(bytes, 'acme-store.onnx').fewShot, undefined);
  const model = await loadIntentModel(bytes);
  try {
    assert.equal((await model.classify('when are you open')).intent, 'store_hours');
    assert.equal((await model.classify('what is the capital of peru')).outOfScope, true);
  } finally {
    await model.dispose();
  }
});
