/**
 * `createAssistant`: the library's front door. It validates options, starts the engine in a
 * Worker (or in this thread), and returns a plain object of functions.
 *
 * @module
 */
import type { Assistant, AssistantEvent, AssistantEventType, AssistantListener, AssistantOptions, SendOptions } from './assistant-types.ts';
import type { Engine, EngineEvent, EngineOptions, Reply, ReplyChunk } from './engine/types.ts';
import { abortReason, WorkerError } from './errors.ts';
import { connectWorkerEngine, defaultWorkerUrl, startWorker } from '../worker/client.ts';
import { validateAssistantOptions } from './options.ts';
import { createEmitter } from './emitter.ts';

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
  const { worker = typeof Worker === 'function', skills = [], onProgress, signal, ...engineOptions } = options;
  signal?.throwIfAborted();
  const engine = await openEngine(worker, skills);
  const emitter = createEmitter<AssistantEvent>();
  let disposed = false;

  const onAbort = () => void engine.dispose();
  signal?.addEventListener('abort', onAbort, { once: true });
  let model;
  try {
    model = await engine.init(engineOptions satisfies EngineOptions, (progress) => {
      onProgress?.(progress);
      emitter.emit({ type: 'progress', progress });
    });
    await engine.setListener((event: EngineEvent) => emitter.emit(event));
  } catch (error) {
    await engine.dispose().catch(() => undefined);
    throw signal?.aborted === true ? abortReason(signal) : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  const turn = async (text: string, sendOptions: SendOptions, onDelta?: (text: string) => void): Promise<Reply> => {
    if (typeof text !== 'string') throw new TypeError('send(text): text must be a string');
    if (disposed) throw new WorkerError('The assistant was disposed', { code: 'disposed' });
    const { signal: turnSignal, conversationId } = sendOptions;
    turnSignal?.throwIfAborted();
    const requestId = `r${++requestCounter}`;
    emitter.emit({ type: 'message', text, conversationId });
    const pending = engine.send({ text, requestId, ...(conversationId === undefined ? {} : { conversationId }) }, onDelta);
    const reply = await raceAbort(pending, turnSignal, () => void engine.cancel(requestId, 'aborted').catch(() => undefined));
    emitter.emit({ type: 'reply', reply });
    return reply;
  };

  return {
    model,
    send: (text, sendOptions = {}) => turn(text, sendOptions),
    stream: (text, sendOptions = {}) => streamTurn((onDelta) => turn(text, sendOptions, onDelta)),
    classify: (text) => engine.classify(text),
    history: (conversationId, historyOptions) => engine.history(conversationId, historyOptions),
    conversations: () => engine.conversations(),
    newConversation: () => engine.newConversation(),
    on: <T extends AssistantEventType>(type: T, listener: AssistantListener<T>) => emitter.on(type, listener),
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      emitter.clear();
      await engine.dispose();
    },
  };
}

async function openEngine(worker: boolean | Worker, skills: AssistantOptions['skills']): Promise<Engine> {
  if (worker === false) {
    // Loaded on demand so the Worker build's main thread never pays for ONNX Runtime and Dexie.
    const { createLocalEngine } = await import('./engine/local-engine.ts');
    return createLocalEngine({ skills: skills ?? [] });
  }
  const instance = worker === true ? startWorker(defaultWorkerUrl()) : worker;
  return connectWorkerEngine(instance);
}

/** Resolves like `promise`, or rejects with `signal.reason` as soon as the signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Turns a callback-streamed turn into an async iterable of chunks. */
async function* streamTurn(run: (onDelta: (text: string) => void) => Promise<Reply>): AsyncGenerator<ReplyChunk> {
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  const result = run((text) => {
    queue.push(text);
    wake?.();
  }).finally(() => {
    finished = true;
    wake?.();
  });
  result.catch(() => undefined);
  while (true) {
    while (queue.length > 0) yield { type: 'delta', text: queue.shift() as string };
    if (finished) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  yield { type: 'done', reply: await result };
}
