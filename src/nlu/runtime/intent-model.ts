/**
 * Loads a Confidant `.onnx` intent model into ONNX Runtime Web and classifies utterances:
 * featurizer → ONNX session → calibrated intent decision → entities.
 *
 * @module
 */
import type { ModelSource, ProgressEvent } from '../../engine/types.ts';
import { abortReason, ConfidantError, InferenceError, ModelLoadError } from '../../errors.ts';
import { compileCustomEntities, extractEntities } from '../entities/index.ts';
import { featurizeTokens } from './featurizer.ts';
import { compileFewShot, withFewShot } from './few-shot.ts';
import { junkKind, keyboardMash } from './junk.ts';
import { detectLanguage, wordCoverage } from './language-id.ts';
import { INPUT_NAME, modelInfoOf, OUTPUT_NAME, readModelFile, type ModelMetadata } from '../onnx/model-format.ts';
import { readInt32Initializer } from '../onnx/onnx-reader.ts';
import { readModelSource } from './model-source.ts';
import { createOrtSession, int64Ids, loadOrt, runAlone } from './ort-runtime.ts';
import { decideIntent, DEFAULT_TOP_K } from './scoring.ts';
import type { ClassifyOptions, ModelInfo, NluResult } from '../types.ts';

/** Options of {@link loadIntentModel}. */
export interface LoadIntentModelOptions {
  /** Absolute URL of ONNX Runtime's `ort-wasm-simd-threaded.wasm`. @default next to ONNX Runtime's script */
  wasmUrl?: string;
  /** Receives `initiate`, `progress` and `done` events while the model downloads. */
  onProgress?: (event: ProgressEvent) => void;
  /** Cancels loading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A loaded intent model. */
export interface IntentModel {
  /** Name, version, labels (without the out-of-scope class), threshold, size and language. */
  readonly info: ModelInfo;
  /** Everything the model file describes, decoded. @internal */
  readonly metadata: ModelMetadata;
  /**
   * Classifies one utterance. Never fails on odd text (empty, 1 MB, lone surrogates, control or
   * bidi characters): the featurizer bounds and cleans it.
   * @throws {TypeError} when `text` is not a string
   * @throws {RangeError} on a bad option (`topK`, `now`, `timeZone`)
   * @throws {InferenceError} when ONNX Runtime fails, or the model was disposed
   */
  classify(text: string, options?: ClassifyOptions): Promise<NluResult>;
  /**
   * The share of the utterance's words this model learned a feature for (0–1; NaN when it has
   * no words): evidence of the language it is written in, for `detectLanguage`. Synchronous and
   * cheap (one hash per word); works after `dispose` too.
   * @throws {TypeError} when `text` is not a string
   */
  coverage(text: string): number;
  /** Releases the ONNX session. Further `classify` calls reject. */
  dispose(): Promise<void>;
}

/**
 * Loads an intent model from bytes, a URL, or (in Node) a path or `file:` URL, after checking
 * that it is a well-formed Confidant model: metadata, input `ids` int64 `[1, n]`, output `probs`
 * float32 `[1, classes]`, and one test run.
 *
 * @param source where the `.onnx` file is
 * @param options wasm URL, progress callback, abort signal
 * @returns the model, ready to classify
 * @throws {ModelLoadError} naming the source, when the file is missing, truncated, corrupt or of the wrong shape
 * @example
 * ```ts
 * const model = await loadIntentModel('/models/assistant-en.onnx', { wasmUrl });
 * const result = await model.classify('hello'); // result.intent === 'greeting'
 * ```
 */
export async function loadIntentModel(source: ModelSource, options: LoadIntentModelOptions = {}): Promise<IntentModel> {
  const { bytes, name } = await readModelSource(source, options);
  const meta = readModelFile(bytes, name);
  let custom;
  try {
    custom = compileCustomEntities(meta.entities);
  } catch (cause) {
    throw new ModelLoadError('The model declares a malformed custom entity', name, { cause });
  }
  const ort = await loadOrt(options.wasmUrl, name);
  if (options.signal?.aborted === true) throw abortReason(options.signal);
  const session = await createOrtSession(ort, bytes, name, 'model');
  const run = async (ids: Int32Array): Promise<Float32Array> => {
    const out = (await runAlone(() => session.run({ [INPUT_NAME]: int64Ids(ort, ids, [1, ids.length]) })))[OUTPUT_NAME];
    if (out === undefined || !(out.data instanceof Float32Array) || out.data.length !== meta.labels.length) {
      throw new InferenceError(`The model returned no "${OUTPUT_NAME}" of ${meta.labels.length} probabilities`);
    }
    return out.data;
  };
  // One run on the largest id checks, before anyone relies on it, that the graph is whole and
  // that its id table covers the featurizer's id space.
  try {
    const probs = await run(Int32Array.of(meta.featurizer.buckets - 1));
    if (!probs.every(Number.isFinite)) throw new RangeError('non-finite output');
  } catch (cause) {
    await session.release().catch(() => undefined);
    throw new ModelLoadError('The model does not run as a Confidant intent model', name, { cause });
  }

  const scoring = { labels: meta.labels, oosLabel: meta.oosLabel, threshold: meta.threshold };
  const fewShot = meta.fewShot === undefined ? undefined : compileFewShot(meta.fewShot, meta.featurizer);
  // Which features have their own row: 1 byte per bucket instead of the 4 of the graph's remap.
  const remap = readInt32Initializer(bytes, 'remap');
  const known = remap === null ? null : Uint8Array.from(remap, (row) => (row === 0 ? 0 : 1));
  const info: ModelInfo = modelInfoOf(meta, bytes.length);
  // The language of each utterance, from this model's evidence, where the model's language is one
  // detectLanguage tells (a router over two models decides with both: see language-router.ts).
  const primary = meta.language.toLowerCase().split(/[-_]/)[0];
  const coverage = (text: string) => (known === null ? Number.NaN : wordCoverage(text, meta.featurizer, known));
  const detects = primary === 'en' || primary === 'zh' || primary === 'mul';
  /** The language of `text`, whose tokens' ids classify has computed: the first id of each token is its word's. */
  /** The share of the turn's words the model knows, from the ids already computed (`coverage` segments again). */
  const knownShare = (ids: Int32Array, tokenEnds: Int32Array): number => {
    if (known === null || tokenEnds.length === 0) return Number.NaN;
    let hits = 0;
    for (let t = 0, start = 0; t < tokenEnds.length; start = tokenEnds[t] as number, t++)
      if (known[ids[start] as number] === 1) hits++;
    return hits / tokenEnds.length;
  };
  const languageOf = (text: string, ids: Int32Array, tokenEnds: Int32Array) => {
    const share = () => knownShare(ids, tokenEnds);
    const evidence = primary === 'en' ? { en: share } : primary === 'zh' ? { zh: share } : { en: share, zh: share };
    return detectLanguage(text, { coverage: evidence }).lang;
  };
  /** `true` when the model learned no feature for any of the turn's words (its ids already computed). */
  const knowsNone = (ids: Int32Array, tokenEnds: Int32Array): boolean => {
    if (known === null || tokenEnds.length === 0) return false;
    for (let t = 0, start = 0; t < tokenEnds.length; start = tokenEnds[t] as number, t++)
      if (known[ids[start] as number] === 1) return false;
    return true;
  };
  // ONNX Runtime Web runs one inference per session at a time: chain them.
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  return {
    info,
    metadata: meta,
    async classify(text, opts = {}) {
      if (typeof text !== 'string') throw new TypeError(`classify expects a string, got ${typeof text}`);
      const topK = opts.topK ?? DEFAULT_TOP_K;
      if (!Number.isInteger(topK) || topK < 0)
        throw new RangeError('ClassifyOptions.topK must be a non-negative integer');
      if (disposed) throw new InferenceError('The model was disposed', { code: 'disposed' });
      const { ids, tokenEnds } = featurizeTokens(text, meta.featurizer);
      // Junk (markup with nothing to read, code, injections, emoji, lone letters, a number alone,
      // symbols) is out of scope whatever the model, trained on sentences, guesses for it: no
      // intent to act on (./junk.ts), so the model is not run for it. The verdict goes along for
      // the dialogue manager. Mash is half the words where the model knows none of them, and most of
      // the words or letters otherwise (short words then not judged: "call KFC"): its vocabulary is
      // hashed, and a mash word may share a bucket with a word it knows ("aizaiz" read as a greeting).
      const junk = junkKind(text) ?? (keyboardMash(text, !knowsNone(ids, tokenEnds)) ? 'gibberish' : undefined);
      let probs: Float32Array | undefined;
      if (junk === undefined) {
        const job = queue.then(() => run(ids));
        queue = job.catch(() => undefined);
        try {
          probs = await job;
        } catch (cause) {
          throw cause instanceof ConfidantError
            ? cause
            : new InferenceError('ONNX Runtime failed to classify', { cause });
        }
      }
      const entities = extractEntities(text, {
        custom,
        ...(opts.now === undefined ? {} : { now: opts.now }),
        ...(opts.timeZone === undefined ? {} : { timeZone: opts.timeZone }),
      });
      return {
        text,
        ...(probs === undefined
          ? { intent: null, confidence: 0, outOfScope: true, intents: [], ...(junk === undefined ? {} : { junk }) }
          : withFewShot(decideIntent(probs, scoring, topK), fewShot, ids, () => knownShare(ids, tokenEnds))),
        entities,
        modelVersion: meta.version,
        ...(detects ? { lang: languageOf(text, ids, tokenEnds) } : {}),
      };
    },
    coverage(text) {
      if (typeof text !== 'string') throw new TypeError(`coverage expects a string, got ${typeof text}`);
      // A graph without the exporter's remap (not made by Confidant's trainer): no evidence (NaN).
      return coverage(text);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue;
      await session.release();
    },
  };
}
