/**
 * Loads a Confidant slot tagger (`.onnx`) into ONNX Runtime Web and tags utterances: tokens with
 * offsets → feature ids → ONNX session (emissions) → Viterbi with BIO constraints → spans.
 *
 * @module
 */
import type { ModelSource } from '../../engine/types.ts';
import { abortReason, ConfidantError, InferenceError, ModelLoadError } from '../../errors.ts';
import { readModelSource } from '../runtime/model-source.ts';
import { createOrtSession, int64Ids, loadOrt, runAlone } from '../runtime/ort-runtime.ts';
import type { TaggedSpan } from './bio.ts';
import { createTransitions, type CrfTransitions } from './crf.ts';
import { decodeSpans } from './decode.ts';
import {
  readTaggerFile,
  TAGGER_EMISSIONS,
  TAGGER_INPUT,
  TAGGER_TRANSITIONS,
  type TaggerMetadata,
} from './tagger-format.ts';
import { featuresPerToken, tokenFeatureIds } from './token-features.ts';
import { tokenizeWithOffsets } from './tokens.ts';

/** Options of {@link loadSlotTagger}. */
export interface LoadSlotTaggerOptions {
  /** Absolute URL of ONNX Runtime's `ort-wasm-simd-threaded.wasm`. @default next to ONNX Runtime's script */
  wasmUrl?: string;
  /** Cancels loading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A loaded slot tagger. */
export interface SlotTagger {
  /** Name, version, language, slot names, size. */
  readonly info: { name: string; version: string; language: string; entities: string[]; bytes: number };
  /** Everything the file describes, decoded. @internal */
  readonly metadata: TaggerMetadata;
  /**
   * Finds the slot spans of one utterance, with offsets into `text` as given.
   * @throws {TypeError} when `text` is not a string
   * @throws {InferenceError} when ONNX Runtime fails, or the tagger was disposed
   */
  tag(text: string): Promise<TaggedSpan[]>;
  /** Releases the ONNX session; further `tag` calls reject. */
  dispose(): Promise<void>;
}

/**
 * Loads a slot tagger from bytes, a URL or (in Node) a path, after checking that it is a
 * well-formed Confidant tagger (metadata, shapes, checksum) and that it runs.
 *
 * @param source where the `.onnx` file is
 * @param options wasm URL, abort signal
 * @returns the tagger
 * @throws {ModelLoadError} naming the source, when the file is missing, corrupt, of the wrong shape or labels
 * @example
 * ```ts
 * const tagger = await loadSlotTagger('/models/slots-en-zh.onnx');
 * await tagger.tag('what is the weather in Paris'); // [{ entity: 'place', text: 'Paris', start: 23, end: 28, … }]
 * ```
 */
export async function loadSlotTagger(source: ModelSource, options: LoadSlotTaggerOptions = {}): Promise<SlotTagger> {
  const { bytes, name } = await readModelSource(source, options.signal === undefined ? {} : { signal: options.signal });
  const meta = readTaggerFile(bytes, name);
  const ort = await loadOrt(options.wasmUrl, name);
  if (options.signal?.aborted === true) throw abortReason(options.signal);
  const session = await createOrtSession(ort, bytes, name, 'tagger');
  const L = meta.labels.length;
  const K = featuresPerToken(meta.featurizer);
  const run = async (
    ids: Int32Array,
    tokens: number,
  ): Promise<{ emissions: Float32Array; transitions: Float32Array }> => {
    const out = await runAlone(() => session.run({ [TAGGER_INPUT]: int64Ids(ort, ids, [tokens, K]) }));
    const emissions = out[TAGGER_EMISSIONS]?.data;
    const transitions = out[TAGGER_TRANSITIONS]?.data;
    if (
      !(emissions instanceof Float32Array) ||
      emissions.length !== tokens * L ||
      !(transitions instanceof Float32Array) ||
      transitions.length !== (L + 2) * L
    )
      throw new InferenceError(`The tagger returned no "${TAGGER_EMISSIONS}" of ${tokens} × ${L} scores`);
    return { emissions, transitions };
  };
  // One run on the largest id checks that the graph is whole and its id table covers the id
  // space; the CRF table, a constant, is read from it once.
  let crf: CrfTransitions;
  try {
    const probe = await run(new Int32Array(K).fill(meta.featurizer.buckets - 1), 1);
    if (!probe.emissions.every(Number.isFinite) || !probe.transitions.every(Number.isFinite))
      throw new RangeError('non-finite output');
    crf = createTransitions(L);
    crf.trans.set(probe.transitions.subarray(0, L * L));
    crf.start.set(probe.transitions.subarray(L * L, L * L + L));
    crf.end.set(probe.transitions.subarray(L * L + L));
  } catch (cause) {
    await session.release().catch(() => undefined);
    throw new ModelLoadError('The tagger does not run as a Confidant slot tagger', name, { cause });
  }
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  return {
    info: {
      name: meta.name,
      version: meta.version,
      language: meta.language,
      entities: [...meta.entities],
      bytes: bytes.length,
    },
    metadata: meta,
    async tag(text) {
      if (typeof text !== 'string') throw new TypeError(`tag expects a string, got ${typeof text}`);
      if (disposed) throw new InferenceError('The tagger was disposed', { code: 'disposed' });
      const tokens = tokenizeWithOffsets(text, meta.featurizer.locale, meta.featurizer.maxChars);
      if (tokens.length === 0) return [];
      const ids = tokenFeatureIds(tokens, meta.featurizer);
      // ONNX Runtime Web runs one inference per session at a time: chain them.
      const job = queue.then(() => run(ids, tokens.length));
      queue = job.catch(() => undefined);
      let emissions: Float32Array;
      try {
        ({ emissions } = await job);
      } catch (cause) {
        throw cause instanceof ConfidantError ? cause : new InferenceError('ONNX Runtime failed to tag', { cause });
      }
      return decodeSpans(text, tokens, emissions, crf, meta.labels);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue;
      await session.release();
    },
  };
}
