/**
 * The in-memory predictor: runs a just-trained model in TypeScript, without ONNX Runtime. It
 * computes what the exported `.onnx` computes (same featurizer, weights, temperature and
 * decision), which the export tests check on whole test splits.
 *
 * @module
 */
import { effectiveWeights } from '../onnx/export.ts';
import { featurize } from '../runtime/featurizer.ts';
import { compileFewShot, withFewShot } from '../runtime/few-shot.ts';
import { wordCoverage } from '../runtime/language-id.ts';
import { predictProbabilities } from './network.ts';
import { decideIntent, DEFAULT_TOP_K, type IntentDecision } from '../runtime/scoring.ts';
import { OOS_LABEL } from '../types.ts';
import type { TrainedModel } from './trainer.ts';

/** A synchronous classifier over a trained model's weights. */
export interface InMemoryPredictor {
  /** The output classes in order. */
  labels: readonly string[];
  /** Class probabilities of one utterance (after temperature). */
  probabilities(text: string): Float32Array;
  /** The intent decision for one utterance, as `IntentModel.classify` makes it. */
  predict(text: string, topK?: number): IntentDecision;
  /** The share of the utterance's words the model knows, as `IntentModel.coverage` computes it. */
  coverage(text: string): number;
}

/**
 * Creates an in-memory predictor.
 * @param model the trained model
 * @param options `quantize`: predict as the uint8-quantized export does
 * @returns the predictor
 */
export function createInMemoryPredictor(model: TrainedModel, options: { quantize?: boolean } = {}): InMemoryPredictor {
  const weights = effectiveWeights(model, options.quantize ?? false);
  const ctx = { labels: model.labels, oosLabel: model.oosClass ? OOS_LABEL : null, threshold: model.threshold };
  const probabilities = (text: string): Float32Array =>
    predictProbabilities(weights, featurize(text, model.featurizer), model.temperature);
  const fewShot = model.fewShot === undefined ? undefined : compileFewShot(model.fewShot, model.featurizer);
  return {
    labels: model.labels,
    probabilities,
    predict: (text, topK = DEFAULT_TOP_K) => {
      const ids = featurize(text, model.featurizer);
      return withFewShot(
        decideIntent(predictProbabilities(weights, ids, model.temperature), ctx, topK),
        fewShot,
        ids,
        () => wordCoverage(text, model.featurizer, weights.remap),
      );
    },
    coverage: (text) => wordCoverage(text, model.featurizer, weights.remap),
  };
}
