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
import { loadOrt, runAlone, type OrtModule } from '../nlu/runtime/ort-runtime.ts';
import {
  CONTEXT_HEADER,
  CONTEXT_PAD_SCORE,
  readContextModelFile,
  type ContextModelMetadata,
  type ContextSpec,
} from './context-format.ts';
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

/**
 * The mean embeddings the graph returned for description texts, by their ids array: candidate and
 * slot descriptions repeat on every turn (their ids come from the model's text cache, the same
 * array each time), so each is embedded once. Weak keys: dropped with the ids they belong to.
 */
type BagCache = WeakMap<Int32Array, Float32Array>;

/** One turn packed as the graph reads it (`context-format.ts`), and what unpacking its output needs. */
interface PackedTurn {
  ids: Int32Array;
  x: Float32Array;
  /** Text rows fed (T). */
  rows: number;
  /** The description texts embedded by this run, in their row order from row 2. */
  fresh: Int32Array[];
}

/**
 * Packs a turn into the two flat inputs: its own texts and the descriptions not embedded yet as
 * id rows, the kept embeddings of the others, each candidate's and slot's row, and the features.
 * There is at least one candidate and one slot row (a padding row scored {@link CONTEXT_PAD_SCORE}).
 */
function packTurn(f: ContextFeatures, bags: BagCache, spec: ContextSpec, dim: number): PackedTurn {
  const texts = [f.utterance, f.context];
  const fresh: Int32Array[] = [];
  const knownBags: Float32Array[] = [];
  const at = new Map<Int32Array, number>();
  // Row r of the texts, then row T + i of known: T is only known at the end, so known rows are stored negated.
  const rowOf = (ids: Int32Array): number => {
    let row = at.get(ids);
    if (row === undefined) {
      const bag = bags.get(ids);
      if (bag === undefined) {
        row = texts.push(ids) - 1;
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
  const t = texts.length;
  let cols = 1;
  for (const ids of texts) cols = Math.max(cols, ids.length);
  const k = Math.max(1, cand.length);
  const j = Math.max(1, slot.length);
  // known has at least one row (zeros) so that its shape is never empty.
  const u = Math.max(1, knownBags.length);
  const nF = spec.candFeatures.length;
  const nG = spec.slotFeatures.length;
  const sizes = [u * dim, spec.state.length, k * nF, k, j * nG, j, t];
  const ids = new Int32Array(CONTEXT_HEADER + t * cols + k + j);
  ids.set([CONTEXT_HEADER, t * cols, k, j, ...sizes, t, cols]);
  let at0 = CONTEXT_HEADER;
  for (const row of texts) {
    ids.set(row, at0);
    at0 += cols;
  }
  const rowsAt = (rows: number[], n: number) => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      ids[at0 + i] = r >= 0 ? r : t - 1 - r;
    }
    at0 += n;
  };
  rowsAt(cand, k);
  rowsAt(slot, j);
  const x = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let o = 0;
  knownBags.forEach((b, i) => x.set(b, i * dim));
  o += u * dim;
  x.set(f.state, o);
  o += spec.state.length;
  const block = (feats: readonly Float32Array[], n: number, width: number) => {
    feats.forEach((v, i) => x.set(v, o + i * width));
    o += n * width;
    // Padding scores: 0 for a real row, CONTEXT_PAD_SCORE for the filler.
    x.fill(CONTEXT_PAD_SCORE, o + feats.length, o + n);
    o += n;
  };
  block(f.candFeats, k, nF);
  block(f.slotFeats, j, nG);
  for (const row of texts) {
    let real = 0;
    for (let i = 0; i < row.length; i++) if ((row[i] as number) > 0) real++;
    x[o++] = Math.max(1, real);
  }
  return { ids, x, rows: t, fresh };
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
  const read = await readModelSource(source, options);
  const { name } = read;
  let bytes = read.bytes;
  let { meta, dim } = readContextModelFile(bytes, name, options.expect);
  if (meta.layout === undefined) {
    // An older file (format 1 or 2): the same weights in the current graph, converted here. The
    // converter carries the ONNX writer, so it loads (with the trainer) only when an old model is met.
    const { convertContextOnnx } = await import('./training/context-convert.ts');
    bytes = convertContextOnnx(bytes, name);
    ({ meta, dim } = readContextModelFile(bytes, name, options.expect));
  }
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
  const { commands } = spec;
  const runSession = async (f: ContextFeatures): Promise<ContextOutput> => {
    const packed = packTurn(f, bags, spec, dim);
    const out = await runAlone(() =>
      session.run({
        ids: new ort.Tensor('int32', packed.ids, [packed.ids.length]),
        x: new ort.Tensor('float32', packed.x, [packed.x.length]),
      }),
    );
    const k = Math.max(1, f.candTokens.length);
    const j = Math.max(1, f.slotTokens.length);
    const c = commands.length;
    const data = out['out']?.data;
    const size = c + 1 + k + j + packed.rows * dim;
    if (!(data instanceof Float32Array) || data.length !== size)
      throw new InferenceError(`The context model returned no "out" of ${size} values`);
    const bagsAt = c + 1 + k + j;
    packed.fresh.forEach((ids, i) => bags.set(ids, data.slice(bagsAt + (i + 2) * dim, bagsAt + (i + 3) * dim)));
    return {
      command: data.subarray(0, c),
      switch: data[c] as number,
      intent: data.subarray(c + 1, c + 1 + f.candTokens.length),
      slot: data.subarray(c + 1 + k, c + 1 + k + f.slotTokens.length),
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
    bytes: read.bytes.length,
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
