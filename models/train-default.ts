/**
 * Trains a shipped intent model and writes its model card with the figures measured on the test
 * splits: the default English model `models/assistant-en.onnx` on CLINC150, or the Chinese model
 * `models/assistant-zh.onnx` on CLINC150-zh (150 intents + out-of-scope each).
 *
 *   npm run train:default -- --data ../shared/datasets/clinc150.json [--chatbox test/fixtures/nlu/chatbox-en.json]
 *   npm run train:default -- --lang zh --data models/corpora/zh/clinc150-zh.json \
 *     --more models/corpora/zh/voices-a.json --more models/corpora/zh/voices-b.json --more models/corpora/zh/voices-c.json
 *
 * `--more` (repeatable) adds the train and val splits of another dataset with the same labels
 * (never its test split): the figures stay those of `--data`'s test split.
 * The shipped seed is trained and exported; `--card-seeds` (default 2,3) trains the same recipe
 * with other seeds only to report the test figures as mean ± sd in the card (`--card-seeds ''`
 * skips them). CLINC150 is read from where it lies; it is never copied into the repository.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readDataset, withMoreData, type Dataset } from '../bin/commands/dataset.ts';
import { datasetCorpus } from '../src/nlu/corpus/dataset-format.ts';
import { createThreadHelper } from '../bin/commands/parallel.ts';
import { evaluate, type EvalReport } from '../bin/commands/evaluate.ts';
import { meanSd } from '../bench/seed-stats.ts';
import { exportOnnx } from '../src/nlu/onnx/export.ts';
import { loadIntentModel } from '../src/nlu/runtime/intent-model.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import { trainIntentModel, type TrainedModel, type TrainOptions } from '../src/nlu/training/trainer.ts';
import type { TrainingExample } from '../src/nlu/types.ts';
import { DEFAULT_GENERATED_OOS, DEFAULT_MODEL_OPTIONS, type ShippedLanguage } from './default-options.ts';
import { withGeneratedOos } from './generated-oos.ts';
import { writeModelCard, type ExtraSet, type SeedFigures } from './model-card.ts';
import { comparePolicies } from './threshold-policies.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    data: { type: 'string' },
    more: { type: 'string', multiple: true, default: [] },
    out: { type: 'string' },
    version: { type: 'string', default: '2026.12.0' },
    chatbox: { type: 'string', multiple: true, default: [] },
    'card-seeds': { type: 'string', default: '2,3' },
    'no-quantize': { type: 'boolean', default: false },
    threads: { type: 'string', default: '1' },
  },
});
const lang = values.lang as ShippedLanguage;
if (values.data === undefined || (lang !== 'en' && lang !== 'zh')) {
  console.error(
    'usage: npm run train:default -- [--lang en|zh] --data <dataset.json> [--more <dataset.json>]… [--chatbox <dataset.json>]… [--card-seeds 2,3] [--out models/assistant-<lang>.onnx]',
  );
  process.exit(2);
}
const out = values.out ?? fileURLToPath(new URL(`./assistant-${lang}.onnx`, import.meta.url));
const dataset = withMoreData(readDataset(values.data), values.more.map(readDataset));
const extras = values.chatbox.map((path) => ({ path, dataset: readDataset(path) }));
const corpus = withGeneratedOos(
  { ...datasetCorpus(dataset, lang), name: `assistant-${lang}`, version: values.version },
  DEFAULT_GENERATED_OOS[lang],
);
const options: TrainOptions = DEFAULT_MODEL_OPTIONS[lang];
const quantize = !values['no-quantize'];

/** Trains the recipe with one seed (a helper thread with `--threads 2`: the same model, faster where two cores are free). */
async function train(seed: number): Promise<TrainedModel> {
  const helper = values.threads === '2' ? createThreadHelper() : undefined;
  try {
    return await trainIntentModel(corpus, {
      ...options,
      seed,
      ...(helper === undefined ? {} : { parallel: helper }),
      onProgress: (e) => {
        if (e.status === 'epoch')
          console.error(
            `seed ${seed} epoch ${e.epoch}/${e.epochs}  loss ${e.loss.toFixed(4)}  val accuracy ${(100 * e.valAccuracy).toFixed(2)}%`,
          );
      },
    });
  } finally {
    helper?.close();
  }
}

/** In-scope accuracy and out-of-scope recall of a model (in memory, as exported) on a split. */
function figures(model: TrainedModel, examples: TrainingExample[]): { inScope: number; oosRecall: number } {
  const predictor = createInMemoryPredictor(model, { quantize });
  const inScope = examples.filter((e) => e.intent !== 'oos');
  const oos = examples.filter((e) => e.intent === 'oos');
  return {
    inScope:
      inScope.filter((e) => predictor.predict(e.text, 1).intent === e.intent).length / Math.max(1, inScope.length),
    oosRecall: oos.filter((e) => predictor.predict(e.text, 1).intent === null).length / Math.max(1, oos.length),
  };
}

const seed = options.seed ?? 1;
const started = performance.now();
const model = await train(seed);
const trainSeconds = (performance.now() - started) / 1000;
const bytes = exportOnnx(model, { quantize });
writeFileSync(out, bytes);
console.error(`wrote ${out}: ${bytes.length} bytes after ${trainSeconds.toFixed(1)} s of training`);

const loaded = await loadIntentModel(bytes);
const classify = async (text: string) => (await loaded.classify(text)).intent;
const report = await evaluate(classify, dataset.splits.test ?? [], bytes);
const extraSets: (ExtraSet & { dataset: Dataset })[] = [];
for (const x of extras) {
  const dev = x.dataset.splits.dev ?? x.dataset.splits.val;
  const test = x.dataset.splits.test;
  extraSets.push({
    name: x.dataset.name,
    path: x.path,
    dataset: x.dataset,
    ...(dev === undefined ? {} : { dev: await evaluate(classify, dev) }),
    ...(test === undefined ? {} : { test: await evaluate(classify, test) }),
  });
}
await loaded.dispose();
console.error(JSON.stringify({ inScopeAccuracy: report.inScopeAccuracy, oosRecall: report.oosRecall }));

// The recipe over seeds: the shipped model and the card seeds.
const cardSeeds = values['card-seeds'] === '' ? [] : values['card-seeds'].split(',').map(Number);
const runs = [model];
for (const s of cardSeeds) runs.push(await train(s));
const seedFigures = (examples: TrainingExample[]): SeedFigures => {
  const f = runs.map((r) => figures(r, examples));
  return { inScopeAccuracy: meanSd(f.map((x) => x.inScope)), oosRecall: meanSd(f.map((x) => x.oosRecall)) };
};
for (const x of extraSets) if (x.dataset.splits.test !== undefined) x.seeds = seedFigures(x.dataset.splits.test);

writeModelCard(out.replace(/\.onnx$/, '.md'), {
  lang,
  dataset,
  dataPath: values.data,
  morePaths: values.more,
  model,
  report: report satisfies EvalReport,
  seeds: {
    list: [seed, ...cardSeeds],
    figures: seedFigures(dataset.splits.test ?? []),
    val: seedFigures(dataset.splits.val ?? []),
  },
  extras: extraSets.map(({ dataset: _, ...x }) => x),
  trainSeconds,
  quantize,
  options,
  generatedOos: DEFAULT_GENERATED_OOS[lang],
  policies: comparePolicies(model, dataset, quantize),
  threads: values.threads === '2' ? 2 : 1,
});
