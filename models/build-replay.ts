/**
 * Builds a model's replay pack (`models/<model>.replay.json`, see
 * src/nlu/training/extend/replay-pack.ts): a stratified sample of its training dataset that
 * extending the model trains on beside the new intents, fetched only when extending.
 *
 *   npm run build:replay -- --data ../shared/datasets/clinc150.json
 *   npm run build:replay -- --data models/corpora/zh/clinc150-zh.json --model assistant-zh --language zh \
 *     --more models/corpora/zh/voices-a.json …
 *
 * `--more` (repeatable) adds another dataset's train and val splits, as `train:default --more`
 * trains on them: the pack samples what the model was trained on.
 * Seeded: the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readDataset, withMoreData } from '../bin/commands/dataset.ts';
import { sampleReplayPack } from '../src/nlu/training/extend/replay-pack.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    more: { type: 'string', multiple: true, default: [] },
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
const base = readDataset(values.data);
const moreSets = values.more.map(readDataset);
const dataset = withMoreData(base, moreSets);
const moreNames = moreSets.length === 0 ? '' : ` plus ${moreSets.map((d) => d.name).join(', ')}`;
const pack = sampleReplayPack(
  { train: dataset.splits.train ?? [], ...(dataset.splits.val === undefined ? {} : { val: dataset.splits.val }) },
  {
    model: values.model,
    language: values.language,
    source: `${base.name}${base.source === undefined ? '' : ` (${base.source})`}${moreNames}: a stratified sample of ${moreSets.length === 0 ? 'its' : 'their'} train and val splits`,
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
