/**
 * Loads a Confidant `.onnx` context model into ONNX Runtime Web and runs it on turns:
 * texts → feature ids (the model's own featurizer config) → padded tensors → ONNX session →
 * command, switch, intent and slot probabilities.
 *
 * @module
 */
import type { ModelSource, ProgressEvent } from '../engine/types.ts';
import { abortReason, ConfidantError, InferenceError, ModelLoadError } from '../errors.ts';
import { readModelSource } from '../nlu/runtime/model-source.ts';
import { loadOrt, type OrtModule } from '../nlu/runtime/ort-runtime.ts';
import { readContextModelFile, type ContextModelMetadata, type ContextSpec } from './context-format.ts';
import {
  checkContextFeatures,
  createTextIdCache,
  featurizeContext,
  type ContextFeatures,
  type ContextInput,
  type ContextOutput,
} from './context-features.ts';

/** Options of {@link loadContextModel}. */
export interface LoadContextModelOptions {
  /** Absolute URL of ONNX Runtime's `ort-wasm-simd-threaded.wasm`. @default next to ONNX Runtime's script */
  wasmUrl?: string;
  /**
   * The spec the caller builds inputs for; a model trained for other state features, candidate
   * features, slot features or commands is refused. @default anything
   */
  expect?: Partial<ContextSpec>;
  /** Receives `initiate`, `progress` and `done` events while the model downloads. */
  onProgress?: (event: ProgressEvent) => void;
  /** Cancels loading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A loaded context model. */
export interface ContextModel {
  /** Everything the model file describes: name, version, featurizer, spec, metrics. */
  readonly metadata: ContextModelMetadata;
  /** The size of the `.onnx` file in bytes. */
  readonly bytes: number;
  /**
   * Featurizes a turn as this model reads it (candidate texts are cached).
   * @throws {TypeError} / {RangeError} on a malformed input (wrong feature counts, non-finite values)
   */
  featurize(input: ContextInput): ContextFeatures;
  /**
   * Runs the model on one turn.
   * @throws {TypeError} / {RangeError} on a malformed input
   * @throws {InferenceError} when ONNX Runtime fails, or the model was disposed
   */
  run(input: ContextInput): Promise<ContextOutput>;
  /**
   * Runs the model on a turn already featurized (by {@link ContextModel.featurize}).
   * @throws {RangeError} when a feature vector has the wrong length for the spec
   * @throws {InferenceError} when ONNX Runtime fails, or the model was disposed
   */
  runFeatures(features: ContextFeatures): Promise<ContextOutput>;
  /** Releases the ONNX session. Further runs reject. */
  dispose(): Promise<void>;
}

type Session = Awaited<ReturnType<OrtModule['InferenceSession']['create']>>;
type Feeds = Parameters<Session['run']>[0];

/**
 * Pads id lists into one int64 `[rows, cols]` matrix (cols ≥ 1), writing only the low 32-bit
 * word of each id: no BigInt per id (ids are small and non-negative; every platform ONNX
 * Runtime Web runs on is little-endian).
 */
function int64Matrix(lists: readonly Int32Array[], rows: number): { data: BigInt64Array; cols: number } {
  let cols = 1;
  for (const l of lists) cols = Math.max(cols, l.length);
  const data = new BigInt64Array(rows * cols);
  const words = new Int32Array(data.buffer);
  lists.forEach((l, r) => {
    for (let i = 0; i < l.length; i++) words[2 * (r * cols + i)] = l[i] as number;
  });
  return { data, cols };
}

/** Candidates as the graph takes them: K ≥ 1 rows (one masked row when there are none). */
function candidateFeeds(
  ort: OrtModule,
  tokens: readonly Int32Array[],
  feats: readonly Float32Array[],
  width: number,
  names: [string, string, string],
): Feeds {
  const k = Math.max(1, tokens.length);
  const ids = int64Matrix(tokens, k);
  const f = new Float32Array(k * width);
  feats.forEach((v, i) => f.set(v, i * width));
  const mask = new Float32Array(k);
  mask.fill(1, 0, tokens.length);
  return {
    [names[0]]: new ort.Tensor('int64', ids.data, [k, ids.cols]),
    [names[1]]: new ort.Tensor('float32', f, [1, k, width]),
    [names[2]]: new ort.Tensor('float32', mask, [1, k]),
  };
}

/**
 * Loads a context model from bytes, a URL, or (in Node) a path or `file:` URL, after checking
 * that it is a well-formed Confidant context model (metadata, inputs and outputs of the
 * contract, and one test run).
 *
 * @param source where the `.onnx` file is
 * @param options wasm URL, expected spec, progress callback, abort signal
 * @returns the model, ready to run
 * @throws {ModelLoadError} naming the source, when the file is missing, truncated, corrupt, of
 *   the wrong shape, not a context model, or trained for another spec than `expect`
 * @example
 * ```ts
 * const model = await loadContextModel('/models/assistant-context.onnx', { wasmUrl });
 * const out = await model.run({ utterance: 'cancel it', context: 'Which city?', state, candidates });
 * ```
 */
export async function loadContextModel(
  source: ModelSource,
  options: LoadContextModelOptions = {},
): Promise<ContextModel> {
  const { bytes, name } = await readModelSource(source, options);
  const meta = readContextModelFile(bytes, name, options.expect);
  const { spec } = meta;
  const ort = await loadOrt(options.wasmUrl, name);
  if (options.signal?.aborted === true) throw abortReason(options.signal);
  let session: Session;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (cause) {
    throw new ModelLoadError('ONNX Runtime cannot load the model', name, { cause });
  }
  const cache = createTextIdCache(meta.featurizer);
  const runSession = async (f: ContextFeatures): Promise<ContextOutput> => {
    const utterance = int64Matrix([f.utterance], 1);
    const context = int64Matrix([f.context], 1);
    const feeds: Feeds = {
      utterance: new ort.Tensor('int64', utterance.data, [1, utterance.cols]),
      context: new ort.Tensor('int64', context.data, [1, context.cols]),
      state: new ort.Tensor('float32', f.state, [1, spec.state.length]),
      ...candidateFeeds(ort, f.candTokens, f.candFeats, spec.candFeatures.length, [
        'cand_tokens',
        'cand_feats',
        'cand_mask',
      ]),
      ...candidateFeeds(ort, f.slotTokens, f.slotFeats, spec.slotFeatures.length, [
        'slot_tokens',
        'slot_feats',
        'slot_mask',
      ]),
    };
    const out = await session.run(feeds);
    const read = (key: string, size: number): Float32Array => {
      const data = out[key]?.data;
      if (!(data instanceof Float32Array) || data.length !== size)
        throw new InferenceError(`The context model returned no "${key}" of ${size} values`);
      return data;
    };
    return {
      command: read('command', spec.commands.length),
      switch: read('switch', 1)[0] as number,
      intent: read('intent', Math.max(1, f.candTokens.length)).slice(0, f.candTokens.length),
      slot: read('slot', Math.max(1, f.slotTokens.length)).slice(0, f.slotTokens.length),
    };
  };
  // One run on the largest id checks, before anyone relies on it, that the graph is whole,
  // runs with the spec's sizes, and that its id table covers the featurizer's id space.
  try {
    const top = Int32Array.of(meta.featurizer.buckets - 1);
    const probe = (n: number) => new Float32Array(n);
    const out = await runSession({
      utterance: top,
      context: top,
      state: probe(spec.state.length),
      candTokens: [top, top],
      candFeats: [probe(spec.candFeatures.length), probe(spec.candFeatures.length)],
      slotTokens: [top],
      slotFeats: [probe(spec.slotFeatures.length)],
    });
    const values = [...out.command, out.switch, ...out.intent, ...out.slot];
    if (!values.every(Number.isFinite)) throw new RangeError('non-finite output');
  } catch (cause) {
    await session.release().catch(() => undefined);
    throw new ModelLoadError('The model does not run as a Confidant context model', name, { cause });
  }

  // ONNX Runtime Web runs one inference per session at a time: chain them.
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  const runFeatures = async (f: ContextFeatures): Promise<ContextOutput> => {
    checkContextFeatures(f, spec);
    if (disposed) throw new InferenceError('The context model was disposed', { code: 'disposed' });
    const job = queue.then(() => runSession(f));
    queue = job.catch(() => undefined);
    try {
      return await job;
    } catch (cause) {
      throw cause instanceof ConfidantError
        ? cause
        : new InferenceError('ONNX Runtime failed to run the context model', { cause });
    }
  };
  const featurize = (input: ContextInput) => featurizeContext(input, spec, cache);
  return {
    metadata: meta,
    bytes: bytes.length,
    featurize,
    async run(input) {
      return runFeatures(featurize(input));
    },
    runFeatures,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue;
      await session.release();
    },
  };
}
