/**
 * Reads datasets in the shared dataset JSON schema (`{ name, splits: { train, val?, test } }`,
 * see ../shared/datasets/README.md) for `eval`, the benchmark and the model scripts.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CorpusError } from '../../src/errors.ts';
import { parseDataset } from '../../src/nlu/corpus/index.ts';
import type { Corpus, TrainingExample } from '../../src/nlu/types.ts';

/** A dataset file: named splits of labelled utterances (`oos` marks out-of-scope). */
export interface Dataset {
  name: string;
  license?: string;
  citation?: string;
  source?: string;
  splits: Record<string, TrainingExample[]>;
}

/** The out-of-scope label of the shared datasets. */
export const DATASET_OOS = 'oos';

/**
 * Reads and checks a dataset file.
 * @param path the JSON file
 * @returns the dataset
 * @throws {CorpusError} naming the file and line when it is not valid JSON or not in the dataset schema
 */
export function readDataset(path: string): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new CorpusError(`${path}: cannot read the file`, { cause });
  }
  // parseDataset checks every example and names the line of a bad one.
  const { name, splits } = parseDataset(text, { fileName: basename(path) });
  const meta = JSON.parse(text) as { license?: unknown; citation?: unknown; source?: unknown };
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const license = str(meta.license);
  const citation = str(meta.citation);
  const source = str(meta.source);
  return {
    name: name ?? basename(path),
    splits,
    ...(license === undefined ? {} : { license }),
    ...(citation === undefined ? {} : { citation }),
    ...(source === undefined ? {} : { source }),
  };
}

/**
 * The training corpus of a dataset: its train split (out-of-scope examples become
 * `outOfScope`), and its val split as validation when it has one.
 * @param dataset the dataset
 * @param language BCP 47 language @default 'en'
 * @returns the corpus
 */
export function datasetCorpus(dataset: Dataset, language = 'en'): Corpus {
  const train = dataset.splits.train ?? [];
  const val = dataset.splits.val ?? dataset.splits.validation;
  const strip = (e: TrainingExample): TrainingExample => ({ text: e.text, intent: e.intent });
  return {
    language,
    train: train.filter((e) => e.intent !== DATASET_OOS).map(strip),
    outOfScope: train.filter((e) => e.intent === DATASET_OOS).map((e) => e.text),
    ...(val === undefined ? {} : { validation: val.map(strip) }),
    entities: [],
  };
}
