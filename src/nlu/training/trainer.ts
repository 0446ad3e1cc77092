/**
 * The intent trainer: corpus → trained, calibrated network. Pure TypeScript with no Node or
 * DOM API, so the same code trains from the CLI and in the browser's Worker.
 *
 * Hand-written rather than a port of a framework: an embedding bag + one hidden layer trains
 * in seconds with sparse Adam on `Float32Array`s, and a framework would add megabytes.
 *
 * @module
 */
import { abortReason } from '../../errors.ts';
import { addGradients, computeHalfBatch, createWorkspace, halfSeed, type StepSettings } from './batch-step.ts';
import { chooseThreshold, fitTemperature } from './calibrate.ts';
import {
  addWeights,
  cloneWeights,
  copyWeights,
  evaluateLogits,
  initWeights,
  predictionsOf,
  scaleWeights,
} from './trainer-helpers.ts';
import { featurizeCorpus } from './trainer-data.ts';
import type { FeaturizerConfig } from '../runtime/featurizer.ts';
import type { FewShotHead } from '../runtime/few-shot.ts';
import type { NetworkWeights } from './network.ts';
import { Adam } from './optimizer.ts';
import { addWordRows, seedWordRows } from './pretrained-words.ts';
import { createRng } from './rng.ts';
import { resolveTrainOptions, type TrainOptions } from './train-options.ts';
import type { Corpus, CustomEntityDefinition } from '../types.ts';

export type { TrainOptions } from './train-options.ts';

/** A trained model in memory: everything the exporter writes and the in-memory predictor runs. */
export interface TrainedModel {
  weights: NetworkWeights;
  /** Output classes in order; the last is the out-of-scope class `oos` when `oosClass` is true. */
  labels: string[];
  /** True when the last output class is the out-of-scope class. */
  oosClass: boolean;
  featurizer: FeaturizerConfig;
  temperature: number;
  threshold: number;
  name: string;
  version: string;
  language: string;
  entities: CustomEntityDefinition[];
  /** An extension's few-shot head for the corpus's intents (`../runtime/few-shot.ts`). */
  fewShot?: FewShotHead;
  /** Validation figures at the chosen threshold, and the training run. */
  metrics: {
    inScopeAccuracy: number;
    oosRecall: number;
    epochs: number;
    /** The epoch whose weights were kept (the last of the averaged ones when `averagedEpochs` > 1). */
    bestEpoch: number;
    /** How many epochs' weights were averaged into the kept weights (1: none). */
    averagedEpochs: number;
    validationSize: number;
    oosValidationSize: number;
  };
}

/** Throws the signal's reason when it is aborted (a function, so TypeScript does not narrow `aborted` across awaits). */
function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortReason(signal);
}

/** The fewest optimizer steps of a full run (see `passes`). */
const MIN_STEPS = 600;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Trains an intent classifier on `corpus`, with early stopping on validation accuracy, then
 * calibrates its temperature and out-of-scope threshold on the validation split.
 *
 * @param corpus the training corpus (validation split optional)
 * @param options hyper-parameters, progress callback and abort signal
 * @returns the trained model
 * @throws {CorpusError} when the corpus cannot be trained on (fewer than two intents)
 * @throws {RangeError} on a nonsensical option
 * @example
 * ```ts
 * const model = await trainIntentModel(corpus, { seed: 7, onProgress: (e) => console.error(e) });
 * ```
 */
export async function trainIntentModel(corpus: Corpus, options: TrainOptions = {}): Promise<TrainedModel> {
  const o = resolveTrainOptions(options);
  const signal = options.signal;
  checkAborted(signal);
  const { labels, oosClass, featurizer, trainingSet, remap, validation, examples, variants } = featurizeCorpus(
    corpus,
    o,
    options.featurizer,
  );
  options.onProgress?.({ status: 'featurize', examples });
  const rng = createRng(o.seed);
  let weights = initWeights(remap, o.dim, o.hidden, labels.length, rng);
  // Its own generator: without pretrained words the run is the same as before they existed.
  if (options.pretrainedWords !== undefined)
    seedWordRows(weights, featurizer.buckets, options.pretrainedWords, createRng(o.seed ^ 0x91e7e0));

  const settings: StepSettings = {
    featureDropout: o.featureDropout,
    wordDropout: o.wordDropout,
    dropout: o.dropout,
    labelSmoothing: o.labelSmoothing,
    useSkip: o.skipHead || o.hidden === 0,
  };
  const helper = options.parallel;
  // With a helper thread the live weights move to memory it shares.
  if (helper !== undefined) weights = helper.start(weights, trainingSet, settings);
  const mine = createWorkspace(weights, settings.useSkip);
  // The second half's workspace, when no helper thread computes it.
  const second = helper === undefined ? createWorkspace(weights, settings.useSkip) : mine;
  const grads = mine.grads;
  let step = 0;
  const opt = {
    embedding: new Adam(weights.embedding.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    w1: new Adam(weights.w1.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    b1: new Adam(weights.b1.length, { learningRate: o.learningRate }),
    w2: new Adam(weights.w2.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    skip: new Adam(weights.skip.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    b2: new Adam(weights.b2.length, { learningRate: o.learningRate }),
  };
  const base = Array.from({ length: examples }, (_, i) => i);
  const order = base.slice();
  // Which variant of each utterance a pass trains on: its own stream, so that with one variant
  // (no augmentation) the run is the same as without this step.
  const variantRng = createRng(o.seed ^ 0x7a41a7);
  // The best weights so far live in one preallocated copy; the weight average in one running sum.
  let best = { accuracy: -1, epoch: 0, averaged: 1, weights: cloneWeights(weights) };
  const averageFrom = o.averageEpochs > 1 ? o.epochs - o.averageEpochs + 1 : Infinity;
  let sum: NetworkWeights | undefined;
  const inScopeVal = validation.filter((v) => !v.oos);
  const valAccuracy = (w: NetworkWeights): number => {
    const logits = evaluateLogits(
      w,
      inScopeVal.map((v) => v.ids),
    );
    const predictions = predictionsOf(
      logits,
      inScopeVal.map((v) => v.target),
      1,
      oosClass,
    );
    return predictions.filter((p) => p.correct && !p.predictedOos).length / Math.max(1, predictions.length);
  };
  let epoch = 0;
  let lastYield = Date.now();
  // A small corpus makes few steps per pass: an epoch is then several passes, so that a full run
  // makes at least MIN_STEPS optimizer steps whatever the corpus size.
  // A small corpus also takes smaller batches (at least ~10 per pass): more, cheaper steps.
  const batchSize = Math.min(o.batchSize, Math.max(8, Math.floor(order.length / 10)));
  const passes = Math.max(1, Math.ceil(MIN_STEPS / (Math.ceil(order.length / batchSize) * o.epochs)));
  for (epoch = 1; epoch <= o.epochs; epoch++) {
    // Linear decay of the step size to 5% at the last epoch: the late, small steps settle the weights.
    const lr = o.learningRate * (1 - (0.95 * (epoch - 1)) / Math.max(1, o.epochs - 1));
    for (const a of Object.values(opt)) a.learningRate = lr;
    let lossSum = 0;
    for (let pass = 0; pass < passes; pass++) {
      rng.shuffle(base);
      for (let j = 0; j < examples; j++)
        order[j] = (base[j] as number) + (variants > 1 ? examples * variantRng.int(variants) : 0);
      for (let start = 0; start < order.length; start += batchSize) {
        const end = Math.min(order.length, start + batchSize);
        // Two halves, each with its own random stream, summed in a fixed order: the same model
        // whether the second half runs on a helper thread or here.
        const mid = start + Math.ceil((end - start) / 2);
        const scale = 1 / (end - start);
        if (helper !== undefined) helper.begin(order, mid, end, scale, halfSeed(o.seed, step, 1));
        lossSum += computeHalfBatch(
          weights,
          trainingSet,
          order,
          start,
          mid,
          scale,
          halfSeed(o.seed, step, 0),
          settings,
          mine,
        );
        if (helper !== undefined) {
          const other = helper.finish();
          lossSum += other.loss;
          addGradients(grads, other.grads, o.dim);
        } else {
          lossSum += computeHalfBatch(
            weights,
            trainingSet,
            order,
            mid,
            end,
            scale,
            halfSeed(o.seed, step, 1),
            settings,
            second,
          );
          addGradients(grads, second.grads, o.dim);
        }
        step++;
        for (const a of Object.values(opt)) a.tick();
        opt.embedding.updateRows(weights.embedding, grads.embedding, grads.touched, o.dim);
        opt.w1.updateDense(weights.w1, grads.w1);
        opt.b1.updateDense(weights.b1, grads.b1);
        opt.w2.updateDense(weights.w2, grads.w2);
        if (settings.useSkip) opt.skip.updateDense(weights.skip, grads.skip);
        opt.b2.updateDense(weights.b2, grads.b2);
        // Let the event loop run (an abort, a progress message) about every 100 ms.
        if (Date.now() - lastYield > 100) {
          await yieldToEventLoop();
          lastYield = Date.now();
          checkAborted(signal);
        }
      }
    }
    const accuracy = valAccuracy(weights);
    options.onProgress?.({
      status: 'epoch',
      epoch,
      epochs: o.epochs,
      loss: lossSum / (order.length * passes),
      valAccuracy: accuracy,
    });
    checkAborted(signal);
    const improved = accuracy >= best.accuracy;
    // >=: on a tie the later, longer-trained weights win (small validation sets tie often).
    if (improved) {
      copyWeights(best.weights, weights);
      best = { ...best, accuracy, epoch, averaged: 1 };
    }
    if (epoch >= averageFrom) {
      // Weight averaging over the last epochs (as in SWA, Izmailov et al. 2018): often a
      // flatter, better-generalizing solution, for the price of one copy (unlike an ensemble).
      if (sum === undefined) sum = cloneWeights(weights);
      else addWeights(sum, weights);
      if (epoch === o.epochs) {
        const averaged = scaleWeights(sum, 1 / o.averageEpochs);
        const averagedAccuracy = valAccuracy(averaged);
        if (averagedAccuracy >= best.accuracy)
          best = { accuracy: averagedAccuracy, epoch, averaged: o.averageEpochs, weights: averaged };
      }
    }
    if (!improved && epoch - best.epoch >= o.patience) break;
  }

  // Rows for words training never saw, before calibration so that it sees them.
  if ((options.pretrainedWords?.addRows ?? 0) > 0)
    best.weights = addWordRows(best.weights, featurizer.buckets, options.pretrainedWords!).weights;
  const inVal = validation.filter((v) => !v.oos);
  const oosVal = validation.filter((v) => v.oos);
  const inLogits = evaluateLogits(
    best.weights,
    inVal.map((v) => v.ids),
  );
  const temperature = fitTemperature(
    inLogits,
    inVal.map((v) => v.target),
  );
  const choice = chooseThreshold(
    predictionsOf(
      inLogits,
      inVal.map((v) => v.target),
      temperature,
      oosClass,
    ),
    predictionsOf(
      evaluateLogits(
        best.weights,
        oosVal.map((v) => v.ids),
      ),
      oosVal.map(() => -1),
      temperature,
      oosClass,
    ),
    o.oosRecallTarget === 'balanced'
      ? { fallbackThreshold: o.fallbackThreshold }
      : { minOosRecall: o.oosRecallTarget, fallbackThreshold: o.fallbackThreshold },
  );
  options.onProgress?.({ status: 'calibrate', threshold: choice.threshold });
  return {
    weights: best.weights,
    labels,
    oosClass,
    featurizer,
    temperature,
    threshold: choice.threshold,
    name: corpus.name ?? 'custom',
    version: corpus.version ?? '0.0.0',
    language: corpus.language || 'en',
    entities: corpus.entities ?? [],
    metrics: {
      inScopeAccuracy: choice.inScopeAccuracy,
      oosRecall: choice.oosRecall,
      epochs: Math.min(epoch, o.epochs),
      bestEpoch: best.epoch,
      averagedEpochs: best.averaged,
      validationSize: inVal.length,
      oosValidationSize: oosVal.length,
    },
  };
}
