/**
 * `ctx.fetch` for a skill whose code runs where it cannot reach the network itself (a third-party
 * skill in its sandbox Worker, under `connect-src 'none'`): the remote side sends the request as
 * data over its channel, and the host runs it with the call's own scoped fetch, so the declared
 * origins, the redirect checks and the call's signal apply exactly as for any other skill. The
 * answer goes back as data too, its body read up to a cap.
 *
 * @module
 */
import type { ScopedFetch } from './scoped-fetch.ts';
import { readCapped } from './read-capped.ts';

/** A request, as the remote side sends it (structured-cloneable). */
export interface RemoteFetchRequest {
  /** Absolute URL; its origin must be one the skill declared and was granted. */
  url: string;
  method: string;
  headers: [name: string, value: string][];
  /** `null` for GET and HEAD. */
  body: ArrayBuffer | null;
}

/** The response, as the host sends it back. */
export interface RemoteFetchResponse {
  status: number;
  statusText: string;
  headers: [name: string, value: string][];
  /** The final URL (after the redirects the scoped fetch allowed). */
  url: string;
  redirected: boolean;
  body: ArrayBuffer;
}

/** The largest request or response body that crosses the channel. */
export const MAX_REMOTE_FETCH_BYTES = 4 * 1024 * 1024;
const MAX_URL = 8192;
const MAX_HEADERS = 100;
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/;

const isPair = (h: unknown): h is [string, string] =>
  Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string';

/**
 * Checks a request that came over a channel (anything could have been sent).
 * @throws {TypeError} for anything that is not a well-formed request, as `fetch` would
 */
function checkRequest(raw: unknown): RemoteFetchRequest {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('fetch: not a request');
  const { url, method, headers, body } = raw as Record<string, unknown>;
  if (typeof url !== 'string' || url.length > MAX_URL) throw new TypeError('fetch: the URL must be a string');
  if (typeof method !== 'string' || !METHOD.test(method)) throw new TypeError('fetch: bad method');
  if (!Array.isArray(headers) || headers.length > MAX_HEADERS || !headers.every(isPair))
    throw new TypeError('fetch: headers must be [name, value] pairs');
  if (body !== null && !(body instanceof ArrayBuffer)) throw new TypeError('fetch: the body must be bytes');
  if (body !== null && body.byteLength > MAX_REMOTE_FETCH_BYTES)
    throw new TypeError(`fetch: a body may be at most ${MAX_REMOTE_FETCH_BYTES} bytes`);
  return { url, method, headers, body };
}

/**
 * Runs one request from the remote side.
 *
 * @param fetch the call's `ctx.fetch` (scoped to its declared, granted origins)
 * @param raw the request as received
 * @param skillId named in errors
 * @returns the response with its body read (up to {@link MAX_REMOTE_FETCH_BYTES})
 * @throws {TypeError} for a malformed request, or a network error
 * @throws {PermissionError} for an undeclared origin or redirect, before anything is sent there
 * @throws {SkillError} code `too-large` for a response over the cap
 * @internal
 */
export async function serveRemoteFetch(
  fetch: ScopedFetch,
  raw: unknown,
  skillId: string,
): Promise<RemoteFetchResponse> {
  const request = checkRequest(raw);
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === null ? {} : { body: request.body }),
  });
  const bytes = await readCapped(response, MAX_REMOTE_FETCH_BYTES, skillId);
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    url: response.url,
    redirected: response.redirected,
    body: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}
