/**
 * Where the engine finds its default assets. The build rewrites these `new URL(…, import.meta.url)`
 * literals to the files it copies next to the bundle (`dist/models/…`, `dist/ort-wasm-simd-threaded.wasm`),
 * so the same code finds them in development (served from the repo) and from `dist/`, always on our
 * own origin — never a CDN.
 * @internal
 */

/** The bundled default intent model. @internal */
export function defaultModelUrl(): URL {
  return new URL('../../models/assistant-en.onnx', import.meta.url);
}

/** ONNX Runtime's WebAssembly binary, or `undefined` outside a browser (Node's ORT finds its own). @internal */
export function defaultWasmUrl(): string | undefined {
  if (typeof (globalThis as { location?: unknown }).location === 'undefined') return undefined;
  return new URL('../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', import.meta.url).href;
}
