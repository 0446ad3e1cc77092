/**
 * The dataset schema of `../shared/datasets` (CLINC150, SNIPS): `{ name, splits: { train, val?,
 * test } }` where each split is a list of `{ text, intent, slots? }` (`slots`: `{ start, end,
 * entity, value }` with UTF-16 offsets, end exclusive, kept on the examples for the slot tagger). As a corpus: `train` minus
 * the `oos` examples is the training data, `train`'s `oos` texts are `outOfScope`, and `val` (when
 * present) is `validation` with its `oos` examples kept under that label. `test` is for evaluation
 * only and is read with {@link parseDataset}.
 *
 * Read with `JSON.parse` because these files are megabytes; line numbers are looked up only
 * when something is wrong.
 *
 * @module
 */

import { OOS_LABEL, type Corpus, type SlotSpan, type TrainingExample } from '../types.ts';
import { CorpusSource, isRecord, type DataPath } from './source.ts';

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
      const slots = (item as Record<string, unknown>)['slots'];
      if (slots === undefined) return { text, intent };
      return { text, intent, slots: readSlots(src, text, slots, ['splits', split, i]) };
    });
  }
  const name = top['name'];
  return { ...(typeof name === 'string' ? { name } : {}), splits };
}

/** The `slots` of one example: UTF-16 offsets, end exclusive, `value` (when given) equal to the text they cover. */
function readSlots(src: CorpusSource, text: string, slots: unknown, path: DataPath): SlotSpan[] {
  if (!Array.isArray(slots)) throw src.error('"slots" must be a list of { start, end, entity }', path);
  return slots.map((s: unknown, j): SlotSpan => {
    const at = [...path, 'slots', j];
    const r = isRecord(s) ? s : {};
    const { start, end, entity, value } = r as { start?: unknown; end?: unknown; entity?: unknown; value?: unknown };
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      (start as number) < 0 ||
      (end as number) <= (start as number) ||
      (end as number) > text.length
    )
      throw src.error(`slot #${j + 1} needs integer offsets 0 <= start < end <= ${text.length}`, at);
    if (typeof entity !== 'string' || entity.trim() === '')
      throw src.error(`slot #${j + 1} needs an "entity" name`, at);
    if (value !== undefined && value !== text.slice(start as number, end as number))
      throw src.error(`slot #${j + 1}: "value" is not the text at [${String(start)}, ${String(end)})`, at);
    return { start: start as number, end: end as number, entity };
  });
}

/**
 * The training corpus of a dataset, as the module comment maps it: the one conversion, for corpus
 * files in the dataset schema (`parseCorpus`) and for the CLI, the benches and the model scripts.
 * @param dataset a dataset whose examples are already checked (`parseDataset`)
 * @param language BCP 47 language of the corpus @default `zh` when most training texts are Chinese, else `en`
 * @returns the corpus, without a name (the caller names the model)
 */
export function datasetCorpus(dataset: Dataset, language?: string): Corpus {
  const train = dataset.splits['train'] ?? [];
  const val = dataset.splits['val'];
  // The schema has no language field: a dataset whose texts are mostly Chinese is Chinese.
  const han = train.filter((e) => /\p{Script=Han}/u.test(e.text)).length;
  const corpus: Corpus = { language: language ?? (han * 2 > train.length ? 'zh' : 'en'), train: [], entities: [] };
  const outOfScope: string[] = [];
  for (const ex of train) {
    if (ex.intent === OOS_LABEL) outOfScope.push(ex.text);
    else corpus.train.push(ex);
  }
  if (outOfScope.length) corpus.outOfScope = outOfScope;
  if (val) corpus.validation = val;
  return corpus;
}

/** @internal A dataset file as a training corpus: `datasetCorpus`, with each rule checked against the source's lines. */
export function datasetToCorpus(src: CorpusSource): Corpus {
  const dataset = readDataset(src);
  if (!dataset.splits['train']) throw src.error('a dataset needs a "train" split', ['splits']);
  const corpus = datasetCorpus(dataset);
  if (corpus.train.length === 0) throw src.error('the "train" split has no in-scope examples', ['splits', 'train']);
  const known = new Set(corpus.train.map((e) => e.intent));
  const bad = corpus.validation?.findIndex((e) => e.intent !== OOS_LABEL && !known.has(e.intent)) ?? -1;
  if (bad >= 0)
    throw src.error(`validation example for unknown intent "${corpus.validation?.[bad]?.intent}"`, [
      'splits',
      'val',
      bad,
    ]);
  if (dataset.name) corpus.name = dataset.name;
  return corpus;
}
