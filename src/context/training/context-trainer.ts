/**
 * The context trainer: training turns → trained context network, with Adam (lazy on the
 * embedding table), dropout, a linearly decaying step size and early stopping on validation.
 * Pure TypeScript with no Node or DOM API, so it trains from the CLI, a bench or a Worker.
 *
 * @module
 */
import { abortReason } from '../../errors.ts';
import type { FeaturizerConfig } from '../../nlu/runtime/featurizer.ts';
import { Adam } from '../../nlu/training/optimizer.ts';
import { createRng, type Rng } from '../../nlu/training/rng.ts';
import type { ContextSpec } from '../context-format.ts';
import { createTextIdCache, type ContextFeatures } from '../context-features.ts';
import {
  backwardContext,
  clearContextGradients,
  createBackwardScratch,
  createContextGradients,
  scatterBag,
  type ContextLabels,
} from './context-backprop.ts';
import { evaluateContext } from './context-evaluate.ts';
import {
  bagInto,
  createTrace,
  denseTensors,
  forwardContext,
  initContextWeights,
  mapDenseTensors,
  type ContextWeights,
} from './context-network.ts';
import {
  contextFeaturizerConfig,
  contextVocabulary,
  featurizeExamples,
  type ContextExample,
  type FeaturizedTurns,
} from './context-train-data.ts';
import {
  resolveContextTrainOptions,
  type ContextTrainOptions,
  type ContextValidation,
  type ResolvedContextTrainOptions,
} from './context-train-options.ts';

/** A trained context model in memory: what the exporter writes and the in-memory predictor runs. */
export interface TrainedContextModel {
  weights: ContextWeights;
  spec: ContextSpec;
  featurizer: FeaturizerConfig;
  name: string;
  version: string;
  language: string;
  /** Figures of the training run. */
  metrics: {
    epochs: number;
    bestEpoch: number;
    trainExamples: number;
    vocabulary: number;
    /** Validation accuracy of each head at the best epoch (absent: no validation turn labels it). */
    valIntent?: number;
    valSwitch?: number;
    valCommand?: number;
    valSlot?: number;
  };
}

/** Throws the signal's reason when it is aborted. */
function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortReason(signal);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function cloneWeights(w: ContextWeights): ContextWeights {
  return { ...mapDenseTensors(w, (_, a) => a.slice()), embedding: w.embedding.slice() };
}

/** Keeps a random share `1 - p` of the non-zero ids (at least one when there was one). */
function dropIds(ids: Int32Array, p: number, rng: Rng, out: number[]): number[] {
  out.length = 0;
  for (const id of ids) if (id !== 0 && (p === 0 || rng.next() >= p)) out.push(id);
  if (out.length === 0) {
    const nonZero = ids.filter((id) => id !== 0);
    if (nonZero.length > 0) out.push(nonZero[rng.int(nonZero.length)] as number);
  }
  return out;
}

/** The training loop's state for one run. */
function createStepper(w: ContextWeights, o: ResolvedContextTrainOptions, rng: Rng) {
  const { dim, hidden } = w.shape;
  const grads = createContextGradients(w);
  const scratch = createBackwardScratch(w);
  const trace = createTrace(w.shape);
  const adam = (a: Float32Array, decay: boolean) =>
    new Adam(a.length, { learningRate: o.learningRate, weightDecay: decay ? o.weightDecay : 0 });
  const embeddingAdam = adam(w.embedding, true);
  // Biases are not decayed.
  const gradTensors = denseTensors(grads.of);
  const dense = denseTensors(w).map(([name, a], i) => ({
    params: a,
    grad: (gradTensors[i] as [string, Float32Array])[1],
    adam: adam(a, !/(^|\.)b[sgc]?$/.test(name)),
  }));
  const uIds: number[] = [];
  const cIds: number[] = [];
  const u = new Float32Array(dim);
  const c = new Float32Array(dim);
  // Per batch: one bag and one bag gradient per distinct description ids array.
  const bagIndex = new Map<Int32Array, number>();
  const bagIds: Int32Array[] = [];
  const bagPool: Float32Array[] = [];
  const dBagPool: Float32Array[] = [];
  const bagOf = (ids: Int32Array): number => {
    let i = bagIndex.get(ids);
    if (i === undefined) {
      i = bagIndex.size;
      bagIndex.set(ids, i);
      bagIds[i] = ids;
      if (bagPool.length <= i) {
        bagPool.push(new Float32Array(dim));
        dBagPool.push(new Float32Array(dim));
      }
      bagInto(w, ids, bagPool[i] as Float32Array);
      (dBagPool[i] as Float32Array).fill(0);
    }
    return i;
  };
  return {
    setLearningRate(lr: number) {
      embeddingAdam.learningRate = lr;
      for (const d of dense) d.adam.learningRate = lr;
    },
    /** One optimizer step on the turns `order[from, to)`; returns their summed loss. */
    step(turns: FeaturizedTurns, order: number[], from: number, to: number): number {
      clearContextGradients(grads);
      bagIndex.clear();
      const scale = 1 / (to - from);
      let loss = 0;
      for (let b = from; b < to; b++) {
        const i = order[b] as number;
        const f = turns.features[i] as ContextFeatures;
        const labels = turns.labels[i] as ContextLabels;
        dropIds(f.utterance, o.featureDropout, rng, uIds);
        dropIds(f.context, o.featureDropout, rng, cIds);
        bagInto(w, uIds, u);
        bagInto(w, cIds, c);
        const cand = f.candTokens.map(bagOf);
        const slot = f.slotTokens.map(bagOf);
        const turn = {
          u,
          c,
          state: f.state,
          candBags: cand.map((k) => bagPool[k] as Float32Array),
          candFeats: f.candFeats,
          slotBags: slot.map((k) => bagPool[k] as Float32Array),
          slotFeats: f.slotFeats,
        };
        for (let j = 0; j < hidden; j++) trace.gmask[j] = rng.next() < o.dropout ? 0 : 1 / (1 - o.dropout);
        forwardContext(w, turn, trace);
        loss += backwardContext(
          w,
          turn,
          trace,
          labels,
          o.lossWeights,
          scale,
          grads,
          scratch,
          cand.map((k) => dBagPool[k] as Float32Array),
          slot.map((k) => dBagPool[k] as Float32Array),
        );
        scatterBag(grads, uIds, scratch.dx.subarray(0, dim));
        scatterBag(grads, cIds, scratch.dx.subarray(dim, 2 * dim));
      }
      for (let k = 0; k < bagIndex.size; k++) scatterBag(grads, bagIds[k] as Int32Array, dBagPool[k] as Float32Array);
      embeddingAdam.tick();
      embeddingAdam.updateRows(w.embedding, grads.of.embedding, grads.touched, dim);
      for (const d of dense) {
        d.adam.tick();
        d.adam.updateDense(d.params, d.grad);
      }
      return loss;
    },
  };
}

/**
 * Trains a context network on `examples`, keeping the epoch that validates best.
 *
 * @param examples training turns (input and labels)
 * @param options the spec (required), hyper-parameters, validation turns, progress and abort
 * @param validation turns to choose the epoch on (and report); without them the last epoch is kept
 * @returns the trained model
 * @throws {TypeError} / {RangeError} on a malformed example or option
 * @example
 * ```ts
 * const model = await trainContextModel(turns, { spec, epochs: 4 }, devTurns);
 * const bytes = exportContextOnnx(model, { quantize: true });
 * ```
 */
export async function trainContextModel(
  examples: readonly ContextExample[],
  options: ContextTrainOptions,
  validation: readonly ContextExample[] = [],
): Promise<TrainedContextModel> {
  const o = resolveContextTrainOptions(options);
  const { spec } = options;
  if (examples.length === 0) throw new RangeError('trainContextModel needs at least one example');
  checkAborted(options.signal);
  const language = options.language ?? 'en';
  const featurizer = contextFeaturizerConfig(language, options.featurizer);
  const cache = createTextIdCache(featurizer, 1 << 16);
  const train = featurizeExamples(examples, spec, cache);
  const val = featurizeExamples(validation, spec, cache);
  const remap = contextVocabulary(train, featurizer.buckets, o.minCount);
  const rng = createRng(o.seed);
  const w = initContextWeights(
    remap,
    {
      dim: o.dim,
      hidden: o.hidden,
      candHidden: o.candHidden,
      slotHidden: o.slotHidden,
      state: spec.state.length,
      candFeatures: spec.candFeatures.length,
      slotFeatures: spec.slotFeatures.length,
      commands: spec.commands.length,
    },
    rng,
  );
  const vocabulary = w.embedding.length / o.dim - 1;
  options.onProgress?.({ status: 'featurize', examples: examples.length, vocabulary });
  const stepper = createStepper(w, o, rng);
  const all = Array.from(examples, (_, i) => i);
  const perEpoch = Math.min(all.length, o.examplesPerEpoch);
  let best: { score: number; epoch: number; weights: ContextWeights; validation: ContextValidation | null } = {
    score: -Infinity,
    epoch: 0,
    weights: w,
    validation: null,
  };
  const started = Date.now();
  let lastYield = Date.now();
  let epoch = 0;
  for (epoch = 1; epoch <= o.epochs; epoch++) {
    stepper.setLearningRate(o.learningRate * (1 - (0.9 * (epoch - 1)) / Math.max(1, o.epochs - 1)));
    const order = rng.shuffle(all.slice()).slice(0, perEpoch);
    let loss = 0;
    for (let start = 0; start < order.length; start += o.batchSize) {
      loss += stepper.step(train, order, start, Math.min(order.length, start + o.batchSize));
      if (Date.now() - lastYield > 100) {
        await yieldToEventLoop();
        lastYield = Date.now();
        checkAborted(options.signal);
      }
    }
    const v = val.features.length > 0 ? evaluateContext(w, val) : null;
    const score = v?.score ?? NaN;
    options.onProgress?.({
      status: 'epoch',
      epoch,
      epochs: o.epochs,
      loss: loss / order.length,
      valScore: score,
      validation: v,
      seconds: (Date.now() - started) / 1000,
    });
    checkAborted(options.signal);
    if (v === null) {
      best = { score, epoch, weights: w, validation: null };
    } else if (score >= best.score) {
      best = { score, epoch, weights: cloneWeights(w), validation: v };
    } else if (epoch - best.epoch >= o.patience) break;
  }
  const bv = best.validation;
  return {
    weights: best.weights,
    spec: structuredClone(spec),
    featurizer,
    name: options.name ?? 'context',
    version: options.version ?? '0.0.0',
    language,
    metrics: {
      epochs: Math.min(epoch, o.epochs),
      bestEpoch: best.epoch,
      trainExamples: examples.length,
      vocabulary,
      ...(bv?.intent == null ? {} : { valIntent: bv.intent }),
      ...(bv?.switch == null ? {} : { valSwitch: bv.switch }),
      ...(bv?.command == null ? {} : { valCommand: bv.command }),
      ...(bv?.slot == null ? {} : { valSlot: bv.slot }),
    },
  };
}
