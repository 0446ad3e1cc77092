/**
 * Corpus → `.onnx` bytes in one call, with the whole `TrainProgressEvent` sequence
 * (`featurize`, `epoch`…, `calibrate`, `export`, `done`): what the engine's
 * `assistant.train(corpus)` runs in the Worker before swapping the model in.
 *
 * @module
 */
import { exportOnnx, metadataOf } from '../onnx/export.ts';
import { modelInfoOf } from '../onnx/model-format.ts';
import { trainIntentModel, type TrainedModel, type TrainOptions } from './trainer.ts';
import type { Corpus, ModelInfo } from '../types.ts';

/** Options of {@link trainOnnxModel}: the trainer's, plus the export's. */
export interface TrainOnnxOptions extends TrainOptions {
  /** Store the embedding table as uint8. @default true */
  quantize?: boolean;
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
  const model = await trainIntentModel(corpus, options);
  const bytes = exportOnnx(model, { quantize });
  options.onProgress?.({ status: 'export', bytes: bytes.length });
  const meta = metadataOf(model, quantize);
  const info: ModelInfo = modelInfoOf(meta, bytes.length);
  options.onProgress?.({ status: 'done', model: info });
  return { bytes, info, model };
}
