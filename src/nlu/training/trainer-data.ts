/**
 * The trainer's first stage: corpus → labels, featurizer config, vocabulary, and the
 * featurized training and validation examples.
 *
 * @module
 */
import type { TrainingSet } from './batch-step.ts';
import { defaultFeaturizerConfig, featurize, featurizeTokens, type FeaturizerConfig } from '../runtime/featurizer.ts';
import { prepareData } from './split.ts';
import { OOS_LABEL } from '../types.ts';
import { defaultMinCount, type ResolvedTrainOptions } from './train-options.ts';
import { buildVocabulary } from './trainer-helpers.ts';
import type { Corpus } from '../types.ts';

/** One featurized validation example. */
export interface ValidationExample {
  ids: Int32Array;
  /** The class index (-1 for out-of-scope without an out-of-scope class). */
  target: number;
  oos: boolean;
}

/** Everything the training loop needs from the corpus. */
export interface FeaturizedCorpus {
  /** Output classes; the last is {@link OOS_LABEL} when `oosClass`. */
  labels: string[];
  oosClass: boolean;
  featurizer: FeaturizerConfig;
  /** Feature bucket → embedding row. */
  remap: Int32Array;
  trainingSet: TrainingSet;
  validation: ValidationExample[];
}

/**
 * Splits, labels and featurizes a corpus.
 * @param corpus the corpus
 * @param o the resolved options
 * @param overrides featurizer overrides from the options
 * @returns the featurized corpus
 * @throws {CorpusError} when the corpus cannot be trained on
 */
export function featurizeCorpus(
  corpus: Corpus,
  o: ResolvedTrainOptions,
  overrides: Partial<FeaturizerConfig> | undefined,
): FeaturizedCorpus {
  const data = prepareData(corpus, o.seed, o.validationShare);
  const oosClass = o.oosClass && data.oosTrain.length >= 5;
  const labels = oosClass ? [...data.intents, OOS_LABEL] : [...data.intents];
  const classOf = new Map(labels.map((l, i) => [l, i]));
  const texts = [...data.train.map((e) => e.text), ...(oosClass ? data.oosTrain : [])];
  const targets = Int32Array.from([
    ...data.train.map((e) => classOf.get(e.intent) as number),
    ...(oosClass ? data.oosTrain.map(() => labels.length - 1) : []),
  ]);
  const featurizer: FeaturizerConfig = { ...defaultFeaturizerConfig(corpus.language || 'en'), ...overrides };
  let featurized = texts.map((t) => featurizeTokens(t, featurizer));
  if (overrides?.buckets === undefined) {
    // Size the id space to the data: ~16 buckets per distinct feature keeps collisions of unseen
    // features with known ones rare, and a small corpus gets a small id table.
    const buckets = fittedBuckets(featurized.map((f) => f.ids));
    if (buckets !== featurizer.buckets) {
      featurizer.buckets = buckets;
      featurized = texts.map((t) => featurizeTokens(t, featurizer));
    }
  }
  const remap = buildVocabulary(
    featurized.map((f) => f.ids),
    featurizer.buckets,
    o.minCount ?? defaultMinCount(texts.length),
  );
  const validation: ValidationExample[] = [
    ...data.validation.map((e) => ({
      ids: featurize(e.text, featurizer),
      target: classOf.get(e.intent) as number,
      oos: false,
    })),
    // Without an out-of-scope class, the training split's out-of-scope texts calibrate the threshold.
    ...[...data.oosValidation, ...(oosClass ? [] : data.oosTrain)].map((text) => ({
      ids: featurize(text, featurizer),
      target: oosClass ? labels.length - 1 : -1,
      oos: true,
    })),
  ];
  return {
    labels,
    oosClass,
    featurizer,
    remap,
    trainingSet: {
      rows: featurized.map((f) => Int32Array.from(f.ids, (id) => remap[id] ?? 0)),
      tokenEnds: featurized.map((f) => f.tokenEnds),
      targets,
    },
    validation,
  };
}

function fittedBuckets(idLists: Int32Array[]): number {
  const distinct = new Set<number>();
  for (const ids of idLists) for (const id of ids) distinct.add(id);
  let buckets = 1 << 12;
  while (buckets < distinct.size * 16 && buckets < 1 << 18) buckets <<= 1;
  return buckets;
}
