/**
 * `confidant train <corpus> -o <model.onnx> [--quantize]`: trains an intent model and writes it
 * as one `.onnx` file; with `--extend <base.onnx>`, extends that model with the corpus's intents
 * instead (its replay pack, `<base>.replay.json`, beside it). Progress goes to stderr; a summary
 * (and, when extending, what happened to the labels) to stdout.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CorpusError, ModelLoadError } from '../../src/errors.ts';
import { exportOnnx } from '../../src/nlu/onnx/export.ts';
import type { TrainProgressEvent } from '../../src/engine/types.ts';
import { extendOnnxModel } from '../../src/nlu/training/train-model.ts';
import { trainIntentModel, type TrainOptions } from '../../src/nlu/training/trainer.ts';
import { loadCorpusFile } from './load-corpus.ts';
import type { Corpus } from '../../src/nlu/types.ts';
import { createThreadHelper } from './parallel.ts';

/** Usage text of the command. */
export const TRAIN_USAGE =
  'confidant train <corpus> -o <model.onnx> [--quantize] [--seed N] [--epochs N] [--lang en|zh|…] [--name NAME] [--model-version V] [--threads 1|2]\n' +
  '  confidant train <corpus> --extend <base.onnx> -o <model.onnx> [--replay <base.replay.json>] [--extension-file <delta.onnx>] [--seed N]';

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
      lang: { type: 'string' },
      'model-version': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      threads: { type: 'string', default: '1' },
      extend: { type: 'string' },
      replay: { type: 'string' },
      'extension-file': { type: 'string' },
    },
  });
  const [corpusPath] = positionals;
  if (corpusPath === undefined || values.out === undefined) {
    console.error(`usage: ${TRAIN_USAGE}`);
    return 2;
  }
  const corpus = loadCorpusFile(corpusPath);
  if (values.name !== undefined) corpus.name = values.name;
  // The corpus's language picks the segmenter locale and the training augmentation; a dataset file
  // has none, and is taken for Chinese when most of its texts are.
  if (values.lang !== undefined) corpus.language = values.lang;
  if (values['model-version'] !== undefined) corpus.version = values['model-version'];
  const options: TrainOptions = {};
  if (values.seed !== undefined) options.seed = Number(values.seed);
  if (values.epochs !== undefined) options.epochs = Number(values.epochs);
  const log = (line: string) => {
    if (!values.quiet) process.stderr.write(`${line}\n`);
  };
  const onProgress = (e: TrainProgressEvent) => {
    if (e.status === 'featurize') log(`featurized ${e.examples} examples`);
    else if (e.status === 'epoch')
      log(
        `epoch ${e.epoch}/${e.epochs}  loss ${e.loss.toFixed(4)}  validation accuracy ${(100 * e.valAccuracy).toFixed(2)}%`,
      );
    else if (e.status === 'calibrate') log(`out-of-scope threshold ${e.threshold.toFixed(4)}`);
  };
  if (values.extend !== undefined) {
    return extendCommand(corpus, values.extend, values.out, {
      replay: values.replay ?? values.extend.replace(/\.onnx$/, '') + '.replay.json',
      extensionFile: values['extension-file'],
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
      onProgress,
    });
  }
  // --threads 2: a second thread computes half of each batch (the model is the same either way).
  // Off by default: on the shared 2-vCPU machine it was measured, two threads ran slower than one.
  const helper = values.threads === '2' ? createThreadHelper() : undefined;
  if (helper !== undefined) options.parallel = helper;
  const started = performance.now();
  const model = await trainIntentModel(corpus, { ...options, onProgress });
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

/** Reads a file the extension needs, naming it on failure. */
function readInput(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (cause) {
    const message = `${path}: cannot read the ${what}`;
    throw what === 'base model' ? new ModelLoadError(message, path, { cause }) : new CorpusError(message, { cause });
  }
}

/** `--extend`: the base model plus the corpus's intents, in one `.onnx` (and optionally the extension file). */
async function extendCommand(
  corpus: Corpus,
  basePath: string,
  out: string,
  o: {
    replay: string;
    extensionFile: string | undefined;
    seed?: number;
    epochs?: number;
    onProgress: (e: TrainProgressEvent) => void;
  },
): Promise<number> {
  const base = readInput(basePath, 'base model');
  let replay: unknown;
  try {
    replay = JSON.parse(new TextDecoder().decode(readInput(o.replay, 'replay pack')));
  } catch (cause) {
    if (cause instanceof CorpusError) throw cause;
    throw new CorpusError(`${o.replay}: the replay pack is not valid JSON`, { cause, code: 'replay' });
  }
  const started = performance.now();
  const made = await extendOnnxModel(base, corpus, replay, {
    extensionFile: o.extensionFile !== undefined,
    onProgress: o.onProgress,
    ...(o.seed === undefined ? {} : { seed: o.seed }),
    ...(o.epochs === undefined ? {} : { epochs: o.epochs }),
  });
  writeFileSync(out, made.bytes);
  if (o.extensionFile !== undefined && made.extension !== undefined) writeFileSync(o.extensionFile, made.extension);
  const seconds = (performance.now() - started) / 1000;
  const r = made.report;
  const lines = [
    `wrote ${out} (${made.bytes.length} bytes, ${made.info.labels.length} intents) in ${seconds.toFixed(1)} s, extending ${basePath}`,
    ...(o.extensionFile === undefined
      ? []
      : [
          `wrote ${o.extensionFile} (${made.extension?.length ?? 0} bytes): the extension alone, to apply to ${basePath}`,
        ]),
    `added: ${r.added.join(', ') || 'none'}`,
    ...(r.overridden.length ? [`overridden: ${r.overridden.join(', ')}`] : []),
    ...r.renamed.map((x) => `renamed: ${x.from} → ${x.to}`),
    ...r.merged.map((x) => `merged: ${x.from.join(' + ')} → ${x.to}`),
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  console.log(lines.join('\n'));
  return 0;
}
