import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContextPredictor } from '../../../src/context/training/context-predictor.ts';
import { trainContextModel } from '../../../src/context/training/context-trainer.ts';
import type { ContextTrainProgressEvent } from '../../../src/context/training/context-train-options.ts';
import { spec, syntheticTurns } from './synthetic-turns.ts';

const argmax = (p: Float32Array) => p.indexOf(Math.max(...p));

test('the network learns switches from words and carries from the previous intent, on held-out turns', async () => {
  const events: ContextTrainProgressEvent[] = [];
  const model = await trainContextModel(
    syntheticTurns(1500, 1),
    { spec, seed: 2, dim: 16, hidden: 16, candHidden: 16, slotHidden: 8, epochs: 4, onProgress: (e) => events.push(e) },
    syntheticTurns(200, 2),
  );
  assert.deepEqual(
    events.map((e) => e.status),
    ['featurize', 'epoch', 'epoch', 'epoch', 'epoch'],
  );
  const predictor = createContextPredictor(model);
  const heldOut = syntheticTurns(400, 3);
  const hits = { intent: 0, switch: 0, command: 0, slot: 0, slotTurns: 0, carries: 0, carriedRight: 0 };
  for (const turn of heldOut) {
    const out = predictor.run(turn);
    const { labels } = turn;
    if (argmax(out.intent) === labels.intent) hits.intent++;
    if ((out.switch >= 0.5 ? 1 : 0) === labels.switch) hits.switch++;
    if (argmax(out.command) === labels.command) hits.command++;
    if (labels.slot !== undefined) {
      hits.slotTurns++;
      if (argmax(out.slot) === labels.slot) hits.slot++;
    }
    if (labels.switch === 0) {
      hits.carries++;
      if (argmax(out.intent) === labels.intent) hits.carriedRight++;
    }
  }
  const n = heldOut.length;
  assert.ok(hits.intent / n >= 0.9, `intent ${hits.intent}/${n}`);
  assert.ok(hits.switch / n >= 0.9, `switch ${hits.switch}/${n}`);
  assert.ok(hits.command / n >= 0.9, `command ${hits.command}/${n}`);
  assert.ok(hits.slot / hits.slotTurns >= 0.9, `slot ${hits.slot}/${hits.slotTurns}`);
  // Carry turns have no word of their intent: only the previous-intent feature decides them.
  assert.ok(hits.carriedRight / hits.carries >= 0.9, `carries ${hits.carriedRight}/${hits.carries}`);
  assert.ok(model.metrics.valIntent! >= 0.9);
  assert.ok(model.metrics.bestEpoch >= 1 && model.metrics.bestEpoch <= 4);
});

test('the same seed gives the same model', async () => {
  const options = { spec, seed: 5, dim: 8, hidden: 8, candHidden: 8, slotHidden: 4, epochs: 1 };
  const a = await trainContextModel(syntheticTurns(100, 1), options);
  const b = await trainContextModel(syntheticTurns(100, 1), options);
  assert.deepEqual(a.weights.embedding, b.weights.embedding);
  assert.deepEqual(a.weights.cand.wa, b.weights.cand.wa);
});

test('bad options and bad examples are refused with TypeError or RangeError', async () => {
  const turns = syntheticTurns(20, 1);
  await assert.rejects(trainContextModel(turns, { spec, dim: 0 }), RangeError);
  await assert.rejects(trainContextModel(turns, { spec, dropout: 1 }), RangeError);
  await assert.rejects(trainContextModel(turns, { spec, lossWeights: { intent: -1 } }), RangeError);
  await assert.rejects(trainContextModel([], { spec }), RangeError);
  await assert.rejects(
    trainContextModel([{ ...turns[0]!, labels: { intent: 9 } }], { spec }),
    /example 0: labels.intent 9/,
  );
  await assert.rejects(trainContextModel([{ ...turns[0]!, state: [1, 2, 3] }], { spec }), /example 0: input.state/);
  await assert.rejects(
    trainContextModel(turns, { spec: { ...spec, commands: [] } }),
    (e: unknown) => e instanceof TypeError && /spec.commands/.test(e.message),
  );
});

test('training stops at an aborted signal with its reason', async () => {
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(trainContextModel(syntheticTurns(20, 1), { spec, signal: controller.signal }), /stop/);
});
