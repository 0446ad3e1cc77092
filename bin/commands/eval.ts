/**
 * `confidant eval <model.onnx> <dataset.json> [--split test] [--json]`: evaluates a model on one
 * split of a dataset (the shared dataset schema; `oos` marks out-of-scope).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadIntentModel } from '../../src/nlu/runtime/intent-model.ts';
import { readDataset } from './dataset.ts';
import { evaluate } from './evaluate.ts';

/** Usage text of the command. */
export const EVAL_USAGE = 'confidant eval <model.onnx> <dataset.json> [--split test] [--json]';

/**
 * Runs the command.
 * @param argv the arguments after `eval`
 * @returns the exit code
 */
export async function evalCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { split: { type: 'string', default: 'test' }, json: { type: 'boolean', default: false } },
  });
  const [modelPath, datasetPath] = positionals;
  if (modelPath === undefined || datasetPath === undefined) {
    console.error(`usage: ${EVAL_USAGE}`);
    return 2;
  }
  const dataset = readDataset(datasetPath);
  const examples = dataset.splits[values.split];
  if (examples === undefined) {
    console.error(`${datasetPath} has no split "${values.split}" (it has: ${Object.keys(dataset.splits).join(', ')})`);
    return 2;
  }
  const model = await loadIntentModel(modelPath);
  const bytes = new Uint8Array(readFileSync(modelPath));
  process.stderr.write(
    `evaluating ${model.info.name} ${model.info.version} on ${examples.length} utterances of ${dataset.name}/${values.split}\n`,
  );
  const report = await evaluate(async (text) => (await model.classify(text)).intent, examples, bytes);
  await model.dispose();
  if (values.json) {
    console.log(JSON.stringify(report));
    return 0;
  }
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)}%`);
  console.log(`in-scope accuracy    ${pct(report.inScopeAccuracy)}  (${report.inScopeN} utterances)`);
  console.log(`out-of-scope recall  ${pct(report.oosRecall)}  (${report.oosN} utterances)`);
  console.log(`out-of-scope precision ${pct(report.oosPrecision)}`);
  console.log(`macro F1             ${pct(report.macroF1)}`);
  console.log(`latency p50 / p95    ${report.latencyMs.p50.toFixed(3)} / ${report.latencyMs.p95.toFixed(3)} ms`);
  console.log(`model size           ${report.modelBytes} bytes (${report.modelGzipBytes} gzipped)`);
  for (const c of report.topConfusions.slice(0, 5)) console.log(`  ${c.expected} → ${c.predicted}: ${c.count}`);
  return 0;
}
