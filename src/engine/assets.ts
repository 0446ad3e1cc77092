/**
 * Where the engine finds its default assets, and what their bytes must hash to. The build rewrites
 * these `new URL(…, import.meta.url)` literals to the files it copies next to the bundle
 * (`dist/models/…`, `dist/ort-wasm-simd-threaded.wasm`), so the same code finds them in development
 * (served from the repo) and from `dist/`, always on our own origin — never a CDN. It also bakes in
 * the SHA-256 of those same files (the `bakeAssetDigests` plugin of rollup.config.mjs), which lets
 * the engine use its cached copies without asking the network (see `asset-cache.ts`).
 * @internal
 */

/** The bundled default intent model. @internal */
export function defaultModelUrl(): URL {
  return new URL('../../models/assistant-en.onnx', import.meta.url);
}

/** The bundled default slot tagger (places, list items, reminder tasks, words, names; English and Chinese). @internal */
export function defaultSlotTaggerUrl(): URL {
  return new URL('../../models/slots-default.onnx', import.meta.url);
}

/** SHA-256 (hex) of the default slot tagger, baked in by the build. @internal */
export const DEFAULT_SLOT_TAGGER_SHA256: string | undefined = /* @build-sha256 models/slots-default.onnx */ undefined;

/** ONNX Runtime's WebAssembly binary, or `undefined` outside a browser (Node's ORT finds its own). @internal */
export function defaultWasmUrl(): string | undefined {
  if (typeof (globalThis as { location?: unknown }).location === 'undefined') return undefined;
  return new URL('../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', import.meta.url).href;
}

/**
 * SHA-256 (hex) of the default model, baked in by the build; `undefined` when running from source,
 * where the file changes as it is retrained (the engine then records the digest it first verified).
 * @internal
 */
export const DEFAULT_MODEL_SHA256: string | undefined = /* @build-sha256 models/assistant-en.onnx */ undefined;

/** SHA-256 (hex) of ONNX Runtime's `.wasm`, baked in by the build; `undefined` when running from source. @internal */
export const DEFAULT_WASM_SHA256: string | undefined =
  /* @build-sha256 node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm */ undefined;
