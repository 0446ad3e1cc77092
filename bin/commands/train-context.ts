/**
 * `confidant train-context`: trains the context model (issue 15) on simulated dialogues and writes
 * it as one `.onnx` file with its model card. Seeded and reproducible: the same arguments give the
 * same model. Progress goes to stderr; a summary to stdout.
 *
 * The dialogues come from the simulator (`src/context/simulator/`), run through the real intent
 * model, entity extractors, dialogue manager and skills; requests are drawn from the train and
 * validation splits of the intent corpora, never a test split. Dialogue sets given with `--dev`
 * are played to report figures on the card; the frozen test sets are never played here
 * (`npm run bench:context` reports them).
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { loadContextModel } from '../../src/context/context-model.ts';
import { CONTEXT_SPEC } from '../../src/context/dialogue-features.ts';
import { exportContextOnnx } from '../../src/context/training/context-export.ts';
import { trainContextModel } from '../../src/context/training/context-trainer.ts';
import { loadSlotTagger } from '../../src/nlu/tagger/slot-tagger.ts';
import { engineAssets } from '../../src/engine/assets.ts';
import { fileURLToPath } from 'node:url';
import { writeContextCard, type ContextCardFigures } from './context-card.ts';
import { accuracyOn, CONTEXT_TRAINING, readSimCorpus, simulateSet } from './context-data.ts';
import { evalDialogues, loadEvalIntentModel } from './eval-dialogues.ts';
import { replayDialogues, splitDialogueFile } from './context-dialogues.ts';

/** Usage text of the command. */
export const TRAIN_CONTEXT_USAGE =
  'confidant train-context --data <clinc150.json> [--zh-data <clinc150-zh.json>] [-o <context.onnx>] [--card <card.md>] ' +
  '[--dialogues N] [--train-dialogues <a.json,b.json>] [--dialogue-weight N] [--seed N] [--train-seed N] [--epochs N] ' +
  '[--intent-model <intent.onnx>] [--dev <a.json,b.json>] [--quiet]';

/**
 * How many times each turn of people's dialogues counts against one simulated turn. Chosen on the dev
 * sets and the held-out part of those dialogues, with 8,000 simulated dialogues (~35,000 turns) and the
 * ~900 training turns of the four files of models/corpora/dialogues: of 0, 4 and 12, 12 did best on the
 * held-out part (87.5% of turns / 44.9% of dialogues, against 86.2 / 39.7 without them and 84.5 / 39.7
 * at 4) and on acts-dev (97.1 / 92.1), one turn less on en-dev (97.2 / 92.5). Re-measured with all six files
 * (~1,370 training turns) and 4,000 simulated dialogues, 6 epochs, against round 5's intent models: 12 gave the
 * held-out part 89.1% of turns (mean of the files) against 88.5 at 6 and 88.8 for the shipped model trained on
 * none; both lost DEV turns (en-dev, acts-dev, default.json), so that model was not shipped. Round 6, with the
 * simulator's asides and all eight files (~1,800 training turns), 6 epochs: 12,000 simulated dialogues at 12 kept
 * every DEV row and lifted the held-out mean to 90.7% (from 89.4%), where 8,000 at 4 lost a turn on en-dev and
 * acts-dev for no held-out gain (89.4%), so 12 stays (that model was not shipped either: it failed one scripted
 * Chinese test, '那现在几点' after a refused flight).
 */
export const DIALOGUE_WEIGHT = 12;

/**
 * Runs the command.
 * @param argv the arguments after `train-context`
 * @returns the exit code
 */
export async function trainContextCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      'zh-data': { type: 'string', default: 'models/corpora/zh/clinc150-zh.json' },
      out: { type: 'string', short: 'o', default: 'models/assistant-context.onnx' },
      card: { type: 'string' },
      dialogues: { type: 'string', default: '12000' },
      'train-dialogues': { type: 'string' },
      'dialogue-weight': { type: 'string', default: String(DIALOGUE_WEIGHT) },
      seed: { type: 'string', default: '1' },
      'train-seed': { type: 'string' },
      epochs: { type: 'string', default: '10' },
      'intent-model': { type: 'string' },
      dev: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  if (values.data === undefined) {
    console.error(`usage: ${TRAIN_CONTEXT_USAGE}`);
    return 2;
  }
  const count = (name: string, value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a positive whole number, got ${value}`);
    return n;
  };
  const dialogues = count('dialogues', values.dialogues);
  const seed = count('seed', values.seed);
  // The simulation's seed and the trainer's (initialization, shuffling, dropout) apart: several
  // trainings on the same simulated dialogues can then be compared on dev.
  const trainSeed = count('train-seed', values['train-seed'] ?? values.seed);
  const epochs = count('epochs', values.epochs);
  const weight = Number(values['dialogue-weight']);
  if (!Number.isInteger(weight) || weight < 0)
    throw new RangeError(`--dialogue-weight must be a whole number >= 0, got ${values['dialogue-weight']}`);
  const written = (values['train-dialogues'] ?? '').split(',').filter(Boolean).map(splitDialogueFile);
  const log = (line: string) => {
    if (!values.quiet) process.stderr.write(`${line}\n`);
  };
  const started = performance.now();
  const intentOptions = values['intent-model'] === undefined ? {} : { model: values['intent-model'] };
  const corpus = readSimCorpus(values.data, values['zh-data'] === '' ? undefined : values['zh-data']);
  // As the engine runs them: Chinese turns through the Chinese model, unless one model is given.
  const intentModel = await loadEvalIntentModel(values['intent-model']);
  // The turns go through the shipped slot tagger too, as the engine runs them.
  const tagger = await loadSlotTagger(fileURLToPath(engineAssets['slots-default'].here()));
  try {
    const simulate = async (what: string, n: number, s: number, synthetic: 'train' | 'held-out') => {
      const set = await simulateSet({ model: intentModel, tagger, corpus, dialogues: n, seed: s, synthetic });
      log(`simulated ${what}: ${n} dialogues, ${set.examples.length} turns`);
      return set;
    };
    const train = await simulate('training', dialogues, seed, 'train');
    const validation = await simulate('validation', Math.ceil(dialogues / 8), seed + 1000, 'train');
    const heldOut = await simulate('held-out skills', Math.ceil(dialogues / 16), seed + 2000, 'held-out');
    // People's dialogues: their training part, played with gold history, each turn counted `weight` times.
    const people: ContextCardFigures['people'] = [];
    const peopleTurns = [];
    for (const split of written) {
      const played = await replayDialogues(split.file, split.train, intentOptions);
      people.push({
        file: split.file,
        trainDialogues: split.train.length,
        trainTurns: played.set.examples.length,
        skipped: played.skipped,
        gold: played.report,
      });
      log(
        `${split.file}: ${split.train.length} dialogues, ${played.set.examples.length} turns to train on ` +
          `(${played.skipped} not labelled); gold play turns ${played.report.turnAccuracy.toFixed(3)}`,
      );
      peopleTurns.push(...played.set.examples);
    }
    const examples = [...train.examples];
    for (let k = 0; k < weight; k++) examples.push(...peopleTurns);
    const trained = await trainContextModel(
      examples,
      {
        spec: CONTEXT_SPEC,
        name: 'assistant-context',
        version: '2026.12.0',
        language: 'en',
        seed: trainSeed,
        epochs,
        ...CONTEXT_TRAINING,
        featurizer: { ...CONTEXT_TRAINING.featurizer },
        onProgress: (e) => {
          if (e.status === 'epoch')
            log(`epoch ${e.epoch}/${e.epochs}: loss ${e.loss.toFixed(4)}, validation ${e.valScore.toFixed(4)}`);
        },
      },
      validation.examples,
    );
    const bytes = exportContextOnnx(trained, { quantize: true });
    writeFileSync(values.out, bytes);
    const model = await loadContextModel(bytes, { expect: CONTEXT_SPEC });
    const figures: ContextCardFigures = {
      trainTurns: train.examples.length,
      dialogues,
      seed,
      trainSeed,
      epochs,
      metrics: trained.metrics,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes).length,
      validation: await accuracyOn(model, validation),
      heldOutSkills: await accuracyOn(model, heldOut, (i) => heldOut.acts[i]!.startsWith('request')),
      chinese: await accuracyOn(model, validation, (i) => validation.languages[i] === 'zh'),
      dev: [],
      people,
      weight,
      heldOutPeople: [],
      seconds: 0,
    };
    for (const file of values.dev?.split(',').filter(Boolean) ?? []) {
      const report = await evalDialogues(file, { ...intentOptions, contextModel: model });
      figures.dev.push({ file, ...report });
      log(`${file}: turns ${report.turnAccuracy.toFixed(3)}, dialogues ${report.dialogueSuccess.toFixed(3)}`);
    }
    for (const split of written) {
      const file = `${split.file} (held out)`;
      const report = await evalDialogues(
        { name: file, specs: split.heldOut },
        { ...intentOptions, contextModel: model },
      );
      figures.heldOutPeople.push({ file, ...report });
      log(`${file}: turns ${report.turnAccuracy.toFixed(3)}, dialogues ${report.dialogueSuccess.toFixed(3)}`);
    }
    await model.dispose();
    figures.seconds = (performance.now() - started) / 1000;
    const card = values.card ?? values.out.replace(/\.onnx$/, '') + '.md';
    writeFileSync(card, writeContextCard(figures));
    process.stdout.write(
      `wrote ${values.out} (${figures.gzipBytes} bytes gzipped) and ${card}: validation command ` +
        `${figures.validation.command.toFixed(3)}, intent ${figures.validation.intent.toFixed(3)}\n`,
    );
    return 0;
  } finally {
    await intentModel.dispose();
    await tagger.dispose();
  }
}
