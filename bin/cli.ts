/**
 * The `confidant` command line: train, evaluate and try intent models.
 *
 *   npx tsx bin/cli.ts train corpus.json -o model.onnx [--quantize]
 *   npx tsx bin/cli.ts eval model.onnx dataset.json [--split test] [--json]
 *   npx tsx bin/cli.ts predict model.onnx "set a timer for 10 minutes"
 *   npx tsx bin/cli.ts eval-dialogues test/fixtures/dialogues/default.json [--model m.onnx] [--json]
 */
import { ConfidantError } from '../src/errors.ts';
import { EVAL_USAGE, evalCommand } from './commands/eval.ts';
import { PREDICT_USAGE, predictCommand } from './commands/predict.ts';
import { TRAIN_USAGE, trainCommand } from './commands/train.ts';
import { run as evalDialoguesCommand } from './commands/eval-dialogues.ts';

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  train: trainCommand,
  eval: evalCommand,
  predict: predictCommand,
  'eval-dialogues': evalDialoguesCommand,
};

const EVAL_DIALOGUES_USAGE = 'confidant eval-dialogues <dialogues.json> [--model <model.onnx>] [--no-tagger] [--json]';
const usage = `usage:\n  ${TRAIN_USAGE}\n  ${EVAL_USAGE}\n  ${PREDICT_USAGE}\n  ${EVAL_DIALOGUES_USAGE}`;

/**
 * Runs the CLI.
 * @param argv the arguments after the program name
 * @returns the exit code
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    console.error(
      name === undefined || name === 'help' || name === '--help' ? usage : `unknown command "${name}"\n${usage}`,
    );
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    // Expected failures (a bad corpus, a broken model, bad arguments) get one line, not a stack trace.
    if (error instanceof ConfidantError || error instanceof TypeError || error instanceof RangeError) {
      console.error(`confidant ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
