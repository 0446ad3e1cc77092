/**
 * Out-of-scope threshold policies for the model card, on the validation split only: for a trained
 * model, the threshold each policy picks there and what it scores there. This is the table the
 * shipped policy was chosen from; test figures are reported apart, for the shipped policy only.
 * Also the shipped policy itself (`chooseShippedThreshold`), which `train-default.ts` and
 * `set-threshold.ts` write into the model.
 * Uses the in-memory predictor (which decides exactly as the exported `.onnx`, see
 * test/core/nlu/export.test.ts).
 */
import type { Dataset } from '../bin/commands/dataset.ts';
import { chooseThreshold, type ScoredPrediction, type ThresholdChoice } from '../src/nlu/training/calibrate.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import { OOS_LABEL, type TrainingExample } from '../src/nlu/types.ts';
import type { TrainedModel } from '../src/nlu/training/trainer.ts';
import type { BaseModel } from '../src/nlu/training/extend/base-model.ts';
import type { ThresholdPolicy } from './default-options.ts';

/** One policy's threshold and its validation figures. */
export interface PolicyRow {
  policy: string;
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
}

/** Validation predictions before any threshold: in-scope and out-of-scope apart. */
interface Scored {
  inScope: ScoredPrediction[];
  oos: ScoredPrediction[];
}

/**
 * Scores examples with the model as it ships (quantized when `quantize`).
 * @param model the trained model
 * @param examples labelled utterances (`oos` marks out-of-scope)
 * @param quantize whether the shipped model is quantized
 */
function scoreExamples(model: TrainedModel, examples: TrainingExample[], quantize: boolean): Scored {
  const predictor = createInMemoryPredictor(model, { quantize });
  const out: Scored = { inScope: [], oos: [] };
  for (const e of examples) {
    const p = predictor.probabilities(e.text);
    // The out-of-scope class (the last) never counts as the top intent: decideIntent compares them.
    const n = model.oosClass ? p.length - 1 : p.length;
    let top = 0;
    for (let k = 1; k < n; k++) if (p[k]! > p[top]!) top = k;
    const predictedOos = model.oosClass && p[n]! > p[top]!;
    const s = { confidence: p[top]!, correct: model.labels[top] === e.intent, predictedOos };
    (e.intent === OOS_LABEL ? out.oos : out.inScope).push(s);
  }
  return out;
}

/**
 * The shipped threshold policy applied to a model: the best in-scope accuracy on all val splits
 * together among thresholds whose out-of-scope recall reaches `policy.oosRecall` there and
 * `policy.primaryOosRecall` on the primary dataset's own val split.
 * @param model the trained model
 * @param pooled all validation examples (the primary dataset's and the `--more` sets')
 * @param primary the primary dataset's validation examples
 * @param quantize whether the shipped model is quantized
 * @param policy the recall targets
 * @returns the threshold and its figures on `pooled`
 */
export function chooseShippedThreshold(
  model: TrainedModel,
  pooled: TrainingExample[],
  primary: TrainingExample[],
  quantize: boolean,
  policy: ThresholdPolicy,
): ThresholdChoice {
  const all = scoreExamples(model, pooled, quantize);
  return chooseThreshold(all.inScope, all.oos, {
    minOosRecall: policy.oosRecall,
    subsets: [{ oos: scoreExamples(model, primary, quantize).oos, minOosRecall: policy.primaryOosRecall }],
  });
}

/**
 * Evaluates the policies `balanced` and recall targets 0.5 to 0.8 on the validation split, and the
 * shipped policy when there is one.
 * @param model the trained model
 * @param dataset the dataset with a `val` split (with the `--more` sets)
 * @param quantize whether the shipped model is quantized
 * @param shipped the shipped policy and the primary dataset's own val split, for its row
 * @returns one row per policy
 */
export function comparePolicies(
  model: TrainedModel,
  dataset: Dataset,
  quantize: boolean,
  shipped?: { policy: ThresholdPolicy; primary: TrainingExample[]; name: string },
): PolicyRow[] {
  const { inScope, oos } = scoreExamples(model, dataset.splits.val ?? [], quantize);
  const policies: [string, { minOosRecall?: number }][] = [
    ['balanced (accuracy + recall)', {}],
    ['recall ≥ 0.5', { minOosRecall: 0.5 }],
    ['recall ≥ 0.6', { minOosRecall: 0.6 }],
    ['recall ≥ 0.7', { minOosRecall: 0.7 }],
    ['recall ≥ 0.75', { minOosRecall: 0.75 }],
    ['recall ≥ 0.8', { minOosRecall: 0.8 }],
  ];
  const rows = policies.map(([policy, options]) => {
    const { threshold, inScopeAccuracy, oosRecall } = chooseThreshold(inScope, oos, options);
    return { policy, threshold, inScopeAccuracy, oosRecall };
  });
  if (shipped === undefined) return rows;
  const p = shipped.policy;
  const { threshold, inScopeAccuracy, oosRecall } = chooseShippedThreshold(
    model,
    dataset.splits.val ?? [],
    shipped.primary,
    quantize,
    p,
  );
  return [
    ...rows,
    {
      policy: `recall ≥ ${p.oosRecall} and ≥ ${p.primaryOosRecall} on ${shipped.name} val`,
      threshold,
      inScopeAccuracy,
      oosRecall,
    },
  ];
}

/**
 * A model read back from its `.onnx` file (`readBaseModel`) as the trainer's `TrainedModel`, its
 * weights as the file computes with them: what a threshold is chosen for again without training.
 * @param base the file's metadata and weights
 * @returns the model
 */
export function trainedModelOf({ meta, weights }: Pick<BaseModel, 'meta' | 'weights'>): TrainedModel {
  return {
    weights,
    labels: meta.labels,
    oosClass: meta.oosLabel !== null,
    featurizer: meta.featurizer,
    temperature: meta.temperature,
    threshold: meta.threshold,
    name: meta.name,
    version: meta.version,
    language: meta.language,
    entities: meta.entities,
    // The exporter writes the trained model's metrics: these keys are there.
    metrics: meta.metrics as TrainedModel['metrics'],
  };
}
