/**
 * Trains the default model, `models/assistant-en.onnx`, on CLINC150 (150 intents + out-of-scope)
 * and writes its model card `models/assistant-en.md` with the figures measured on the test split.
 *
 *   npm run train:default -- --data ../shared/datasets/clinc150.json
 *
 * The dataset is read from where it lies; it is never copied into the repository.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readDataset } from '../bin/commands/dataset.ts';
import { datasetCorpus } from '../src/nlu/corpus/dataset-format.ts';
import { createThreadHelper } from '../bin/commands/parallel.ts';
import { evaluate } from '../bin/commands/evaluate.ts';
import { exportOnnx } from '../src/nlu/onnx/export.ts';
import { loadIntentModel } from '../src/nlu/runtime/intent-model.ts';
import { trainIntentModel, type TrainOptions } from '../src/nlu/training/trainer.ts';
import { writeModelCard } from './model-card.ts';
import { comparePolicies } from './threshold-policies.ts';

/** The hyper-parameters of the default model (chosen on CLINC150's validation split; see the model card). */
export const DEFAULT_MODEL_OPTIONS: TrainOptions = {
  // The trainer's defaults are the ones chosen for this model; the seed is fixed beforehand
  // (never picked by test figures).
  seed: 1,
};

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('./assistant-en.onnx', import.meta.url)) },
    version: { type: 'string', default: '2026.11.0' },
    'no-quantize': { type: 'boolean', default: false },
    threads: { type: 'string', default: '1' },
  },
});
if (values.data === undefined) {
  console.error('usage: npm run train:default -- --data <path to clinc150.json> [--out models/assistant-en.onnx]');
  process.exit(2);
}

const dataset = readDataset(values.data);
const corpus = { ...datasetCorpus(dataset), name: 'assistant-en', version: values.version };
// `--threads 2` adds a helper thread (same model; only faster where two cores are really free).
const helper = values.threads === '2' ? createThreadHelper() : undefined;
const started = performance.now();
const model = await trainIntentModel(corpus, {
  ...DEFAULT_MODEL_OPTIONS,
  ...(helper === undefined ? {} : { parallel: helper }),
  onProgress: (e) => {
    if (e.status === 'epoch')
      console.error(
        `epoch ${e.epoch}/${e.epochs}  loss ${e.loss.toFixed(4)}  val accuracy ${(100 * e.valAccuracy).toFixed(2)}%`,
      );
    else console.error(e.status, JSON.stringify(e));
  },
});
helper?.close();
const trainSeconds = (performance.now() - started) / 1000;
const quantize = !values['no-quantize'];
const bytes = exportOnnx(model, { quantize });
writeFileSync(values.out, bytes);
console.error(`wrote ${values.out}: ${bytes.length} bytes after ${trainSeconds.toFixed(1)} s of training`);

const loaded = await loadIntentModel(bytes);
const test = dataset.splits.test ?? [];
const report = await evaluate(async (text) => (await loaded.classify(text)).intent, test, bytes);
await loaded.dispose();
console.error(JSON.stringify(report));
const policies = comparePolicies(model, dataset, quantize);
writeModelCard(values.out.replace(/\.onnx$/, '.md'), {
  dataset,
  model,
  report,
  trainSeconds,
  quantize,
  options: DEFAULT_MODEL_OPTIONS,
  policies,
  threads: helper === undefined ? 1 : 2,
});
