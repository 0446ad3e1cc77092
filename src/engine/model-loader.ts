/**
 * How the engine loads an intent model so that it starts offline after the first visit: the model
 * (when it comes from a URL) goes through the verified asset cache (`asset-cache.ts`) while
 * ONNX Runtime's `.wasm` is prepared the same way (`ort-wasm.ts`), and both reach ONNX Runtime as
 * checked bytes.
 *
 * @module
 */
import type { EngineOptions, ModelSource, ProgressEvent } from './types.ts';
import { ModelLoadError } from '../errors.ts';
import { loadIntentModel, type IntentModel } from '../nlu/runtime/intent-model.ts';
import { readMetadataProps } from '../nlu/onnx/onnx-reader.ts';
import { EXTENDS_KEY } from '../nlu/onnx/model-format.ts';
import { routeByLanguage } from '../nlu/runtime/language-router.ts';
import { loadVerifiedAsset, sha256Hex } from './asset-cache.ts';
import type { Bytes } from './asset-download.ts';
import { assetUrl, builtDigest, DEFAULT_MODEL_ASSET } from './assets.ts';
import { prepareWasm, wasmAsset, wasmCompiled } from './ort-wasm.ts';

/** What {@link loadEngineModel} is told besides the engine options. @internal */
export interface LoadEngineModelOptions {
  onProgress?: (event: ProgressEvent) => void;
  /** The digest the model's bytes must have. @default none (the stored or trained model, or a URL without one) */
  sha256?: string | undefined;
  /** Called when the file was an extension, applied to the bundled model. */
  onExtension?: () => void;
  /** Takes the Cache Storage write of a downloaded model instead of waiting for it (see `loadVerifiedAsset`). */
  deferKeep?: (write: Promise<void>) => void;
}

/**
 * The model a starting engine loads, with the digest that applies: the host's model and its
 * `modelSha256`, or the bundled model and the digest the build baked in.
 * @internal
 */
export function startingModel(options: EngineOptions): { source: ModelSource; sha256: string | undefined } {
  if (options.model !== undefined) return { source: options.model, sha256: options.modelSha256 };
  return { source: assetUrl(DEFAULT_MODEL_ASSET, options.assetUrls), sha256: builtDigest(DEFAULT_MODEL_ASSET) };
}

/**
 * Loads an intent model with the engine's wasm, through the verified asset cache.
 * @throws {ModelLoadError} naming the model's (or the wasm's) URL
 * @internal
 */
export async function loadEngineModel(
  source: ModelSource,
  options: EngineOptions,
  { onProgress, sha256, onExtension, deferKeep }: LoadEngineModelOptions = {},
): Promise<IntentModel> {
  const wasmUrl = wasmAsset(options).url;
  const progress = onProgress === undefined ? {} : { onProgress };
  const name = source instanceof Uint8Array || source instanceof ArrayBuffer ? 'bytes' : String(source);
  const [model, wasm] = await Promise.allSettled([
    modelBytes(source, {
      ...progress,
      ...(sha256 === undefined ? {} : { sha256 }),
      ...(deferKeep === undefined ? {} : { deferKeep }),
    }),
    prepareWasm(options, progress),
  ]);
  if (model.status === 'rejected') throw model.reason;
  if (wasm.status === 'rejected') throw wasm.reason;
  const modelFile = await withExtensionApplied(model.value, name, options);
  if (modelFile !== model.value) onExtension?.();
  try {
    const loaded = await loadIntentModel(modelFile, wasmUrl === undefined ? {} : { wasmUrl });
    await wasmCompiled();
    // The bundled English model comes with the bundled Chinese one, chosen per utterance by
    // language and fetched (through the same verified cache) on the first Chinese utterance.
    // An extension of the bundled English model (e.g. the demo's) keeps the Chinese model too.
    const bundled = String(source) === assetUrl(DEFAULT_MODEL_ASSET, options.assetUrls);
    if (!bundled && modelFile === model.value) return loaded;
    const zhSha256 = builtDigest('assistant-zh');
    return routeByLanguage({
      en: loaded,
      zh: () =>
        loadEngineModel(
          assetUrl('assistant-zh', options.assetUrls),
          options,
          zhSha256 === undefined ? {} : { sha256: zhSha256 },
        ),
    });
  } catch (error) {
    throw renamed(error, name);
  }
}

/**
 * An extension file (`confidant train --extend … --extension-file`, a few hundred kilobytes) is
 * applied to the bundled model it was made for; any other model file is returned as it is.
 * @throws {ModelLoadError} naming the file when it was made for another model
 */
async function withExtensionApplied(bytes: Uint8Array, name: string, options: EngineOptions): Promise<Uint8Array> {
  let metadata: Map<string, string>;
  try {
    metadata = readMetadataProps(bytes);
  } catch {
    return bytes; // not a protobuf: loadIntentModel says so, naming the file
  }
  if (!metadata.has(EXTENDS_KEY)) return bytes;
  const { model: _own, ...bundled } = options;
  const base = startingModel(bundled);
  const [baseBytes, trainer] = await Promise.all([
    modelBytes(base.source, base.sha256 === undefined ? {} : { sha256: base.sha256 }),
    import('../nlu/training/train-model.ts'),
  ]);
  return trainer.modelOfExtension(new Uint8Array(baseBytes), bytes, name);
}

/** The model's bytes: fetched (and cached) from a URL, or as given, checked against `sha256` either way. @internal */
export async function modelBytes(
  source: ModelSource,
  options: { sha256?: string; onProgress?: (event: ProgressEvent) => void; deferKeep?: (write: Promise<void>) => void },
): Promise<Bytes | Uint8Array> {
  if (!(source instanceof Uint8Array || source instanceof ArrayBuffer)) return loadVerifiedAsset(source, options);
  const bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : source;
  if (options.sha256 === undefined) return bytes;
  if (!/^[0-9a-f]{64}$/i.test(options.sha256))
    throw new TypeError(`modelSha256 must be 64 hex digits, got ${JSON.stringify(options.sha256)}`);
  if ((await sha256Hex(new Uint8Array(bytes))) !== options.sha256.toLowerCase()) {
    throw new ModelLoadError(`The model bytes do not match modelSha256 ${options.sha256}`, 'bytes', {
      code: 'integrity',
    });
  }
  return bytes;
}

/** `loadIntentModel` got bytes, so its errors say `bytes`: name where they came from instead. @internal */
export function renamed(error: unknown, name: string): unknown {
  if (!(error instanceof ModelLoadError) || error.source !== 'bytes' || name === 'bytes') return error;
  const suffix = ' (model: bytes)';
  const message = error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
  return new ModelLoadError(message, name, { cause: error.cause ?? error, code: error.code });
}

/**
 * Loads a second model (the context model, the slot tagger) with the engine's verified wasm
 * (`ort-wasm.ts`): its bytes through the verified offline cache (or as given), checked against
 * `sha256` when one is given, errors naming where it came from.
 * @param load makes the model from its bytes with the wasm at that URL
 * @param deferKeep takes the Cache Storage write of downloaded bytes instead of waiting for it
 * @throws {ModelLoadError} naming the source (its URL, or `bytes`)
 * @internal
 */
export async function loadEngineCompanion<T>(
  source: ModelSource,
  options: EngineOptions,
  sha256: string | undefined,
  load: (bytes: Uint8Array, wasm: { wasmUrl?: string }) => Promise<T>,
  deferKeep?: (write: Promise<void>) => void,
): Promise<T> {
  const name = source instanceof Uint8Array || source instanceof ArrayBuffer ? 'bytes' : String(source);
  const wasmUrl = wasmAsset(options).url;
  try {
    // Its bytes download while the wasm does; the session waits for the verified wasm.
    const [bytes] = await Promise.all([
      modelBytes(source, {
        ...(sha256 === undefined ? {} : { sha256 }),
        ...(deferKeep === undefined ? {} : { deferKeep }),
      }),
      prepareWasm(options),
    ]);
    const loaded = await load(bytes, wasmUrl === undefined ? {} : { wasmUrl });
    await wasmCompiled();
    return loaded;
  } catch (error) {
    throw renamed(error, name);
  }
}
