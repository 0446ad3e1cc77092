/**
 * The in-memory context predictor: runs a just-trained model in TypeScript, without ONNX
 * Runtime, computing what the exported `.onnx` computes (same featurizer and weights, the
 * table through uint8 when the export is quantized), which the export test checks.
 *
 * @module
 */
import { createTextIdCache, featurizeContext, type ContextInput, type ContextOutput } from '../context-features.ts';
import { createContextRunner } from './context-encoder.ts';
import { effectiveContextWeights, type ContextExportOptions } from './context-export.ts';
import type { TrainedContextModel } from './context-trainer.ts';

/** A synchronous context model over a trained model's weights. */
export interface ContextPredictor {
  /** The network's outputs for one turn. */
  run(input: ContextInput): ContextOutput;
}

/**
 * Creates an in-memory predictor.
 * @param model the trained model
 * @param options the export options to predict as (`quantize` @default true, `quantizeDense` @default false)
 * @returns the predictor
 */
export function createContextPredictor(
  model: TrainedContextModel,
  options: ContextExportOptions = {},
): ContextPredictor {
  const runner = createContextRunner(
    effectiveContextWeights(model, options.quantize ?? true, options.quantizeDense ?? false),
  );
  const cache = createTextIdCache(model.featurizer);
  return { run: (input) => runner.run(featurizeContext(input, model.spec, cache)) };
}
