import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/nlu/training/rng.ts';
import { decideIntent } from '../../../src/nlu/runtime/scoring.ts';

const labels = Array.from({ length: 40 }, (_, i) => `intent${i}`);

test('top-k equals a full sort (ties in label order), without the out-of-scope class', () => {
  const rng = createRng(5);
  for (let trial = 0; trial < 200; trial++) {
    // Coarse values so ties happen.
    const probs = Float32Array.from({ length: 41 }, () => Math.round(rng.next() * 8) / 8);
    const expected = Array.from({ length: 40 }, (_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
    for (const k of [0, 1, 5, 40, 99]) {
      const r = decideIntent(probs, { labels: [...labels, 'oos'], oosLabel: 'oos', threshold: 0 }, k);
      assert.deepEqual(
        r.intents.map((s) => s.intent),
        expected.slice(0, Math.min(k, 40)).map((i) => labels[i]),
      );
      assert.equal(r.confidence, probs[expected[0]!]);
    }
  }
});

test('out of scope when the out-of-scope class wins or the best intent is under the threshold', () => {
  const ctx = { labels: ['a', 'b', 'oos'], oosLabel: 'oos', threshold: 0.4 };
  assert.deepEqual(decideIntent([0.6, 0.3, 0.1], ctx), {
    intent: 'a',
    confidence: 0.6,
    outOfScope: false,
    intents: [
      { intent: 'a', score: 0.6 },
      { intent: 'b', score: 0.3 },
    ],
  });
  assert.equal(decideIntent([0.3, 0.2, 0.5], ctx).outOfScope, true);
  assert.equal(decideIntent([0.35, 0.33, 0.32], ctx).intent, null);
  assert.equal(decideIntent([0.35, 0.33, 0.32], { ...ctx, threshold: 0.3 }).intent, 'a');
});
