/**
 * The page side of Confidant's optional service worker (`confidant-sw.ts`): registers it and makes
 * the first visit count. It imports nothing from the core, so a host pays about 1 KB for it; bad
 * options throw the standard `TypeError`, and the browser's own registration errors pass through.
 *
 * @module
 */
import type { CacheUrlsMessage } from './sw-types.ts';

/** Options of {@link registerOfflineSupport}. */
export interface OfflineSupportOptions {
  /** URL of `confidant-sw.js` (from `dist/`) on the page's own origin: service workers cannot come from a CDN. */
  serviceWorker: string | URL;
  /** The pages the worker controls. @default the directory of `serviceWorker` (wider needs a `Service-Worker-Allowed` header) */
  scope?: string;
  /** The host's page shell to precache on install (e.g. `['/', '/app.css']`); same origin only. @default [] */
  precache?: readonly (string | URL)[];
  /**
   * The directory serving Confidant's `confidant.iife.js`, `confidant-worker.js`, `purify.es.mjs` and
   * `offline.js` (as in `dist/`), precached on install; `false` when the page loads Confidant through its own bundle.
   * @default the directory of `serviceWorker`
   */
  library?: string | URL | false;
}

/** Page resources that are not part of the page itself: an app's API calls, the engine's own downloads. */
const NOT_PAGE_RESOURCES = new Set(['fetch', 'xmlhttprequest', 'beacon']);

/**
 * Registers Confidant's service worker so the whole page works offline after this visit: the
 * worker precaches the listed shell and Confidant's files, caches what this page already loaded,
 * and takes control of the page, so that what it loads next (the assistant's Worker) is cached too.
 * The assistant's wasm and model need no service worker: the engine keeps them itself.
 *
 * @param options where the worker script is, and what to precache
 * @returns the registration once the worker is active and controls the page; `undefined` where the
 *   browser has no service workers (plain-http pages, some private modes) — the page then works online only
 * @throws {TypeError} on bad options or a cross-origin URL
 * @throws {Error} when the worker fails to install (a precache URL did not load)
 * @example
 * ```ts
 * await registerOfflineSupport({ serviceWorker: '/confidant-sw.js', precache: ['/', '/app.css'] });
 * ```
 */
export async function registerOfflineSupport(
  options: OfflineSupportOptions,
): Promise<ServiceWorkerRegistration | undefined> {
  const script = workerUrl(options);
  const container = (globalThis.navigator as Navigator | undefined)?.serviceWorker;
  if (container === undefined) return undefined;
  const registration = await container.register(script, options.scope === undefined ? {} : { scope: options.scope });
  const worker = await activeWorker(registration);
  await ask(worker, { type: 'confidant-cache-urls', urls: loadedUrls() });
  if (container.controller === null && location.href.startsWith(registration.scope)) {
    // The worker claims its clients on activation; the event may still be on its way.
    await new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
  }
  return registration;
}

/** The worker's URL, its configuration in the query (see `confidant-sw.ts`). */
function workerUrl({ serviceWorker, precache = [], library }: OfflineSupportOptions): URL {
  if (typeof serviceWorker !== 'string' && !(serviceWorker instanceof URL))
    throw new TypeError('options.serviceWorker must be a URL');
  if (!Array.isArray(precache)) throw new TypeError('options.precache must be an array of URLs');
  const sameOrigin = (url: string | URL, what: string): URL => {
    const resolved = new URL(url, location.href);
    if (resolved.origin !== location.origin)
      throw new TypeError(`${what} must be on the page's origin: ${resolved.href}`);
    return resolved;
  };
  const script = sameOrigin(serviceWorker, 'options.serviceWorker');
  for (const url of precache) script.searchParams.append('precache', sameOrigin(url, 'options.precache').href);
  if (library === false) script.searchParams.set('library', '');
  else if (library !== undefined) script.searchParams.set('library', sameOrigin(library, 'options.library').href);
  return script;
}

/** The active worker, waiting for a first install to finish; rejects if it fails. */
function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const { active } = registration;
  if (active !== null) return Promise.resolve(active);
  const pending = registration.installing ?? registration.waiting;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pending?.state === 'activated') resolve(pending);
      else if (pending === null || pending.state === 'redundant') {
        reject(
          new Error(
            'The Confidant service worker failed to install: check that every precache URL and the library files load',
          ),
        );
      }
    };
    pending?.addEventListener('statechange', check);
    check();
  });
}

/** Same-origin URLs of the document and of the resources it loaded so far. */
function loadedUrls(): string[] {
  const resources = performance
    .getEntriesByType('resource')
    .filter((entry) => !NOT_PAGE_RESOURCES.has((entry as PerformanceResourceTiming).initiatorType))
    .map((entry) => entry.name);
  return [location.href, ...resources].filter((url) => new URL(url).origin === location.origin);
}

/** Posts a message to the worker and waits for its answer. */
function ask(worker: ServiceWorker, message: CacheUrlsMessage): Promise<unknown> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });
}
