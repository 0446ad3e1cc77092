/**
 * The main-thread side of the Worker transport: starts the engine Worker and wraps it with
 * comlink as an `Engine`, the same contract the in-thread engine implements.
 *
 * @module
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { Engine, EngineEvent, EngineOptions, ProgressEvent, SendRequest } from '../src/engine/types.ts';
import { WorkerError } from '../src/errors.ts';
import { installErrorTransfer } from './transfer.ts';

/** The URL of the engine Worker script: next to this module in `dist/`, the TypeScript source in development. */
export function defaultWorkerUrl(): URL {
  return new URL('./engine-worker.ts', import.meta.url);
}

/**
 * Starts a module Worker, falling back to a `blob:` bootstrap when the script is on another
 * origin than the page (a CDN or a site owner's asset host): `new Worker(crossOriginUrl)`
 * throws a SecurityError, but a same-origin blob module may `import` a CORS-enabled script.
 */
export function startWorker(url: URL): Worker {
  const here = (globalThis as { location?: { origin: string } }).location?.origin;
  if (here === undefined || url.origin === here) return new Worker(url, { type: 'module', name: 'confidant-engine' });
  const blob = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  const blobUrl = URL.createObjectURL(blob);
  try {
    return new Worker(blobUrl, { type: 'module', name: 'confidant-engine' });
  } finally {
    // The Worker has fetched (or is fetching) its script by the time it is constructed: the URL can go.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000);
  }
}

/**
 * Wraps a started engine Worker as an `Engine`. Callbacks are passed through `Comlink.proxy`;
 * a Worker crash rejects every pending call with a `WorkerError`.
 * @internal
 */
export function connectWorkerEngine(worker: Worker): Engine {
  installErrorTransfer();
  const remote: Remote<Engine> = wrap<Engine>(worker);
  let failure: WorkerError | undefined;
  let rejectAll: ((error: WorkerError) => void) | undefined;
  const crashed = new Promise<never>((_, reject) => {
    rejectAll = reject;
  });
  crashed.catch(() => undefined);
  const fail = (message: string, cause?: unknown) => {
    failure ??= new WorkerError(message, { cause });
    rejectAll?.(failure);
  };
  worker.addEventListener('error', (e) => fail(`The engine Worker failed: ${e.message || 'script error'}`, e.error));
  worker.addEventListener('messageerror', () => fail('The engine Worker sent a message that could not be read'));

  const guard = <T>(call: () => Promise<T>): Promise<T> =>
    failure !== undefined ? Promise.reject(failure) : Promise.race([call(), crashed]);

  return {
    init: (options: EngineOptions, onProgress?: (event: ProgressEvent) => void) =>
      guard(() => remote.init(options, onProgress === undefined ? undefined : proxy(onProgress))),
    send: (request: SendRequest, onDelta?: (text: string) => void) =>
      guard(() => remote.send(request, onDelta === undefined ? undefined : proxy(onDelta))),
    cancel: (requestId, reason) => guard(() => remote.cancel(requestId, reason)),
    classify: (text) => guard(() => remote.classify(text)),
    history: (conversationId, options) => guard(() => remote.history(conversationId, options)),
    conversations: () => guard(() => remote.conversations()),
    newConversation: () => guard(() => remote.newConversation()),
    setListener: (listener: ((event: EngineEvent) => void) | null) =>
      guard(() => remote.setListener(listener === null ? null : proxy(listener))),
    dispose: async () => {
      if (failure === undefined) await Promise.race([remote.dispose(), crashed]).catch(() => undefined);
      remote[releaseProxy]();
      worker.terminate();
      failure ??= new WorkerError('The assistant was disposed', { code: 'disposed' });
    },
  };
}
