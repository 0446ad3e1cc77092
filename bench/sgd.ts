/**
 * `npm run bench:sgd`: the context network on SGD active-intent tracking (issue 15, deliverable 3).
 *
 * Trains three models on SGD's train split — `full` (utterance, the system utterance before it, the
 * system's acts, and the model's own previous intent per service), `context` (the same without the
 * system's acts) and `utterance` (the user's words and the schema only) — keeps the epoch that
 * validates best on val, and reports per-frame
 * active-intent accuracy on val and test, for services seen in training and unseen ones, on
 * switch turns, and on single-domain dialogues; then exports the full model (uint8 table) and
 * times single runs in onnxruntime-web (Node, wasm, 1 thread). Every setting was chosen on val.
 * The models are thrown away: SGD is CC BY-SA and no weight trained on it is shipped.
 *
 *   npm run bench:sgd [-- --data ../shared/datasets/sgd.json.gz] [--epochs N] [--per-epoch N]
 *                     [--seed N] [--seeds N] [--dim N] [--corrupt p] [--val-only]
 *                     [--variants full,context,utterance] [--save <dir>] [--json]
 *
 * `--seeds N` trains each model with seeds `--seed`, `--seed`+1, … and reports mean ± sd.
 *
 * `--save <dir>` writes the trained models there as `sgd-<variant>.onnx` (for error analysis on val; never
 * into the repository: they are trained on CC BY-SA data).
 * `--val-only` evaluates on val alone and writes nothing (for choosing settings without looking at test).
 * `--corrupt p`: the share of the full model's training frames whose previous intent is replaced by a
 * wrong one (see `goldExamples`); 0.1 chosen on val (0: 0.951, 0.1: 0.977, 0.25: 0.975 of val frames,
 * 3 epochs of 40,000 frames; 6 epochs of 60,000 gave 0.977 too, so the shorter run is the default).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTextIdCache, featurizeContext } from '../src/context/context-features.ts';
import { createContextRunner } from '../src/context/training/context-encoder.ts';
import { effectiveContextWeights, exportContextOnnx } from '../src/context/training/context-export.ts';
import { trainContextModel, type TrainedContextModel } from '../src/context/training/context-trainer.ts';
import { writeBenchSection } from './report.ts';
import { readSgd, servicesOf } from './sgd/sgd-data.ts';
import { runDialogues, scoresOf } from './sgd/sgd-eval.ts';
import { createSgdAdapter, goldExamples, sgdSpec, type SgdExample, type SgdVariant } from './sgd/sgd-examples.ts';
import { argmax, measureOnnx } from './sgd/sgd-latency.ts';
import { renderSgdReport, type SgdRun, type SgdSettings } from './sgd/sgd-report.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/datasets/sgd.json.gz' },
    epochs: { type: 'string', default: '3' },
    'per-epoch': { type: 'string', default: '40000' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string', default: '1' },
    dim: { type: 'string', default: '48' },
    corrupt: { type: 'string', default: '0.1' },
    'val-only': { type: 'boolean', default: false },
    variants: { type: 'string', default: 'full,context,utterance' },
    json: { type: 'boolean', default: false },
    save: { type: 'string' },
  },
});
const say = (line: string) => process.stderr.write(`${line}\n`);
const int = (name: keyof typeof values) => {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`--${name} must be a positive integer`);
  return v;
};
const corrupt = Number(values.corrupt);
if (!(corrupt >= 0 && corrupt < 1)) throw new RangeError('--corrupt must be in [0, 1)');
const firstSeed = int('seed');
const settings: SgdSettings = {
  epochs: int('epochs'),
  examplesPerEpoch: int('per-epoch'),
  seeds: Array.from({ length: int('seeds') }, (_, i) => firstSeed + i),
  dim: int('dim'),
  corrupt,
};
const variants = (values.variants ?? '').split(',') as SgdVariant[];
for (const v of variants)
  if (v !== 'full' && v !== 'context' && v !== 'utterance') throw new RangeError(`unknown variant ${v}`);

const loadStart = loadavg()[0] ?? 0;
const dataPath = resolve(repo, values.data!);
say(`bench:sgd: reading ${dataPath}`);
const data = readSgd(dataPath);
const seen = servicesOf(data.splits.train);

async function runVariant(variant: SgdVariant, seed: number): Promise<{ run: SgdRun; model: TrainedContextModel }> {
  const tag = `[${variant}, seed ${seed}]`;
  const adapter = createSgdAdapter(data.schemas, variant);
  const spec = sgdSpec(variant);
  const started = Date.now();
  const cpu = process.cpuUsage();
  const train = goldExamples(data.splits.train, adapter, {
    corrupt: variant === 'utterance' ? 0 : settings.corrupt,
    seed,
  });
  const val = goldExamples(data.splits.val, adapter);
  say(`${tag} ${train.length} training frames, ${val.length} validation frames`);
  const model = await trainContextModel(
    train,
    {
      spec,
      name: `sgd-${variant}`,
      seed,
      dim: settings.dim,
      epochs: settings.epochs,
      examplesPerEpoch: settings.examplesPerEpoch,
      lossWeights: { command: 0.3, switch: 0.3 },
      onProgress: (e) => {
        if (e.status === 'featurize') say(`${tag} vocabulary ${e.vocabulary} rows`);
        else
          say(
            `${tag} epoch ${e.epoch}/${e.epochs}: loss ${e.loss.toFixed(4)}, val (teacher-forced) intent ${e.validation?.intent?.toFixed(4)}, ${e.seconds.toFixed(0)} s`,
          );
      },
    },
    val,
  );
  const trainSeconds = (Date.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const trainCpuSeconds = (used.user + used.system) / 1e6;
  if (values.save !== undefined) {
    const file = resolve(values.save, `sgd-${variant}-${seed}.onnx`);
    if (file.startsWith(`${repo}/`)) throw new Error('--save: keep SGD-trained models out of the repository');
    writeFileSync(file, exportContextOnnx(model, { quantize: true }));
  }
  say(`${tag} trained in ${trainCpuSeconds.toFixed(0)} s CPU, ${trainSeconds.toFixed(0)} s wall`);
  // Evaluate as the exported model computes (uint8 table), on the model's own previous predictions.
  const runner = createContextRunner(effectiveContextWeights(model, true));
  const cache = createTextIdCache(model.featurizer, 1 << 16);
  const predict = (e: SgdExample) => argmax(runner.run(featurizeContext(e, spec, cache)).intent);
  const valScores = scoresOf(runDialogues(data.splits.val, adapter, predict, seen));
  say(`${tag} val: ${JSON.stringify(valScores)}`);
  const testScores = values['val-only'] ? null : scoresOf(runDialogues(data.splits.test, adapter, predict, seen));
  if (testScores !== null) say(`${tag} test: ${JSON.stringify(testScores)}`);
  const { metrics } = model;
  return {
    model,
    run: {
      variant,
      seed,
      trainSeconds,
      trainCpuSeconds,
      bestEpoch: metrics.bestEpoch,
      epochs: metrics.epochs,
      vocabulary: metrics.vocabulary,
      trainExamples: metrics.trainExamples,
      val: valScores,
      test: testScores,
    },
  };
}

const runs: SgdRun[] = [];
let firstFull: TrainedContextModel | undefined;
for (const seed of settings.seeds) {
  for (const variant of variants) {
    const { run, model } = await runVariant(variant, seed);
    runs.push(run);
    if (variant === 'full') firstFull ??= model;
  }
}
const onnx =
  firstFull !== undefined && !values['val-only']
    ? await measureOnnx(
        firstFull,
        goldExamples(data.splits.test, createSgdAdapter(data.schemas, 'full')).slice(0, 2000),
      )
    : null;
const load = `load average ${loadStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
if (values.json) console.log(JSON.stringify({ settings, load, runs, onnx }));
if (!values['val-only']) writeBenchSection('sgd', renderSgdReport(runs, settings, onnx, load));
