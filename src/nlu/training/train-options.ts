/**
 * The trainer's options: hyper-parameters with defaults chosen on CLINC150's validation split
 * (see models/assistant-en.md), callbacks, and their validation.
 *
 * @module
 */
import type { TrainProgressEvent } from '../../engine/types.ts';
import type { HalfBatchHelper } from './batch-step.ts';
import type { AugmentRates } from './augment.ts';
import type { FeaturizerConfig } from '../runtime/featurizer.ts';
import type { PretrainedWords } from './pretrained-words.ts';

/** Training-time augmentation: noisy variants of each training utterance (see `augment.ts`). */
export interface AugmentOptions {
  /** Noisy variants made of each training utterance; each epoch trains on the original or one of them. @default 2 */
  copies?: number;
  /** Overrides of the noise rates. */
  rates?: Partial<AugmentRates>;
}

/** Hyper-parameters and callbacks of `trainIntentModel`. Every number has a default that works for 5–2,000 examples per intent. */
export interface TrainOptions {
  /** Seed of initialization, shuffling, dropout and the validation carve. @default 1 */
  seed?: number;
  /** Embedding width. @default 96 */
  dim?: number;
  /** Hidden layer width. @default 128 */
  hidden?: number;
  /** Epochs (the step size decays linearly over them); the best on validation is kept. @default 12 */
  epochs?: number;
  /** Epochs without improvement before stopping early. @default 6 */
  patience?: number;
  /** Examples per optimizer step. @default 64 */
  batchSize?: number;
  /** Adam's initial step size. @default 0.008 */
  learningRate?: number;
  /** AdamW decoupled weight decay. @default 0.0001 */
  weightDecay?: number;
  /** Dropout on the hidden layer. @default 0.3 */
  dropout?: number;
  /** Share of an utterance's features dropped in each step. @default 0.1 */
  featureDropout?: number;
  /** Share of words whose features (word, bigram, character n-grams) are all dropped in each step. @default 0.15 */
  wordDropout?: number;
  /** Also try the average of the weights of the last this many epochs, kept when it validates better. @default 3 */
  averageEpochs?: number;
  /** Label smoothing ε. @default 0.1 */
  labelSmoothing?: number;
  /**
   * Features seen fewer times than this in training share the zero row of unknown features,
   * which keeps a big model small. @default 1 under 1,000 training examples, 2 under 5,000, else 5
   */
  minCount?: number;
  /**
   * The most rows of the embedding table (the zero row included): when the features seen
   * `minCount` times would need more, only the most frequent keep a row. A size budget kept
   * without raising `minCount` for every feature. @default no cap
   */
  maxRows?: number;
  /**
   * How the out-of-scope threshold is chosen on validation data that has out-of-scope examples:
   * a number r picks the threshold with the best in-scope accuracy among those flagging at
   * least a share r of the validation's out-of-scope examples; `'balanced'` maximizes in-scope
   * accuracy + out-of-scope recall (which favours recall: on CLINC150 it costs ~5 points of
   * in-scope accuracy). Without out-of-scope validation examples, see `fallbackThreshold`. @default 0.6
   */
  oosRecallTarget?: number | 'balanced';
  /**
   * The threshold when there are no out-of-scope validation examples: an utterance whose best
   * intent's calibrated probability is under it is out of scope (Chow's rule: 0.5 rejects what
   * the model thinks more likely wrong than right). @default 0.5
   */
  fallbackThreshold?: number;
  /** Train the linear skip head from the bag to the logits beside the hidden layer. @default true */
  skipHead?: boolean;
  /** Share of train carved for validation when the corpus has no validation split. @default 0.1 */
  validationShare?: number;
  /**
   * Train an extra out-of-scope class from the corpus's out-of-scope examples (when it has at
   * least 5); when false they only calibrate the threshold, with the validation ones. On
   * CLINC150 (seed 1) the class is better: 93.3% in-scope test accuracy at 50% out-of-scope
   * recall, against 93.0% without it. @default true
   */
  oosClass?: boolean;
  /**
   * Training-time augmentation for the corpus language (English: typos, chat abbreviations,
   * contractions without apostrophes, fillers; other languages: none yet); `false` turns it off.
   * Each epoch, every utterance is seen once, as itself or as one of its variants.
   * @default { copies: 2 }
   */
  augment?: false | AugmentOptions;
  /**
   * Pseudo out-of-scope examples made by splicing halves of training utterances of two different
   * intents (see `splicedOos`), added to the out-of-scope class. Only with an out-of-scope class. @default 0
   */
  splicedOos?: number;
  /** Overrides of the featurizer config. */
  featurizer?: Partial<FeaturizerConfig>;
  /**
   * Word vectors learned elsewhere: the rows of the corpus's words start from them, and with
   * `addRows` words the corpus never had get rows after training (see `pretrained-words.ts`).
   */
  pretrainedWords?: PretrainedWords;
  /** Receives `featurize`, `epoch` and `calibrate` events. */
  onProgress?: (event: TrainProgressEvent) => void;
  /** A helper thread for the second half of each batch (the CLI's); the model is the same with or without. @internal */
  parallel?: HalfBatchHelper;
  /** Cancels training; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options with every default filled in. */
export type ResolvedTrainOptions = ReturnType<typeof resolveTrainOptions>;

/**
 * Fills in defaults and checks ranges.
 * @param options the caller's options
 * @returns every option, resolved
 * @throws {RangeError} on a nonsensical value
 */
export function resolveTrainOptions(options: TrainOptions) {
  const o = {
    seed: options.seed ?? 1,
    dim: options.dim ?? 96,
    hidden: options.hidden ?? 128,
    epochs: options.epochs ?? 12,
    patience: options.patience ?? 6,
    batchSize: options.batchSize ?? 64,
    learningRate: options.learningRate ?? 0.008,
    weightDecay: options.weightDecay ?? 0.0001,
    dropout: options.dropout ?? 0.3,
    featureDropout: options.featureDropout ?? 0.1,
    labelSmoothing: options.labelSmoothing ?? 0.1,
    minCount: options.minCount,
    maxRows: options.maxRows,
    validationShare: options.validationShare ?? 0.1,
    oosClass: options.oosClass ?? true,
    wordDropout: options.wordDropout ?? 0.15,
    skipHead: options.skipHead ?? true,
    averageEpochs: options.averageEpochs ?? 3,
    oosRecallTarget: options.oosRecallTarget ?? 0.6,
    fallbackThreshold: options.fallbackThreshold ?? 0.5,
    augmentCopies: options.augment === false ? 0 : (options.augment?.copies ?? 2),
    splicedOos: options.splicedOos ?? 0,
  };
  const augmentRates = options.augment === false ? {} : (options.augment?.rates ?? {});
  for (const [key, value] of Object.entries(o)) {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new RangeError(`TrainOptions.${key} must be a finite number`);
  }
  if (o.dim < 1 || o.hidden < 0 || o.epochs < 1 || o.batchSize < 1 || o.learningRate <= 0)
    throw new RangeError('TrainOptions: dim, hidden, epochs, batchSize and learningRate must be positive');
  if (o.oosRecallTarget !== 'balanced' && !(o.oosRecallTarget >= 0 && o.oosRecallTarget <= 1))
    throw new RangeError("TrainOptions.oosRecallTarget must be in [0, 1] or 'balanced'");
  if (!(o.fallbackThreshold >= 0 && o.fallbackThreshold <= 1))
    throw new RangeError('TrainOptions.fallbackThreshold must be in [0, 1]');
  if (o.minCount !== undefined && !(o.minCount >= 1)) throw new RangeError('TrainOptions.minCount must be at least 1');
  if (o.maxRows !== undefined && !(Number.isInteger(o.maxRows) && o.maxRows >= 2))
    throw new RangeError('TrainOptions.maxRows must be an integer of at least 2 (the zero row and one more)');
  if (
    o.dropout < 0 ||
    o.dropout >= 1 ||
    o.featureDropout < 0 ||
    o.featureDropout >= 1 ||
    o.wordDropout < 0 ||
    o.wordDropout >= 1
  )
    throw new RangeError('TrainOptions: dropout, featureDropout and wordDropout must be in [0, 1)');
  if (o.validationShare <= 0 || o.validationShare >= 1)
    throw new RangeError('TrainOptions.validationShare must be in (0, 1)');
  if (!Number.isInteger(o.splicedOos) || o.splicedOos < 0)
    throw new RangeError('TrainOptions.splicedOos must be a non-negative integer');
  if (!Number.isInteger(o.augmentCopies) || o.augmentCopies < 0 || o.augmentCopies > 16)
    throw new RangeError('TrainOptions.augment.copies must be an integer in [0, 16]');
  for (const [key, rate] of Object.entries(augmentRates)) {
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
      throw new RangeError(`TrainOptions.augment.rates.${key} must be in [0, 1]`);
  }
  const pw = options.pretrainedWords;
  if (pw !== undefined) {
    if (pw.words.length !== pw.vectors.length)
      throw new TypeError('TrainOptions.pretrainedWords: words and vectors must have the same length');
    if (!((pw.addRows ?? 0) >= 0 && (pw.scale ?? 1) >= 0))
      throw new RangeError('TrainOptions.pretrainedWords: addRows and scale must not be negative');
  }
  return { ...o, augmentRates };
}

/**
 * The default `minCount` for a corpus of `examples` training examples.
 * @param examples the number of training examples
 * @returns the fewest occurrences that earn a feature its own row
 */
export function defaultMinCount(examples: number): number {
  return examples < 1000 ? 1 : examples < 5000 ? 2 : 5;
}
