/**
 * Reads the bytes of a model from wherever it comes from: bytes in memory, an http(s)/blob/data
 * URL (fetched with progress events), or, in Node only, a `file:` URL or a path.
 *
 * @module
 */
import type { ModelSource, ProgressEvent } from '../../engine/types.ts';
import { abortReason, ModelLoadError } from '../../errors.ts';

/** Options of {@link readModelSource}. */
export interface ReadModelOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

/** Bytes and a printable name of where they came from. */
export interface ModelBytes {
  bytes: Uint8Array;
  /** A URL, a path, or `bytes`. */
  name: string;
}

/** The subset of `node:fs/promises` used here, declared so `src/` needs no Node typings. */
interface NodeFs {
  readFile(path: string | URL): Promise<Uint8Array>;
}

const isNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';

/** Node's file reader, imported only when needed (a variable specifier keeps bundlers from following it). */
async function nodeFs(): Promise<NodeFs> {
  const specifier = 'node:fs/promises';
  // eslint-disable-next-line no-unsanitized/method -- a constant specifier, only hidden from bundlers
  return (await import(/* @vite-ignore */ specifier)) as NodeFs;
}

/**
 * Reads a model's bytes.
 * @param source bytes, a URL, or (Node) a path
 * @param options progress callback and abort signal
 * @returns the bytes and the source's name
 * @throws {ModelLoadError} when the source cannot be read (missing file, HTTP error, network failure)
 */
export async function readModelSource(source: ModelSource, options: ReadModelOptions = {}): Promise<ModelBytes> {
  if (source instanceof Uint8Array) return { bytes: source, name: 'bytes' };
  if (source instanceof ArrayBuffer) return { bytes: new Uint8Array(source), name: 'bytes' };
  if (typeof source !== 'string' && !(source instanceof URL)) {
    throw new TypeError('A model source must be a URL, a path, an ArrayBuffer or a Uint8Array');
  }
  const name = String(source);
  let url: URL | null = null;
  try {
    url = new URL(name);
  } catch {
    url = null; // a relative URL (browser) or a path (Node)
  }
  // A Windows path such as C:\m.onnx parses as a URL with scheme "c:": treat one-letter schemes as paths.
  if (url !== null && url.protocol.length === 2) url = null;
  const { onProgress, signal } = options;
  if (signal?.aborted === true) throw abortReason(signal);
  onProgress?.({ status: 'initiate', file: name });
  let bytes: Uint8Array;
  if ((url === null || url.protocol === 'file:') && isNode()) {
    try {
      bytes = await (await nodeFs()).readFile(url ?? name);
    } catch (cause) {
      throw new ModelLoadError('Cannot read the model file', name, { cause });
    }
    onProgress?.({ status: 'progress', file: name, loaded: bytes.length, total: bytes.length });
  } else {
    bytes = await fetchWithProgress(name, options);
  }
  onProgress?.({ status: 'done', file: name });
  return { bytes, name };
}

/** Options of {@link fetchWithProgress}. @internal */
export interface FetchOptions extends ReadModelOptions {
  /** The file's length in bytes, when known (the build bakes it in for what it ships): the progress total. */
  size?: number | undefined;
}

/**
 * What a response says its decoded body will add up to: its `Content-Length`, unless it has a
 * `Content-Encoding` (gzip, br): the length then counts the compressed bytes on the wire while the
 * body is read decoded, and the size is unknown (0).
 */
function declaredSize(response: Response): number {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding.toLowerCase() !== 'identity') return 0;
  return Number(response.headers.get('content-length') ?? 0) || 0;
}

/**
 * Downloads a file, reporting progress per chunk (`total` 0 while the size is unknown; the last
 * event has `loaded === total`); failures are `ModelLoadError`s naming the URL.
 * @param what how the messages name the file (`model`, `file`)
 * @internal
 */
export async function fetchWithProgress(
  name: string,
  { onProgress, signal, size }: FetchOptions,
  what = 'model',
): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await fetch(name, signal === undefined ? {} : { signal });
  } catch (cause) {
    if (signal?.aborted === true) throw abortReason(signal);
    throw new ModelLoadError(`Cannot fetch the ${what} (offline, or the server is unreachable)`, name, { cause });
  }
  if (!response.ok) throw new ModelLoadError(`Fetching the ${what} failed with HTTP ${response.status}`, name);
  let total = size ?? declaredSize(response);
  if (response.body === null) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      // More bytes than announced: the total was wrong (e.g. a host on another origin that compresses
      // without exposing Content-Encoding), so it is unknown from here on.
      if (loaded > total) total = 0;
      // "All in" is said once the body has ended (below): it may go on past the length it announced.
      if (loaded !== total) onProgress?.({ status: 'progress', file: name, loaded, total });
    }
  } catch (cause) {
    if (signal?.aborted === true) throw abortReason(signal);
    throw new ModelLoadError(`The ${what} download was interrupted`, name, { cause });
  }
  // All in: the size is known now, whatever was announced.
  onProgress?.({ status: 'progress', file: name, loaded, total: loaded });
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
