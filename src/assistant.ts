/**
 * `createAssistant`: the library's front door. It validates options, starts the engine in a
 * Worker (or in this thread), and returns a plain object of functions.
 *
 * @module
 */
import type {
  Assistant,
  AssistantEvent,
  AssistantEventType,
  AssistantListener,
  AssistantModels,
  AssistantOptions,
  AssistantSkills,
  AssistantStore,
  SendOptions,
} from './assistant-types.ts';
import { membersOf, type Engine, type EngineGroup, type EngineMethodsIn } from './engine/contract.ts';
import type { EngineEvent, EngineOptions, EngineStatus, Reply, ReplyChunk } from './engine/types.ts';
import type { ModelInfo } from './nlu/types.ts';
import { abortReason, WorkerError } from './errors.ts';
import { connectWorkerEngine, startWorker } from './engine/worker-transport.ts';
import { resolveAssetUrls, type AssetUrls } from './engine/assets.ts';
import { createSupervisedEngine } from './engine/supervised-engine.ts';
import { newMessageIds } from './store/message-ids.ts';
import { validateAssistantOptions } from './options.ts';
import { createEmitter } from './emitter.ts';
import { checkMessageLength } from './engine/message-limits.ts';
import { loadAppSkillHost } from './skills/load-app-skill-host.ts';

let requestCounter = 0;

/**
 * Creates an assistant: loads the intent model, opens the encrypted store and starts answering.
 *
 * @param options - see `AssistantOptions`; every option has a default.
 * @returns a ready assistant.
 * @throws {TypeError | RangeError} synchronously, for malformed options.
 * @throws {ConfidantError} (rejects) when the model, the store or the Worker cannot start.
 * @example
 * ```ts
 * const assistant = await createAssistant();
 * const reply = await assistant.send('hello');
 * console.log(reply.text);
 * await assistant.dispose();
 * ```
 */
export function createAssistant(options: AssistantOptions = {}): Promise<Assistant> {
  validateAssistantOptions(options);
  return start(options);
}

async function start(options: AssistantOptions): Promise<Assistant> {
  const { worker = webWorkers(), skills = [], onProgress, signal, ...rest } = options;
  signal?.throwIfAborted();
  const inThread = worker === false;
  // Resolved here, on the page, where the app's bundler rewrote the URLs: the Worker cannot know where they went.
  const assetUrls = resolveAssetUrls(rest.assetsBase);
  const engine = await openEngine(worker, skills, assetUrls);
  // Listened for as soon as there is an engine to stop. An abort that came while it opened rejects the start
  // below at once (raceAbort), whose clean-up disposes the engine.
  const onAbort = () => void engine.dispose();
  signal?.addEventListener('abort', onAbort);
  const emitter = createEmitter<AssistantEvent>();
  let disposed = false;
  let model: ModelInfo | undefined;
  let status: EngineStatus = 'starting';

  const onEngineEvent = (event: EngineEvent) => {
    if (event.type === 'status') status = event.status;
    if (event.type === 'model') model = event.model;
    if (event.type === 'permission-request') {
      emitter.emit({ ...event, respond: (granted: boolean) => engine.respondToPermission(event.id, granted) });
      return;
    }
    emitter.emit(event);
  };
  try {
    // In a Worker, workflows and webhooks go to the engine as data; other app skills stay here (their
    // code cannot be sent): the engine gets their manifests and a host to call them through.
    // Loaded on demand, so a page without app skills does not pay for the skills runtime.
    const hosting = inThread || skills.length === 0 ? undefined : await loadAppSkillHost();
    const engineOptions: EngineOptions = {
      ...rest,
      assetUrls,
      ...(hosting === undefined ? {} : { appSkills: hosting.engineSkillsOf(skills) }),
    };
    const host = hosting?.hostFor(skills);
    // Sent together: the Worker takes its messages in order, so the listener is set before init runs,
    // and a cold start does not wait for one more round trip to a Worker still loading its script.
    // An abort rejects at once; the engine stops loading on its own.
    [, model] = await raceAbort(
      Promise.all([
        engine.setListener(onEngineEvent),
        engine.init(
          engineOptions,
          (progress) => {
            onProgress?.(progress);
            emitter.emit({ type: 'progress', progress });
          },
          host,
        ),
      ]),
      signal,
    );
    status = await engine.status();
    // An engine that finished starting as the abort came is stopped all the same.
    signal?.throwIfAborted();
  } catch (error) {
    await engine.dispose().catch(() => undefined);
    throw signal?.aborted === true ? abortReason(signal) : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  const alive = () => {
    if (disposed) throw new WorkerError('The assistant was disposed', { code: 'disposed' });
  };
  const cancellable = async <T>(
    run: (requestId: string) => Promise<T>,
    cancelSignal: AbortSignal | undefined,
  ): Promise<T> => {
    alive();
    cancelSignal?.throwIfAborted();
    const requestId = `r${++requestCounter}`;
    return raceAbort(
      run(requestId),
      cancelSignal,
      () => void engine.cancel(requestId, 'aborted').catch(() => undefined),
    );
  };

  const turn = async (
    text: string,
    sendOptions: SendOptions,
    onChunk?: (chunk: ReplyChunk) => void,
  ): Promise<Reply> => {
    if (typeof text !== 'string') throw new TypeError('send(text): text must be a string');
    // The engine refuses it too; checked here first so no `message` event announces a refused message.
    checkMessageLength(text);
    const { signal: turnSignal, conversationId } = sendOptions;
    // Chosen here, so a turn retried on a restarted Worker is recognized and stored once.
    const messageIds = newMessageIds(2) as [string, string];
    const request = { text, messageIds, ...(conversationId === undefined ? {} : { conversationId }) };
    const reply = await cancellable(async (requestId) => {
      emitter.emit({ type: 'message', id: messageIds[0], text, conversationId });
      try {
        return await engine.send({ ...request, requestId }, onChunk);
      } catch (error) {
        // The Worker ended mid-turn: the supervisor started a new one; send the turn again, once.
        if (!(error instanceof WorkerError && error.code === 'terminated') || disposed) throw error;
        return engine.send({ ...request, requestId, retry: true }, onChunk);
      }
    }, turnSignal);
    emitter.emit({ type: 'reply', reply });
    return reply;
  };

  // The methods the assistant adapts (a signal instead of a request id, progress as an option);
  // every other method of a group is the engine's own, passed through as the contract's table says.
  const adapted: Partial<Record<keyof Engine, (...args: never[]) => unknown>> = {
    search: ((query, { signal: searchSignal, ...searchOptions } = {}) =>
      cancellable(
        (requestId) => engine.search(query, { ...searchOptions, requestId }),
        searchSignal,
      )) satisfies AssistantStore['search'],
    train: ((corpus, { onProgress: onTrainProgress, signal: trainSignal, ...trainOptions } = {}) =>
      cancellable(
        (requestId) => engine.train(corpus, { ...trainOptions, requestId }, onTrainProgress),
        trainSignal,
      )) satisfies AssistantModels['train'],
  };
  const group = (of: EngineGroup): Record<string, unknown> =>
    Object.fromEntries(
      membersOf(of).map(({ method, name }) => [
        name,
        adapted[method] ?? ((...args: unknown[]) => (engine[method] as (...a: unknown[]) => unknown)(...args)),
      ]),
    );

  const assistant: Assistant = {
    ...(group('assistant') as EngineMethodsIn<'assistant'>),
    get model() {
      return model as ModelInfo;
    },
    get status() {
      return disposed ? 'disposed' : status;
    },
    send: (text, sendOptions = {}) => turn(text, sendOptions),
    stream: (text, sendOptions = {}) => streamTurn((onChunk) => turn(text, sendOptions, onChunk)),
    on: <T extends AssistantEventType>(type: T, listener: AssistantListener<T>) => emitter.on(type, listener),
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      emitter.clear();
      await engine.dispose();
    },
    store: Object.freeze(group('store')) as unknown as AssistantStore,
    skills: Object.freeze(group('skills')) as unknown as AssistantSkills,
    models: Object.freeze(group('models')) as unknown as AssistantModels,
  };
  return assistant;
}

async function openEngine(
  worker: boolean | Worker,
  skills: AssistantOptions['skills'],
  assetUrls: AssetUrls,
): Promise<Engine> {
  if (worker === false) {
    // Loaded on demand so the Worker build's main thread never pays for ONNX Runtime and Dexie.
    const { createLocalEngine } = await import('./engine/local-engine.ts');
    return createLocalEngine({ skills: skills ?? [] });
  }
  // A Worker the host made is the host's to restart; one we start, we restart when it dies.
  if (worker !== true) return connectWorkerEngine(worker);
  return createSupervisedEngine((onTerminated) =>
    connectWorkerEngine(startWorker(new URL(assetUrls.worker)), { scriptUrl: assetUrls.worker, onTerminated }),
  );
}

/**
 * Whether the engine runs in a Web Worker by default: where the platform has them, not in Node, whose
 * global `Worker` (set by ONNX Runtime's Node build once it has run) is worker_threads, not a Web Worker.
 */
function webWorkers(): boolean {
  const node = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node;
  return typeof Worker === 'function' && node === undefined;
}

/** Resolves like `promise`, or rejects with `signal.reason` as soon as the signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(abortReason(signal));
    };
    // A signal fires 'abort' once; an already aborted one fires no more. The promise stays handled either way.
    signal.addEventListener('abort', abort);
    if (signal.aborted) abort();
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Turns a callback-streamed turn into an async iterable of chunks: the text as it comes and the reply
 * as soon as the engine decided it (or, from an engine that sent none, once stored). The iteration
 * ends once the turn is stored, and throws (after the reply) if it was not.
 */
async function* streamTurn(run: (onChunk: (chunk: ReplyChunk) => void) => Promise<Reply>): AsyncGenerator<ReplyChunk> {
  const queue: ReplyChunk[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  const result = run((chunk) => {
    queue.push(chunk);
    wake?.();
  }).finally(() => {
    finished = true;
    wake?.();
  });
  result.catch(() => undefined);
  let shown = false;
  while (true) {
    while (queue.length > 0) {
      const chunk = queue.shift() as ReplyChunk;
      shown ||= chunk.type === 'done';
      yield chunk;
    }
    if (finished) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  const reply = await result;
  if (!shown) yield { type: 'done', reply };
}
