/**
 * The offline fixture page (opened in its own window by fixture.ts): registers Confidant's service worker (the source of
 * widget/offline/confidant-sw.ts, scope `/`), then starts an assistant (engine in its Worker,
 * history in IndexedDB) and answers the test page's commands over `postMessage` — the test page is
 * on another origin and cannot reach into this one.
 *
 * URL parameters: `opener` (the test page's origin); `db` (database name); `dist` (use the built
 * `dist/confidant-sw.js`, `dist/offline.js` and the script-tag element instead of the sources); `model`, `wasm`, `modelSha256`, `wasmSha256` (optional: a
 * model and wasm URL with their digests, for the cache-first path).
 */
import { createAssistant, type Assistant } from '../../../src/index.ts';
import { registerOfflineSupport } from '../../../widget/offline/index.ts';

const ASSET_CACHE = 'confidant-assets-v1';
const DIGEST_HEADER = 'x-confidant-sha256';
const params = new URLSearchParams(location.search);

const hex = async (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );

/** The built bundles, as a script-tag host uses them: the `dist/` service worker and helper, and the element. */
async function startFromDist(databaseName: string) {
  const offline = (await import('/dist/offline.js' as string)) as {
    registerOfflineSupport: typeof registerOfflineSupport;
  };
  const registration = await offline.registerOfflineSupport({ serviceWorker: '/dist/confidant-sw.js', scope: '/' });
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/dist/confidant.iife.js';
    script.onload = resolve;
    script.onerror = () => reject(new Error('could not load /dist/confidant.iife.js'));
    document.head.append(script);
  });
  const element = document.createElement('confidant-assistant');
  for (const [name, value] of [
    ['load', 'eager'],
    ['database', databaseName],
  ] as const)
    element.setAttribute(name, value);
  const ready = new Promise<Assistant>((resolve, reject) => {
    element.addEventListener('confidant-ready', (e) => resolve((e as Event & { assistant: Assistant }).assistant), {
      once: true,
    });
    element.addEventListener('confidant-error', (e) => reject((e as Event & { error?: unknown }).error), {
      once: true,
    });
  });
  document.body.append(element);
  return { assistant: await ready, registered: registration !== undefined };
}

const started = (async () => {
  const databaseName = params.get('db') ?? 'offline-fixture';
  if (params.has('dist')) return startFromDist(databaseName);
  const registration = await registerOfflineSupport({
    serviceWorker: '/widget/offline/confidant-sw.ts',
    scope: '/',
    library: false,
  });
  const options: Record<string, string> = { databaseName };
  for (const key of ['model', 'wasm', 'modelSha256', 'wasmSha256']) {
    const value = params.get(key);
    if (value === null) continue;
    if (key === 'model' || key === 'wasm')
      options[key === 'wasm' ? 'wasmUrl' : key] = new URL(value, location.href).href;
    else options[key] = value;
  }
  // `modelSha256` / `wasmSha256` are passed through to the engine (proposed EngineOptions fields).
  const assistant = await createAssistant(options as Parameters<typeof createAssistant>[0]);
  return { assistant, registered: registration !== undefined };
})();
started.catch(() => undefined);

type Command = { id: number; command: string; text?: string; url?: string };
const commands: Record<string, (message: Command, assistant: () => Promise<Assistant>) => Promise<unknown>> = {
  async ready(_, assistant) {
    const { registered } = await started;
    return {
      registered,
      controlled: navigator.serviceWorker.controller !== null,
      model: (await assistant()).model.name,
    };
  },
  async send({ text }, assistant) {
    const reply = await (await assistant()).send(text ?? '');
    return { intent: reply.understanding.intent, text: reply.text };
  },
  /** The engine's cached assets: URL, recorded digest, and the digest of the cached bytes. */
  async assets() {
    const cache = await caches.open(ASSET_CACHE);
    return Promise.all(
      (await cache.keys()).map(async (request) => {
        const response = (await cache.match(request))!;
        const body = await response.arrayBuffer();
        return {
          url: request.url,
          recorded: response.headers.get(DIGEST_HEADER),
          actual: await hex(body),
          bytes: body.byteLength,
        };
      }),
    );
  },
  /** Flips one byte of a cached asset and keeps its recorded digest: corruption on disk. */
  async corrupt({ url }) {
    const cache = await caches.open(ASSET_CACHE);
    const response = (await cache.match(url ?? ''))!;
    const body = new Uint8Array(await response.arrayBuffer());
    body[body.length >> 1] = body[body.length >> 1]! ^ 0xff;
    await cache.put(url ?? '', new Response(body, { headers: response.headers }));
    return true;
  },
  async reload() {
    setTimeout(() => location.reload(), 0); // answer first; no dispose(), as a real reload
    return true;
  },
  async cleanup() {
    await started.then(
      ({ assistant }) => assistant.dispose(),
      () => undefined,
    );
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const name of await caches.keys()) await caches.delete(name);
    indexedDB.deleteDatabase(params.get('db') ?? 'offline-fixture');
    return true;
  },
};

addEventListener('message', (event: MessageEvent<Command>) => {
  if (event.origin !== params.get('opener')) return;
  const { id, command } = event.data;
  const run = commands[command];
  if (run === undefined) return;
  run(event.data, async () => (await started).assistant).then(
    (result) => (event.source as Window).postMessage({ id, result }, event.origin),
    (error: unknown) =>
      (event.source as Window).postMessage(
        { id, error: { name: (error as Error).name, message: String((error as Error).message ?? error) } },
        event.origin,
      ),
  );
});
(opener as Window | null)?.postMessage({ booted: true }, params.get('opener') ?? '');
