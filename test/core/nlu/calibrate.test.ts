import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseThreshold, fitTemperature } from '../../../src/nlu/training/calibrate.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';

test('temperature scaling recovers the temperature that generated the labels', () => {
  const rng = createRng(3);
  const trueT = 2.5;
  const logits: Float32Array[] = [];
  const targets: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const z = Float32Array.from({ length: 5 }, () => rng.normal() * 4);
    // Sample the label from softmax(z / trueT): the model is overconfident by a factor 2.5.
    const p = Array.from(z, (v) => Math.exp(v / trueT));
    const sum = p.reduce((a, b) => a + b);
    let u = rng.next() * sum;
    let k = 0;
    while (k < 4 && (u -= p[k]!) > 0) k++;
    logits.push(z);
    targets.push(k);
  }
  const t = fitTemperature(logits, targets);
  assert.ok(Math.abs(t - trueT) < 0.25, `fitted ${t}`);
  assert.equal(fitTemperature([], []), 1);
});

test('the threshold maximizes in-scope accuracy + out-of-scope recall on validation', () => {
  const inScope = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6].map((confidence) => ({
    confidence,
    correct: true,
    predictedOos: false,
  }));
  const oos = [0.3, 0.4, 0.5, 0.65].map((confidence) => ({ confidence, correct: false, predictedOos: false }));
  const choice = chooseThreshold(inScope, oos);
  // Between 0.65 and 0.7: loses one in-scope example of six (-0.17) but catches the fourth
  // out-of-scope one of four (+0.25), which beats any threshold between 0.5 and 0.6.
  assert.ok(choice.threshold > 0.65 && choice.threshold < 0.7, String(choice.threshold));
  assert.equal(choice.inScopeAccuracy, 5 / 6);
  assert.equal(choice.oosRecall, 1);
  // Without out-of-scope data: Chow's rule at 0.5, or the threshold asked for.
  assert.equal(chooseThreshold(inScope, []).threshold, 0.5);
  assert.equal(chooseThreshold(inScope, [], { fallbackThreshold: 0.3 }).threshold, 0.3);
});

test('with a recall target, the threshold is the most accurate one reaching it', () => {
  const inScope = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6].map((confidence) => ({
    confidence,
    correct: true,
    predictedOos: false,
  }));
  const oos = [0.3, 0.4, 0.5, 0.65].map((confidence) => ({ confidence, correct: false, predictedOos: false }));
  const half = chooseThreshold(inScope, oos, { minOosRecall: 0.5 });
  assert.ok(half.threshold > 0.4 && half.threshold < 0.5, String(half.threshold));
  assert.deepEqual([half.inScopeAccuracy, half.oosRecall], [1, 0.5]);
});

test('a recall target on a subset of the out-of-scope data holds even when the whole set reaches its own', () => {
  const inScope = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6].map((confidence) => ({
    confidence,
    correct: true,
    predictedOos: false,
  }));
  const of = (confidence: number) => ({ confidence, correct: false, predictedOos: false });
  // An easy source (flagged below 0.3) and a hard one (near the in-scope confidences).
  const easy = [0.1, 0.15, 0.2, 0.25].map(of);
  const hard = [0.5, 0.65, 0.75, 0.98].map(of);
  const oos = [...easy, ...hard];
  const pooled = chooseThreshold(inScope, oos, { minOosRecall: 0.5 });
  assert.ok(pooled.threshold > 0.25 && pooled.threshold < 0.5, String(pooled.threshold));
  assert.deepEqual([pooled.inScopeAccuracy, pooled.oosRecall], [1, 0.5]);
  // The hard source must reach 0.5 on its own: the threshold moves past 0.65 and costs one in-scope answer.
  const both = chooseThreshold(inScope, oos, { minOosRecall: 0.5, subsets: [{ oos: hard, minOosRecall: 0.5 }] });
  assert.ok(both.threshold > 0.65 && both.threshold < 0.7, String(both.threshold));
  assert.deepEqual([both.inScopeAccuracy, both.oosRecall], [5 / 6, 6 / 8]);
  // A target nothing reaches: the nearest threshold (all four hard ones would need a threshold over 0.98).
  const out = chooseThreshold(inScope, oos, { minOosRecall: 0.5, subsets: [{ oos: hard, minOosRecall: 1 }] });
  assert.ok(out.threshold > 0.98, String(out.threshold));
  assert.equal(out.oosRecall, 1);
  // Subsets need a target for the whole set.
  assert.throws(() => chooseThreshold(inScope, oos, { subsets: [{ oos: hard, minOosRecall: 0.5 }] }), RangeError);
});
