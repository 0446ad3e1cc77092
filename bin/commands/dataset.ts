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
import type { TrainingExample } from '../../src/nlu/types.ts';

/** A dataset file: named splits of labelled utterances (`oos` marks out-of-scope). */
export interface Dataset {
  name: string;
  license?: string;
  citation?: string;
  source?: string;
  splits: Record<string, TrainingExample[]>;
}

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
 * A dataset with more training data: the `train` and `val` splits of `more` appended to those of
 * `dataset`. Only those two splits are taken: the test split stays `dataset`'s own (a corpus
 * extension never adds test data, so its figures stay comparable).
 * @param dataset the dataset whose test split, name and licence are kept
 * @param more datasets with more `train` and `val` examples (e.g. the same labels in other voices)
 * @returns a new dataset; the inputs are not changed
 */
export function withMoreData(dataset: Dataset, more: Dataset[]): Dataset {
  const splits = { ...dataset.splits };
  for (const split of ['train', 'val'] as const)
    for (const m of more) {
      const extra = m.splits[split];
      if (extra !== undefined) splits[split] = [...(splits[split] ?? []), ...extra];
    }
  return { ...dataset, splits };
}
