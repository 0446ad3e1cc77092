/**
 * Writes the shipped out-of-scope threshold policy (`DEFAULT_THRESHOLD_POLICY`, see
 * `threshold-policies.ts`) into an already trained model, without training: the threshold and its
 * val figures in the metadata change, the graph and its weights stay byte for byte (the graph
 * checksum too). `train-default.ts` applies the same policy to the models it trains.
 *
 *   npm run threshold:default -- --lang en --data ../shared/datasets/clinc150.json \
 *     --more models/corpora/en/voices-1.json … --more models/corpora/en/ops-en.json [--model models/assistant-en.onnx]
 *
 * `--data` and `--more` are the training command's: only their val splits are read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDataset, withMoreData } from '../bin/commands/dataset.ts';
import { encodeIntentGraph } from '../src/nlu/onnx/export.ts';
import { readInitializers } from '../src/nlu/onnx/onnx-tensors.ts';
import { readBaseModel } from '../src/nlu/training/extend/base-model.ts';
import { DEFAULT_THRESHOLD_POLICY, type ShippedLanguage } from './default-options.ts';
import { chooseShippedThreshold, trainedModelOf } from './threshold-policies.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    data: { type: 'string' },
    more: { type: 'string', multiple: true, default: [] },
    model: { type: 'string' },
  },
});
const lang = values.lang as ShippedLanguage;
const policy = DEFAULT_THRESHOLD_POLICY[lang];
if (values.data === undefined || policy === undefined) {
  console.error(
    'usage: npm run threshold:default -- --lang en --data <dataset.json> [--more <dataset.json>]… [--model models/assistant-en.onnx]\n' +
      '(a language with a threshold policy in DEFAULT_THRESHOLD_POLICY)',
  );
  process.exit(2);
}
const path = values.model ?? fileURLToPath(new URL(`./assistant-${lang}.onnx`, import.meta.url));
const bytes = new Uint8Array(readFileSync(path));
const base = readBaseModel(bytes, path);
const { meta } = base;
const tensors = readInitializers(bytes);
// Re-encoding must give the file back unchanged before anything is changed: only then is the new
// file this one with another threshold (and not, say, one an older writer laid out otherwise).
if (Buffer.compare(encodeIntentGraph(tensors, meta), bytes) !== 0)
  throw new Error(`${path}: re-encoding the file does not give it back; train it again instead`);

const model = trainedModelOf(base);
const primary = readDataset(values.data);
const pooled = withMoreData(primary, values.more.map(readDataset)).splits.val ?? [];
// The weights read back are the ones the file computes with (already through uint8): no quantizing again.
const c = chooseShippedThreshold(model, pooled, primary.splits.val ?? [], false, policy);
const out = encodeIntentGraph(tensors, {
  ...meta,
  threshold: c.threshold,
  metrics: { ...meta.metrics, inScopeAccuracy: c.inScopeAccuracy, oosRecall: c.oosRecall },
});
writeFileSync(path, out);
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
console.error(
  `${path}: threshold ${meta.threshold.toFixed(4)} -> ${c.threshold.toFixed(4)}; all val splits together ` +
    `${pct(c.inScopeAccuracy)} in scope / ${pct(c.oosRecall)} out-of-scope recall (${bytes.length} -> ${out.length} bytes)`,
);
