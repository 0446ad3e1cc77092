/**
 * The files the engine needs at run time, in one table: the engine Worker, ONNX Runtime's `.wasm`
 * and the models. Each is referenced with a literal `new URL('./file', import.meta.url)` — the one
 * pattern Vite, webpack 5 and Rollup all recognise — so an app's bundler copies the file and
 * rewrites the URL with no configuration, and the script-tag build finds it next to itself.
 *
 * In the sources the literals point into the repository (`../../models/…`); the build rewrites
 * them to where `dist/` keeps the files (`./models/…`, see `distAssetUrls` in rollup.config.mjs),
 * and bakes in the SHA-256 of every file it ships (`bakeAssetDigests`), which lets the engine use
 * its cached copies without asking the network (see `asset-cache.ts`).
 *
 * The URLs are resolved on the page (`resolveAssetUrls`), where the bundler rewrote them, and handed
 * to the engine: a Worker the bundler copied as an opaque file cannot know where its neighbours went.
 * Adding a model is one line in `engineAssets`.
 * @internal
 */

/** One shipped file: its path inside the package's `dist/` and its URL next to this module. @internal */
export interface EngineAsset {
  /** Where the file sits in `dist/`, and so under `assetsBase`. */
  readonly file: string;
  /** The file next to this module (a literal `new URL`, which bundlers rewrite). */
  readonly here: () => URL;
}

/** A model shipped in `dist/models/`: one line per model below. */
const onnx = (name: string, here: () => URL): EngineAsset => ({ file: `models/${name}.onnx`, here });

/** Every file the engine may load, by name. @internal */
export const engineAssets = {
  worker: { file: 'confidant-worker.js', here: () => new URL('../../worker/engine-worker.ts', import.meta.url) },
  wasm: {
    file: 'ort-wasm-simd-threaded.wasm',
    here: () => new URL('../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', import.meta.url),
  },
  // What only training needs (the trainer, the ONNX writer, the corpus parsers): the Worker loads it on the
  // first `models.train` (in the sources, the module it is built from).
  train: { file: 'confidant-train.js', here: () => new URL('../nlu/training/train-model.ts', import.meta.url) },
  'assistant-en': onnx('assistant-en', () => new URL('../../models/assistant-en.onnx', import.meta.url)),
  // The Chinese intent model, fetched on the first Chinese utterance (see `routeByLanguage`).
  'assistant-zh': onnx('assistant-zh', () => new URL('../../models/assistant-zh.onnx', import.meta.url)),
  // The slot tagger (places, list items, reminder tasks, words, names; English and Chinese).
  'slots-default': onnx('slots-default', () => new URL('../../models/slots-default.onnx', import.meta.url)),
  // The context model: how each turn relates to the conversation (issue 15).
  'assistant-context': onnx('assistant-context', () => new URL('../../models/assistant-context.onnx', import.meta.url)),
  // The default model's replay pack (a sample of its training text, CC BY 3.0, see models/assistant-en.md):
  // fetched only when a corpus extends the default model.
  'assistant-en-replay': {
    file: 'models/assistant-en.replay.json',
    here: () => new URL('../../models/assistant-en.replay.json', import.meta.url),
  },
} as const satisfies Record<string, EngineAsset>;

/** The name of a shipped file. @internal */
export type EngineAssetName = keyof typeof engineAssets;

/** The absolute URL of every shipped file, as the page resolved them. @internal */
export type AssetUrls = Record<EngineAssetName, string>;

/**
 * Tells the built Worker where its trainer chunk is (see `relocatableWorkerChunks` in rollup.config.mjs):
 * an app's bundler may have moved and renamed it. Nothing reads it in the sources.
 * @internal
 */
export function locateTrainer(resolved: Partial<AssetUrls> | undefined): void {
  if (resolved?.train !== undefined)
    (globalThis as { __confidantTrainerUrl?: string }).__confidantTrainerUrl = resolved.train;
}

/** The model the engine starts with when the host names none. @internal */
export const DEFAULT_MODEL_ASSET = 'assistant-en' satisfies EngineAssetName;

/**
 * SHA-256 (hex) of every file the build ships, by its path in `dist/`; empty when running from
 * source, where the files change as they are rebuilt (the engine then records the digest it first
 * verified).
 * @internal
 */
export const BUILT_DIGESTS: Readonly<Record<string, string>> = /* @build-asset-digests */ {};

/**
 * The length in bytes of every file the build ships, by its SHA-256 (hex): the total of its download
 * progress. A host that compresses (as it should, README "Serving it") sends a `Content-Length` of the
 * compressed bytes while the body is read decoded, so the response cannot tell it. Empty when running
 * from source, as {@link BUILT_DIGESTS} is.
 * @internal
 */
export const BUILT_SIZES: Readonly<Record<string, number>> = /* @build-asset-sizes */ {};

/**
 * Resolves every shipped file's URL: under `assetsBase` when the host serves them elsewhere, else
 * next to this module (where the app's bundler or the script tag put them).
 * @param assetsBase a folder URL (absolute, or relative to the page) holding the files as laid out in `dist/`
 * @internal
 */
export function resolveAssetUrls(assetsBase?: string): AssetUrls {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  // A base without its trailing slash would drop its last folder when joined.
  const base = assetsBase === undefined ? undefined : new URL(assetsBase.replace(/\/?$/, '/'), page);
  const entries = Object.entries(engineAssets) as [EngineAssetName, EngineAsset][];
  return Object.fromEntries(
    entries.map(([name, asset]) => [name, (base === undefined ? asset.here() : new URL(asset.file, base)).href]),
  ) as AssetUrls;
}

/**
 * The URL of one shipped file for the engine: the page's resolution handed over in the options,
 * else this module's own (a Worker started by the host, Node).
 * @internal
 */
export function assetUrl(name: EngineAssetName, resolved: Partial<AssetUrls> | undefined): string {
  return resolved?.[name] ?? engineAssets[name].here().href;
}

/** The length the build baked in for the file of this SHA-256 (hex), if it ships one. @internal */
export function builtSize(sha256: string): number | undefined {
  return BUILT_SIZES[sha256];
}

/** The digest the build baked in for a shipped file, if any. @internal */
export function builtDigest(name: EngineAssetName): string | undefined {
  return BUILT_DIGESTS[engineAssets[name].file];
}
