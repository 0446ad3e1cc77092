import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  backwardContext,
  createBackwardScratch,
  createContextGradients,
  scatterBag,
  type ContextLabels,
} from '../../../src/context/training/context-backprop.ts';
import {
  bagInto,
  createTrace,
  denseTensors,
  forwardContext,
  initContextWeights,
  type ContextShape,
  type ContextWeights,
} from '../../../src/context/training/context-network.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';

const shape: ContextShape = {
  dim: 5,
  hidden: 6,
  candHidden: 7,
  slotHidden: 4,
  state: 3,
  candFeatures: 2,
  slotFeatures: 3,
  commands: 4,
};
const buckets = 40;
const rng = createRng(42);
// Ids 1..29 have rows; 30..39 are unknown features (row 0), which count in the mean but have no gradient.
const remap = Int32Array.from({ length: buckets }, (_, i) => (i > 0 && i < 30 ? i : 0));
const w = initContextWeights(remap, shape, rng);
// Random biases and larger weights, so no ReLU sits at its kink and every term matters.
for (const [, a] of denseTensors(w)) for (let i = 0; i < a.length; i++) a[i] = rng.normal() * 0.6;
for (let i = shape.dim; i < w.embedding.length; i++) w.embedding[i] = rng.normal() * 0.8;

const ids = (...xs: number[]) => Int32Array.from(xs);
const turn = {
  utterance: ids(1, 2, 3, 0, 31, 2),
  context: ids(4, 5, 0),
  state: Float32Array.of(0.5, -1, 2),
  cand: [ids(6, 7), ids(1, 8, 9, 32), ids(10, 0, 0)],
  candFeats: [Float32Array.of(1, 0.3), Float32Array.of(0, -0.7), Float32Array.of(0.2, 1)],
  slot: [ids(11, 12), ids(13, 2)],
  slotFeats: [Float32Array.of(1, 0, 0.5), Float32Array.of(0, 1, -0.5)],
};
const labels: ContextLabels = { command: 2, switch: 1, intent: 1, slot: 0 };
const lossWeights = { command: 0.7, switch: 1.3, intent: 1, slot: 0.5 };
const gmask = Float32Array.from({ length: shape.hidden }, (_, j) => (j === 2 ? 0 : 1.25));

function encode(weights: ContextWeights) {
  const bag = (x: Int32Array) => {
    const out = new Float32Array(shape.dim);
    bagInto(weights, x, out);
    return out;
  };
  return {
    u: bag(turn.utterance),
    c: bag(turn.context),
    state: turn.state,
    candBags: turn.cand.map(bag),
    candFeats: turn.candFeats,
    slotBags: turn.slot.map(bag),
    slotFeats: turn.slotFeats,
  };
}

/** Forward and backward once; returns the loss and the full gradient. */
function lossAndGradient(weights: ContextWeights) {
  const encoded = encode(weights);
  const trace = createTrace(shape);
  trace.gmask.set(gmask);
  forwardContext(weights, encoded, trace);
  const grads = createContextGradients(weights);
  const scratch = createBackwardScratch(weights);
  const dCand = turn.cand.map(() => new Float32Array(shape.dim));
  const dSlot = turn.slot.map(() => new Float32Array(shape.dim));
  const loss = backwardContext(weights, encoded, trace, labels, lossWeights, 1, grads, scratch, dCand, dSlot);
  scatterBag(grads, turn.utterance, scratch.dx.subarray(0, shape.dim));
  scatterBag(grads, turn.context, scratch.dx.subarray(shape.dim, 2 * shape.dim));
  turn.cand.forEach((x, k) => scatterBag(grads, x, dCand[k]!));
  turn.slot.forEach((x, k) => scatterBag(grads, x, dSlot[k]!));
  return { loss, grads };
}

function check(name: string, params: Float32Array, analytic: Float32Array, indices: Iterable<number>): number {
  let checked = 0;
  for (const i of indices) {
    const x = params[i]!;
    params[i] = Math.fround(x + 1e-3);
    const up = params[i]! - x;
    const lossUp = lossAndGradient(w).loss;
    params[i] = Math.fround(x - 1e-3);
    const down = x - params[i]!;
    const lossDown = lossAndGradient(w).loss;
    params[i] = x;
    const numeric = (lossUp - lossDown) / (up + down);
    const a = analytic[i]!;
    assert.ok(
      Math.abs(a - numeric) <= 2e-3 + 2e-2 * Math.abs(numeric),
      `${name}[${i}]: analytic ${a}, finite difference ${numeric}`,
    );
    checked++;
  }
  return checked;
}

test('every dense gradient of the context network matches finite differences', () => {
  const { grads } = lossAndGradient(w);
  const analytic = new Map(denseTensors(grads.of));
  let nonZero = 0;
  for (const [name, params] of denseTensors(w)) {
    const g = analytic.get(name)!;
    check(name, params, g, params.keys());
    if (g.some((v) => v !== 0)) nonZero++;
  }
  // Every tensor gets a gradient (the loss reaches all of them).
  assert.equal(nonZero, denseTensors(w).length);
});

test('the embedding gradient matches finite differences on every row the turn uses, and is zero elsewhere', () => {
  const { grads } = lossAndGradient(w);
  const allIds = [turn.utterance, turn.context, ...turn.cand, ...turn.slot].flatMap((x) => [...x]);
  const used = new Set(allIds.map((id) => remap[id]!));
  used.delete(0);
  const indices = [...used].flatMap((row) => Array.from({ length: shape.dim }, (_, d) => row * shape.dim + d));
  assert.equal(check('embedding', w.embedding, grads.of.embedding, indices), used.size * shape.dim);
  assert.deepEqual(
    [...grads.touched].sort((a, b) => a - b),
    [...used].sort((a, b) => a - b),
  );
  for (let row = 0; row < w.embedding.length / shape.dim; row++) {
    if (used.has(row)) continue;
    for (let d = 0; d < shape.dim; d++) assert.equal(grads.of.embedding[row * shape.dim + d], 0);
  }
});

test('a head without a label gets no gradient and adds no loss', () => {
  const encoded = encode(w);
  const trace = createTrace(shape);
  forwardContext(w, encoded, trace);
  const grads = createContextGradients(w);
  const loss = backwardContext(
    w,
    encoded,
    trace,
    { intent: 0 },
    lossWeights,
    1,
    grads,
    createBackwardScratch(w),
    turn.cand.map(() => new Float32Array(shape.dim)),
    turn.slot.map(() => new Float32Array(shape.dim)),
  );
  assert.ok(Math.abs(loss + Math.log(trace.cand.probs[0]!)) < 1e-6);
  for (const name of ['wc', 'bc', 'ws', 'bs', 'slot.wa', 'slot.v'] as const) {
    const g = new Map(denseTensors(grads.of)).get(name)!;
    assert.ok(
      g.every((v) => v === 0),
      name,
    );
  }
});
