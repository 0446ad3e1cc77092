/**
 * Verified, offline-capable loading of the engine's big assets (the intent model and ONNX Runtime's
 * `.wasm`): the bytes are kept in Cache Storage and checked against a SHA-256 digest before every
 * use, so the engine starts without the network after the first visit and never runs bytes that
 * were truncated on disk or swapped on the wire.
 *
 * Two strategies, picked by what is known about the bytes:
 * - **An expected digest** (baked in at build time for the default assets, or given by the host):
 *   the digest names the content, so a cached copy recorded under it is exactly what the network
 *   would send. Cache first, and the network is not touched (keyed by URL + digest). A copy
 *   recorded under another digest is a previous version: evicted and refetched.
 * - **No digest** (running from source, or a host URL without one): the URL is not versioned and
 *   nothing tells an update from tampering, so the network stays the authority (network first)
 *   and the cached copy — checked against the digest recorded when it was stored, i.e. of the
 *   first verified download of that content — is the fallback when the network is gone. The
 *   HTTP cache keeps that online path cheap (ETag → 304).
 *
 * One entry per URL, its digest in a response header: a new version replaces the old one instead
 * of piling up 14 MB copies. Where Cache Storage is absent (Node, plain-http pages) or refuses
 * (storage disabled, quota), loading falls through to a plain fetch or file read, verified the same way.
 *
 * @module
 */
import type { ProgressEvent } from './types.ts';
import { abortReason, ModelLoadError } from '../errors.ts';
import { downloadAsset, locateAsset, type Bytes } from './asset-download.ts';
import { builtSize } from './assets.ts';

/** The header of a cache entry that records the SHA-256 (hex) of its body. @internal */
export const DIGEST_HEADER = 'x-confidant-sha256';

/** The Cache Storage name the engine's assets live in. Bump the suffix if the entry format changes. */
export const DEFAULT_ASSET_CACHE = 'confidant-assets-v1';

/** The part of `Cache` used here (structural, so tests can pass an in-memory one). */
export interface AssetCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** The part of `CacheStorage` used here. */
export interface AssetCacheStorage {
  open(name: string): Promise<AssetCache>;
}

/** Options of {@link loadVerifiedAsset}. */
export interface VerifiedAssetOptions {
  /** Expected SHA-256 of the bytes, 64 hex digits. @default none: network first, recorded digest checked on cache reads */
  sha256?: string;
  /** The Cache Storage cache to keep the asset in. @default 'confidant-assets-v1' */
  cacheName?: string;
  /** Where to cache; `null` never caches. @default `globalThis.caches` where present */
  cacheStorage?: AssetCacheStorage | null;
  /** Cancels loading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives `initiate`, `progress` and `done` for the asset's URL (a cache hit reports one full `progress`). */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * The asset's length in bytes: the `total` of its `progress` events. A host that compresses sends the
   * compressed length, which the bytes read (decoded) outgrow.
   * @default the length the build baked in for `sha256`'s file, else the response's uncompressed `Content-Length`, else unknown (0)
   */
  size?: number;
  /**
   * Takes the write of a downloaded copy into Cache Storage instead of waiting for it: the verified bytes
   * are returned as soon as they are checked, and the caller awaits the write when it suits it (a cold
   * start compiles the wasm meanwhile; writing 14 MB takes 0.1 s or more). The write never rejects.
   * @default none: the write is awaited before the bytes are returned
   */
  deferKeep?: (write: Promise<void>) => void;
}

/** SHA-256 of `bytes` as 64 lowercase hex digits (WebCrypto: browsers, Workers, Node 20). */
export async function sha256Hex(bytes: Bytes): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Loads an asset's bytes, from Cache Storage when a verified copy is there, else from the network
 * (or, in Node, the file system), and keeps a verified copy for next time.
 *
 * @param url an absolute URL (http, https, blob, data; `file:` or a path in Node), or one relative to the page
 * @param options expected digest, cache, abort signal, progress callback
 * @returns the verified bytes
 * @throws {TypeError} synchronously, when `sha256` is not 64 hex digits
 * @throws {ModelLoadError} naming the URL (code `integrity`) when downloaded bytes do not match `sha256`, or when
 *   the asset can be read neither from the network nor from a verified cached copy
 * @example
 * ```ts
 * const wasm = await loadVerifiedAsset(wasmUrl, { sha256: 'e3b0c442…' });
 * ```
 */
export function loadVerifiedAsset(url: string | URL, options: VerifiedAssetOptions = {}): Promise<Bytes> {
  const { sha256 } = options;
  if (sha256 !== undefined && !(typeof sha256 === 'string' && /^[0-9a-f]{64}$/i.test(sha256))) {
    throw new TypeError(`The expected SHA-256 of ${String(url)} must be 64 hex digits, got ${JSON.stringify(sha256)}`);
  }
  return load(url, sha256?.toLowerCase(), options);
}

async function load(url: string | URL, expected: string | undefined, options: VerifiedAssetOptions): Promise<Bytes> {
  const { signal, onProgress } = options;
  // A function, not a narrowed property: the signal may fire during any of the awaits below.
  const aborted = (): boolean => signal?.aborted === true;
  if (aborted()) throw abortReason(signal!);
  const where = locateAsset(url);
  const { name } = where;
  onProgress?.({ status: 'initiate', file: name });
  const cache = await openCache(name, options);
  const finish = (bytes: Bytes, fromCache: boolean): Bytes => {
    if (aborted()) throw abortReason(signal!);
    if (fromCache) onProgress?.({ status: 'progress', file: name, loaded: bytes.length, total: bytes.length });
    onProgress?.({ status: 'done', file: name });
    return bytes;
  };

  if (cache !== undefined && expected !== undefined) {
    const cached = await readVerified(cache, name, expected);
    if (cached !== undefined) return finish(cached, true);
  }
  let bytes: Bytes;
  try {
    const size = options.size ?? (expected === undefined ? undefined : builtSize(expected));
    bytes = await downloadAsset(where, { ...options, size });
  } catch (error) {
    // Offline, the server down, or an HTTP error: a verified copy is as good as the network's.
    // (With an expected digest the cache was read first: a usable copy would have been used.)
    const cached =
      cache === undefined || expected !== undefined || aborted()
        ? undefined
        : await readVerified(cache, name, undefined);
    if (cached === undefined) throw error;
    return finish(cached, true);
  }
  const digest = await sha256Hex(bytes);
  if (expected !== undefined && digest !== expected) {
    throw new ModelLoadError(`The download does not match its SHA-256: expected ${expected}, got ${digest}`, name, {
      code: 'integrity',
    });
  }
  if (cache !== undefined) {
    const write = keep(cache, name, bytes, digest);
    if (options.deferKeep === undefined) await write;
    else options.deferKeep(write);
  }
  return finish(bytes, false);
}

/**
 * Records verified bytes with their digest, unless the same content is already kept: rewriting 14 MB
 * on every start would cost more than it protects. A kept copy that rotted on disk since is caught,
 * and evicted, whenever it is read.
 */
async function keep(cache: AssetCache, name: string, bytes: Bytes, digest: string): Promise<void> {
  try {
    if ((await cache.match(name))?.headers.get(DIGEST_HEADER) === digest) return;
    const headers = {
      [DIGEST_HEADER]: digest,
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
    };
    await cache.put(name, new Response(bytes, { headers }));
  } catch {
    // Quota exceeded or storage disabled: the asset still loads, it just will not be there offline.
  }
}

/**
 * Reads a cached copy and checks it: recorded under the expected digest (when one is given), and
 * its bytes hash to the recorded digest. A copy that fails either check is evicted.
 */
async function readVerified(cache: AssetCache, name: string, expected: string | undefined): Promise<Bytes | undefined> {
  try {
    const hit = await cache.match(name);
    if (hit === undefined) return undefined;
    const recorded = hit.headers.get(DIGEST_HEADER);
    const bytes =
      recorded === null || (expected !== undefined && recorded !== expected)
        ? undefined
        : new Uint8Array(await hit.arrayBuffer());
    if (bytes !== undefined && (await sha256Hex(bytes)) === recorded) return bytes;
    // A previous version, or bytes that changed on disk since they were verified: never use them.
    await cache.delete(name);
  } catch {
    // An unreadable cache is a miss: the network may still have the asset.
  }
  return undefined;
}

/** Opens the cache for an http(s) URL (the Cache API stores nothing else), or `undefined` when unavailable. */
async function openCache(name: string, options: VerifiedAssetOptions): Promise<AssetCache | undefined> {
  const storage =
    options.cacheStorage === undefined ? (globalThis as { caches?: AssetCacheStorage }).caches : options.cacheStorage;
  if (storage === undefined || storage === null || !/^https?:/i.test(name)) return undefined;
  try {
    return await storage.open(options.cacheName ?? DEFAULT_ASSET_CACHE);
  } catch {
    // e.g. SecurityError in an opaque-origin (sandboxed) frame: load without a cache.
    return undefined;
  }
}
