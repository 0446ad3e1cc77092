/**
 * Compares out-of-scope threshold policies for the model card: for a trained model, the
 * threshold each policy picks on the validation split, and the test figures at it. Uses the
 * in-memory predictor (which decides exactly as the exported `.onnx`, see test/core/nlu/export.test.ts).
 */
import type { Dataset } from '../bin/commands/dataset.ts';
import { chooseThreshold, type ScoredPrediction } from '../src/nlu/training/calibrate.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import { OOS_LABEL } from '../src/nlu/types.ts';
import type { TrainedModel } from '../src/nlu/training/trainer.ts';

/** One policy's threshold and its test figures. */
export interface PolicyRow {
  policy: string;
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
}

/**
 * Evaluates the policies `balanced` and recall targets 0.5/0.6/0.7 on the test split.
 * @param model the trained model
 * @param dataset the dataset with `val` and `test` splits
 * @param quantize whether the shipped model is quantized
 * @returns one row per policy
 */
export function comparePolicies(model: TrainedModel, dataset: Dataset, quantize: boolean): PolicyRow[] {
  const predictor = createInMemoryPredictor(model, { quantize });
  const score = (split: string) =>
    (dataset.splits[split] ?? []).map((e) => {
      const p = predictor.probabilities(e.text);
      let top = 0;
      for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
      const predictedOos = model.oosClass && top === p.length - 1;
      return {
        gold: e.intent,
        label: model.labels[top]!,
        s: { confidence: p[top]!, correct: model.labels[top] === e.intent, predictedOos } as ScoredPrediction,
      };
    });
  const val = score('val');
  const test = score('test');
  const inVal = val.filter((v) => v.gold !== OOS_LABEL).map((v) => v.s);
  const oosVal = val.filter((v) => v.gold === OOS_LABEL).map((v) => v.s);
  const policies: [string, { minOosRecall?: number }][] = [
    ['balanced (accuracy + recall)', {}],
    ['recall ≥ 0.5', { minOosRecall: 0.5 }],
    ['recall ≥ 0.6', { minOosRecall: 0.6 }],
    ['recall ≥ 0.7', { minOosRecall: 0.7 }],
  ];
  return policies.map(([policy, options]) => {
    const { threshold } = chooseThreshold(inVal, oosVal, options);
    const flagged = (r: (typeof test)[number]) => r.s.predictedOos || r.s.confidence < threshold;
    const inScope = test.filter((r) => r.gold !== OOS_LABEL);
    const oos = test.filter((r) => r.gold === OOS_LABEL);
    return {
      policy,
      threshold,
      inScopeAccuracy: inScope.filter((r) => !flagged(r) && r.label === r.gold).length / Math.max(1, inScope.length),
      oosRecall: oos.filter(flagged).length / Math.max(1, oos.length),
    };
  });
}
