/**
 * How the engine loads its slot tagger: like the intent model (`model-loader.ts`), through the
 * verified offline cache when it comes from a URL, checked against a digest when one is given,
 * and with errors naming where it came from.
 *
 * @module
 */
import { loadSlotTagger, type SlotTagger } from '../nlu/tagger/slot-tagger.ts';
import { assetUrl, builtDigest } from './assets.ts';
import { loadEngineCompanion } from './model-loader.ts';
import type { EngineOptions, ModelSource } from './types.ts';

/**
 * The tagger a starting engine loads: the host's, none (`slotTagger: false`), or the bundled one.
 * @internal
 */
export function startingTagger(
  options: EngineOptions,
): { source: ModelSource; sha256: string | undefined } | undefined {
  if (options.slotTagger === false) return undefined;
  if (options.slotTagger !== undefined) return { source: options.slotTagger, sha256: options.slotTaggerSha256 };
  return { source: assetUrl('slots-default', options.assetUrls), sha256: builtDigest('slots-default') };
}

/**
 * Loads a slot tagger with the engine's verified wasm.
 * @param deferKeep takes the Cache Storage write of downloaded bytes instead of waiting for it
 * @throws {ModelLoadError} naming the tagger's URL (or `bytes`)
 * @internal
 */
export function loadEngineTagger(
  source: ModelSource,
  options: EngineOptions,
  sha256?: string,
  deferKeep?: (write: Promise<void>) => void,
): Promise<SlotTagger> {
  return loadEngineCompanion(source, options, sha256, loadSlotTagger, deferKeep);
}
