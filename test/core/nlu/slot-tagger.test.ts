import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ModelLoadError } from '../../../src/errors.ts';
import { encodeOnnxModel } from '../../../src/nlu/onnx/onnx-writer.ts';
import { readOnnxSummary } from '../../../src/nlu/onnx/onnx-reader.ts';
import { bioLabels, spansToTags, tagsToSpans, transitionAllowed } from '../../../src/nlu/tagger/bio.ts';
import { createTransitions, tokenMarginals, viterbi } from '../../../src/nlu/tagger/crf.ts';
import { loadSlotTagger } from '../../../src/nlu/tagger/slot-tagger.ts';
import { tokenizeWithOffsets } from '../../../src/nlu/tagger/tokens.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';
import { effectiveTaggerWeights, exportTagger } from '../../../src/nlu/training/tagger/export-tagger.ts';
import { tagInMemory, trainSlotTagger } from '../../../src/nlu/training/tagger/train-tagger.ts';
import type { TrainingExample } from '../../../src/nlu/types.ts';

/** Annotated examples from templates: "{x}" marks the slot. */
function examples(templates: string[], fills: Record<string, string[]>, entity: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const t of templates) {
    for (const v of fills[entity] ?? []) {
      const start = t.indexOf('{x}');
      const text = t.replace('{x}', v);
      out.push({ text, intent: entity, slots: [{ start, end: start + v.length, entity }] });
    }
  }
  return out;
}

const fills = {
  city: ['Paris', 'New York', 'Tokyo', 'Berlin', 'San Francisco', 'Lagos', 'Lima', 'Oslo', 'Cairo', 'Rome'],
  item: ['eggs', 'milk', 'oat milk', 'bread', 'green apples', 'rice', 'tea', 'soap', 'butter', 'coffee beans'],
};
const train = [
  ...examples(
    ['what is the weather in {x}', 'weather in {x} today', 'is it raining in {x}', '{x} weather'],
    fills,
    'city',
  ),
  ...examples(['add {x} to my shopping list', 'put {x} on the list', 'I need {x}', 'buy {x}'], fills, 'item'),
  { text: 'hello there', intent: 'greet' },
];
const tiny = await trainSlotTagger(train, undefined, { dim: 8, hidden: 16, epochs: 4, validationShare: 0.15, seed: 3 });

test('tokens keep exact offsets in English, Chinese, emoji and combining marks', () => {
  const cases: [string, string, string[]][] = [
    ["add Kasey Chambers's song", 'en', ['add', 'Kasey', 'Chambers', "'s", 'song']],
    ['北京明天的天气', 'zh', ['北京', '明天', '的', '天气']],
    ['play 🎵 by Beyoncé 👍🏽!', 'en', ['play', '🎵', 'by', 'Beyoncé', '👍🏽', '!']],
    ['cafe\u0301 in Zu\u0308rich', 'en', ['cafe\u0301', 'in', 'Zu\u0308rich']],
  ];
  for (const [text, locale, expected] of cases) {
    const tokens = tokenizeWithOffsets(text, locale);
    assert.deepEqual(
      tokens.map((t) => t.text),
      expected,
      text,
    );
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  }
});

test('spans → BIO tags → spans round-trips, and Viterbi only returns BIO-valid sequences', () => {
  const labels = bioLabels(['city', 'item']);
  assert.deepEqual(labels, ['O', 'B-city', 'I-city', 'B-item', 'I-item']);
  const index = new Map(labels.map((l, i) => [l, i]));
  const text = 'weather in San Francisco and 东京';
  const tokens = tokenizeWithOffsets(text, 'zh');
  const gold = [
    { start: 11, end: 24, entity: 'city' },
    { start: 29, end: 31, entity: 'city' },
  ];
  const tags = spansToTags(tokens, gold, index);
  const spans = tagsToSpans(text, tokens, tags, labels).map((s) => s.span);
  assert.deepEqual(
    spans.map((s) => [s.start, s.end, s.entity, s.text]),
    [
      [11, 24, 'city', 'San Francisco'],
      [29, 31, 'city', '东京'],
    ],
  );
  // Random emissions and transitions: every decoded sequence obeys the constraints, and the
  // marginals of each token sum to 1.
  const rng = createRng(5);
  for (let trial = 0; trial < 50; trial++) {
    const T = 1 + rng.int(8);
    const crf = createTransitions(labels.length);
    for (const a of [crf.trans, crf.start, crf.end]) for (let i = 0; i < a.length; i++) a[i] = rng.normal() * 3;
    const em = Float32Array.from({ length: T * labels.length }, () => rng.normal() * 4);
    const path = viterbi(em, T, crf);
    for (let t = 0; t < T; t++) assert.ok(transitionAllowed(t === 0 ? -1 : (path[t - 1] as number), path[t] as number));
    const m = tokenMarginals(em, T, crf);
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let y = 0; y < labels.length; y++) sum += m[t * labels.length + y] as number;
      assert.ok(Math.abs(sum - 1) < 1e-4, `marginals of token ${t} sum to ${sum}`);
      // An I- tag cannot start a sentence, so its marginal there is 0.
      if (t === 0) assert.equal(m[2], 0);
    }
  }
});

test('a trained tagger finds slots in unseen sentences', () => {
  const weather = tagInMemory(tiny, 'weather in Oslo today');
  assert.deepEqual(
    weather.map((s) => [s.entity, s.text]),
    [['city', 'Oslo']],
  );
  assert.ok(tiny.metrics.valF1 > 0.8, `validation F1 ${tiny.metrics.valF1}`);
});

test('the exported ONNX model computes what the in-memory model computes', async () => {
  for (const quantize of [false, true]) {
    const bytes = exportTagger(tiny, { quantize });
    const tagger = await loadSlotTagger(bytes);
    const reference = { ...tiny, weights: effectiveTaggerWeights(tiny, quantize) };
    for (const text of [
      'what is the weather in Lima',
      'add green apples to my shopping list',
      'buy 🍕 and tea',
      'hi',
      '',
    ]) {
      const onnx = await tagger.tag(text);
      const memory = tagInMemory(reference, text);
      assert.deepEqual(
        onnx.map((s) => [s.entity, s.start, s.end, s.text]),
        memory.map((s) => [s.entity, s.start, s.end, s.text]),
        text,
      );
      onnx.forEach((s, i) => assert.ok(Math.abs(s.confidence - (memory[i]?.confidence ?? 0)) < 1e-3));
    }
    assert.deepEqual(tagger.info.entities, ['city', 'item']);
    await tagger.dispose();
  }
});

test('corrupt, truncated, wrong-shape and other-label taggers are refused with ModelLoadError naming them', async () => {
  const bytes = exportTagger(tiny, { quantize: true });
  const flipped = bytes.slice();
  const middle = Math.floor(flipped.length / 2);
  flipped[middle] = (flipped[middle] as number) ^ 0xff;
  const refuse = async (b: Uint8Array, pattern: RegExp) =>
    assert.rejects(
      loadSlotTagger(b),
      (e: unknown) => e instanceof ModelLoadError && pattern.test(e.message) && /model: bytes/.test(e.message),
    );
  await refuse(bytes.slice(0, bytes.length - 100), /corrupt|truncated|checksum/);
  await refuse(flipped, /corrupt|checksum|truncated/);
  await refuse(new Uint8Array([1, 2, 3]), /corrupt|truncated|graph/);
  // Labels that are not O + B-/I- pairs, and labels the outputs do not match.
  const summary = readOnnxSummary(bytes);
  const rewrite = (labels: unknown) => {
    const m = Object.fromEntries(summary.metadata);
    m['confidant.tagger.labels'] = JSON.stringify(labels);
    delete m['confidant.checksum'];
    return m;
  };
  const relabel = (labels: unknown) =>
    encodeOnnxModel({
      producerName: 'test',
      producerVersion: '0',
      graphName: 'g',
      nodes: [{ op: 'Identity', inputs: ['ids'], outputs: ['emissions'] }],
      initializers: [],
      inputs: [{ name: 'ids', type: 'int64', shape: ['tokens', 9] }],
      outputs: [
        { name: 'emissions', type: 'float32', shape: ['tokens', 5] },
        { name: 'transitions', type: 'float32', shape: [7, 5] },
      ],
      metadata: rewrite(labels),
      checksumKey: 'confidant.checksum',
    });
  await refuse(relabel(['O', 'B-city', 'I-item']), /B-x and I-x|labels/);
  await refuse(relabel(['O', 'B-city', 'I-city']), /emissions.*3 labels/);
  await assert.rejects(
    loadSlotTagger('/no/such/tagger.onnx'),
    (e: unknown) => e instanceof ModelLoadError && /tagger\.onnx/.test(e.message),
  );
});
