/**
 * The Worker transport, both ends (after onnxruntime-web's proxy backend): the main thread starts
 * the engine Worker and wraps it with comlink as an `Engine` (`connectWorkerEngine`); the Worker
 * exposes the in-thread engine (`exposeEngine`, called by `worker/engine-worker.ts`). The client is
 * derived from the contract's table (`./contract.ts`): nothing here lists the engine's methods.
 *
 * @module
 */
import { expose, proxy, releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import { engineMethods, type Engine } from './contract.ts';
import type { EngineHost, Reply, ReplyChunk } from './types.ts';
import type { LocalEngineHooks } from './local-engine.ts';
import { WorkerError } from '../errors.ts';
import { installErrorTransfer } from './error-transfer.ts';
import { diagnoseWorkerStart, watchViolations } from './worker-diagnosis.ts';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let workerPolicy: ScriptUrlPolicy | undefined | null = null;
/** The engine scripts this module was asked to start: the only URLs its Trusted Types policy lets through. */
const engineScripts = new Set<string>();

/**
 * A Trusted Types script URL for the engine Worker, so pages with `require-trusted-types-for 'script'`
 * can start it. The policy (`confidant-worker`) allows only the engine script and our own `blob:` bootstrap.
 */
function trustedScriptUrl(url: string): string {
  engineScripts.add(url);
  if (workerPolicy === null) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } })
      .trustedTypes;
    try {
      workerPolicy = factory?.createPolicy('confidant-worker', {
        createScriptURL: (candidate: string) => {
          if (engineScripts.has(candidate) || candidate.startsWith('blob:')) return candidate;
          throw new TypeError(`confidant-worker: not the engine Worker: ${candidate}`);
        },
      });
    } catch {
      // A page whose CSP lists allowed policy names without ours: fall back to a plain string.
      workerPolicy = undefined;
    }
  }
  return (workerPolicy === undefined ? url : workerPolicy.createScriptURL(url)) as string;
}

/**
 * Starts a module Worker, falling back to a `blob:` bootstrap when the script is on another
 * origin than the page (a CDN or a site owner's asset host): `new Worker(crossOriginUrl)`
 * throws a SecurityError, but a same-origin blob module may `import` a CORS-enabled script.
 */
export function startWorker(url: URL): Worker {
  const here = (globalThis as { location?: { origin: string } }).location?.origin;
  // The name is also the Worker's lifeline lock (see `holdLifeline`), so it is unique per Worker.
  const name = `${LIFELINE_PREFIX}${crypto.randomUUID()}`;
  const named = (worker: Worker) => (lifelineNames.set(worker, name), worker);
  try {
    if (here === undefined || url.origin === here)
      return named(new Worker(trustedScriptUrl(url.href), { type: 'module', name }));
    const blob = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
    const blobUrl = URL.createObjectURL(blob);
    // The Worker has fetched (or is fetching) its script by the time it is constructed: the URL can go.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000);
    return named(new Worker(trustedScriptUrl(blobUrl), { type: 'module', name }));
  } catch (cause) {
    // A CSP without worker-src for it, Trusted Types refusing the URL, a malformed URL.
    throw new WorkerError(`The engine Worker could not start from ${url.href}: ${String(cause)}`, {
      cause,
      code: 'worker-start',
    });
  }
}

/** Names of engine Workers, and of the Web Lock each holds for as long as it lives. */
const LIFELINE_PREFIX = 'confidant-engine#';
/** The names `startWorker` gave (a Worker object does not show its name on the page). */
const lifelineNames = new WeakMap<Worker, string>();

interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<unknown>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}
const lockManager = () => (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;

/**
 * In the Worker: takes the Web Lock named after the Worker and never lets it go. The browser
 * releases it when the Worker ends — terminated, crashed, or its page gone — which is how the page
 * learns that it died: a terminated Worker fires no event, and its pending calls would wait forever.
 */
function holdLifeline(): void {
  const name = (globalThis as { name?: unknown }).name;
  if (typeof name !== 'string' || !name.startsWith(LIFELINE_PREFIX)) return;
  void lockManager()?.request(name, {}, () => new Promise<never>(() => {}));
}

/**
 * On the page: waits for a Worker's lifeline lock, which is granted only once the Worker has ended.
 * It first makes sure the Worker holds it (the Worker's request and ours travel on different
 * channels, so ours could otherwise arrive first and be granted at once); a Worker that never
 * takes it (no Web Locks there) is not watched.
 */
async function watchLifeline(name: string, signal: AbortSignal, onDeath: () => void): Promise<void> {
  const locks = lockManager();
  if (locks === undefined) return;
  for (let wait = 1; ; wait *= 2) {
    if (signal.aborted) return;
    const { held = [] } = await locks.query();
    if (held.some((lock) => lock.name === name)) break;
    if (wait > 2000) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await locks
    .request(name, { signal }, async () => {
      if (!signal.aborted) onDeath();
    })
    .catch(() => undefined);
}

/**
 * A turn's chunks do not travel through a comlink proxy of the page's `onChunk`: that took a new
 * MessageChannel per turn (its port transferred with the call), and an answer the Worker waited for
 * per chunk, on the path from send to the reply shown (a trace of `npm run bench:widget`, issue 14).
 * The call carries `{ [CHUNKS]: stream }` instead, and the Worker posts `{ [CHUNKS]: stream, chunk }`
 * on its own channel, the one comlink answers on: the chunks arrive before the call's result.
 */
const CHUNKS = 'confidantChunks';

interface ChunkMessage {
  [CHUNKS]: number;
  chunk: ReplyChunk;
}

const isChunkMessage = (data: unknown): data is ChunkMessage =>
  typeof (data as Partial<ChunkMessage> | null)?.[CHUNKS] === 'number';

/** Options of {@link connectWorkerEngine}. @internal */
export interface ConnectOptions {
  /**
   * The Worker's script, when we started it: a start-up failure then says why (404, MIME type, CORS,
   * CSP; see `worker-diagnosis.ts`) in a `WorkerError` whose code names the cause.
   */
  scriptUrl?: string;
  /** Called once if the Worker ends without being disposed (terminated, crashed, out of memory). */
  onTerminated?: () => void;
}

/**
 * Wraps a started engine Worker as an `Engine`. Callbacks are passed through `Comlink.proxy`;
 * a Worker crash, or its end (seen through its lifeline lock, for Workers from `startWorker`),
 * rejects every pending call with a `WorkerError` (code `terminated` for the end).
 * @internal
 */
export function connectWorkerEngine(worker: Worker, options: ConnectOptions = {}): Engine {
  const { scriptUrl } = options;
  installErrorTransfer();
  const remote: Remote<Engine> = wrap<Engine>(worker);
  let failure: WorkerError | undefined;
  let rejectAll: ((error: WorkerError) => void) | undefined;
  const crashed = new Promise<never>((_, reject) => {
    rejectAll = reject;
  });
  crashed.catch(() => undefined);
  const fail = (message: string, cause?: unknown, code = 'worker') => {
    failure ??= new WorkerError(message, { cause, code });
    rejectAll?.(failure);
  };
  const lifeline = new AbortController();
  let watching = false;
  const watch = () => {
    const name = lifelineNames.get(worker);
    if (watching || name === undefined) return;
    watching = true;
    void watchLifeline(name, lifeline.signal, () => {
      fail('The engine Worker ended (terminated, crashed or out of memory)', undefined, 'terminated');
      options.onTerminated?.();
    });
  };
  // Until the Worker first answers, an error is a start-up failure: find out why.
  let answered = false;
  const violations = scriptUrl === undefined ? undefined : watchViolations();
  worker.addEventListener('error', (e) => {
    const reported = e.message ?? '';
    if (answered || scriptUrl === undefined || violations === undefined)
      return fail(`The engine Worker failed: ${reported || 'script error'}`, e.error);
    violations.stop();
    // Handled: the rejection below says more than the browser's own "script error" report would.
    e.preventDefault();
    void diagnoseWorkerStart(scriptUrl, violations.seen, reported).then(({ message, cause }) =>
      fail(message, e.error, `worker-${cause}`),
    );
  });
  worker.addEventListener('messageerror', () => fail('The engine Worker sent a message that could not be read'));

  const guard = <T>(call: () => Promise<T>): Promise<T> =>
    failure !== undefined ? Promise.reject(failure) : Promise.race([call(), crashed]);

  const call = (name: keyof Engine, args: unknown[]) =>
    guard(async () => {
      const result = await (remote[name] as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
      if (!answered) {
        answered = true;
        violations?.stop();
        // The Worker answered, so it holds its lifeline lock: watch it from now on.
        watch();
      }
      return result;
    });
  /** Arguments that are callbacks or objects of callbacks: comlink must proxy them, not clone them. */
  const proxied = (args: unknown[], positions: readonly number[]) =>
    args.map((arg, i) => (positions.includes(i) && arg !== undefined && arg !== null ? proxy(arg as object) : arg));
  // A remote skill's endpoint arrives as a comlink proxy: release its channel after each call, not at GC.
  const releasing = (host: EngineHost): EngineHost => ({
    invokeSkill: async (skillId, call, endpoint) => {
      try {
        return await host.invokeSkill(skillId, call, endpoint);
      } finally {
        (endpoint as unknown as Remote<object>)[releaseProxy]?.();
      }
    },
    abortSkill: (skillId, callId, reason) => host.abortSkill(skillId, callId, reason),
    skillToken: (skillId) => host.skillToken(skillId),
  });
  const methodsWithHost = (name: string, args: unknown[]) =>
    name === 'init' && args[2] !== undefined ? [args[0], args[1], releasing(args[2] as EngineHost)] : args;
  const engine = Object.fromEntries(
    Object.entries(engineMethods).map(([name, { callbacks }]) => [
      name,
      (...args: unknown[]) => call(name as keyof Engine, proxied(methodsWithHost(name, args), callbacks)),
    ]),
  ) as unknown as Engine;
  const streams = new Map<number, (chunk: ReplyChunk) => void>();
  let lastStream = 0;
  worker.addEventListener('message', (event) => {
    if (isChunkMessage(event.data)) streams.get(event.data[CHUNKS])?.(event.data.chunk);
  });
  engine.send = (request, onChunk) => {
    if (onChunk === undefined) return call('send', [request]) as Promise<Reply>;
    const stream = ++lastStream;
    streams.set(stream, onChunk);
    return (call('send', [request, { [CHUNKS]: stream }]) as Promise<Reply>).finally(() => streams.delete(stream));
  };
  // Once: a second dispose (an abort, then the start-up's own clean-up) waits for the first. Its call to the
  // Worker would get no reply, the first one's reply terminated the Worker.
  let disposing: Promise<void> | undefined;
  engine.dispose = () =>
    (disposing ??= (async () => {
      lifeline.abort();
      if (failure === undefined) await Promise.race([remote.dispose(), crashed]).catch(() => undefined);
      remote[releaseProxy]();
      worker.terminate();
      // The Worker is gone: every call still waiting for it (init during an aborted start) rejects now.
      fail('The assistant was disposed', undefined, 'disposed');
    })());
  return engine;
}

/**
 * Serves the engine to the page from inside the Worker (the other end of `connectWorkerEngine`).
 * Callbacks the engine hands back to the page (a remote skill's endpoint) are proxied, not cloned.
 * @param createEngine the in-thread engine's factory, passed in so the page's bundle never imports it
 * @param endpoint where the page's messages arrive @default the Worker's global scope
 * @internal
 */
export function exposeEngine(createEngine: (hooks: LocalEngineHooks) => Engine, endpoint?: Endpoint): void {
  installErrorTransfer();
  holdLifeline();
  const engine = createEngine({ wrapCallback: proxy });
  const channel = endpoint ?? (globalThis as unknown as Endpoint);
  // The page's stand-in for its `onChunk` (see `CHUNKS`): each chunk is posted back, not called through comlink.
  const send: Engine['send'] = (request, sink) => {
    const stream = (sink as Partial<ChunkMessage> | undefined)?.[CHUNKS];
    if (typeof stream !== 'number') return engine.send(request, sink);
    return engine.send(request, (chunk) => {
      try {
        channel.postMessage({ [CHUNKS]: stream, chunk } satisfies ChunkMessage);
      } catch {
        // Not cloneable: left out, as a failed comlink call was; the call's result still carries the reply.
      }
    });
  };
  expose({ ...engine, send }, endpoint);
}
