import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InferenceError, ModelLoadError } from '../../../src/errors.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { readOnnxSummary } from '../../../src/nlu/onnx/onnx-reader.ts';
import { encodeOnnxModel } from '../../../src/nlu/onnx/onnx-writer.ts';
import type { OnnxModel } from '../../../src/nlu/onnx/onnx-model.ts';

const tinyUrl = new URL('../../fixtures/nlu/tiny.onnx', import.meta.url);
const tinyPath = fileURLToPath(tinyUrl);
const tinyBytes = new Uint8Array(readFileSync(tinyPath));

test('loads from a path, a file: URL and bytes, with progress events', async () => {
  const events: string[] = [];
  const a = await loadIntentModel(tinyPath, { onProgress: (e) => events.push(e.status) });
  const b = await loadIntentModel(tinyUrl);
  const c = await loadIntentModel(tinyBytes.buffer.slice(0));
  assert.deepEqual(events, ['initiate', 'progress', 'done']);
  assert.equal(a.info.name, 'tiny');
  assert.equal(a.info.bytes, tinyBytes.length);
  assert.deepEqual(b.info, a.info);
  assert.equal(c.info.labels.length, 7);
  await Promise.all([a.dispose(), b.dispose(), c.dispose()]);
});

test('classify returns a calibrated, complete NluResult with entities', async () => {
  const model = await loadIntentModel(tinyPath);
  const hello = await model.classify('hello there');
  assert.equal(hello.intent, 'greeting');
  assert.equal(hello.outOfScope, false);
  assert.equal(hello.text, 'hello there');
  assert.equal(hello.modelVersion, '1.0.0');
  assert.equal(hello.intents.length, 5);
  assert.ok(hello.intents.every((s, i) => i === 0 || s.score <= hello.intents[i - 1]!.score));
  assert.equal(hello.confidence, hello.intents[0]!.score);
  const now = new Date('2026-11-26T10:00:00Z');
  const weather = await model.classify('what is the weather in paris tomorrow?', { topK: 2, now, timeZone: 'UTC' });
  assert.equal(weather.intent, 'weather');
  assert.equal(weather.intents.length, 2);
  const city = weather.entities.find((e) => e.kind === 'custom');
  assert.deepEqual([city?.name, city?.value], ['city', 'Paris'], 'custom entities come from the model file');
  assert.ok(weather.entities.some((e) => e.kind === 'date'));
  const timer = await model.classify('set a timer for 10 minutes');
  assert.equal(timer.intent, 'set_timer');
  assert.ok(timer.entities.some((e) => e.kind === 'duration' && e.value === 600_000));
  await model.dispose();
});

test('odd text gets a result, never a crash or a hang', async () => {
  const model = await loadIntentModel(tinyBytes);
  const odd = [
    '',
    '   ',
    'x'.repeat(1_000_000),
    '\uD800',
    '\uDC00abc\uD800',
    '\u0000\u0007\u001B[31m',
    '\u202Ehello\u202C',
    '\u2066\u2067\u2069',
    '\u202Ahello\u202C',
    '🏳️‍🌈'.repeat(10_000),
    '\uFFFF',
  ];
  const results = await Promise.all(odd.map((t) => model.classify(t)));
  for (const r of results) {
    assert.ok(r.confidence >= 0 && r.confidence <= 1);
    assert.equal(typeof r.outOfScope, 'boolean');
  }
  assert.equal(results[0]!.outOfScope, true, 'empty text is out of scope');
  // An override shows the text in another order than it is read ("olleh"): a spoof, out of scope.
  assert.equal(results[6]!.intent, null, 'a bidi override is junk');
  assert.equal(results[6]!.junk, 'control');
  assert.equal(results[8]!.intent, 'greeting', 'bidi embeddings (apps wrap copied text in them) are ignored');
  await assert.rejects(model.classify(42 as unknown as string), TypeError);
  await assert.rejects(model.classify('hi', { topK: -1 }), RangeError);
  await model.dispose();
  await assert.rejects(model.classify('hello'), InferenceError);
});

const isLoadError = (source: string) => (e: unknown) => {
  assert.ok(e instanceof ModelLoadError, String(e));
  assert.equal(e.source, source);
  assert.ok(e.message.includes(source));
  return true;
};

test('a missing, truncated or corrupt file is a ModelLoadError naming the source', async () => {
  await assert.rejects(loadIntentModel('/nonexistent/model.onnx'), isLoadError('/nonexistent/model.onnx'));
  await assert.rejects(loadIntentModel(tinyBytes.slice(0, tinyBytes.length >> 1)), isLoadError('bytes'));
  await assert.rejects(loadIntentModel(tinyBytes.slice(0, 100)), isLoadError('bytes'));
  await assert.rejects(loadIntentModel(new Uint8Array(0)), isLoadError('bytes'));
  await assert.rejects(
    loadIntentModel(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255)),
    isLoadError('bytes'),
  );
  // One flipped bit in the middle of the weights.
  const flipped = tinyBytes.slice();
  flipped[flipped.length >> 1]! ^= 0x10;
  await assert.rejects(loadIntentModel(flipped), isLoadError('bytes'));
});

test('an ONNX model of the wrong shape is a ModelLoadError', async () => {
  const metadata = Object.fromEntries(readOnnxSummary(tinyBytes).metadata);
  delete metadata['confidant.checksum'];
  const base = (outputShape: (number | string)[], values: number, inputName = 'ids'): OnnxModel => ({
    producerName: 'test',
    producerVersion: '0',
    graphName: 'wrong',
    nodes: [{ op: 'Identity', inputs: ['constant'], outputs: ['probs'] }],
    initializers: [
      { name: 'constant', type: 'float32', dims: [1, values], data: new Float32Array(values).fill(1 / values) },
    ],
    inputs: [{ name: inputName, type: 'int64', shape: [1, 'n'] }],
    outputs: [{ name: 'probs', type: 'float32', shape: outputShape }],
    metadata,
  });
  await assert.rejects(loadIntentModel(encodeOnnxModel(base([1, 3], 3))), /must be float32 \[1, 8\]/);
  await assert.rejects(loadIntentModel(encodeOnnxModel(base([1, 8], 8, 'tokens'))), /one input "ids"/);
  await assert.rejects(loadIntentModel(encodeOnnxModel(base([1, 'c'], 3))), isLoadError('bytes'));
  await assert.rejects(
    loadIntentModel(encodeOnnxModel({ ...base([1, 8], 8), metadata: {} })),
    /Not a Confidant intent model/,
  );
  await assert.rejects(
    loadIntentModel(encodeOnnxModel({ ...base([1, 8], 8), metadata: { ...metadata, 'confidant.format': '99' } })),
    /newer than this library/,
  );
});
