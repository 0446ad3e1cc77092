/**
 * One benchmark run in its own process: `nlu-runners.ts <confidant|nlpjs> <dataset.json> [seed]`
 * trains on the train split, calibrates on the val split (both systems, the same way), evaluates
 * on the test split, and prints one JSON line (`RunResult`).
 */
import { createRequire } from 'node:module';
import { readDataset } from '../bin/commands/dataset.ts';
import { datasetCorpus } from '../src/nlu/corpus/dataset-format.ts';
import { OOS_LABEL } from '../src/nlu/types.ts';
import { createThreadHelper } from '../bin/commands/parallel.ts';
import { evaluate, type EvalReport } from '../bin/commands/evaluate.ts';
import { chooseThreshold, type ScoredPrediction } from '../src/nlu/training/calibrate.ts';
import { exportOnnx } from '../src/nlu/onnx/export.ts';
import { loadIntentModel } from '../src/nlu/runtime/intent-model.ts';
import { resolveTrainOptions } from '../src/nlu/training/train-options.ts';
import { trainIntentModel } from '../src/nlu/training/trainer.ts';

/** What one run reports. */
export interface RunResult {
  system: string;
  dataset: string;
  trainSeconds: number;
  /** CPU time of training, all threads: unlike wall time, hardly affected by other work on the machine. */
  trainCpuSeconds: number;
  peakRssBytes: number;
  /** The training seed (null for NLP.js, which has none: its training is deterministic). */
  seed: number | null;
  /** The out-of-scope threshold chosen on the val split (null without out-of-scope val examples). */
  threshold: number | null;
  report: EvalReport;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function runConfidant(path: string, seed: number): Promise<Omit<RunResult, 'peakRssBytes'>> {
  const dataset = readDataset(path);
  const helper = process.env.CONFIDANT_THREADS === '2' ? createThreadHelper() : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const model = await trainIntentModel(datasetCorpus(dataset), {
    seed,
    ...(helper === undefined ? {} : { parallel: helper }),
    onProgress: (e) => {
      if (e.status === 'epoch')
        process.stderr.write(`  epoch ${e.epoch}/${e.epochs} val ${(100 * e.valAccuracy).toFixed(2)}%\n`);
    },
  });
  helper?.close();
  const bytes = exportOnnx(model, { quantize: true });
  const trainSeconds = (performance.now() - started) / 1000;
  const trainCpuSeconds = cpuSeconds(cpu);
  const loaded = await loadIntentModel(bytes);
  const report = await evaluate(async (text) => (await loaded.classify(text)).intent, dataset.splits.test ?? [], bytes);
  await loaded.dispose();
  const threshold = model.metrics.oosValidationSize > 0 ? model.threshold : null;
  return { system: 'confidant', dataset: dataset.name, seed, threshold, trainSeconds, trainCpuSeconds, report };
}

async function runNlpJs(path: string): Promise<Omit<RunResult, 'peakRssBytes'>> {
  const dataset = readDataset(path);
  const { NlpManager } = createRequire(import.meta.url)('node-nlp');
  // autoSave off: NLP.js would otherwise write model.nlp into the working directory. threshold 0:
  // NLP.js answers its best intent and its score, and the threshold is chosen on val as Confidant's.
  const manager = new NlpManager({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
  manager.nlp.settings.threshold = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  // Out-of-scope training examples go to NLP.js's own "None" intent, its idiom for out of scope.
  for (const e of dataset.splits.train ?? [])
    manager.addDocument('en', e.text, e.intent === OOS_LABEL ? 'None' : e.intent);
  await manager.train();
  const trainSeconds = (performance.now() - started) / 1000;
  const trainCpuSeconds = cpuSeconds(cpu);
  const exported = new TextEncoder().encode(manager.export(true) as string);
  const top = async (text: string) => (await manager.process('en', text)) as { intent: string; score: number };
  // The out-of-scope threshold, chosen on the val split by the policy Confidant's trainer uses
  // (best in-scope accuracy at the default out-of-scope recall target), so the two systems' out-of-scope
  // figures compare like for like. Without out-of-scope val examples (SNIPS), NLP.js keeps its
  // default threshold of 0.5, as Confidant keeps its fallback threshold of 0.5.
  const val = dataset.splits.val ?? [];
  let threshold: number | null = null;
  if (val.some((e) => e.intent === OOS_LABEL)) {
    const inScope: ScoredPrediction[] = [];
    const oos: ScoredPrediction[] = [];
    for (const e of val) {
      const r = await top(e.text);
      const p = { confidence: r.score, correct: r.intent === e.intent, predictedOos: r.intent === 'None' };
      (e.intent === OOS_LABEL ? oos : inScope).push(p);
    }
    const target = resolveTrainOptions({}).oosRecallTarget;
    threshold = chooseThreshold(inScope, oos, target === 'balanced' ? {} : { minOosRecall: target }).threshold;
  }
  const cut = threshold ?? 0.5;
  const report = await evaluate(
    async (text) => {
      const r = await top(text);
      return r.intent === 'None' || r.score < cut ? null : r.intent;
    },
    dataset.splits.test ?? [],
    exported,
  );
  return { system: 'nlpjs', dataset: dataset.name, seed: null, threshold, trainSeconds, trainCpuSeconds, report };
}

const [system, path, seedArg] = process.argv.slice(2);
if (path === undefined || (system !== 'confidant' && system !== 'nlpjs')) {
  console.error('usage: nlu-runners.ts <confidant|nlpjs> <dataset.json> [seed]');
  process.exit(2);
}
const result = system === 'confidant' ? await runConfidant(path, Number(seedArg ?? 1)) : await runNlpJs(path);
console.log(JSON.stringify({ ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
