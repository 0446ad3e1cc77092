/**
 * `confidant train <corpus> -o <model.onnx> [--quantize]`: trains an intent model and writes it
 * as one `.onnx` file. Progress goes to stderr; a one-line summary to stdout.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportOnnx } from '../../src/nlu/onnx/export.ts';
import { trainIntentModel, type TrainOptions } from '../../src/nlu/training/trainer.ts';
import { loadCorpusFile } from './load-corpus.ts';
import { createThreadHelper } from './parallel.ts';

/** Usage text of the command. */
export const TRAIN_USAGE = `confidant train <corpus> -o <model.onnx> [--quantize] [--seed N] [--epochs N] [--name NAME] [--model-version V] [--threads 1|2]`;

/**
 * Runs the command.
 * @param argv the arguments after `train`
 * @returns the exit code
 */
export async function trainCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      quantize: { type: 'boolean', default: false },
      seed: { type: 'string' },
      epochs: { type: 'string' },
      name: { type: 'string' },
      'model-version': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      threads: { type: 'string', default: '1' },
    },
  });
  const [corpusPath] = positionals;
  if (corpusPath === undefined || values.out === undefined) {
    console.error(`usage: ${TRAIN_USAGE}`);
    return 2;
  }
  const corpus = loadCorpusFile(corpusPath);
  if (values.name !== undefined) corpus.name = values.name;
  if (values['model-version'] !== undefined) corpus.version = values['model-version'];
  const options: TrainOptions = {};
  if (values.seed !== undefined) options.seed = Number(values.seed);
  if (values.epochs !== undefined) options.epochs = Number(values.epochs);
  const log = (line: string) => {
    if (!values.quiet) process.stderr.write(`${line}\n`);
  };
  // --threads 2: a second thread computes half of each batch (the model is the same either way).
  // Off by default: on the shared 2-vCPU machine it was measured, two threads ran slower than one.
  const helper = values.threads === '2' ? createThreadHelper() : undefined;
  if (helper !== undefined) options.parallel = helper;
  const started = performance.now();
  const model = await trainIntentModel(corpus, {
    ...options,
    onProgress: (e) => {
      if (e.status === 'featurize') log(`featurized ${e.examples} examples`);
      else if (e.status === 'epoch')
        log(
          `epoch ${e.epoch}/${e.epochs}  loss ${e.loss.toFixed(4)}  validation accuracy ${(100 * e.valAccuracy).toFixed(2)}%`,
        );
      else if (e.status === 'calibrate') log(`out-of-scope threshold ${e.threshold.toFixed(4)}`);
    },
  });
  helper?.close();
  const bytes = exportOnnx(model, { quantize: values.quantize });
  writeFileSync(values.out, bytes);
  const seconds = (performance.now() - started) / 1000;
  const m = model.metrics;
  console.log(
    `wrote ${values.out} (${bytes.length} bytes, ${model.labels.length} classes) in ${seconds.toFixed(1)} s; ` +
      `validation: in-scope accuracy ${(100 * m.inScopeAccuracy).toFixed(2)}%` +
      (m.oosValidationSize > 0 ? `, out-of-scope recall ${(100 * m.oosRecall).toFixed(2)}%` : '') +
      `, threshold ${model.threshold.toFixed(4)}`,
  );
  return 0;
}
