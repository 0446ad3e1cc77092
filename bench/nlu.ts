/**
 * `npm run bench:nlu`: trains and evaluates Confidant and NLP.js (node-nlp) on CLINC150 and SNIPS
 * in one run and writes the `nlu` section of BENCHMARKS.md, each row with the ratio to NLP.js.
 *
 *   npm run bench:nlu [-- --data-dir ../shared/datasets] [--clinc path] [--snips path] [--seeds 1,2,3] [--json]
 *
 * Confidant is trained once per seed (its figures are mean ± sd over the seeds); NLP.js has no
 * seed (its training is deterministic) and is trained once. Each run is its own child process,
 * so peak memory (max RSS) and timings of one never include another's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine, table, writeBenchSection } from './report.ts';
import type { RunResult } from './nlu-runners.ts';
import { meanSd, pctMeanSd, type MeanSd } from './seed-stats.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: resolve(repo, '../shared/datasets') },
    clinc: { type: 'string' },
    snips: { type: 'string' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    seeds: { type: 'string', default: '1,2,3' },
  },
});
const seeds = values.seeds.split(',').map(Number);
if (seeds.length === 0 || !seeds.every(Number.isInteger)) throw new RangeError('--seeds takes integers: 1,2,3');
const datasets = [
  { key: 'clinc150', label: 'CLINC150', path: values.clinc ?? resolve(values['data-dir'], 'clinc150.json') },
  { key: 'snips', label: 'SNIPS', path: values.snips ?? resolve(values['data-dir'], 'snips.json') },
].filter((d) => values.only === undefined || values.only.split(',').includes(d.key));
const systems = ['confidant', 'nlpjs'] as const;

function runChild(system: string, datasetPath: string, seed?: number): RunResult {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./nlu-runners.ts', import.meta.url)),
      system,
      datasetPath,
      ...(seed === undefined ? [] : [String(seed)]),
    ],
    { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`${system} on ${datasetPath} failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunResult;
}

const loadBefore = loadavg()[0]!;
const results: Record<string, Record<string, RunResult[]>> = {};
for (const d of datasets) {
  if (!existsSync(d.path))
    throw new Error(`dataset not found: ${d.path} (pass --data-dir or --${d.key === 'clinc150' ? 'clinc' : 'snips'})`);
  results[d.key] = {};
  for (const system of systems) {
    const runs: RunResult[] = [];
    for (const seed of system === 'confidant' ? seeds : [undefined]) {
      process.stderr.write(`== ${system} on ${d.label}${seed === undefined ? '' : ` (seed ${seed})`}\n`);
      runs.push(runChild(system, d.path, seed));
    }
    results[d.key]![system] = runs;
  }
}

// Other work on the machine slows both systems alike; the load average says how busy it was.
const load = `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, ${availableParallelism()} cores`;
if (values.json) {
  console.log(JSON.stringify({ machine: machineLine(), load, results }));
} else {
  const stat = (runs: RunResult[], f: (r: RunResult) => number | null): MeanSd | null => {
    const xs = runs.map(f);
    return xs.some((x) => x === null) ? null : meanSd(xs as number[]);
  };
  const pct = (x: MeanSd | null) => (x === null ? 'n/a' : pctMeanSd(x));
  const ratio = (a: MeanSd | null, b: MeanSd | null) =>
    a === null || b === null || b.mean === 0 ? 'n/a' : `${(a.mean / b.mean).toFixed(2)}×`;
  const sections = datasets.map((d) => {
    const c = results[d.key]!.confidant!;
    const n = results[d.key]!.nlpjs!;
    const row = (name: string, f: (r: RunResult) => number | null, fmt: (x: MeanSd | null) => string) => [
      name,
      fmt(stat(c, f)),
      fmt(stat(n, f)),
      ratio(stat(c, f), stat(n, f)),
    ];
    // Timings and sizes: the mean over Confidant's seeds.
    const ms = (x: MeanSd | null) => (x === null ? 'n/a' : `${x.mean.toFixed(3)} ms`);
    const s = (x: MeanSd | null) => (x === null ? 'n/a' : `${x.mean.toFixed(1)} s`);
    const mb = (x: MeanSd | null) => (x === null ? 'n/a' : `${(x.mean / 1e6).toFixed(2)} MB`);
    const rows = [
      row(d.key === 'snips' ? 'intent accuracy' : 'in-scope accuracy', (r) => r.report.inScopeAccuracy, pct),
      ...(d.key === 'snips' ? [] : [row('out-of-scope recall', (r) => r.report.oosRecall, pct)]),
      row('macro F1', (r) => r.report.macroF1, pct),
      row('train time (wall)', (r) => r.trainSeconds, s),
      row('train CPU time (all threads)', (r) => r.trainCpuSeconds, s),
      row('inference p50', (r) => r.report.latencyMs.p50, ms),
      row('inference p95', (r) => r.report.latencyMs.p95, ms),
      row('model size', (r) => r.report.modelBytes ?? null, mb),
      row('model size gzipped', (r) => r.report.modelGzipBytes ?? null, mb),
      row('peak memory (max RSS)', (r) => r.peakRssBytes, mb),
    ];
    return `### ${d.label} (test split: ${c[0]!.report.n} utterances)\n\n${table(['', 'Confidant', 'NLP.js 4.27', 'ratio'], rows)}`;
  });
  const md =
    `## NLU: Confidant vs NLP.js\n\n${machineLine()} ${load[0]!.toUpperCase()}${load.slice(1)}. Command: \`npm run bench:nlu\`.\n\n` +
    `Both systems train on the train split (CLINC150: its 100 out-of-scope examples too, as Confidant's out-of-scope class and as NLP.js's \`None\` intent). ` +
    `Both get CLINC150's val split: Confidant for early stopping and calibration, and both choose their out-of-scope threshold on it by the same policy ` +
    `(the best in-scope accuracy among thresholds flagging at least 60% of val's out-of-scope utterances), so the out-of-scope figures compare like for like. ` +
    `SNIPS has no val split and no out-of-scope examples: Confidant carves 10% of train for early stopping, and both keep a threshold of 0.5. ` +
    `Confidant is trained with seeds ${seeds.join(', ')}: its accuracy figures are mean ± sd over them, timings and sizes their mean; ` +
    `NLP.js has no seed (its training is deterministic) and is trained once. ` +
    `Inference is one whole \`classify\` (featurizer, ONNX Runtime Web wasm, entities) / one NLP.js \`process\`, in Node. ` +
    `Confidant's model is the uint8-quantized \`.onnx\`; NLP.js's is its \`export()\` JSON. Confidant trains with its CLI defaults (training-time augmentation included; the shipped default model adds generated out-of-scope questions, see models/assistant-en.md), on one thread ` +
    `(\`CONFIDANT_THREADS=2\` adds a helper thread: same model). Peak memory is the max RSS of the process that trained and evaluated.\n\n${sections.join('\n\n')}`;
  writeBenchSection('nlu', md);
  console.log(md);
}
