/**
 * `npm run fuzz`: every fuzz target (./targets.ts) for >= 100,000 generated inputs in all, from a
 * random seed (printed; `--seed N` replays a run), then the sanitizer fuzz in Chromium. Exits 1 on
 * any invariant failure, printing the shrunk counterexample.
 *
 * Options: `--inputs N` (default 100000, Node targets), `--seed N`, `--browser-inputs N`
 * (default 3000; 0 skips Chromium).
 */
import { spawnSync } from 'node:child_process';
import { disposeTurnAssistant, fuzzTargets, runTarget, type TargetReport } from './targets.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const inputs = arg('inputs', 100_000);
const seed = arg('seed', Math.floor(Math.random() * 2 ** 31));
const browserInputs = arg('browser-inputs', 3000);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const targets = fuzzTargets.filter((t) => only === undefined || t.name.includes(only));
const total = targets.reduce((n, t) => n + t.weight, 0);
console.log(`fuzz: seed ${seed}, ${inputs} inputs over ${targets.length} targets`);
const reports: TargetReport[] = [];
for (const target of targets) {
  const runs = Math.ceil((inputs * target.weight) / total);
  const started = performance.now();
  const report = await runTarget(target, { runs, seed });
  reports.push(report);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${report.failures === 0 ? 'ok  ' : 'FAIL'} ${target.name}: ${report.runs} inputs in ${secs} s, slowest ${report.maxMs} ms`,
  );
  if (report.failures > 0) console.log(`     ${report.error}\n     counterexample: ${report.counterexample}`);
}
await disposeTurnAssistant();
const nodeInputs = reports.reduce((n, r) => n + r.runs, 0);
let browserOk = true;
if (browserInputs > 0 && only === undefined) {
  console.log(`fuzz: the sanitizer in Chromium, ${browserInputs} inputs`);
  // Joined at run time: a literal path here reads, to knip, as an import relative to this file.
  const file = ['test', 'browser', 'widget', 'sanitize-fuzz.test.ts'].join('/');
  const r = spawnSync('npx', ['wtr', '--files', file], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_INPUTS: String(browserInputs), FUZZ_SEED: String(seed) },
  });
  browserOk = r.status === 0;
}
const failures = reports.reduce((n, r) => n + r.failures, 0) + (browserOk ? 0 : 1);
console.log(
  `fuzz: ${nodeInputs + (only === undefined ? browserInputs : 0)} inputs (${nodeInputs} in Node${only === undefined && browserInputs > 0 ? `, ${browserInputs} in Chromium` : ''}), ${failures} invariant failures, seed ${seed}`,
);
process.exit(failures === 0 ? 0 : 1);
