/**
 * Confidant's optional service worker (`dist/confidant-sw.js`): a host serves it from its own origin
 * so that the whole page — not only the assistant — loads without the network after a first visit.
 * Register it with `registerOfflineSupport()` (./register.ts) or directly:
 *
 * ```js
 * navigator.serviceWorker.register('/confidant-sw.js?precache=/&precache=/app.css');
 * ```
 *
 * Query parameters of its own URL configure it, so a change of configuration is a new script URL
 * and therefore a proper service-worker update:
 * - `precache` (repeatable): the host's page shell, fetched at install; the install fails if one fails.
 * - `library`: the directory of Confidant's `confidant.iife.js`, `confidant-worker.js`, `confidant-train.js`
 *   (the trainer, loaded by the Worker on the first training), `purify.es.mjs`, `confidant-strength.js`,
 *   `confidant-zh-CN.js`, `confidant-skills.js` (loaded by the script-tag shell on first use) and `offline.js`, precached at install; `library=` (empty) for none. Default: this script's directory.
 *
 * What it serves, and why:
 * - Confidant's files: cache first. Their cache is named after a digest of those very files, baked
 *   in at build time, so upgrading Confidant changes this script, which installs a new cache.
 * - The host's pages, scripts, styles, images, fonts and Workers (same origin): network first, cached
 *   copy when the network fails. The host's URLs are not versioned, so online visitors always get
 *   the latest deploy and offline ones the last they saw.
 * - Nothing else: `fetch()` calls (an app's API, and the engine's `.wasm` and model, which the engine
 *   keeps and verifies against SHA-256 digests itself) and other origins go to the network untouched.
 *
 * This file has no imports at run time: it is served as a classic script, from source or from dist.
 * @module
 */
import type { CacheUrlsMessage, ExtendableEventLike, FetchEventLike, ServiceWorkerScopeLike } from './sw-types.ts';

const sw = self as unknown as ServiceWorkerScopeLike;
const config = new URL(sw.location.href).searchParams;

/** A digest of the library files next to this script, baked in by the build (`'source'` when unbuilt). */
const LIBRARY_REVISION: string = /* @build-library-revision */ 'source';
/** The library files precached next to this script; rollup.config.mjs reads this list for the revision digest. */
const LIBRARY_FILES = [
  'confidant.iife.js',
  'confidant-worker.js',
  'confidant-train.js',
  'purify.es.mjs',
  'confidant-strength.js',
  'confidant-zh-CN.js',
  'confidant-skills.js',
  'offline.js',
];
/** Requests of these kinds are the page's own resources; `''` (a `fetch()` call) is deliberately absent. */
const PAGE_DESTINATIONS = new Set([
  'document',
  'iframe',
  'frame',
  'script',
  'style',
  'font',
  'image',
  'manifest',
  'worker',
  'sharedworker',
  'json',
]);

const libraryBase = config.get('library') ?? './';
const libraryUrls =
  libraryBase === '' ? [] : LIBRARY_FILES.map((file) => new URL(file, new URL(libraryBase, sw.location.href)).href);
const precacheUrls = config.getAll('precache').map((url) => new URL(url, sw.location.href).href);
// Named per scope: two registrations on one origin must not evict each other's caches.
const LIBRARY_CACHE = `confidant-sw-library-${LIBRARY_REVISION} ${sw.registration.scope}`;
const PAGE_CACHE = `confidant-sw-pages ${sw.registration.scope}`;

sw.addEventListener('install', (event: ExtendableEventLike) => {
  event.waitUntil(
    (async () => {
      const [library, pages] = await Promise.all([sw.caches.open(LIBRARY_CACHE), sw.caches.open(PAGE_CACHE)]);
      // `reload` skips the HTTP cache: the library cache must hold this revision's files, not older copies.
      await Promise.all([
        library.addAll(libraryUrls.map((url) => new Request(url, { cache: 'reload' }))),
        pages.addAll(precacheUrls),
      ]);
    })(),
  );
});

sw.addEventListener('activate', (event: ExtendableEventLike) => {
  event.waitUntil(
    (async () => {
      const stale = (await sw.caches.keys()).filter(
        (name) =>
          name.startsWith('confidant-sw-library-') &&
          name.endsWith(` ${sw.registration.scope}`) &&
          name !== LIBRARY_CACHE,
      );
      await Promise.all(stale.map((name) => sw.caches.delete(name)));
      // Take the page that registered us now, so what it loads from here on (the engine Worker) is cached.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event: FetchEventLike) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  if (libraryUrls.includes(request.url)) event.respondWith(cacheFirst(request));
  else if (
    request.mode === 'navigate' ||
    PAGE_DESTINATIONS.has(request.destination) ||
    precacheUrls.includes(request.url)
  ) {
    event.respondWith(networkFirst(event));
  }
});

/** `registerOfflineSupport` lists what the page loaded before this worker controlled it; answers on the port. */
sw.addEventListener('message', (event) => {
  const data = event.data as Partial<CacheUrlsMessage> | null;
  if (data?.type !== 'confidant-cache-urls' || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  event.waitUntil(
    cacheUrls(data.urls).then(
      (cached) => port?.postMessage({ cached }),
      (error: unknown) => port?.postMessage({ error: String(error) }),
    ),
  );
});

async function cacheFirst(request: Request): Promise<Response> {
  return (await sw.caches.match(request, { cacheName: LIBRARY_CACHE })) ?? fetch(request);
}

async function networkFirst(event: FetchEventLike): Promise<Response> {
  const { request } = event;
  const cache = await sw.caches.open(PAGE_CACHE);
  try {
    const response = await fetch(request);
    // Only whole same-origin answers: not errors, redirects (a navigation must not replay one) or partial content.
    if (response.status === 200 && response.type === 'basic') event.waitUntil(cache.put(request, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached !== undefined) return cached;
    throw error;
  }
}

/** Caches same-origin URLs that are not cached yet; returns how many are now in the cache. */
async function cacheUrls(urls: unknown[]): Promise<number> {
  const cache = await sw.caches.open(PAGE_CACHE);
  const wanted = urls.filter(
    (url): url is string =>
      typeof url === 'string' &&
      URL.canParse(url) &&
      new URL(url).origin === sw.location.origin &&
      !libraryUrls.includes(url),
  );
  const results = await Promise.allSettled(
    wanted.map(async (url) => {
      if ((await cache.match(url, { ignoreVary: true })) !== undefined) return;
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${url}`);
      await cache.put(url, response);
    }),
  );
  return results.filter((r) => r.status === 'fulfilled').length;
}
