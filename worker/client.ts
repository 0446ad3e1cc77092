/**
 * The main-thread side of the Worker transport: starts the engine Worker and wraps it with
 * comlink as an `Engine`, the same contract the in-thread engine implements.
 *
 * @module
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { Engine } from '../src/engine/types.ts';
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

  const call = (name: keyof Engine, args: unknown[]) =>
    guard(() => (remote[name] as unknown as (...a: unknown[]) => Promise<unknown>)(...args));
  /** Arguments that are callbacks or objects of callbacks: comlink must proxy them, not clone them. */
  const proxied = (args: unknown[], positions: number[]) =>
    args.map((arg, i) => (positions.includes(i) && arg !== undefined && arg !== null ? proxy(arg as object) : arg));
  const methods: Record<string, number[]> = {
    init: [1, 2], send: [1], cancel: [], classify: [], history: [], conversations: [], newConversation: [], status: [],
    unlock: [], lock: [], changePassphrase: [], exportBackup: [], importBackup: [], erase: [], deleteConversation: [],
    retention: [], setRetention: [], search: [], verifyAudit: [], auditHead: [], permissions: [], revokePermission: [],
    respondToPermission: [], metrics: [], flushOutbox: [], train: [2], setListener: [0],
  } satisfies Record<Exclude<keyof Engine, 'dispose'>, number[]>;
  const engine = Object.fromEntries(
    Object.entries(methods).map(([name, positions]) => [name, (...args: unknown[]) => call(name as keyof Engine, proxied(args, positions))]),
  ) as unknown as Engine;
  engine.dispose = async () => {
    if (failure === undefined) await Promise.race([remote.dispose(), crashed]).catch(() => undefined);
    remote[releaseProxy]();
    worker.terminate();
    failure ??= new WorkerError('The assistant was disposed', { code: 'disposed' });
  };
  return engine;
}
