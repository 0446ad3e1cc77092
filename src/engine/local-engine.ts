/**
 * The engine, in this thread: the one implementation of the `Engine` contract. The Worker
 * entry exposes this same object through comlink; `createAssistant({ worker: false })` uses it
 * directly (Node, tests).
 *
 * A turn is: classify → store the user's message → dialogue decision and skill → store the
 * reply. Turns run one at a time per engine, in the order they were sent, so concurrent sends
 * never interleave their dialogue-state writes.
 *
 * @module
 */
import type { Engine, EngineEvent, EngineOptions, ProgressEvent, Reply, SendRequest } from './types.ts';
import type { ModelInfo } from '../nlu/types.ts';
import type { SkillDefinition } from '../skills/types.ts';
import { ConfidantError, WorkerError } from '../errors.ts';
import { loadIntentModel, type IntentModel } from '../nlu/intent-model.ts';
import { openStore, type Store } from '../store/index.ts';
import { createSkillRuntime } from '../skills/runtime.ts';
import { createDialogueManager, type DialogueManager } from '../dialogue/manager.ts';
import { builtinSkills } from '../skills/builtin/index.ts';
import { defaultModelUrl, defaultWasmUrl } from './assets.ts';

/** What the host hands the engine besides its options. @internal */
export interface LocalEngineHooks {
  /** App-defined skills, added after the built-in ones. */
  skills?: SkillDefinition[];
}

interface Running {
  options: EngineOptions;
  model: IntentModel;
  store: Store;
  dialogue: DialogueManager;
  conversationId: string;
}

/** Creates an engine that runs in this thread. @internal */
export function createLocalEngine(hooks: LocalEngineHooks = {}): Engine {
  let running: Running | undefined;
  let disposed = false;
  let listener: ((event: EngineEvent) => void) | null = null;
  const inflight = new Map<string, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();

  const emit = (event: EngineEvent) => listener?.(event);
  const ready = (): Running => {
    if (disposed) throw new WorkerError('The engine was disposed', { code: 'disposed' });
    if (running === undefined) throw new ConfidantError('The engine is not started: call init() first', { code: 'not-ready' });
    return running;
  };

  const answer = async (r: Running, request: SendRequest, signal: AbortSignal, onDelta?: (text: string) => void): Promise<Reply> => {
    const conversationId = request.conversationId ?? r.conversationId;
    const nlu = await r.model.classify(request.text, r.options.timeZone === undefined ? {} : { timeZone: r.options.timeZone });
    signal.throwIfAborted();
    await r.store.addMessage({ conversationId, role: 'user', text: request.text, meta: { nlu } });
    const { reply, understanding } = await r.dialogue.handle({
      conversationId,
      text: request.text,
      nlu,
      signal,
      ...(onDelta === undefined ? {} : { onDelta }),
    });
    const stored = await r.store.addMessage({ conversationId, role: 'assistant', text: reply.text, meta: { understanding } });
    return {
      id: stored.id,
      conversationId,
      text: reply.text,
      ...(reply.markdown === undefined ? {} : { markdown: reply.markdown }),
      ...(reply.quickReplies === undefined ? {} : { quickReplies: reply.quickReplies }),
      ...(reply.cards === undefined ? {} : { cards: reply.cards }),
      ...(reply.ask === undefined ? {} : { expectsAnswer: true }),
      understanding,
      createdAt: stored.createdAt,
    };
  };

  return {
    async init(options: EngineOptions, onProgress?: (event: ProgressEvent) => void): Promise<ModelInfo> {
      if (running !== undefined) return running.model.info;
      const wasmUrl = options.wasmUrl ?? defaultWasmUrl();
      const model = await loadIntentModel(options.model ?? defaultModelUrl(), {
        ...(wasmUrl === undefined ? {} : { wasmUrl }),
        ...(onProgress === undefined ? {} : { onProgress }),
      });
      const store = await openStore({
        ...(options.databaseName === undefined ? {} : { name: options.databaseName }),
        ...(options.storage === undefined ? {} : { storage: options.storage }),
        ...(options.encryption === undefined ? {} : { encryption: options.encryption }),
        onError: (e) => emit({ type: 'storage-error', code: e.code, recordId: e.recordId, table: e.table, message: e.message }),
      }).catch(async (error: unknown) => {
        await model.dispose();
        throw error;
      });
      const runtime = createSkillRuntime({
        store,
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
        ...(options.lang === undefined ? {} : { lang: options.lang }),
      });
      const dialogue = createDialogueManager({
        store,
        runtime,
        skills: [...builtinSkills, ...(hooks.skills ?? [])],
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
        ...(options.lang === undefined ? {} : { lang: options.lang }),
      });
      const [latest] = await store.listConversations();
      const conversationId = latest?.id ?? (await store.createConversation()).id;
      running = { options, model, store, dialogue, conversationId };
      onProgress?.({ status: 'ready', model: model.info });
      emit({ type: 'status', status: 'ready' });
      return model.info;
    },

    send(request: SendRequest, onDelta?: (text: string) => void): Promise<Reply> {
      const r = ready();
      const controller = new AbortController();
      const id = request.requestId;
      if (id !== undefined) inflight.set(id, controller);
      const turn = queue.then(() => {
        controller.signal.throwIfAborted();
        return answer(r, request, controller.signal, onDelta);
      });
      queue = turn.catch(() => undefined);
      return turn.finally(() => {
        if (id !== undefined) inflight.delete(id);
      });
    },

    async cancel(requestId: string, reason?: string): Promise<void> {
      inflight.get(requestId)?.abort(new DOMException(reason ?? 'The turn was cancelled', 'AbortError'));
    },

    async classify(text: string) {
      const r = ready();
      return r.model.classify(text, r.options.timeZone === undefined ? {} : { timeZone: r.options.timeZone });
    },

    async history(conversationId?: string, options?: { limit?: number; before?: number }) {
      const r = ready();
      return r.store.listMessages(conversationId ?? r.conversationId, options);
    },

    async conversations() {
      return ready().store.listConversations();
    },

    async newConversation() {
      const r = ready();
      r.conversationId = (await r.store.createConversation()).id;
      return r.conversationId;
    },

    async setListener(next) {
      listener = next;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const controller of inflight.values()) controller.abort(new DOMException('The engine was disposed', 'AbortError'));
      const r = running;
      running = undefined;
      emit({ type: 'status', status: 'disposed' });
      listener = null;
      if (r !== undefined) await Promise.allSettled([r.model.dispose(), r.store.close()]);
    },
  };
}
