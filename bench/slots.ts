/**
 * `npm run bench:slots`: trains the slot tagger on SNIPS train minus a validation split carved
 * from it (SNIPS has none), exports it (uint8 table), loads it in onnxruntime-web (Node) and
 * measures slot F1 (exact span, micro, conlleval-style) on validation and on the test split, the
 * model's size, and per-utterance latency. Writes the `slots` section of BENCHMARKS.md.
 *
 *   npm run bench:slots [-- --data ../shared/datasets/snips.json] [--val-only] [--out models/x.onnx]
 *                       [--dim 32 --hidden 128 --epochs 8 --seed 1] [--json]
 *
 * `--val-only` never reads the test split's scores: use it to choose settings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseDataset } from '../src/nlu/corpus/index.ts';
import { createRng } from '../src/nlu/training/rng.ts';
import { loadSlotTagger, type SlotTagger } from '../src/nlu/tagger/slot-tagger.ts';
import { tokenizeWithOffsets } from '../src/nlu/tagger/tokens.ts';
import { exportTagger } from '../src/nlu/training/tagger/export-tagger.ts';
import { SpanCounter, type SpanScores } from '../src/nlu/training/tagger/span-metrics.ts';
import { trainSlotTagger } from '../src/nlu/training/tagger/train-tagger.ts';
import type { TrainingExample } from '../src/nlu/types.ts';
import { machineLine, table, writeBenchSection } from './report.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(repo, '../shared/datasets/snips.json') },
    'val-only': { type: 'boolean', default: false },
    out: { type: 'string' },
    dim: { type: 'string' },
    hidden: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const num = (v: string | undefined) => (v === undefined ? {} : { value: Number(v) });
const log = (s: string) => process.stderr.write(`${s}\n`);

/** The validation carve: a fixed seed, so every run and every setting sees the same split. */
const SPLIT_SEED = 42;
const VAL_SHARE = 0.1;

const dataset = parseDataset(readFileSync(values.data, 'utf8'), { fileName: values.data });
const all = [...(dataset.splits['train'] ?? [])];
const test = dataset.splits['test'] ?? [];
createRng(SPLIT_SEED).shuffle(all);
const nVal = Math.round(all.length * VAL_SHARE);
const validation = all.slice(0, nVal);
const train = all.slice(nVal);

const loadBefore = loadavg()[0] as number;
const started = performance.now();
const model = await trainSlotTagger(train, validation, {
  seed: Number(values.seed),
  ...(num(values.dim).value === undefined ? {} : { dim: Number(values.dim) }),
  ...(num(values.hidden).value === undefined ? {} : { hidden: Number(values.hidden) }),
  ...(num(values.epochs).value === undefined ? {} : { epochs: Number(values.epochs) }),
  onProgress: (e) => log(JSON.stringify(e)),
});
const trainSeconds = (performance.now() - started) / 1000;
model.name = 'slots-snips';
model.version = '1.0.0';
const bytes = exportTagger(model, { quantize: true });
if (values.out !== undefined) writeFileSync(resolve(repo, values.out), bytes);
const tagger = await loadSlotTagger(bytes);

/** Scores a split through ONNX Runtime, timing each utterance. */
async function score(
  t: SlotTagger,
  examples: readonly TrainingExample[],
): Promise<{ scores: SpanScores; ms: number[] }> {
  const counter = new SpanCounter();
  const ms: number[] = [];
  for (const e of examples) {
    const t0 = performance.now();
    const found = await t.tag(e.text);
    ms.push(performance.now() - t0);
    counter.add(e.slots ?? [], found);
  }
  return { scores: counter.scores(), ms };
}

/** The share of gold spans whose edges fall on token edges: the most any token tagger can get. */
function alignable(examples: readonly TrainingExample[]): number {
  let ok = 0;
  let n = 0;
  for (const e of examples) {
    const tokens = tokenizeWithOffsets(e.text, 'en');
    const starts = new Set(tokens.map((t) => t.start));
    const ends = new Set(tokens.map((t) => t.end));
    for (const s of e.slots ?? []) {
      n++;
      if (starts.has(s.start) && ends.has(s.end)) ok++;
    }
  }
  return n === 0 ? 1 : ok / n;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const val = await score(tagger, validation);
const testResult = values['val-only'] ? undefined : await score(tagger, test);
const latency = testResult?.ms ?? val.ms;
await tagger.dispose();
const result = {
  settings: {
    dim: model.weights.dim,
    hidden: model.weights.hidden,
    window: model.weights.window,
    epochs: model.metrics.epochs,
    bestEpoch: model.metrics.bestEpoch,
    rows: model.weights.embedding.length / model.weights.dim,
    seed: Number(values.seed),
  },
  train: train.length,
  validation: { examples: validation.length, ...val.scores },
  test: testResult === undefined ? null : { examples: test.length, ...testResult.scores, alignable: alignable(test) },
  bytes: bytes.length,
  gzipBytes: gzipSync(bytes, { level: 9 }).length,
  latencyMs: { p50: quantile(latency, 0.5), p95: quantile(latency, 0.95) },
  trainSeconds,
  load: `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] as number).toFixed(1)} at the end, ${availableParallelism()} cores`,
};
log(JSON.stringify(result));
if (values.json || values['val-only']) {
  console.log(JSON.stringify(result));
} else {
  const f = (x: number) => x.toFixed(4);
  const t = result.test!;
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  writeBenchSection(
    'slots',
    `## Slot tagger: SNIPS slot F1\n\n${machineLine()} Machine load: ${result.load}.\n\n` +
      `Trained on SNIPS train minus a 10% validation split carved from it (seed ${SPLIT_SEED}; SNIPS has no validation split; ` +
      `settings were chosen on it), run through onnxruntime-web (wasm, Node) from the exported uint8 model. ` +
      `Slot F1 is exact span match (start, end and slot name), micro-averaged, as conlleval computes it.\n\n` +
      table(
        ['split', 'examples', 'precision', 'recall', 'F1'],
        [
          [
            'validation (carved from train)',
            result.validation.examples,
            f(result.validation.precision),
            f(result.validation.recall),
            f(result.validation.f1),
          ],
          ['test', t.examples, f(t.precision), f(t.recall), f(t.f1)],
        ],
      ) +
      `\n\n` +
      table(
        ['model', 'size', 'gzipped', 'latency p50 / p95 per utterance', 'training'],
        [
          [
            `dim ${result.settings.dim}, hidden ${result.settings.hidden}, window ${result.settings.window}, ${result.settings.rows} rows, epoch ${result.settings.bestEpoch} of ${result.settings.epochs}`,
            kb(result.bytes),
            kb(result.gzipBytes),
            `${result.latencyMs.p50.toFixed(2)} / ${result.latencyMs.p95.toFixed(2)} ms`,
            `${(trainSeconds / 60).toFixed(1)} min`,
          ],
        ],
      ) +
      `\n\nTarget: test F1 >= 0.93 and <= 2 MB gzipped. References (not run here): a CRF measured on this data 0.933; ` +
      `the best published models without pretraining 0.946–0.959; Joint-BERT 0.964. ` +
      `${(100 * t.alignable).toFixed(1)}% of the test spans start and end on token edges (the ceiling of a token tagger here).\n`,
  );
  log('BENCHMARKS.md: slots section written');
}
