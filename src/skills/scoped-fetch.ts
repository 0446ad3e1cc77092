/**
 * `ctx.fetch`: a `fetch` that reaches only a skill's declared origins, sends no cookies or other
 * ambient credentials, and checks every redirect hop before following it.
 *
 * Redirects are followed hop by hop where the platform lets us read where they go:
 * - **Node, Deno, server runtimes**: `redirect: 'manual'` shows the 3xx response, so each
 *   `Location` is checked against the declared origins before it is requested.
 * - **Browsers, same origin** (the page's or the Worker's own origin, when the skill declared
 *   it): a manual redirect is an opaque response there, so the request is sent with
 *   `mode: 'same-origin'` and `redirect: 'follow'`; the Fetch standard then refuses any hop to
 *   another origin before requesting it (a network error, a `TypeError` like any other), and
 *   the final URL is checked again.
 * - **Browsers, another origin**: the browser hides the `Location` of a manual redirect
 *   (`opaqueredirect`), so the hop cannot be checked and is refused with a `PermissionError`
 *   (code `redirect`); the first request was sent, the redirect target never is. This is the
 *   documented limit: a skill's API should answer without redirecting. (A skill in the sandboxed
 *   iframe also gets the browser's own per-hop CSP check.)
 *
 * @module
 */
import { PermissionError } from '../errors.ts';
import { checkRequestUrl } from './origins.ts';

/** A fetch limited to declared origins. */
export type ScopedFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Options of {@link createScopedFetch}. */
export interface ScopedFetchOptions {
  /** The skill, named in errors. */
  skillId: string;
  /** Canonical origins (from `normalizeDeclaredOrigin`). */
  origins: readonly string[];
  /** The underlying fetch. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Aborts every request (the invocation's signal). */
  signal?: AbortSignal;
  /** Redirect hops followed before giving up. @default 5 */
  maxRedirects?: number;
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * The origin of the browser context running this code (a page or a Worker), where manual
 * redirects are opaque; `undefined` in Node and other runtimes that show them.
 */
function ownOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  // Node 20 has no `location`; Deno may have one, but shows manual redirects: `opaqueredirect` is browser-only.
  const origin = typeof location?.origin === 'string' ? location.origin : undefined;
  return origin === 'null' ? undefined : origin;
}

/**
 * Creates a fetch that only reaches `options.origins`.
 *
 * @returns a function with `fetch`'s shape that rejects with `PermissionError` (code
 *   `undeclared-origin`, `bad-url` or `redirect`) before anything is sent to an undeclared origin
 * @example
 * ```ts
 * const f = createScopedFetch({ skillId: 'acme.orders', origins: ['https://api.acme.com'] });
 * await f('https://api.acme.com/orders/42');   // allowed
 * await f('https://evil.example/');            // PermissionError, nothing sent
 * ```
 */
export function createScopedFetch(options: ScopedFetchOptions): ScopedFetch {
  const { skillId, signal } = options;
  const allowed: ReadonlySet<string> = new Set(options.origins);
  const maxRedirects = options.maxRedirects ?? 5;
  const base = options.fetch ?? globalThis.fetch.bind(globalThis);

  return async (input, init = {}) => {
    let url = checkRequestUrl(input, allowed, skillId);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body ?? null;
    const headers = new Headers(init.headers);
    const signals = [init.signal, signal].filter((s): s is AbortSignal => s instanceof AbortSignal);
    const combined = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);

    if (url.origin === ownOrigin()) {
      // A browser context's own origin: the platform keeps every hop on it (see the module comment).
      const response = await base(url.href, {
        ...init,
        method,
        headers,
        body,
        mode: 'same-origin',
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        ...(combined === undefined ? {} : { signal: combined }),
      });
      if (response.url !== '') checkRequestUrl(response.url, allowed, skillId);
      return response;
    }

    for (let hop = 0; ; hop++) {
      const response = await base(url.href, {
        ...init,
        method,
        headers: new Headers(headers),
        body,
        // No cookies or HTTP auth of the page's origin, and no Referer leaking the host page.
        credentials: 'omit',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
        ...(combined === undefined ? {} : { signal: combined }),
      });
      if (response.type === 'opaqueredirect') {
        throw new PermissionError(
          `Skill ${skillId}: ${url.origin} redirected, and a browser hides where to for another origin: the hop was not followed`,
          { code: 'redirect' },
        );
      }
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects) throw new PermissionError(`Skill ${skillId}: too many redirects`, { code: 'redirect' });
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new PermissionError(`Skill ${skillId}: a redirect pointed to an invalid URL`, { code: 'redirect' });
      }
      // Throws before the hop is requested when the target is not a declared origin.
      next = checkRequestUrl(next, allowed, skillId);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = null;
        headers.delete('content-type');
      } else if (body instanceof ReadableStream) {
        throw new PermissionError(`Skill ${skillId}: a streamed body cannot be replayed on a redirect`, {
          code: 'redirect',
        });
      }
      // As the Fetch standard does: credentials the skill set do not follow it to another origin.
      if (next.origin !== url.origin) headers.delete('authorization');
      url = next;
    }
  };
}
