/**
 * Times single runs of an exported context model in onnxruntime-web (Node, wasm, 1 thread) on SGD
 * frames, and checks that ONNX Runtime and the in-memory network choose the same candidate.
 */
import { gzipSync } from 'node:zlib';
import { loadContextModel } from '../../src/context/context-model.ts';
import { createContextRunner } from '../../src/context/training/context-encoder.ts';
import { effectiveContextWeights, exportContextOnnx } from '../../src/context/training/context-export.ts';
import type { TrainedContextModel } from '../../src/context/training/context-trainer.ts';
import { summarize, type Summary } from '../dialogue/stats.ts';
import type { SgdExample } from './sgd-examples.ts';

/** Size and latency of one exported model. */
export interface OnnxFigures {
  bytes: number;
  gzipBytes: number;
  /** One `runFeatures` (tensors in, probabilities out), ms. */
  run: Summary;
  /** Featurizing the turn and running it, ms. */
  withFeaturize: Summary;
  /** Share of frames where ONNX Runtime and the in-memory network choose the same candidate. */
  agreement: number;
  frames: number;
}

/** The index of the largest value. */
export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return best;
}

/**
 * Exports `model` (uint8 table) and times it on `examples` after 50 warm-up runs.
 * @param model the trained model
 * @param examples frames of the model's variant
 */
export async function measureOnnx(model: TrainedContextModel, examples: readonly SgdExample[]): Promise<OnnxFigures> {
  const bytes = exportContextOnnx(model, { quantize: true });
  const onnx = await loadContextModel(bytes);
  const memory = createContextRunner(effectiveContextWeights(model, true));
  const runMs: number[] = [];
  const turnMs: number[] = [];
  let agree = 0;
  try {
    for (const e of examples.slice(0, 50)) await onnx.run(e);
    for (const e of examples) {
      const features = onnx.featurize(e);
      let t = performance.now();
      const out = await onnx.runFeatures(features);
      runMs.push(performance.now() - t);
      t = performance.now();
      await onnx.run(e);
      turnMs.push(performance.now() - t);
      if (argmax(out.intent) === argmax(memory.run(features).intent)) agree++;
    }
  } finally {
    await onnx.dispose();
  }
  return {
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes).length,
    run: summarize(runMs),
    withFeaturize: summarize(turnMs),
    agreement: agree / examples.length,
    frames: examples.length,
  };
}
