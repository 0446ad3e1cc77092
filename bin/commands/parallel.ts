/**
 * A helper thread for the trainer (`TrainOptions.parallel`): computes the second half of each
 * batch on Node's worker_threads while the main thread computes the first. Weights and the
 * helper's gradients live in SharedArrayBuffers; a small control array and `Atomics.wait` /
 * `Atomics.notify` hand each half over (a few microseconds, against milliseconds of work).
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Gradients } from '../../src/nlu/training/backprop.ts';
import type { HalfBatchHelper, StepSettings, TrainingSet } from '../../src/nlu/training/batch-step.ts';
import type { NetworkWeights } from '../../src/nlu/training/network.ts';

/** Control slots (Int32Array indices). */
export const CTRL = { command: 0, done: 1, count: 2, seed: 3, touched: 4, failed: 5 } as const;

/** What the worker receives once. */
export interface HelperInit {
  ctrl: SharedArrayBuffer;
  /** [scale, loss] as float64. */
  numbers: SharedArrayBuffer;
  indices: SharedArrayBuffer;
  touched: SharedArrayBuffer;
  weights: Record<'embedding' | 'w1' | 'b1' | 'w2' | 'skip' | 'b2', SharedArrayBuffer>;
  grads: Record<'embedding' | 'w1' | 'b1' | 'w2' | 'skip' | 'b2', SharedArrayBuffer>;
  shape: { dim: number; hidden: number; classes: number };
  /** The training set, flattened: rows and token ends of example i are at offsets[i]..offsets[i+1]. */
  rows: Int32Array;
  rowOffsets: Int32Array;
  ends: Int32Array;
  endOffsets: Int32Array;
  targets: Int32Array;
  settings: StepSettings;
}

const TENSORS = ['embedding', 'w1', 'b1', 'w2', 'skip', 'b2'] as const;

function flatten(lists: Int32Array[]): { flat: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  const flat = new Int32Array(offsets[lists.length]!);
  lists.forEach((l, i) => flat.set(l, offsets[i]!));
  return { flat, offsets };
}

/**
 * Starts the worker script next to this module: the built `.js`, or under tsx the `.ts` source,
 * through a bootstrap that registers tsx first (Node 20 workers do not inherit tsx's loader).
 */
function startWorker(init: HelperInit): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./gradient-worker.js', import.meta.url), { workerData: init });
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const script = JSON.stringify(new URL('./gradient-worker.ts', import.meta.url).href);
  return new Worker(`import(${api}).then((tsx) => { tsx.register(); return import(${script}); })`, {
    eval: true,
    workerData: init,
  });
}

/**
 * Creates a helper thread when the machine has at least two cores.
 * @returns the helper, or `undefined` on a single core
 */
export function createThreadHelper(): HalfBatchHelper | undefined {
  if (availableParallelism() < 2) return undefined;
  let worker: Worker | undefined;
  let ctrl: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let numbers: Float64Array<ArrayBufferLike> = new Float64Array(0);
  let indices: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let touched: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let grads: Omit<Gradients, 'touched' | 'touchedFlag'> | undefined;
  let seq = 0;
  return {
    start(weights: NetworkWeights, data: TrainingSet, settings: StepSettings): NetworkWeights {
      const share = (a: Float32Array) => {
        const sab = new SharedArrayBuffer(a.byteLength);
        new Float32Array(sab).set(a);
        return sab;
      };
      const weightBuffers = Object.fromEntries(TENSORS.map((t) => [t, share(weights[t])])) as HelperInit['weights'];
      const gradBuffers = Object.fromEntries(
        TENSORS.map((t) => [t, new SharedArrayBuffer(weights[t].byteLength)]),
      ) as HelperInit['grads'];
      const rows = flatten(data.rows);
      const ends = flatten(data.tokenEnds);
      const init: HelperInit = {
        ctrl: new SharedArrayBuffer(8 * 4),
        numbers: new SharedArrayBuffer(2 * 8),
        indices: new SharedArrayBuffer(data.targets.length * 4),
        touched: new SharedArrayBuffer((weights.embedding.length / weights.dim) * 4),
        weights: weightBuffers,
        grads: gradBuffers,
        shape: { dim: weights.dim, hidden: weights.hidden, classes: weights.classes },
        rows: rows.flat,
        rowOffsets: rows.offsets,
        ends: ends.flat,
        endOffsets: ends.offsets,
        targets: data.targets,
        settings,
      };
      ctrl = new Int32Array(init.ctrl);
      numbers = new Float64Array(init.numbers);
      indices = new Int32Array(init.indices);
      touched = new Int32Array(init.touched);
      grads = Object.fromEntries(TENSORS.map((t) => [t, new Float32Array(gradBuffers[t])])) as typeof grads;
      worker = startWorker(init);
      worker.unref();
      const shared = Object.fromEntries(TENSORS.map((t) => [t, new Float32Array(weightBuffers[t])]));
      return { ...weights, ...shared };
    },
    begin(order, from, to, scale, seed) {
      for (let i = from; i < to; i++) indices[i - from] = order[i]!;
      ctrl[CTRL.count] = to - from;
      ctrl[CTRL.seed] = seed | 0;
      numbers[0] = scale;
      seq++;
      Atomics.store(ctrl, CTRL.command, seq);
      Atomics.notify(ctrl, CTRL.command);
    },
    finish() {
      let done: number;
      const deadline = Date.now() + 120_000;
      while ((done = Atomics.load(ctrl, CTRL.done)) !== seq) {
        if (Date.now() > deadline) throw new Error('the training helper thread stopped answering');
        Atomics.wait(ctrl, CTRL.done, done, 1000);
      }
      if (ctrl[CTRL.failed] !== 0) throw new Error('the training helper thread failed');
      const count = ctrl[CTRL.touched]!;
      return {
        loss: numbers[1]!,
        grads: { ...grads!, touched: Array.from(touched.subarray(0, count)), touchedFlag: new Uint8Array(0) },
      };
    },
    close() {
      if (worker === undefined) return;
      Atomics.store(ctrl, CTRL.command, -1);
      Atomics.notify(ctrl, CTRL.command);
      void worker.terminate();
      worker = undefined;
    },
  };
}
