/**
 * The context trainer's options, their defaults and their validation.
 *
 * @module
 */
import type { FeaturizerConfig } from '../../nlu/runtime/featurizer.ts';
import { checkContextSpec, type ContextSpec } from '../context-format.ts';
import type { HeadLossWeights } from './context-backprop.ts';

/** A progress event of `trainContextModel`. */
export type ContextTrainProgressEvent =
  | { status: 'featurize'; examples: number; vocabulary: number }
  | {
      status: 'epoch';
      epoch: number;
      epochs: number;
      /** Mean training loss of the epoch. */
      loss: number;
      /** The validation score (see {@link ContextValidation.score}); NaN without validation examples. */
      valScore: number;
      validation: ContextValidation | null;
      /** Seconds since training started. */
      seconds: number;
    };

/** Accuracy of each head on the validation examples that label it (`null`: none does). */
export interface ContextValidation {
  command: number | null;
  switch: number | null;
  intent: number | null;
  slot: number | null;
  /** The mean of the heads' accuracies that are not null: what early stopping maximizes. */
  score: number;
}

/** Options of `trainContextModel`. */
export interface ContextTrainOptions {
  /** What the fixed-size inputs and the commands are (stored in the model). Required. */
  spec: ContextSpec;
  /** Model name. @default 'context' */
  name?: string;
  /** Model version. @default '0.0.0' */
  version?: string;
  /** BCP 47 language of the data (the featurizer's locale). @default 'en' */
  language?: string;
  /** Seed of initialization, shuffling and dropout. @default 1 */
  seed?: number;
  /** Embedding width. @default 48 */
  dim?: number;
  /** Width of the turn summary g. @default 64 */
  hidden?: number;
  /** Hidden width of the intent-candidate head. @default 64 */
  candHidden?: number;
  /** Hidden width of the slot-candidate head. @default 32 */
  slotHidden?: number;
  /** Epochs (the step size decays linearly over them); the best on validation is kept. @default 8 */
  epochs?: number;
  /** Epochs without improvement before stopping early. @default 3 */
  patience?: number;
  /** Turns per optimizer step. @default 32 */
  batchSize?: number;
  /** Adam's initial step size. @default 0.005 */
  learningRate?: number;
  /** AdamW decoupled weight decay. @default 0.0001 */
  weightDecay?: number;
  /** Dropout on the turn summary g. @default 0.1 */
  dropout?: number;
  /** Share of the utterance's and context's feature ids dropped in each step. @default 0.1 */
  featureDropout?: number;
  /** How much each head's loss counts. @default all 1 */
  lossWeights?: Partial<HeadLossWeights>;
  /** At most this many turns (a fresh random sample) per epoch; all when unset. */
  examplesPerEpoch?: number;
  /** Features seen fewer times than this in training share the zero row. @default 2 */
  minCount?: number;
  /** Overrides of the featurizer config (e.g. fewer `buckets` for a small shipped model). */
  featurizer?: Partial<FeaturizerConfig>;
  /** Receives `featurize` and `epoch` events. */
  onProgress?: (event: ContextTrainProgressEvent) => void;
  /** Cancels training; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options with every default filled in. */
export type ResolvedContextTrainOptions = ReturnType<typeof resolveContextTrainOptions>;

/**
 * Fills in defaults and checks ranges.
 * @param options the caller's options
 * @returns every option, resolved
 * @throws {TypeError} when `spec` is missing or malformed
 * @throws {RangeError} on a nonsensical value
 */
export function resolveContextTrainOptions(options: ContextTrainOptions) {
  const specProblem = checkContextSpec(options.spec);
  if (specProblem !== null) throw new TypeError(`ContextTrainOptions.${specProblem}`);
  const o = {
    seed: options.seed ?? 1,
    dim: options.dim ?? 48,
    hidden: options.hidden ?? 64,
    candHidden: options.candHidden ?? 64,
    slotHidden: options.slotHidden ?? 32,
    epochs: options.epochs ?? 8,
    patience: options.patience ?? 3,
    batchSize: options.batchSize ?? 32,
    learningRate: options.learningRate ?? 0.005,
    weightDecay: options.weightDecay ?? 0.0001,
    dropout: options.dropout ?? 0.1,
    featureDropout: options.featureDropout ?? 0.1,
    minCount: options.minCount ?? 2,
    examplesPerEpoch: options.examplesPerEpoch ?? Infinity,
  };
  for (const [key, value] of Object.entries(o)) {
    if (!(value > 0 || (value === 0 && (key === 'dropout' || key === 'featureDropout' || key === 'weightDecay'))))
      throw new RangeError(`ContextTrainOptions.${key} must be a positive number`);
    if (key !== 'examplesPerEpoch' && !Number.isFinite(value))
      throw new RangeError(`ContextTrainOptions.${key} must be finite`);
  }
  for (const key of ['dim', 'hidden', 'candHidden', 'slotHidden', 'epochs', 'batchSize', 'minCount'] as const) {
    if (!Number.isInteger(o[key])) throw new RangeError(`ContextTrainOptions.${key} must be an integer`);
  }
  if (o.dropout >= 1 || o.featureDropout >= 1)
    throw new RangeError('ContextTrainOptions: dropout and featureDropout must be in [0, 1)');
  const lossWeights: HeadLossWeights = { command: 1, switch: 1, intent: 1, slot: 1, ...options.lossWeights };
  for (const [head, weight] of Object.entries(lossWeights)) {
    if (!(weight >= 0 && Number.isFinite(weight)))
      throw new RangeError(`ContextTrainOptions.lossWeights.${head} must be a non-negative number`);
  }
  return { ...o, lossWeights };
}
