/**
 * `confidant convert-context <in.onnx> <out.onnx>`: rewrites a context model of an older format
 * into the current one with the same weights, so a model trained before a format change keeps
 * working without retraining.
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadContextModel } from '../../src/context/context-model.ts';
import { convertContextOnnx } from '../../src/context/training/context-convert.ts';

/** Usage text of the command. */
export const CONVERT_CONTEXT_USAGE = 'confidant convert-context <in.onnx> <out.onnx>';

/**
 * Runs the command: converts, then loads the result (its test run included) before saying so.
 * @param argv the arguments after `convert-context`
 * @returns the exit code
 */
export async function convertContextCommand(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const [from, to] = positionals;
  if (from === undefined || to === undefined || positionals.length !== 2) {
    console.error(`usage: ${CONVERT_CONTEXT_USAGE}`);
    return 2;
  }
  const bytes = convertContextOnnx(await readFile(from), from);
  const model = await loadContextModel(bytes);
  await model.dispose();
  await writeFile(to, bytes);
  console.log(
    `${to}: format ${model.metadata.format}, ${bytes.length} bytes (${model.metadata.name} ${model.metadata.version})`,
  );
  return 0;
}
