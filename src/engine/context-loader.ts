/**
 * How the engine loads its context model (issue 15): like the slot tagger (`tagger-loader.ts`),
 * through the verified offline cache when it comes from a URL, checked against a digest when one
 * is given, and refused when it was made for other features or commands than this dialogue layer
 * computes; errors name where it came from.
 *
 * @module
 */
import { loadContextModel, type ContextModel } from '../context/context-model.ts';
import { CONTEXT_SPEC } from '../context/dialogue-features.ts';
import { assetUrl, builtDigest } from './assets.ts';
import { loadEngineCompanion } from './model-loader.ts';
import type { ContextModelInfo, EngineOptions, ModelSource } from './types.ts';

/**
 * The context model a starting engine loads: the host's with its `contextModelSha256`, or the
 * bundled one with the digest the build baked in.
 * @internal
 */
export function startingContextModel(options: EngineOptions): { source: ModelSource; sha256: string | undefined } {
  if (options.contextModel !== undefined) return { source: options.contextModel, sha256: options.contextModelSha256 };
  return { source: assetUrl('assistant-context', options.assetUrls), sha256: builtDigest('assistant-context') };
}

/**
 * Loads a context model with the engine's verified wasm.
 * @param deferKeep takes the Cache Storage write of downloaded bytes instead of waiting for it
 * @throws {ModelLoadError} naming the model's URL (or `bytes`)
 * @internal
 */
export function loadEngineContextModel(
  source: ModelSource,
  options: EngineOptions,
  sha256?: string,
  deferKeep?: (write: Promise<void>) => void,
): Promise<ContextModel> {
  return loadEngineCompanion(
    source,
    options,
    sha256,
    (bytes, wasm) => loadContextModel(bytes, { expect: CONTEXT_SPEC, ...wasm }),
    deferKeep,
  );
}

/**
 * What a context model reports of itself. @internal
 * @param model a loaded context model
 */
export function contextModelInfo(model: ContextModel): ContextModelInfo {
  const { name, version, language } = model.metadata;
  return { name, version, language, bytes: model.bytes };
}
