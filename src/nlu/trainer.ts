/**
 * The intent trainer: corpus → trained, calibrated network. Pure TypeScript with no Node or
 * DOM API, so the same code trains from the CLI and in the browser's Worker.
 *
 * Hand-written rather than a port of a framework: an embedding bag + one hidden layer trains
 * in seconds with sparse Adam on `Float32Array`s, and a framework would add megabytes.
 *
 * @module
 */
import type { TrainProgressEvent } from '../engine/types.ts';
import { abortReason } from '../errors.ts';
import { accumulateExample, clearGradients, createGradients, createScratch } from './backprop.ts';
import { chooseThreshold, fitTemperature } from './calibrate.ts';
import { buildVocabulary, evaluateLogits, initWeights, predictionsOf } from './trainer-helpers.ts';
import { defaultFeaturizerConfig, featurize, type FeaturizerConfig } from './featurizer.ts';
import type { NetworkWeights } from './network.ts';
import { Adam } from './optimizer.ts';
import { createRng } from './rng.ts';
import { OOS_LABEL, prepareData } from './split.ts';
import type { Corpus, CustomEntityDefinition } from './types.ts';

/** Hyper-parameters and callbacks of {@link trainIntentModel}. Every number has a default that works for 5–2,000 examples per intent. */
export interface TrainOptions {
  /** Seed of initialization, shuffling, dropout and the validation carve. @default 1 */
  seed?: number;
  /** Embedding width. @default 64 */
  dim?: number;
  /** Hidden layer width. @default 192 */
  hidden?: number;
  /** Most epochs; training stops earlier when validation accuracy stops improving. @default 30 */
  epochs?: number;
  /** Epochs without improvement before stopping. @default 4 */
  patience?: number;
  /** @default 32 */
  batchSize?: number;
  /** Adam step size. @default 0.003 */
  learningRate?: number;
  /** AdamW decoupled weight decay. @default 0.0001 */
  weightDecay?: number;
  /** Dropout on the hidden layer. @default 0.3 */
  dropout?: number;
  /** Share of an utterance's features dropped in each step (word/feature dropout). @default 0.2 */
  featureDropout?: number;
  /** Label smoothing ε. @default 0.1 */
  labelSmoothing?: number;
  /** Features seen fewer times than this in training share the zero row of unknown features. @default 1 */
  minCount?: number;
  /** Share of train carved for validation when the corpus has no validation split. @default 0.1 */
  validationShare?: number;
  /** Train an extra out-of-scope class from the corpus's out-of-scope examples (when it has at least 5). @default true */
  oosClass?: boolean;
  /** Overrides of the featurizer config. */
  featurizer?: Partial<FeaturizerConfig>;
  /** Receives `featurize`, `epoch` and `calibrate` events. */
  onProgress?: (event: TrainProgressEvent) => void;
  /** Cancels training; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A trained model in memory: everything the exporter writes and the in-memory predictor runs. */
export interface TrainedModel {
  weights: NetworkWeights;
  /** Output classes in order; the last is {@link OOS_LABEL} when `oosClass` is true. */
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
  /** Validation figures at the chosen threshold, and the training run. */
  metrics: { inScopeAccuracy: number; oosRecall: number; epochs: number; bestEpoch: number; validationSize: number; oosValidationSize: number };
}

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
  const o = resolveOptions(options);
  const signal = options.signal;
  if (signal?.aborted === true) throw abortReason(signal);
  const data = prepareData(corpus, o.seed, o.validationShare);
  const oosClass = o.oosClass && data.oosTrain.length >= 5;
  const labels = oosClass ? [...data.intents, OOS_LABEL] : [...data.intents];
  const classOf = new Map(labels.map((l, i) => [l, i]));
  const featurizer: FeaturizerConfig = { ...defaultFeaturizerConfig(corpus.language || 'en'), ...options.featurizer };

  const examples = data.train.map((e) => ({ ids: featurize(e.text, featurizer), target: classOf.get(e.intent) as number }));
  if (oosClass) for (const text of data.oosTrain) examples.push({ ids: featurize(text, featurizer), target: labels.length - 1 });
  options.onProgress?.({ status: 'featurize', examples: examples.length });

  const remap = buildVocabulary(examples.map((e) => e.ids), featurizer.buckets, o.minCount);
  const rng = createRng(o.seed);
  const weights = initWeights(remap, o.dim, o.hidden, labels.length, rng);
  const rowsOf = examples.map((e) => Int32Array.from(e.ids, (id) => remap[id] ?? 0));
  const validation = [
    ...data.validation.map((e) => ({ ids: featurize(e.text, featurizer), target: classOf.get(e.intent) as number, oos: false })),
    ...data.oosValidation.map((text) => ({ ids: featurize(text, featurizer), target: oosClass ? labels.length - 1 : -1, oos: true })),
  ];

  const grads = createGradients(weights);
  const scratch = createScratch(weights);
  const opt = {
    embedding: new Adam(weights.embedding.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    w1: new Adam(weights.w1.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    b1: new Adam(weights.b1.length, { learningRate: o.learningRate }),
    w2: new Adam(weights.w2.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    skip: new Adam(weights.skip.length, { learningRate: o.learningRate, weightDecay: o.weightDecay }),
    b2: new Adam(weights.b2.length, { learningRate: o.learningRate }),
  };
  const order = examples.map((_, i) => i);
  const kept: number[] = [];
  let best = { accuracy: -1, epoch: 0, weights: cloneWeights(weights) };
  let epoch = 0;
  let lastYield = Date.now();
  for (epoch = 1; epoch <= o.epochs; epoch++) {
    rng.shuffle(order);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += o.batchSize) {
      const end = Math.min(order.length, start + o.batchSize);
      clearGradients(grads, o.dim);
      for (let b = start; b < end; b++) {
        const i = order[b] as number;
        const rows = rowsOf[i] as Int32Array;
        // Feature dropout: average a random subset of the utterance's features (never none).
        kept.length = 0;
        for (let f = 0; f < rows.length; f++) if (rng.next() >= o.featureDropout) kept.push(rows[f] as number);
        if (kept.length === 0) kept.push(rows[rng.int(rows.length)] as number);
        bagOfRows(weights, kept, scratch.bag);
        for (let j = 0; j < o.hidden; j++) scratch.mask[j] = rng.next() < o.dropout ? 0 : 1 / (1 - o.dropout);
        lossSum += accumulateExample(weights, grads, scratch, kept, (examples[i] as { target: number }).target, o.labelSmoothing, 1 / (end - start));
      }
      for (const a of Object.values(opt)) a.tick();
      opt.embedding.updateRows(weights.embedding, grads.embedding, grads.touched, o.dim);
      opt.w1.updateDense(weights.w1, grads.w1);
      opt.b1.updateDense(weights.b1, grads.b1);
      opt.w2.updateDense(weights.w2, grads.w2);
      opt.skip.updateDense(weights.skip, grads.skip);
      opt.b2.updateDense(weights.b2, grads.b2);
      // Let the event loop run (an abort, a progress message) about every 100 ms.
      if (Date.now() - lastYield > 100) {
        await yieldToEventLoop();
        lastYield = Date.now();
        if (signal?.aborted === true) throw abortReason(signal);
      }
    }
    const valLogits = evaluateLogits(weights, validation.filter((v) => !v.oos).map((v) => v.ids));
    const accuracy = predictionsOf(valLogits, validation.filter((v) => !v.oos).map((v) => v.target), 1, oosClass).filter((p) => p.correct && !p.predictedOos).length / Math.max(1, valLogits.length);
    options.onProgress?.({ status: 'epoch', epoch, epochs: o.epochs, loss: lossSum / order.length, valAccuracy: accuracy });
    if (accuracy > best.accuracy) best = { accuracy, epoch, weights: cloneWeights(weights) };
    else if (epoch - best.epoch >= o.patience) break;
  }

  const inVal = validation.filter((v) => !v.oos);
  const oosVal = validation.filter((v) => v.oos);
  const inLogits = evaluateLogits(best.weights, inVal.map((v) => v.ids));
  const temperature = fitTemperature(inLogits, inVal.map((v) => v.target));
  const choice = chooseThreshold(
    predictionsOf(inLogits, inVal.map((v) => v.target), temperature, oosClass),
    predictionsOf(evaluateLogits(best.weights, oosVal.map((v) => v.ids)), oosVal.map(() => -1), temperature, oosClass),
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
      validationSize: inVal.length,
      oosValidationSize: oosVal.length,
    },
  };
}

function bagOfRows(w: NetworkWeights, rows: number[], out: Float32Array): void {
  const dim = w.dim;
  out.fill(0);
  for (const row of rows) for (let d = 0, base = row * dim; d < dim; d++) out[d] = (out[d] as number) + (w.embedding[base + d] as number);
  const inv = 1 / rows.length;
  for (let d = 0; d < dim; d++) out[d] = (out[d] as number) * inv;
}

function cloneWeights(w: NetworkWeights): NetworkWeights {
  return { ...w, embedding: w.embedding.slice(), w1: w.w1.slice(), b1: w.b1.slice(), w2: w.w2.slice(), skip: w.skip.slice(), b2: w.b2.slice() };
}

function resolveOptions(options: TrainOptions) {
  const o = {
    seed: options.seed ?? 1,
    dim: options.dim ?? 64,
    hidden: options.hidden ?? 192,
    epochs: options.epochs ?? 30,
    patience: options.patience ?? 4,
    batchSize: options.batchSize ?? 32,
    learningRate: options.learningRate ?? 0.003,
    weightDecay: options.weightDecay ?? 0.0001,
    dropout: options.dropout ?? 0.3,
    featureDropout: options.featureDropout ?? 0.2,
    labelSmoothing: options.labelSmoothing ?? 0.1,
    minCount: options.minCount ?? 1,
    validationShare: options.validationShare ?? 0.1,
    oosClass: options.oosClass ?? true,
  };
  for (const [key, value] of Object.entries(o)) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`TrainOptions.${key} must be a finite number`);
  }
  if (o.dim < 1 || o.hidden < 1 || o.epochs < 1 || o.batchSize < 1 || o.learningRate <= 0) throw new RangeError('TrainOptions: dim, hidden, epochs, batchSize and learningRate must be positive');
  if (o.dropout < 0 || o.dropout >= 1 || o.featureDropout < 0 || o.featureDropout >= 1) throw new RangeError('TrainOptions: dropout and featureDropout must be in [0, 1)');
  if (o.validationShare <= 0 || o.validationShare >= 1) throw new RangeError('TrainOptions.validationShare must be in (0, 1)');
  return o;
}
