/**
 * `npm run bench:nlu`: trains and evaluates Confidant and NLP.js (node-nlp) on CLINC150 and SNIPS
 * in one run and writes the `nlu` section of BENCHMARKS.md, each row with the ratio to NLP.js.
 *
 *   npm run bench:nlu [-- --data-dir ../shared/datasets] [--clinc path] [--snips path] [--json]
 *
 * Each (system, dataset) pair runs in its own child process, so peak memory (max RSS) and
 * timings of one never include another's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine, table, writeBenchSection } from './report.ts';
import type { RunResult } from './nlu-runners.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: resolve(repo, '../shared/datasets') },
    clinc: { type: 'string' },
    snips: { type: 'string' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const datasets = [
  { key: 'clinc150', label: 'CLINC150', path: values.clinc ?? resolve(values['data-dir'], 'clinc150.json') },
  { key: 'snips', label: 'SNIPS', path: values.snips ?? resolve(values['data-dir'], 'snips.json') },
].filter((d) => values.only === undefined || values.only.split(',').includes(d.key));
const systems = ['confidant', 'nlpjs'] as const;

function runChild(system: string, datasetPath: string): RunResult {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./nlu-runners.ts', import.meta.url)), system, datasetPath],
    { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`${system} on ${datasetPath} failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunResult;
}

const loadBefore = loadavg()[0]!;
const results: Record<string, Record<string, RunResult>> = {};
for (const d of datasets) {
  if (!existsSync(d.path))
    throw new Error(`dataset not found: ${d.path} (pass --data-dir or --${d.key === 'clinc150' ? 'clinc' : 'snips'})`);
  results[d.key] = {};
  for (const system of systems) {
    process.stderr.write(`== ${system} on ${d.label}\n`);
    results[d.key]![system] = runChild(system, d.path);
  }
}

// Other work on the machine slows both systems alike; the load average says how busy it was.
const load = `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, ${availableParallelism()} cores`;
if (values.json) {
  console.log(JSON.stringify({ machine: machineLine(), load, results }));
} else {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)}%`);
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`;
  const sections = datasets.map((d) => {
    const c = results[d.key]!.confidant!;
    const n = results[d.key]!.nlpjs!;
    const row = (name: string, f: (r: RunResult) => number | null, fmt: (x: number | null) => string) => [
      name,
      fmt(f(c)),
      fmt(f(n)),
      ratio(f(c), f(n)),
    ];
    const ms = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(3)} ms`);
    const s = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} s`);
    const mb = (x: number | null) => (x === null ? 'n/a' : `${(x / 1e6).toFixed(2)} MB`);
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
    return `### ${d.label} (test split: ${c.report.n} utterances)\n\n${table(['', 'Confidant', 'NLP.js 4.27', 'ratio'], rows)}`;
  });
  const md =
    `## NLU: Confidant vs NLP.js\n\n${machineLine()} ${load[0]!.toUpperCase()}${load.slice(1)}. Command: \`npm run bench:nlu\`.\n\n` +
    `Both systems train on the train split (CLINC150: its 100 out-of-scope examples too, as Confidant's out-of-scope class and as NLP.js's \`None\` intent). ` +
    `Confidant uses CLINC150's val split for early stopping and calibration (SNIPS has none: it carves 10% of train). ` +
    `Inference is one whole \`classify\` (featurizer, ONNX Runtime Web wasm, entities) / one NLP.js \`process\`, in Node. ` +
    `Confidant's model is the uint8-quantized \`.onnx\`; NLP.js's is its \`export()\` JSON. Confidant trains with its CLI defaults, on one thread ` +
    `(\`CONFIDANT_THREADS=2\` adds a helper thread: same model). Peak memory is the max RSS of the process that trained and evaluated.\n\n${sections.join('\n\n')}`;
  writeBenchSection('nlu', md);
  console.log(md);
}
