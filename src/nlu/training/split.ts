/**
 * Prepares a corpus for training: the label set, the out-of-scope examples, and a validation
 * split (the corpus's own, or one carved from train, stratified by intent and seeded).
 *
 * @module
 */
import { CorpusError } from '../../errors.ts';
import { createRng } from './rng.ts';
import { OOS_LABEL, type Corpus, type TrainingExample } from '../types.ts';

/** A corpus split for training. */
export interface PreparedData {
  /** In-scope intent labels, sorted by code unit so the output order never depends on file order. */
  intents: string[];
  train: TrainingExample[];
  /** Validation examples of known intents. */
  validation: TrainingExample[];
  /** Out-of-scope texts for training (from `Corpus.outOfScope` and train examples labelled `oos`). */
  oosTrain: string[];
  /** Out-of-scope texts for validation. */
  oosValidation: string[];
  /** True when the validation split was carved from train. */
  carved: boolean;
}

/**
 * Splits `corpus` for training.
 * @param corpus the normalized corpus
 * @param seed seed of the carve
 * @param share share of each intent's examples carved for validation when the corpus has none
 * @returns the prepared splits
 * @throws {CorpusError} when there are fewer than two intents or an example is not text
 */
export function prepareData(corpus: Corpus, seed: number, share: number): PreparedData {
  const rng = createRng(seed ^ 0x5eed);
  const inScope: TrainingExample[] = [];
  const oosTrain: string[] = [...(corpus.outOfScope ?? [])];
  for (const ex of corpus.train) {
    if (typeof ex.text !== 'string' || typeof ex.intent !== 'string' || ex.intent === '') {
      throw new CorpusError(`Training example ${JSON.stringify(ex).slice(0, 80)} needs a text and an intent`);
    }
    if (ex.intent === OOS_LABEL) oosTrain.push(ex.text);
    else inScope.push(ex);
  }
  const intents = [...new Set(inScope.map((e) => e.intent))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (intents.length < 2) throw new CorpusError(`A model needs at least two intents; the corpus has ${intents.length}`);

  if (corpus.validation !== undefined && corpus.validation.length > 0) {
    const known = new Set(intents);
    const validation = corpus.validation.filter((e) => e.intent !== OOS_LABEL && known.has(e.intent));
    const oosValidation = corpus.validation.filter((e) => e.intent === OOS_LABEL).map((e) => e.text);
    return { intents, train: inScope, validation, oosTrain, oosValidation, carved: false };
  }

  // Carve: from each intent, `share` of its examples (none from an intent with fewer than 3,
  // which cannot spare one), and the same share of the out-of-scope texts.
  const byIntent = new Map<string, TrainingExample[]>();
  for (const ex of inScope) {
    const list = byIntent.get(ex.intent);
    if (list === undefined) byIntent.set(ex.intent, [ex]);
    else list.push(ex);
  }
  const train: TrainingExample[] = [];
  const validation: TrainingExample[] = [];
  for (const intent of intents) {
    const examples = rng.shuffle([...(byIntent.get(intent) ?? [])]);
    const take = examples.length < 3 ? 0 : Math.max(1, Math.round(examples.length * share));
    validation.push(...examples.slice(0, take));
    train.push(...examples.slice(take));
  }
  const oos = rng.shuffle([...oosTrain]);
  const oosTake = oos.length < 3 ? 0 : Math.max(1, Math.round(oos.length * share));
  return {
    intents,
    train,
    validation,
    oosTrain: oos.slice(oosTake),
    oosValidation: oos.slice(0, oosTake),
    carved: true,
  };
}
