/**
 * One benchmark run in its own process: `nlu-runners.ts <confidant|nlpjs> <dataset.json>` trains
 * on the train split, evaluates on the test split, and prints one JSON line (`RunResult`).
 */
import { createRequire } from 'node:module';
import { readDataset } from '../bin/commands/dataset.ts';
import { datasetCorpus } from '../src/nlu/corpus/dataset-format.ts';
import { OOS_LABEL } from '../src/nlu/types.ts';
import { createThreadHelper } from '../bin/commands/parallel.ts';
import { evaluate, type EvalReport } from '../bin/commands/evaluate.ts';
import { exportOnnx } from '../src/nlu/onnx/export.ts';
import { loadIntentModel } from '../src/nlu/runtime/intent-model.ts';
import { trainIntentModel } from '../src/nlu/training/trainer.ts';

/** What one run reports. */
export interface RunResult {
  system: string;
  dataset: string;
  trainSeconds: number;
  /** CPU time of training, all threads: unlike wall time, hardly affected by other work on the machine. */
  trainCpuSeconds: number;
  peakRssBytes: number;
  report: EvalReport;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function runConfidant(path: string): Promise<Omit<RunResult, 'peakRssBytes'>> {
  const dataset = readDataset(path);
  const helper = process.env.CONFIDANT_THREADS === '2' ? createThreadHelper() : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const model = await trainIntentModel(datasetCorpus(dataset), {
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
  return { system: 'confidant', dataset: dataset.name, trainSeconds, trainCpuSeconds, report };
}

async function runNlpJs(path: string): Promise<Omit<RunResult, 'peakRssBytes'>> {
  const dataset = readDataset(path);
  const { NlpManager } = createRequire(import.meta.url)('node-nlp');
  // autoSave off: NLP.js would otherwise write model.nlp into the working directory.
  const manager = new NlpManager({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
  const cpu = process.cpuUsage();
  const started = performance.now();
  // Out-of-scope training examples go to NLP.js's own "None" intent, its idiom for out of scope.
  for (const e of dataset.splits.train ?? [])
    manager.addDocument('en', e.text, e.intent === OOS_LABEL ? 'None' : e.intent);
  await manager.train();
  const trainSeconds = (performance.now() - started) / 1000;
  const trainCpuSeconds = cpuSeconds(cpu);
  const exported = new TextEncoder().encode(manager.export(true) as string);
  const report = await evaluate(
    async (text) => {
      const r = (await manager.process('en', text)) as { intent: string };
      return r.intent === 'None' ? null : r.intent;
    },
    dataset.splits.test ?? [],
    exported,
  );
  return { system: 'nlpjs', dataset: dataset.name, trainSeconds, trainCpuSeconds, report };
}

const [system, path] = process.argv.slice(2);
if (path === undefined || (system !== 'confidant' && system !== 'nlpjs')) {
  console.error('usage: nlu-runners.ts <confidant|nlpjs> <dataset.json>');
  process.exit(2);
}
const result = system === 'confidant' ? await runConfidant(path) : await runNlpJs(path);
console.log(JSON.stringify({ ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
