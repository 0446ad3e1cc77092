/**
 * The slot tagger's trainer: annotated examples → network + CRF transitions, trained on the CRF's
 * log-likelihood with Adam (the intent trainer's optimizer and random source), with early stopping
 * on validation span F1. Pure TypeScript: trains from the CLI, a bench or a Worker.
 *
 * @module
 */
import { abortReason, CorpusError } from '../../../errors.ts';
import { Adam } from '../optimizer.ts';
import { createRng } from '../rng.ts';
import type { TaggedSpan } from '../../tagger/bio.ts';
import { crfLossAndGradient } from '../../tagger/crf.ts';
import { decodeSpans } from '../../tagger/decode.ts';
import {
  defaultTaggerFeaturizer,
  featuresPerToken,
  tokenFeatureIds,
  type TaggerFeaturizerConfig,
} from '../../tagger/token-features.ts';
import { tokenizeWithOffsets } from '../../tagger/tokens.ts';
import type { TrainingExample } from '../../types.ts';
import { SpanCounter, type SpanScores } from './span-metrics.ts';
import { buildRemap, labelSetOf, prepareTaggerExample, slotNamesOf, type TaggerExample } from './tagger-data.ts';
import {
  clearTaggerGradients,
  createTaggerGradients,
  initTaggerWeights,
  taggerBackward,
  taggerForward,
  type TaggerWeights,
} from './tagger-network.ts';

/** Progress of a tagger training run. */
export type TaggerProgressEvent =
  | { status: 'featurize'; examples: number; labels: number; rows: number }
  | { status: 'epoch'; epoch: number; epochs: number; loss: number; valF1: number };

/**
 * Hyper-parameters of {@link trainSlotTagger}. The defaults were chosen on a validation split carved
 * from SNIPS train (10%, seed 42; `npm run bench:slots -- --val-only`): dim 48 / hidden 160 reached
 * 0.961 span F1 at epoch 7 of 8, dim 32 / hidden 128 reached 0.960.
 */
export interface TrainTaggerOptions {
  /** @default 1 */
  seed?: number;
  /** Token embedding width. @default 48 */
  dim?: number;
  /** Hidden width. @default 160 */
  hidden?: number;
  /** Convolution width in tokens (odd). @default 5 */
  window?: number;
  /** Epochs (the step size decays linearly over them). @default 8 */
  epochs?: number;
  /** Epochs without a better validation F1 before stopping. @default 4 */
  patience?: number;
  /** Utterances per optimizer step. @default 16 */
  batchSize?: number;
  /** Adam's initial step size (decays linearly to 5%). @default 0.004 */
  learningRate?: number;
  /** Dropout on the hidden layer. @default 0.3 */
  dropout?: number;
  /** Chance that a token's word feature is dropped in a step (its shape and affixes stay): teaches unseen names. @default 0.2 */
  wordDropout?: number;
  /** Features seen fewer times than this share the zero row. @default 2 */
  minCount?: number;
  /** Share of the examples carved for validation when none are given. @default 0.1 */
  validationShare?: number;
  /** Overrides of the featurizer config (`locale` above all). */
  featurizer?: Partial<TaggerFeaturizerConfig>;
  /** Receives `featurize` and `epoch` events. */
  onProgress?: (event: TaggerProgressEvent) => void;
  /** Cancels training; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A trained tagger in memory: what the exporter writes and {@link tagInMemory} runs. */
export interface TrainedTagger {
  weights: TaggerWeights;
  /** BIO labels, `O` first. */
  labels: string[];
  featurizer: TaggerFeaturizerConfig;
  name: string;
  version: string;
  language: string;
  metrics: {
    valF1: number;
    valPrecision: number;
    valRecall: number;
    epochs: number;
    bestEpoch: number;
    validationSize: number;
  };
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function positive(name: string, value: number, integer = true): number {
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
    throw new RangeError(`TrainTaggerOptions.${name} must be a positive ${integer ? 'integer' : 'number'}`);
  return value;
}

function share(name: string, value: number): number {
  if (!(value >= 0 && value < 1)) throw new RangeError(`TrainTaggerOptions.${name} must be in [0, 1)`);
  return value;
}

/**
 * Trains a slot tagger on annotated examples (`TrainingExample.slots`).
 *
 * @param train annotated training examples (examples without slots teach "no slot here")
 * @param validation held-out annotated examples; when omitted, a share of `train` is carved
 * @param options hyper-parameters, progress, abort signal
 * @returns the trained tagger
 * @throws {CorpusError} when no example is annotated, or a span is malformed
 * @throws {RangeError} on a nonsensical option
 * @example
 * ```ts
 * const tagger = await trainSlotTagger(corpus.train, corpus.validation, { featurizer: { locale: 'zh' } });
 * ```
 */
export async function trainSlotTagger(
  train: readonly TrainingExample[],
  validation?: readonly TrainingExample[],
  options: TrainTaggerOptions = {},
): Promise<TrainedTagger> {
  const seed = options.seed ?? 1;
  const dim = positive('dim', options.dim ?? 48);
  const hidden = positive('hidden', options.hidden ?? 160);
  const window = positive('window', options.window ?? 5);
  if (window % 2 !== 1) throw new RangeError('TrainTaggerOptions.window must be odd');
  const epochs = positive('epochs', options.epochs ?? 8);
  const patience = positive('patience', options.patience ?? 4);
  const batchSize = positive('batchSize', options.batchSize ?? 16);
  const learningRate = positive('learningRate', options.learningRate ?? 0.004, false);
  const dropout = share('dropout', options.dropout ?? 0.3);
  const wordDropout = share('wordDropout', options.wordDropout ?? 0.2);
  const minCount = positive('minCount', options.minCount ?? 2);
  const validationShare = share('validationShare', options.validationShare ?? 0.1);
  const featurizer = { ...defaultTaggerFeaturizer(), ...options.featurizer };
  const signal = options.signal;
  const names = slotNamesOf(train);
  if (names.length === 0) throw new CorpusError('No training example has annotated slots: a slot tagger needs some');
  const { labels, index } = labelSetOf(names);
  const rng = createRng(seed);
  let trainSet = train.map((e) => prepareTaggerExample(e, featurizer, index)).filter((e) => e.tokens.length > 0);
  let valSet: TaggerExample[];
  if (validation !== undefined && validation.length > 0) {
    valSet = validation.map((e) => prepareTaggerExample(e, featurizer, index));
  } else {
    rng.shuffle(trainSet);
    const n = Math.round(trainSet.length * validationShare);
    valSet = trainSet.slice(0, n);
    trainSet = trainSet.slice(n);
  }
  const { remap, rows } = buildRemap(trainSet, featurizer, trainSet.length < 500 ? 1 : minCount);
  const features = featuresPerToken(featurizer);
  options.onProgress?.({ status: 'featurize', examples: trainSet.length, labels: labels.length, rows });
  const weights = initTaggerWeights({ dim, hidden, labels: labels.length, window, features }, remap, rows, rng);
  const grads = createTaggerGradients(weights);
  const adam = (n: number) => new Adam(n, { learningRate });
  const opt = {
    embedding: adam(weights.embedding.length),
    conv: adam(weights.conv.length),
    convBias: adam(hidden),
    sentence: adam(weights.sentence.length),
    out: adam(weights.out.length),
    outBias: adam(labels.length),
    trans: adam(labels.length * labels.length),
    start: adam(labels.length),
    end: adam(labels.length),
  };
  const model: TrainedTagger = {
    weights,
    labels,
    featurizer,
    name: 'custom-slots',
    version: '0.0.0',
    language: featurizer.locale,
    metrics: { valF1: 0, valPrecision: 0, valRecall: 0, epochs: 0, bestEpoch: 0, validationSize: valSet.length },
  };
  const evaluate = (): SpanScores => {
    const counter = new SpanCounter();
    for (const e of valSet) counter.add(e.spans, tagInMemory(model, e.text));
    return counter.scores();
  };
  const order = trainSet.map((_, i) => i);
  // A small corpus makes few steps per epoch: repeat it so that a run makes at least ~600 steps.
  const passes = Math.max(1, Math.ceil(600 / (Math.ceil(order.length / batchSize) * epochs)));
  let best = { f1: -1, epoch: 0, scores: evaluate(), snapshot: snapshot(weights) };
  let lastYield = Date.now();
  let epoch = 1;
  for (; epoch <= epochs; epoch++) {
    const lr = learningRate * (1 - (0.95 * (epoch - 1)) / Math.max(1, epochs - 1));
    for (const a of Object.values(opt)) a.learningRate = lr;
    let loss = 0;
    for (let pass = 0; pass < passes; pass++) {
      rng.shuffle(order);
      for (let from = 0; from < order.length; from += batchSize) {
        clearTaggerGradients(grads, dim);
        const to = Math.min(order.length, from + batchSize);
        for (let b = from; b < to; b++)
          loss += accumulate(weights, trainSet[order[b] as number] as TaggerExample, grads, rng, dropout, wordDropout);
        const scale = 1 / (to - from);
        for (const g of [
          grads.conv,
          grads.convBias,
          grads.sentence,
          grads.out,
          grads.outBias,
          grads.crf.trans,
          grads.crf.start,
          grads.crf.end,
        ])
          for (let i = 0; i < g.length; i++) g[i] = (g[i] as number) * scale;
        for (const row of grads.touched)
          for (let d = row * dim; d < (row + 1) * dim; d++) grads.embedding[d] = (grads.embedding[d] as number) * scale;
        for (const a of Object.values(opt)) a.tick();
        opt.embedding.updateRows(weights.embedding, grads.embedding, grads.touched, dim);
        opt.conv.updateDense(weights.conv, grads.conv);
        opt.convBias.updateDense(weights.convBias, grads.convBias);
        opt.sentence.updateDense(weights.sentence, grads.sentence);
        opt.out.updateDense(weights.out, grads.out);
        opt.outBias.updateDense(weights.outBias, grads.outBias);
        opt.trans.updateDense(weights.crf.trans, grads.crf.trans);
        opt.start.updateDense(weights.crf.start, grads.crf.start);
        opt.end.updateDense(weights.crf.end, grads.crf.end);
        if (Date.now() - lastYield > 100) {
          await yieldToEventLoop();
          lastYield = Date.now();
          if (signal?.aborted === true) throw abortReason(signal);
        }
      }
    }
    const scores = evaluate();
    options.onProgress?.({ status: 'epoch', epoch, epochs, loss: loss / (order.length * passes), valF1: scores.f1 });
    if (signal?.aborted === true) throw abortReason(signal);
    // >=: on a tie the later, longer-trained weights win.
    if (scores.f1 >= best.f1) best = { f1: scores.f1, epoch, scores, snapshot: snapshot(weights) };
    else if (epoch - best.epoch >= patience) break;
  }
  restore(weights, best.snapshot);
  model.metrics = {
    valF1: best.scores.f1,
    valPrecision: best.scores.precision,
    valRecall: best.scores.recall,
    epochs: Math.min(epoch, epochs),
    bestEpoch: best.epoch,
    validationSize: valSet.length,
  };
  return model;
}

/** One example's loss, its gradient added to `g`, with word and hidden dropout. */
function accumulate(
  w: TaggerWeights,
  e: TaggerExample,
  g: ReturnType<typeof createTaggerGradients>,
  rng: ReturnType<typeof createRng>,
  dropout: number,
  wordDropout: number,
): number {
  const T = e.tokens.length;
  let ids: Int32Array = e.ids;
  if (wordDropout > 0) {
    ids = e.ids.slice();
    // The word feature is each token's first; its shape and affixes stay, as for an unseen word.
    for (let t = 0; t < T; t++) if (rng.next() < wordDropout) ids[t * w.features] = 0;
  }
  const mask = new Float32Array(T * w.hidden);
  for (let i = 0; i < mask.length; i++) mask[i] = rng.next() < dropout ? 0 : 1 / (1 - dropout);
  const act = taggerForward(w, ids, T, mask);
  const dEm = new Float32Array(T * w.labels);
  const loss = crfLossAndGradient(act.emissions, T, w.crf, e.tags, dEm, g.crf);
  taggerBackward(w, ids, act, dEm, g, mask);
  return loss;
}

type Snapshot = Float32Array[];

function tensorsOf(w: TaggerWeights): Float32Array[] {
  return [w.embedding, w.conv, w.convBias, w.sentence, w.out, w.outBias, w.crf.trans, w.crf.start, w.crf.end];
}

function snapshot(w: TaggerWeights): Snapshot {
  return tensorsOf(w).map((t) => t.slice());
}

function restore(w: TaggerWeights, s: Snapshot): void {
  tensorsOf(w).forEach((t, i) => t.set(s[i] as Float32Array));
}

/**
 * Tags one utterance with the in-memory network: what the exported model computes, without ONNX Runtime.
 * @param model the trained tagger (or one with effective, quantized weights)
 * @param text the utterance
 * @returns the spans found
 */
export function tagInMemory(
  model: Pick<TrainedTagger, 'weights' | 'labels' | 'featurizer'>,
  text: string,
): TaggedSpan[] {
  const tokens = tokenizeWithOffsets(text, model.featurizer.locale, model.featurizer.maxChars);
  if (tokens.length === 0) return [];
  const act = taggerForward(model.weights, tokenFeatureIds(tokens, model.featurizer), tokens.length);
  return decodeSpans(text, tokens, act.emissions, model.weights.crf, model.labels);
}
