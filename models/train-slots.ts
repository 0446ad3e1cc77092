/**
 * Trains the default slot tagger, `models/slots-default.onnx`, from the templates of
 * `slot-templates.ts` (English and Chinese: places, list items, reminder tasks, words to spell,
 * user names), and writes its model card `models/slots-default.md` with the validation figures
 * (validation values are names the training examples never show).
 *
 *   npm run train:slots [-- --out models/slots-default.onnx --seed 1]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { exportTagger } from '../src/nlu/training/tagger/export-tagger.ts';
import { trainSlotTagger, type TrainTaggerOptions } from '../src/nlu/training/tagger/train-tagger.ts';
import { defaultSlotExamples } from './slot-templates.ts';

/** The default tagger's settings: a small network, the corpus being small (chosen on its validation part). */
export const DEFAULT_TAGGER_OPTIONS: TrainTaggerOptions = {
  seed: 1,
  dim: 32,
  hidden: 96,
  epochs: 10,
  // 2^15 buckets: the remap table is 128 KB instead of 1 MB, for ~2,000 features.
  featurizer: { locale: 'zh', buckets: 1 << 15 },
};

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: fileURLToPath(new URL('./slots-default.onnx', import.meta.url)) },
    card: { type: 'string', default: fileURLToPath(new URL('./slots-default.md', import.meta.url)) },
    version: { type: 'string', default: '2026.12.0' },
  },
});

const { train, validation } = defaultSlotExamples(1);
const started = performance.now();
const model = await trainSlotTagger(train, validation, {
  ...DEFAULT_TAGGER_OPTIONS,
  onProgress: (e) => console.error(JSON.stringify(e)),
});
const minutes = (performance.now() - started) / 60000;
model.name = 'slots-default';
model.version = values.version;
model.language = 'mul';
const bytes = exportTagger(model, { quantize: true });
writeFileSync(values.out, bytes);
const m = model.metrics;
const w = model.weights;
writeFileSync(
  values.card,
  `# slots-default: the built-in skills' slot tagger\n\n` +
    `A BIO slot tagger (token features → 1-D convolution + sentence vector → CRF) that finds the words of the built-in ` +
    `skills' text slots in English and Simplified Chinese: \`place\` (a city or country), \`item\` (a list item), ` +
    `\`task\` (what a reminder is for), \`word\` (a word to spell) and \`name\` (what to call the user). ` +
    `Dates, times, numbers and durations are not its job: the entity grammars find those.\n\n` +
    `- Trained by \`npm run train:slots\` from the templates in \`models/slot-templates.ts\` ` +
    `(${train.length} annotated examples, ${validation.length} for validation), ${minutes.toFixed(1)} min.\n` +
    `- Settings: dim ${w.dim}, hidden ${w.hidden}, window ${w.window}, ${w.embedding.length / w.dim} embedding rows (uint8), ` +
    `epoch ${m.bestEpoch} of ${m.epochs} kept.\n` +
    `- Size: ${(bytes.length / 1024).toFixed(0)} KB, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzipped.\n\n` +
    `## Validation\n\nThe validation examples fill the templates with values (places, items, tasks, words, names) that no ` +
    `training example contains, so they measure finding names never seen.\n\n` +
    `| precision | recall | F1 (exact span) |\n| --- | --- | --- |\n| ${m.valPrecision.toFixed(3)} | ${m.valRecall.toFixed(3)} | ${m.valF1.toFixed(3)} |\n\n` +
    `Limits: the templates are written, not collected; phrasings far from them (long chatty sentences, slang) are ` +
    `found less reliably, which is why the skills' own extractors run first and the tagger fills what they miss.\n`,
);
console.error(`wrote ${values.out} (${bytes.length} bytes), val F1 ${m.valF1.toFixed(4)}`);
