/**
 * Out-of-scope threshold policies for the model card, on the validation split only: for a trained
 * model, the threshold each policy picks there and what it scores there. This is the table the
 * shipped policy was chosen from; test figures are reported apart, for the shipped policy only.
 * Uses the in-memory predictor (which decides exactly as the exported `.onnx`, see
 * test/core/nlu/export.test.ts).
 */
import type { Dataset } from '../bin/commands/dataset.ts';
import { chooseThreshold, type ScoredPrediction } from '../src/nlu/training/calibrate.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import { OOS_LABEL } from '../src/nlu/types.ts';
import type { TrainedModel } from '../src/nlu/training/trainer.ts';

/** One policy's threshold and its validation figures. */
export interface PolicyRow {
  policy: string;
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
}

/**
 * Evaluates the policies `balanced` and recall targets 0.5 to 0.8 on the validation split.
 * @param model the trained model
 * @param dataset the dataset with a `val` split
 * @param quantize whether the shipped model is quantized
 * @returns one row per policy
 */
export function comparePolicies(model: TrainedModel, dataset: Dataset, quantize: boolean): PolicyRow[] {
  const predictor = createInMemoryPredictor(model, { quantize });
  const val = (dataset.splits.val ?? []).map((e) => {
    const p = predictor.probabilities(e.text);
    let top = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
    const predictedOos = model.oosClass && top === p.length - 1;
    return {
      oos: e.intent === OOS_LABEL,
      s: { confidence: p[top]!, correct: model.labels[top] === e.intent, predictedOos } as ScoredPrediction,
    };
  });
  const inVal = val.filter((v) => !v.oos).map((v) => v.s);
  const oosVal = val.filter((v) => v.oos).map((v) => v.s);
  const policies: [string, { minOosRecall?: number }][] = [
    ['balanced (accuracy + recall)', {}],
    ['recall ≥ 0.5', { minOosRecall: 0.5 }],
    ['recall ≥ 0.6', { minOosRecall: 0.6 }],
    ['recall ≥ 0.7', { minOosRecall: 0.7 }],
    ['recall ≥ 0.75', { minOosRecall: 0.75 }],
    ['recall ≥ 0.8', { minOosRecall: 0.8 }],
  ];
  return policies.map(([policy, options]) => {
    const { threshold, inScopeAccuracy, oosRecall } = chooseThreshold(inVal, oosVal, options);
    return { policy, threshold, inScopeAccuracy, oosRecall };
  });
}
