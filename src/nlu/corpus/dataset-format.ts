/**
 * The dataset schema of `../shared/datasets` (CLINC150, SNIPS): `{ name, splits: { train, val?,
 * test } }` where each split is a list of `{ text, intent, slots? }`. As a corpus: `train` minus
 * the `oos` examples is the training data, `train`'s `oos` texts are `outOfScope`, and `val` (when
 * present) is `validation` with its `oos` examples kept under that label. `test` is for evaluation
 * only and is read with {@link parseDataset}.
 *
 * Read with `JSON.parse` because these files are megabytes; line numbers are looked up only
 * when something is wrong.
 *
 * @module
 */

import type { Corpus, TrainingExample } from '../types.ts';
import { OUT_OF_SCOPE_INTENT } from './builder.ts';
import { CorpusSource, isRecord } from './source.ts';

/** A parsed dataset file: its name and every split, labels as in the file (`oos` included). */
export interface Dataset {
  name?: string;
  splits: Record<string, TrainingExample[]>;
}

/**
 * Parses a dataset file and checks every example of every split.
 *
 * @param text - the file's JSON text.
 * @param options - `fileName` for messages.
 * @throws {CorpusError} naming the line of a malformed example.
 */
export function parseDataset(text: string, options: { fileName?: string } = {}): Dataset {
  return readDataset(CorpusSource.json(text, options.fileName));
}

/** @internal The dataset of an already parsed source. */
export function readDataset(src: CorpusSource): Dataset {
  const top = src.data;
  if (!isRecord(top) || !isRecord(top['splits'])) throw src.error('a dataset needs a "splits" object', ['splits']);
  const splits: Record<string, TrainingExample[]> = Object.create(null) as Record<string, TrainingExample[]>;
  for (const [split, items] of src.entries(top['splits'], ['splits'])) {
    if (!Array.isArray(items))
      throw src.error(`split "${split}" must be a list of { text, intent }`, ['splits', split]);
    splits[split] = items.map((item: unknown, i): TrainingExample => {
      const text = isRecord(item) ? item['text'] : undefined;
      const intent = isRecord(item) ? item['intent'] : undefined;
      if (typeof text !== 'string' || text.trim() === '')
        throw src.error(`split "${split}" example #${i + 1} needs a non-empty "text"`, ['splits', split, i]);
      if (typeof intent !== 'string' || intent.trim() === '')
        throw src.error(`split "${split}" example #${i + 1} needs an "intent"`, ['splits', split, i]);
      return { text, intent };
    });
  }
  const name = top['name'];
  return { ...(typeof name === 'string' ? { name } : {}), splits };
}

/** @internal The dataset as a training corpus (see the module comment for the mapping). */
export function datasetToCorpus(src: CorpusSource): Corpus {
  const { name, splits } = readDataset(src);
  const train = splits['train'];
  if (!train) throw src.error('a dataset needs a "train" split', ['splits']);
  // The schema has no language field: a dataset whose texts are mostly Chinese is Chinese.
  const han = train.filter((e) => /\p{Script=Han}/u.test(e.text)).length;
  const corpus: Corpus = { language: han * 2 > train.length ? 'zh' : 'en', train: [], entities: [] };
  const outOfScope: string[] = [];
  for (const ex of train) {
    if (ex.intent === OUT_OF_SCOPE_INTENT) outOfScope.push(ex.text);
    else corpus.train.push(ex);
  }
  if (corpus.train.length === 0) throw src.error('the "train" split has no in-scope examples', ['splits', 'train']);
  const known = new Set(corpus.train.map((e) => e.intent));
  const val = splits['val'];
  if (val) {
    const bad = val.findIndex((e) => e.intent !== OUT_OF_SCOPE_INTENT && !known.has(e.intent));
    if (bad >= 0)
      throw src.error(`validation example for unknown intent "${val[bad]?.intent}"`, ['splits', 'val', bad]);
    corpus.validation = val;
  }
  if (outOfScope.length) corpus.outOfScope = outOfScope;
  if (name) corpus.name = name;
  return corpus;
}
