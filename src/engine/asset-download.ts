/**
 * The network (or file-system) half of `asset-cache.ts`: where an asset is, and reading its bytes
 * with progress events. It knows nothing of caching or digests.
 *
 * @module
 */
import { fetchWithProgress } from '../nlu/runtime/model-source.ts';
import type { ProgressEvent } from './types.ts';
import { ModelLoadError } from '../errors.ts';

/** Bytes backed by a plain `ArrayBuffer` (what WebCrypto, `Response` and ONNX Runtime accept). @internal */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Where an asset is: `name` is the absolute URL (or the path); `file` is set when Node reads it from disk. @internal */
export interface AssetLocation {
  name: string;
  file: string | URL | undefined;
}

/** The subset of `node:fs/promises` used here, declared so `src/` needs no Node typings. */
interface NodeFs {
  readFile(path: string | URL): Promise<Uint8Array>;
}

const isNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';

/**
 * Resolves an asset's URL: absolute as given, relative to the page (or Worker) in a browser; in
 * Node a `file:` URL or anything that is not a URL is a file.
 * @internal
 */
export function locateAsset(url: string | URL): AssetLocation {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url, base);
  } catch {
    parsed = undefined; // a path (Node)
  }
  // A Windows path such as C:\m.onnx parses as a URL with the scheme "c:".
  if (parsed !== undefined && parsed.protocol.length === 2) parsed = undefined;
  if (isNode() && (parsed === undefined || parsed.protocol === 'file:'))
    return { name: String(url), file: parsed ?? String(url) };
  if (parsed === undefined) throw new TypeError(`Not a URL: ${String(url)}`);
  return { name: parsed.href, file: undefined };
}

/**
 * Reads an asset's bytes, reporting `progress` events as they arrive.
 * @throws {ModelLoadError} naming the asset on a network failure, an HTTP error or a missing file
 * @internal
 */
export async function downloadAsset(
  { name, file }: AssetLocation,
  {
    signal,
    onProgress,
    size,
  }: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void; size?: number | undefined },
): Promise<Bytes> {
  if (file !== undefined) {
    let bytes: Uint8Array;
    try {
      const specifier = 'node:fs/promises'; // a variable specifier keeps bundlers from following it
      // eslint-disable-next-line no-unsanitized/method -- a constant specifier, only hidden from bundlers
      bytes = await ((await import(/* @vite-ignore */ specifier)) as NodeFs).readFile(file);
    } catch (cause) {
      throw new ModelLoadError('Cannot read the file', name, { cause });
    }
    onProgress?.({ status: 'progress', file: name, loaded: bytes.length, total: bytes.length });
    return new Uint8Array(bytes);
  }
  return fetchWithProgress(
    name,
    { ...(onProgress === undefined ? {} : { onProgress }), ...(signal === undefined ? {} : { signal }), size },
    'file',
  );
}
