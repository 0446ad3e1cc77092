/**
 * Counts the embedding rows a shipped intent model's recipe would give a corpus, without training:
 * the corpus is built as `train-default.ts` builds it (the datasets, generated, near-miss and mash
 * out-of-scope lines) and featurized with the augmented variants, and each feature seen often
 * enough earns a row (`buildVocabulary`). The rows are most of the model's gzipped size, so this
 * tells whether new material fits the size budget before a training run is spent on it.
 *
 *   npx tsx models/vocab-count.ts --lang en --data ../shared/datasets/clinc150.json \
 *     --more models/corpora/en/voices-1.json … [--min-count 5,6,7] [--max-rows 23850]
 *
 * Prints, for each minimum count (default: the shipped recipe's), the rows and the training
 * utterances; with the recipe's seed the count is the one training prints in the model card.
 * `--max-rows` applies `TrainOptions.maxRows` too, and prints the fewest occurrences a kept row has.
 */
import { parseArgs } from 'node:util';
import { readDataset, withMoreData } from '../bin/commands/dataset.ts';
import { datasetCorpus } from '../src/nlu/corpus/dataset-format.ts';
import { featurizeCorpus } from '../src/nlu/training/trainer-data.ts';
import { resolveTrainOptions } from '../src/nlu/training/train-options.ts';
import {
  DEFAULT_GENERATED_OOS,
  DEFAULT_MASH_OOS,
  DEFAULT_MODEL_OPTIONS,
  DEFAULT_NEAR_MISS_OOS,
  type ShippedLanguage,
} from './default-options.ts';
import { withGeneratedOos, withNearMissOos } from './generated-oos.ts';
import { withMashOos } from './mash-oos.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    data: { type: 'string' },
    more: { type: 'string', multiple: true, default: [] },
    'min-count': { type: 'string' },
    'max-rows': { type: 'string' },
  },
});
const lang = values.lang as ShippedLanguage;
if (values.data === undefined || (lang !== 'en' && lang !== 'zh')) {
  console.error(
    'usage: npx tsx models/vocab-count.ts [--lang en|zh] --data <dataset.json> [--more <dataset.json>]… [--min-count 5,6]',
  );
  process.exit(2);
}
const counts =
  values['min-count'] === undefined
    ? [undefined]
    : values['min-count'].split(',').map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 1) throw new RangeError(`--min-count: not a count: ${s}`);
        return n;
      });
const maxRows = values['max-rows'] === undefined ? undefined : Number(values['max-rows']);
const dataset = withMoreData(readDataset(values.data), values.more.map(readDataset));
const corpus = withMashOos(
  withNearMissOos(
    withGeneratedOos({ ...datasetCorpus(dataset, lang), name: `assistant-${lang}` }, DEFAULT_GENERATED_OOS[lang]),
    DEFAULT_NEAR_MISS_OOS[lang],
  ),
  DEFAULT_MASH_OOS[lang],
);
for (const minCount of counts) {
  const options = {
    ...DEFAULT_MODEL_OPTIONS[lang],
    ...(minCount === undefined ? {} : { minCount }),
    ...(maxRows === undefined ? {} : { maxRows }),
  };
  const f = featurizeCorpus(corpus, resolveTrainOptions(options), undefined);
  // The table's rows: one per feature that earned one, and row 0, the zero row (as the model card counts them).
  const rows = f.remap.reduce((n, r) => Math.max(n, r), 0) + 1;
  // The fewest occurrences (augmented variants included) of a feature that kept a row.
  const counts = new Map<number, number>();
  for (const ids of f.trainingSet.rows) for (const r of ids) if (r > 0) counts.set(r, (counts.get(r) ?? 0) + 1);
  const fewest = Math.min(...counts.values());
  console.log(
    `minCount ${minCount ?? `${options.minCount ?? 'default'} (recipe)`}${maxRows === undefined ? '' : `, maxRows ${maxRows}`}: ${rows} rows (the rarest kept row seen ${fewest} times), ${f.examples} training utterances, ${f.featurizer.buckets} buckets`,
  );
}
