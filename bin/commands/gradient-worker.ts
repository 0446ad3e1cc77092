/**
 * The helper thread of `parallel.ts`: waits for a half batch, computes its gradients into shared
 * memory with the trainer's own `computeHalfBatch`, and signals back. Runs until told to stop.
 */
import { workerData } from 'node:worker_threads';
import { computeHalfBatch, createWorkspace, type TrainingSet } from '../../src/nlu/training/batch-step.ts';
import type { Gradients } from '../../src/nlu/training/backprop.ts';
import type { NetworkWeights } from '../../src/nlu/training/network.ts';
import { CTRL, type HelperInit } from './parallel.ts';

const init = workerData as HelperInit;
const f32 = (b: SharedArrayBuffer) => new Float32Array(b);
const weights: NetworkWeights = {
  ...init.shape,
  remap: new Int32Array(0), // the helper sees embedding rows, never feature ids
  embedding: f32(init.weights.embedding),
  w1: f32(init.weights.w1),
  b1: f32(init.weights.b1),
  w2: f32(init.weights.w2),
  skip: f32(init.weights.skip),
  b2: f32(init.weights.b2),
};
const grads: Gradients = {
  embedding: f32(init.grads.embedding),
  w1: f32(init.grads.w1),
  b1: f32(init.grads.b1),
  w2: f32(init.grads.w2),
  skip: f32(init.grads.skip),
  b2: f32(init.grads.b2),
  touched: [],
  touchedFlag: new Uint8Array(weights.embedding.length / weights.dim),
};
const slice = (flat: Int32Array, offsets: Int32Array, i: number) => flat.subarray(offsets[i]!, offsets[i + 1]!);
const data: TrainingSet = {
  rows: Array.from({ length: init.targets.length }, (_, i) => slice(init.rows, init.rowOffsets, i)),
  tokenEnds: Array.from({ length: init.targets.length }, (_, i) => slice(init.ends, init.endOffsets, i)),
  targets: init.targets,
};
const workspace = createWorkspace(weights, init.settings.useSkip, grads);
const ctrl = new Int32Array(init.ctrl);
const numbers = new Float64Array(init.numbers);
const indices = new Int32Array(init.indices);
const touched = new Int32Array(init.touched);

let seen = 0;
for (;;) {
  Atomics.wait(ctrl, CTRL.command, seen);
  const command = Atomics.load(ctrl, CTRL.command);
  if (command < 0) break;
  seen = command;
  try {
    const n = ctrl[CTRL.count]!;
    numbers[1] = computeHalfBatch(
      weights,
      data,
      indices,
      0,
      n,
      numbers[0]!,
      ctrl[CTRL.seed]! >>> 0,
      init.settings,
      workspace,
    );
    touched.set(grads.touched);
    ctrl[CTRL.touched] = grads.touched.length;
  } catch (error) {
    ctrl[CTRL.failed] = 1;
    console.error(error);
  }
  Atomics.store(ctrl, CTRL.done, command);
  Atomics.notify(ctrl, CTRL.done);
}
