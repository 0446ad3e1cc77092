/**
 * Corpus → `.onnx` bytes in one call, with the whole `TrainProgressEvent` sequence
 * (`featurize`, `epoch`…, `calibrate`, `export`, `done`): what the engine's
 * `assistant.train(corpus)` runs in the Worker before swapping the model in — training a model of
 * the corpus's intents (`trainOnnxModel`) or extending a base model with them (`extendOnnxModel`).
 *
 * @module
 */
import { exportOnnx, metadataOf } from '../onnx/export.ts';
import { applyExtension, encodeExtension } from '../onnx/extension-file.ts';
import { modelInfoOf } from '../onnx/model-format.ts';
import { readBaseModel } from './extend/base-model.ts';
import { extendIntentModel, type ExtendOptions } from './extend/extend-model.ts';
import type { ExtensionReport } from './extend/extension-plan.ts';
import { readReplayPack, replayNegatives, type ReplayPack } from './extend/replay-pack.ts';
import { trainIntentModel, type TrainedModel, type TrainOptions } from './trainer.ts';
import type { Corpus, ModelInfo } from '../types.ts';

/** Options of {@link trainOnnxModel}: the trainer's, plus the export's. */
export interface TrainOnnxOptions extends TrainOptions {
  /** Store the embedding table as uint8. @default true */
  quantize?: boolean;
  /**
   * A replay pack (or its parsed JSON) whose utterances become out-of-scope examples (see
   * `replayNegatives`): the engine gives the bundled model's when training replaces it. @default none
   */
  negatives?: ReplayPack | unknown;
}

/** A trained and exported model. */
export interface TrainedOnnxModel {
  /** The `.onnx` file, ready for `loadIntentModel` or storage. */
  bytes: Uint8Array;
  /** What `loadIntentModel(bytes).info` will report. */
  info: ModelInfo;
  /** The in-memory model (weights, calibration, validation metrics). */
  model: TrainedModel;
}

/**
 * Trains on `corpus` and exports the model.
 * @param corpus the training corpus
 * @param options trainer options, `quantize`, `onProgress`, `signal`
 * @returns the model's bytes and info
 * @throws {CorpusError} when the corpus cannot be trained on
 * @throws {RangeError} on a nonsensical option
 * @example
 * ```ts
 * const { bytes, info } = await trainOnnxModel(corpus, { onProgress: (e) => console.log(e.status), signal });
 * ```
 */
export async function trainOnnxModel(corpus: Corpus, options: TrainOnnxOptions = {}): Promise<TrainedOnnxModel> {
  const quantize = options.quantize ?? true;
  const negatives =
    options.negatives === undefined
      ? []
      : replayNegatives(readReplayPack(options.negatives), new Set(corpus.train.map((e) => e.intent)));
  const model = await trainIntentModel(
    negatives.length === 0 ? corpus : { ...corpus, outOfScope: [...(corpus.outOfScope ?? []), ...negatives] },
    options,
  );
  const bytes = exportOnnx(model, { quantize });
  options.onProgress?.({ status: 'export', bytes: bytes.length });
  const meta = metadataOf(model, quantize);
  const info: ModelInfo = modelInfoOf(meta, bytes.length);
  options.onProgress?.({ status: 'done', model: info });
  return { bytes, info, model };
}

/** Options of {@link extendOnnxModel}: the extension's, plus the export's. */
export interface ExtendOnnxOptions extends ExtendOptions {
  /** Also write the extension file (the difference from the base, see `extension-file.ts`). @default false */
  extensionFile?: boolean;
}

/** An extended and exported model. */
export interface ExtendedOnnxModel extends TrainedOnnxModel {
  /** What the extension did to the labels, and its warnings. */
  report: ExtensionReport;
  /** The extension file, when asked for. */
  extension?: Uint8Array;
}

/**
 * Extends the model in `baseBytes` with the intents of `corpus` and exports the result, with the
 * base model's quantization (so its rows stay byte for byte): what `assistant.models.train` runs when
 * it extends, and `confidant train --extend`.
 * @param baseBytes the base model's `.onnx` file
 * @param corpus the corpus of new intents
 * @param replay the base model's replay pack (or its parsed JSON, checked here)
 * @param options extension options, `extensionFile`
 * @returns the model's bytes, info and the extension report
 * @throws {CorpusError} for an overlap without `override`, an unknown override, another language
 * @throws {ModelLoadError} when `baseBytes` is not a Confidant model
 */
export async function extendOnnxModel(
  baseBytes: Uint8Array,
  corpus: Corpus,
  replay: ReplayPack | unknown,
  options: ExtendOnnxOptions = {},
): Promise<ExtendedOnnxModel> {
  const base = readBaseModel(baseBytes);
  const { model, report } = await extendIntentModel(base, corpus, readReplayPack(replay), options);
  const quantize = base.quantization !== undefined;
  const bytes = exportOnnx(model, {
    quantize,
    ...(base.quantization === undefined ? {} : { quantization: base.quantization }),
  });
  options.onProgress?.({ status: 'export', bytes: bytes.length });
  const info: ModelInfo = modelInfoOf(metadataOf(model, quantize), bytes.length);
  options.onProgress?.({ status: 'done', model: info });
  return {
    bytes,
    info,
    model,
    report,
    ...(options.extensionFile === true ? { extension: encodeExtension(model, base) } : {}),
  };
}

/**
 * The model an extension file describes: its base with the extension applied (see
 * `extension-file.ts`). Here, in the trainer's chunk, because the Worker loads training-time code
 * (the ONNX writer) only through this module, and only when it meets an extension file.
 * @param baseBytes the base model the extension was made for
 * @param extension the extension file
 * @param source how errors name the extension
 * @returns the extended model's `.onnx` bytes
 * @throws {ModelLoadError} naming `source` when it was made for another base, or is malformed
 */
export function modelOfExtension(baseBytes: Uint8Array, extension: Uint8Array, source: string): Uint8Array {
  return applyExtension(baseBytes, extension, source);
}
