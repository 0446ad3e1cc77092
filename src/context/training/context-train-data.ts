/**
 * The context trainer's first stage: training turns → featurized turns, checked labels, and
 * the feature vocabulary.
 *
 * @module
 */
import { defaultFeaturizerConfig, type FeaturizerConfig } from '../../nlu/runtime/featurizer.ts';
import { buildVocabulary } from '../../nlu/training/trainer-helpers.ts';
import type { ContextSpec } from '../context-format.ts';
import { featurizeContext, type ContextFeatures, type ContextInput, type TextIdCache } from '../context-features.ts';
import type { ContextLabels } from './context-backprop.ts';

/** One training turn: the model's input and the labels of the heads it trains. */
export interface ContextExample extends ContextInput {
  labels: ContextLabels;
}

/** Featurized turns and their labels. */
export interface FeaturizedTurns {
  features: ContextFeatures[];
  labels: ContextLabels[];
}

function checkLabels(labels: ContextLabels, f: ContextFeatures, spec: ContextSpec, index: number): ContextLabels {
  if (typeof labels !== 'object' || labels === null) throw new TypeError(`example ${index}: labels must be an object`);
  const check = (value: number | undefined, size: number, what: string) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value < size))
      throw new RangeError(`example ${index}: labels.${what} ${value} is not an index below ${size}`);
  };
  check(labels.command, spec.commands.length, 'command');
  check(labels.intent, f.candTokens.length, 'intent');
  check(labels.slot, f.slotTokens.length, 'slot');
  if (labels.switch !== undefined && labels.switch !== 0 && labels.switch !== 1)
    throw new RangeError(`example ${index}: labels.switch must be 0 or 1`);
  return labels;
}

/**
 * Featurizes turns and checks their labels.
 * @param examples the turns
 * @param spec the model's spec
 * @param cache text → ids (shared, so equal candidate texts share one ids array)
 * @returns the featurized turns
 * @throws {TypeError} / {RangeError} naming the first bad example
 */
export function featurizeExamples(
  examples: readonly ContextExample[],
  spec: ContextSpec,
  cache: TextIdCache,
): FeaturizedTurns {
  const features: ContextFeatures[] = [];
  const labels: ContextLabels[] = [];
  examples.forEach((e, i) => {
    let f: ContextFeatures;
    try {
      f = featurizeContext(e, spec, cache);
    } catch (cause) {
      if (cause instanceof TypeError) throw new TypeError(`example ${i}: ${cause.message}`, { cause });
      if (cause instanceof RangeError) throw new RangeError(`example ${i}: ${cause.message}`, { cause });
      throw cause;
    }
    features.push(f);
    labels.push(checkLabels(e.labels, f, spec, i));
  });
  return { features, labels };
}

/**
 * The featurizer config of a new model: the default for the language, with overrides.
 * @param language BCP 47 language
 * @param overrides the caller's overrides
 * @returns the config
 */
export function contextFeaturizerConfig(language: string, overrides?: Partial<FeaturizerConfig>): FeaturizerConfig {
  return { ...defaultFeaturizerConfig(language), ...overrides };
}

/**
 * The vocabulary (bucket → row): features of utterances and contexts seen at least `minCount`
 * times, and every feature of every candidate and slot description (a description is read
 * once per text, but its words are what zero-shot scoring relies on).
 * @param turns the featurized training turns
 * @param buckets the id space size
 * @param minCount the fewest occurrences in turns that earn a row
 * @returns the remap, `Int32Array(buckets)`
 */
export function contextVocabulary(turns: FeaturizedTurns, buckets: number, minCount: number): Int32Array {
  const lists: Int32Array[] = [];
  const descriptions = new Set<Int32Array>();
  for (const f of turns.features) {
    lists.push(f.utterance, f.context);
    for (const t of f.candTokens) descriptions.add(t);
    for (const t of f.slotTokens) descriptions.add(t);
  }
  // Each description counted minCount times: its features always earn a row.
  for (const d of descriptions) for (let i = 0; i < minCount; i++) lists.push(d);
  return buildVocabulary(lists, buckets, minCount);
}
