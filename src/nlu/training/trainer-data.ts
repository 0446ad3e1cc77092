/**
 * The trainer's first stage: corpus → labels, featurizer config, vocabulary, and the
 * featurized training and validation examples.
 *
 * @module
 */
import { augmenterFor } from './augment.ts';
import type { TrainingSet } from './batch-step.ts';
import { defaultFeaturizerConfig, featurize, featurizeTokens, type FeaturizerConfig } from '../runtime/featurizer.ts';
import { prepareData } from './split.ts';
import { createRng, type Rng } from './rng.ts';
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
  /**
   * The training rows: `variants` blocks of `examples` rows each; block 0 holds the utterances
   * as written, block v their v-th noisy variant (row `v * examples + i` is a variant of row i).
   */
  trainingSet: TrainingSet;
  /** Training utterances (without their variants). */
  examples: number;
  /** Rows per utterance: 1 + the noisy variants made of each. */
  variants: number;
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
  const spliced = oosClass ? splicedOos(data.train, o.splicedOos, createRng(o.seed ^ 0x5011ce)) : [];
  const oosTexts = oosClass ? [...data.oosTrain, ...spliced] : [];
  const originals = [...data.train.map((e) => e.text), ...oosTexts];
  const originalTargets = [
    ...data.train.map((e) => classOf.get(e.intent) as number),
    ...oosTexts.map(() => labels.length - 1),
  ];
  const augmenter = o.augmentCopies > 0 ? augmenterFor(corpus.language || 'en', o.augmentRates) : null;
  const variants = augmenter === null ? 1 : 1 + o.augmentCopies;
  // Its own generator, so that augmentation does not shift the streams of initialization and shuffling.
  const noise = createRng(o.seed ^ 0x0a06e47);
  const texts = [...originals];
  for (let v = 1; v < variants; v++)
    for (const t of originals) texts.push((augmenter as NonNullable<typeof augmenter>)(t, noise));
  const targets = Int32Array.from({ length: texts.length }, (_, i) => originalTargets[i % originals.length] as number);
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
    // Variants repeat their utterance's features: the count that earns a row grows with them.
    (o.minCount ?? defaultMinCount(originals.length)) * variants,
    o.maxRows,
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
    examples: originals.length,
    variants,
    trainingSet: {
      rows: featurized.map((f) => Int32Array.from(f.ids, (id) => remap[id] ?? 0)),
      tokenEnds: featurized.map((f) => f.tokenEnds),
      targets,
    },
    validation,
  };
}

/**
 * Pseudo out-of-scope utterances: the first half of one training utterance joined to the second
 * half of one of another intent ("set a timer for" + "my credit card bill"). They share words
 * with in-scope intents but ask for none of them, like the near misses a chat box gets; as
 * out-of-scope examples they teach the model that mixed cues are not an intent (after the
 * pseudo-OOD idea of Zheng et al., "Out-of-Domain Detection for Natural Language Understanding
 * in Dialog Systems", 2020).
 * @param train the in-scope training examples
 * @param count how many to make
 * @param rng the seeded generator
 * @returns the utterances
 */
export function splicedOos(train: readonly { text: string; intent: string }[], count: number, rng: Rng): string[] {
  const out: string[] = [];
  if (train.length < 2) return out;
  const words = (t: string) => t.split(/\s+/).filter((w) => w !== '');
  for (let tries = 0; out.length < count && tries < count * 4; tries++) {
    const a = train[rng.int(train.length)] as { text: string; intent: string };
    const b = train[rng.int(train.length)] as { text: string; intent: string };
    if (a.intent === b.intent) continue;
    const wa = words(a.text);
    const wb = words(b.text);
    // Chinese has no spaces: split by characters instead.
    const unitsA = wa.length > 1 ? wa : Array.from(a.text);
    const unitsB = wb.length > 1 ? wb : Array.from(b.text);
    if (unitsA.length < 2 || unitsB.length < 2) continue;
    const joiner = wa.length > 1 && wb.length > 1 ? ' ' : '';
    const head = unitsA.slice(0, Math.ceil(unitsA.length / 2)).join(wa.length > 1 ? ' ' : '');
    const tail = unitsB.slice(Math.floor(unitsB.length / 2)).join(wb.length > 1 ? ' ' : '');
    out.push(head + joiner + tail);
  }
  return out;
}

function fittedBuckets(idLists: Int32Array[]): number {
  const distinct = new Set<number>();
  for (const ids of idLists) for (const id of ids) distinct.add(id);
  let buckets = 1 << 12;
  while (buckets < distinct.size * 16 && buckets < 1 << 18) buckets <<= 1;
  return buckets;
}
