/**
 * ONNX Runtime's `.wasm` for the engine, once per realm: fetched through the verified asset cache
 * (`asset-cache.ts`) and handed to ONNX Runtime as checked bytes before its first session, so every
 * model the engine loads (the intent models, the context model, the slot tagger) waits for the same
 * one download and compile, and none of them can make ONNX Runtime fetch an unverified copy itself.
 *
 * The `.wasm` is handed over as `env.wasm.wasmBinary` rather than as a `blob:` URL in
 * `env.wasm.wasmPaths`: ONNX Runtime then compiles the bytes we verified without fetching
 * anything, so a host whose CSP has `connect-src 'self'` (which a `blob:` fetch would break) keeps
 * working, and no 14 MB blob copy has to be kept alive and revoked. The original URL is still
 * passed as `wasmUrl` by the loaders, so ORT falls back to fetching it should the binary not be used.
 *
 * @module
 */
import type { EngineOptions, ProgressEvent } from './types.ts';
import { loadVerifiedAsset } from './asset-cache.ts';
import { assetUrl, builtDigest } from './assets.ts';

/** What {@link prepareWasm} is told besides the engine options. @internal */
export interface PrepareWasmOptions {
  onProgress?: (event: ProgressEvent) => void;
  /** Takes the Cache Storage write of a downloaded copy instead of waiting for it (see `loadVerifiedAsset`). */
  deferKeep?: (write: Promise<void>) => void;
}

/** The verified bytes handed to ONNX Runtime, while they are: settled once per realm. */
let prepared: Promise<void> | undefined;
/** ONNX Runtime compiled the bytes: they are not needed again in this realm. */
let compiled = false;

/** ONNX Runtime's `.wasm` and its digest: the host's `wasmUrl`, else the shipped file; none in Node (its ORT finds its own). @internal */
export function wasmAsset(options: EngineOptions): { url: string | undefined; sha256: string | undefined } {
  if (options.wasmUrl !== undefined) return { url: options.wasmUrl, sha256: options.wasmSha256 };
  if (typeof (globalThis as { location?: unknown }).location === 'undefined')
    return { url: undefined, sha256: undefined };
  return { url: assetUrl('wasm', options.assetUrls), sha256: builtDigest('wasm') };
}

/**
 * Fetches (or reads from the cache) and verifies ONNX Runtime's `.wasm`, and hands the bytes to
 * ONNX Runtime for its first session. Called by every model load; the first call's options win, and
 * later calls wait for the same work (a failed one is tried again by the next call).
 * @throws {ModelLoadError} naming the wasm's URL when it cannot be loaded or does not match its digest
 * @internal
 */
export function prepareWasm(options: EngineOptions, { onProgress, deferKeep }: PrepareWasmOptions = {}): Promise<void> {
  if (compiled) return Promise.resolve();
  prepared ??= handOver(options, {
    ...(onProgress === undefined ? {} : { onProgress }),
    ...(deferKeep === undefined ? {} : { deferKeep }),
  }).catch((error: unknown) => {
    prepared = undefined;
    throw error;
  });
  return prepared;
}

async function handOver(options: EngineOptions, load: PrepareWasmOptions): Promise<void> {
  const { url, sha256 } = wasmAsset(options);
  if (url === undefined || !canCacheOrVerify(sha256)) return;
  const bytes = await loadVerifiedAsset(url, { ...load, ...(sha256 === undefined ? {} : { sha256 }) });
  const ort = await import('onnxruntime-web/wasm');
  // Its whole buffer when the bytes fill one: ONNX Runtime wraps an ArrayBuffer, but copies a Uint8Array (14 MB).
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (!compiled) ort.env.wasm.wasmBinary = whole ? bytes.buffer : bytes;
}

/**
 * Tells that a session was created: ONNX Runtime has compiled the wasm, so the 14 MB it was given
 * need not stay reachable from its `env`.
 * @internal
 */
export async function wasmCompiled(): Promise<void> {
  if (compiled || prepared === undefined) return;
  compiled = true;
  const ort = await import('onnxruntime-web/wasm');
  delete ort.env.wasm.wasmBinary;
}

/**
 * Fetching the wasm ourselves pays only when the copy can be kept in Cache Storage or a digest
 * must be checked; otherwise ONNX Runtime's own streaming fetch-and-compile is faster.
 */
function canCacheOrVerify(sha256: string | undefined): boolean {
  return sha256 !== undefined || typeof (globalThis as { caches?: unknown }).caches !== 'undefined';
}
