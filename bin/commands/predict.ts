/**
 * `confidant predict <model.onnx> "text" [--top N] [--json]`: classifies one utterance.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { loadIntentModel } from '../../src/nlu/runtime/intent-model.ts';

/** Usage text of the command. */
export const PREDICT_USAGE = 'confidant predict <model.onnx> "text" [--top N] [--json]';

/**
 * Runs the command.
 * @param argv the arguments after `predict`
 * @returns the exit code
 */
export async function predictCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { top: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
  });
  const [modelPath, ...words] = positionals;
  if (modelPath === undefined || words.length === 0) {
    console.error(`usage: ${PREDICT_USAGE}`);
    return 2;
  }
  const model = await loadIntentModel(modelPath);
  const result = await model.classify(words.join(' '), { topK: Number(values.top) });
  await model.dispose();
  if (values.json) {
    console.log(JSON.stringify(result));
    return 0;
  }
  console.log(result.outOfScope ? `out of scope (best: ${result.intents[0]?.intent ?? '-'})` : `${result.intent}`);
  console.log(`confidence ${result.confidence.toFixed(4)} (threshold ${model.info.threshold.toFixed(4)})`);
  for (const s of result.intents) console.log(`  ${s.score.toFixed(4)}  ${s.intent}`);
  for (const e of result.entities)
    console.log(`  ${e.kind}${e.name === undefined ? '' : `:${e.name}`}  "${e.text}" → ${JSON.stringify(e.value)}`);
  return 0;
}
