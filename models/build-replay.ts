/**
 * Builds a model's replay pack (`models/<model>.replay.json`, see
 * src/nlu/training/extend/replay-pack.ts): a stratified sample of its training dataset that
 * extending the model trains on beside the new intents, fetched only when extending.
 *
 *   npm run build:replay -- --data ../shared/datasets/clinc150.json
 *   npm run build:replay -- --data models/corpora/zh/clinc150-zh.json --model assistant-zh --language zh
 *
 * Seeded: the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readDataset } from '../bin/commands/dataset.ts';
import { sampleReplayPack } from '../src/nlu/training/extend/replay-pack.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    model: { type: 'string', default: 'assistant-en' },
    language: { type: 'string', default: 'en' },
    'per-intent': { type: 'string', default: '30' },
    'val-per-intent': { type: 'string', default: '5' },
    'val-oos': { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
if (values.data === undefined) {
  console.error('usage: npm run build:replay -- --data <dataset.json> [--model assistant-en] [--language en]');
  process.exit(2);
}
const dataset = readDataset(values.data);
const pack = sampleReplayPack(
  { train: dataset.splits.train ?? [], ...(dataset.splits.val === undefined ? {} : { val: dataset.splits.val }) },
  {
    model: values.model,
    language: values.language,
    source: `${dataset.name}${dataset.source === undefined ? '' : ` (${dataset.source})`}: a stratified sample of its train and val splits`,
    license: dataset.license ?? 'see the dataset',
    attribution: dataset.citation ?? dataset.name,
    perIntent: Number(values['per-intent']),
    valPerIntent: Number(values['val-per-intent']),
    valOos: Number(values['val-oos']),
    seed: Number(values.seed),
  },
);
const out = values.out ?? fileURLToPath(new URL(`./${values.model}.replay.json`, import.meta.url));
const json = `${JSON.stringify(pack)}\n`;
writeFileSync(out, json);
const count = (r: Record<string, string[]>) => Object.values(r).reduce((n, t) => n + t.length, 0);
console.error(
  `wrote ${out}: ${count(pack.train)} training, ${pack.outOfScope.length} out-of-scope and ` +
    `${count(pack.validation)} validation utterances, ${json.length} bytes`,
);
