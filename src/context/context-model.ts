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

/** Pads id lists into one int32 `[rows, cols]` matrix (cols ≥ 1). */
function idMatrix(lists: readonly Int32Array[]): { data: Int32Array; cols: number } {
  let cols = 1;
  for (const l of lists) cols = Math.max(cols, l.length);
  const data = new Int32Array(lists.length * cols);
  lists.forEach((l, r) => data.set(l, r * cols));
  return { data, cols };
}

/** Feature vectors as one `[1, K, width]` block, K ≥ 1 (one masked row when there are none), and the mask. */
function featureBlock(feats: readonly Float32Array[], width: number): { block: Float32Array; mask: Float32Array } {
  const k = Math.max(1, feats.length);
  const block = new Float32Array(k * width);
  feats.forEach((v, i) => block.set(v, i * width));
  const mask = new Float32Array(k);
  mask.fill(1, 0, feats.length);
  return { block, mask };
}

/**
 * The mean embeddings the graph returned for description texts, by their ids array: candidate and
 * slot descriptions repeat on every turn (their ids come from the model's text cache, the same
 * array each time), so each is embedded once. Weak keys: dropped with the ids they belong to.
 */
type BagCache = WeakMap<Int32Array, Float32Array>;

/** The rows a turn feeds: its own texts and the descriptions not embedded yet, and where each candidate's bag is. */
function planRows(
  f: ContextFeatures,
  bags: BagCache,
  dim: number,
): { tokens: Int32Array[]; fresh: Int32Array[]; known: Float32Array; candRows: Int32Array; slotRows: Int32Array } {
  const tokens = [f.utterance, f.context];
  const fresh: Int32Array[] = [];
  const knownBags: Float32Array[] = [];
  const at = new Map<Int32Array, number>();
  // Row r of bags, then row T + i of known: T is only known at the end, so known rows are stored negated.
  const rowOf = (ids: Int32Array): number => {
    let row = at.get(ids);
    if (row === undefined) {
      const bag = bags.get(ids);
      if (bag === undefined) {
        row = tokens.push(ids) - 1;
        fresh.push(ids);
      } else {
        row = -1 - knownBags.length;
        knownBags.push(bag);
      }
      at.set(ids, row);
    }
    return row;
  };
  const cand = f.candTokens.map(rowOf);
  const slot = f.slotTokens.map(rowOf);
  const t = tokens.length;
  const final = (rows: number[]) => {
    const out = new Int32Array(Math.max(1, rows.length));
    rows.forEach((r, i) => (out[i] = r >= 0 ? r : t - 1 - r));
    return out;
  };
  // known has at least one row (zeros) so that its shape is never empty.
  const known = new Float32Array(Math.max(1, knownBags.length) * dim);
  knownBags.forEach((b, i) => known.set(b, i * dim));
  return { tokens, fresh, known, candRows: final(cand), slotRows: final(slot) };
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
  const { meta, dim } = readContextModelFile(bytes, name, options.expect);
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
  const bags: BagCache = new WeakMap();
  const runSession = async (f: ContextFeatures): Promise<ContextOutput> => {
    const plan = planRows(f, bags, dim);
    const ids = idMatrix(plan.tokens);
    const cands = featureBlock(f.candFeats, spec.candFeatures.length);
    const slots = featureBlock(f.slotFeats, spec.slotFeatures.length);
    const feeds: Feeds = {
      tokens: new ort.Tensor('int32', ids.data, [plan.tokens.length, ids.cols]),
      known: new ort.Tensor('float32', plan.known, [plan.known.length / dim, dim]),
      cand_rows: new ort.Tensor('int32', plan.candRows, [plan.candRows.length]),
      slot_rows: new ort.Tensor('int32', plan.slotRows, [plan.slotRows.length]),
      state: new ort.Tensor('float32', f.state, [1, spec.state.length]),
      cand_feats: new ort.Tensor('float32', cands.block, [1, cands.mask.length, spec.candFeatures.length]),
      cand_mask: new ort.Tensor('float32', cands.mask, [1, cands.mask.length]),
      slot_feats: new ort.Tensor('float32', slots.block, [1, slots.mask.length, spec.slotFeatures.length]),
      slot_mask: new ort.Tensor('float32', slots.mask, [1, slots.mask.length]),
    };
    const out = await session.run(feeds);
    const read = (key: string, size: number): Float32Array => {
      const data = out[key]?.data;
      if (!(data instanceof Float32Array) || data.length !== size)
        throw new InferenceError(`The context model returned no "${key}" of ${size} values`);
      return data;
    };
    const embedded = read('bags', plan.tokens.length * dim);
    plan.fresh.forEach((ids, i) => bags.set(ids, embedded.slice((i + 2) * dim, (i + 3) * dim)));
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
