/**
 * The `confidant` command line: train, evaluate and try intent models.
 *
 *   npx tsx bin/cli.ts train corpus.json -o model.onnx [--quantize]
 *   npx tsx bin/cli.ts eval model.onnx dataset.json [--split test] [--json]
 *   npx tsx bin/cli.ts predict model.onnx "set a timer for 10 minutes"
 *   npx tsx bin/cli.ts eval-dialogues test/fixtures/dialogues/default.json [--model m.onnx] [--json]
 *   npx tsx bin/cli.ts train-context --data ../shared/datasets/clinc150.json [-o models/assistant-context.onnx]
 *   npx tsx bin/cli.ts convert-context old-context.onnx new-context.onnx
 */
import { ConfidantError } from '../src/errors.ts';
import { didYouMean } from '../src/closest-names.ts';
import { EVAL_USAGE, evalCommand } from './commands/eval.ts';
import { PREDICT_USAGE, predictCommand } from './commands/predict.ts';
import { TRAIN_USAGE, trainCommand } from './commands/train.ts';
import { TRAIN_CONTEXT_USAGE, trainContextCommand } from './commands/train-context.ts';
import { CONVERT_CONTEXT_USAGE, convertContextCommand } from './commands/convert-context.ts';
import { EVAL_DIALOGUES_USAGE, run as evalDialoguesCommand } from './commands/eval-dialogues.ts';
import { COMMAND_HELP } from './commands/help.ts';

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  train: trainCommand,
  eval: evalCommand,
  predict: predictCommand,
  'eval-dialogues': evalDialoguesCommand,
  'train-context': trainContextCommand,
  'convert-context': convertContextCommand,
};

const usage = `usage:\n  ${TRAIN_USAGE}\n  ${EVAL_USAGE}\n  ${PREDICT_USAGE}\n  ${EVAL_DIALOGUES_USAGE}\n  ${TRAIN_CONTEXT_USAGE}\n  ${CONVERT_CONTEXT_USAGE}\n\n\`confidant <command> --help\` explains a command.`;

/**
 * Runs the CLI.
 * @param argv the arguments after the program name
 * @returns the exit code
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // `confidant <command> --help` and `confidant help <command>`: the command's own help, on stdout.
  const helpFor = name === 'help' ? rest[0] : rest.includes('--help') || rest.includes('-h') ? name : undefined;
  if (helpFor !== undefined && COMMAND_HELP[helpFor] !== undefined) {
    console.log(COMMAND_HELP[helpFor]);
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    console.error(
      name === undefined || name === 'help' || name === '--help'
        ? usage
        : `unknown command "${name}"${didYouMean(name, Object.keys(commands))}\n${usage}`,
    );
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    // Expected failures (a bad corpus, a broken model, bad arguments) get one line, not a stack trace.
    if (error instanceof ConfidantError || error instanceof TypeError || error instanceof RangeError) {
      const badArguments = String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
      console.error(`confidant ${name}: ${error.message}${badArguments ? `\n(see: confidant ${name} --help)` : ''}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
