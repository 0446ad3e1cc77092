/**
 * The engine, in this thread: the one implementation of the `Engine` contract. The Worker
 * entry exposes this same object through comlink; `createAssistant({ worker: false })` uses it
 * directly (Node, tests).
 *
 * A turn is: classify → dialogue decision and skill → the reply, shown at once (a `done` chunk) →
 * the user's message, the reply and the dialogue state stored, behind it (./turn-writes.ts); the
 * turn resolves once they are. Turns are decided one at a time per engine, in the order they were
 * sent, and written in that order, so concurrent sends never interleave their dialogue-state writes.
 *
 * @module
 */
import type { Engine, EngineMethodName } from './contract.ts';
import type {
  EngineEvent,
  EngineHost,
  EngineOptions,
  EngineStatus,
  ModelSource,
  ProgressEvent,
  Reply,
  ReplyChunk,
  SendRequest,
  Understanding,
} from './types.ts';
import { OOS_LABEL, type ModelInfo } from '../nlu/types.ts';
import type { SkillDefinition } from '../skills/types.ts';
import { checkAppSkills } from '../skills/define-skill.ts';
import { ConfidantError, LockedError, UnsupportedError, WorkerError } from '../errors.ts';
import type { IntentModel } from '../nlu/runtime/intent-model.ts';
import type { SlotTagger } from '../nlu/tagger/slot-tagger.ts';
import { withSlotEntities } from '../nlu/tagger/slot-entities.ts';
import { loadEngineTagger, startingTagger } from './tagger-loader.ts';
import { defaultTimeZone } from '../nlu/entities/time-zone.ts';
import type { HistoryMessage, NewMessage, Store } from '../store/index.ts';
import { newMessageIds } from '../store/message-ids.ts';
import type { DialogueState } from '../dialogue/types.ts';
import { loadEngineModel, startingModel } from './model-loader.ts';
import { prepareWasm } from './ort-wasm.ts';
import { paceProgress } from './progress-pace.ts';
import { loadEngineContextModel, startingContextModel } from './context-loader.ts';
import type { ContextModel } from '../context/context-model.ts';
import { createContextPolicy } from '../context/context-policy.ts';
import { locateTrainer } from './assets.ts';
import { startServices, stopServices, type EngineServices } from './services.ts';
import { adminMethods } from './admin.ts';
import { versionsToTry } from './model-versions.ts';
import { toReply } from './reply.ts';
import { checkMessageLength } from './message-limits.ts';
import { createStoreReopener } from './store-reopen.ts';

/** The histogram of the context model's time per turn (the bench reads it from inside the Worker). @internal */
export const CONTEXT_MODEL_HISTOGRAM = 'confidant_context_model_duration_seconds';
import { joinTabSync, type TabSignal, type TabSync } from './tab-sync.ts';
import { titleFromTurn, TITLE_TURNS } from './conversation-title.ts';
import { toStoredMessage } from './feedback.ts';
import { createTurnWrites } from './turn-writes.ts';
import { understoodText } from '../nlu/runtime/junk.ts';

/** What the host hands the engine besides its options. @internal */
export interface LocalEngineHooks {
  /** App-defined skills, run in this realm before the built-in ones. */
  skills?: SkillDefinition[];
  /** Wraps callbacks that cross the transport (comlink's `proxy` in the Worker). @default identity */
  wrapCallback?: <T extends object>(value: T) => T;
}

/** The engine's mutable state, shared with the admin methods. @internal */
export interface EngineState {
  options: EngineOptions;
  model: IntentModel;
  /** The context model the dialogue policy asks on every turn. */
  contextModel: ContextModel;
  /** What the model the engine started with (the bundled one, or the host's) is. */
  builtIn: ModelInfo;
  /** The stored version in use (`model-versions.ts`), or `undefined` for the built-in model. */
  modelVersion: string | undefined;
  /** True when the host's `model` is an extension file of the bundled model (training can then extend the bundled one). */
  extendsBundled: boolean;
  /** The slot tagger, when one is loaded: its spans join the turn's entities. */
  tagger: SlotTagger | undefined;
  store: Store;
  services: EngineServices | undefined;
  conversationId: string | undefined;
  status: EngineStatus;
  /** Tells other tabs on the same database what changed (see ./tab-sync.ts). */
  sync: TabSync;
  /** User turns seen per conversation still without a title; `-1` once it has one (./conversation-title.ts). */
  untitled: Map<string, number>;
}

/** The most of one message's text a `history` event carries; `store.readMessage` has the rest. */
const SYNCED_TEXT = 100_000;
/** Store warnings already printed in this realm (the IndexedDB-to-memory fallback). */
const warned = new Set<string>();

/**
 * Creates an engine that runs in this thread.
 * @throws {TypeError | RangeError} for an app skill `defineSkill` refuses (as the Worker setup's page does)
 * @internal
 */
export function createLocalEngine(hooks: LocalEngineHooks = {}): Engine {
  checkAppSkills(hooks.skills ?? []);
  let state: EngineState | undefined;
  let disposed = false;
  let host: EngineHost | undefined;
  let listener: ((event: EngineEvent) => void) | null = null;
  const inflight = new Map<string, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();
  // A failed write makes the dialogue forget its in-memory state of the conversation: the next turn reads the store's.
  const writes = createTurnWrites((conversationId) => state?.services?.dialogue.forget(conversationId));
  /** Tells listeners a turn's write failed (the turn's own promise rejects too). */
  const reportWrite = (error: unknown, recordId: string) => {
    const code = (error as { code?: unknown } | null)?.code;
    emit({
      type: 'storage-error',
      code: typeof code === 'string' ? code : 'storage',
      table: 'messages',
      recordId,
      message: `A turn could not be stored: ${error instanceof Error ? error.message : String(error)}`,
    });
  };
  const wrapCallback = hooks.wrapCallback ?? (<T extends object>(value: T) => value);

  const emit = (event: EngineEvent) => {
    try {
      listener?.(event);
    } catch {
      // A listener on the other side of a dead transport must not break the engine.
    }
  };
  const setStatus = (s: EngineState, status: EngineStatus) => {
    s.status = status;
    emit({ type: 'status', status });
  };
  const disposedError = () => new WorkerError('The engine was disposed', { code: 'disposed' });
  const current = (): EngineState => {
    if (disposed) throw disposedError();
    if (state === undefined)
      throw new ConfidantError('The engine is not started: call init() first', { code: 'not-ready' });
    return state;
  };
  const unlocked = (): EngineState & { services: EngineServices; conversationId: string } => {
    const s = current();
    if (s.services === undefined || s.conversationId === undefined) throw new LockedError();
    return s as EngineState & { services: EngineServices; conversationId: string };
  };
  // Resolved once: `defaultTimeZone()` builds an Intl.DateTimeFormat (~0.1 ms) on every classify.
  let platformZone: string | undefined;
  const classifyOptions = (s: EngineState) => ({
    timeZone: s.options.timeZone ?? (platformZone ??= defaultTimeZone()),
  });
  /** Intent and rule entities, then the tagger's slot spans (when a tagger is loaded). */
  const understand = async (s: EngineState, text: string) => {
    const tagger = s.tagger;
    const [nlu, spans] = await Promise.all([s.model.classify(text, classifyOptions(s)), tagger?.tag(text) ?? []]);
    return withSlotEntities(nlu, spans);
  };

  // Opens the store with the engine's options; a deletion under it starts the engine over (./store-reopen.ts).
  const reopener = createStoreReopener({
    current: () => (disposed ? undefined : state),
    emit,
    setStatus,
    restart: async (s) => {
      stopServices(s.services);
      s.services = undefined;
      s.conversationId = undefined;
    },
    activate: (s) => activate(s),
  });
  const openEngineStore = reopener.open;

  /** Once the store is unlocked: restore a trained model, start the services, pick the conversation. */
  const activate = async (s: EngineState) => {
    if (s.options.model === undefined) await restoreVersion(s);
    s.services = await startServices(s.store, {
      options: s.options,
      modelLabels: s.model.info.labels,
      currentLabels: () => s.model.info.labels,
      localSkills: hooks.skills ?? [],
      host,
      wrapCallback,
      emit,
      announce: (conversationId, text, skillId) => announce(s, conversationId, text, skillId),
      // Reads the model in use at each turn, so a swapped-in model answers the next turn.
      policy: createContextPolicy({
        run: async (input) => {
          const started = performance.now();
          const out = await s.contextModel.run(input);
          s.services?.metrics.observe(
            CONTEXT_MODEL_HISTOGRAM,
            'Time the context model took to decide a turn (featurize and run).',
            (performance.now() - started) / 1000,
          );
          return out;
        },
      }),
    });
    const retention = await s.store.settings().get<number>('retention.days');
    if (typeof retention === 'number') await s.store.applyRetention(retention);
    const [latest] = await s.store.listConversations();
    s.conversationId = latest?.id ?? (await s.store.createConversation()).id;
    setStatus(s, 'ready');
  };

  /**
   * Puts the stored version in use back (the host's own `model` always wins over stored ones). A
   * version that no longer loads is reported and gives way to the one before it, then to the
   * built-in model: the assistant always starts answering.
   */
  const restoreVersion = async (s: EngineState) => {
    for (const [, ids] of await versionsToTry(s.store)) {
      for (const id of ids) {
        const stored = await s.store.getModel(id);
        try {
          if (stored === undefined) throw new Error('its bytes are missing or fail authentication');
          await swapModel(s, await loadModel(stored.bytes, s.options));
          s.modelVersion = id;
          break;
        } catch (error) {
          emit({
            type: 'storage-error',
            code: 'model-load',
            recordId: id,
            table: 'models',
            message: `Model version ${id} does not load: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      }
    }
  };

  const swapModel = async (s: EngineState, next: IntentModel) => {
    const previous = s.model;
    s.model = next;
    emit({ type: 'model', model: next.info });
    await previous.dispose();
  };

  const announce = async (s: EngineState, conversationId: string, text: string, skillId: string): Promise<Reply> => {
    const stored = await s.store.addMessage({
      conversationId,
      role: 'assistant',
      text,
      meta: { notification: skillId },
    });
    s.sync.post({ kind: 'messages', conversationId, ids: [stored.id] });
    const nlu = {
      text: '',
      intent: null,
      confidence: 0,
      outOfScope: true,
      intents: [],
      entities: [],
      modelVersion: s.model.info.version,
    };
    const reply = toReply(
      stored,
      { text },
      { intent: null, confidence: 0, nlu, entities: [], slots: {}, action: 'notification', skill: skillId },
    );
    emit({ type: 'notification', reply });
    return reply;
  };

  /** Titles a conversation from its first turns that have a topic (./conversation-title.ts). */
  const autoTitle = async (s: EngineState, conversationId: string, text: string, intent: string | null) => {
    let seen = s.untitled.get(conversationId);
    if (seen === -1) return;
    if (seen === undefined) {
      const title = await s.store.getTitle(conversationId);
      if (title === undefined || title !== '') return void s.untitled.set(conversationId, -1);
      seen = 0;
    }
    const title = titleFromTurn(text, intent, seen + 1);
    if (title === undefined && seen + 1 < TITLE_TURNS) return void s.untitled.set(conversationId, seen + 1);
    s.untitled.set(conversationId, -1);
    if (title === undefined) return;
    await s.store.setTitle(conversationId, title);
    s.sync.post({ kind: 'conversations' });
  };

  /** Closes the store and opens it again (after a wipe here or in another tab): a fresh key, fresh services. */
  const reopen = async (s: EngineState) => {
    stopServices(s.services);
    s.services = undefined;
    s.conversationId = undefined;
    s.untitled.clear();
    await s.store.close();
    s.store = await openEngineStore(s.options);
    if (s.store.locked) setStatus(s, 'locked');
    else await activate(s);
  };

  /** What another tab changed: follow it here and tell the assistant's listeners. */
  const follow = async (signal: TabSignal) => {
    const s = state;
    if (s === undefined || disposed) return;
    switch (signal.kind) {
      case 'messages': {
        if (s.services === undefined) return;
        // That tab moved the dialogue on: this tab's cached state of the conversation is stale.
        s.services.dialogue.forget(signal.conversationId);
        s.untitled.delete(signal.conversationId);
        const found = await Promise.all(signal.ids.map((id) => s.store.getMessage(id)));
        const messages = found
          .filter((m): m is HistoryMessage => m !== undefined && m.conversationId === signal.conversationId)
          .map((m) => toStoredMessage(m, SYNCED_TEXT));
        if (messages.length > 0)
          emit({ type: 'history', change: 'messages', conversationId: signal.conversationId, messages });
        return;
      }
      case 'conversations':
        s.untitled.clear();
        return emit({ type: 'history', change: 'conversations' });
      case 'erased': {
        const old = s.services;
        if (old === undefined) return emit({ type: 'history', change: 'erased' });
        // New services first, then the old ones stopped: calls made meanwhile never see a "locked" engine.
        s.untitled.clear();
        await activate(s);
        stopServices(old);
        return emit({ type: 'history', change: 'erased' });
      }
      case 'locked':
        // Device mode has no secret to lock with: only a passphrase store follows.
        if (s.services === undefined || s.store.keyMode !== 'passphrase') return;
        await writes.settled();
        if (s.services !== undefined) lockHere(s);
        return;
      case 'reset':
        await reopen(s);
        return emit({ type: 'history', change: 'reset' });
    }
  };

  const restartServices = async (s: EngineState) => {
    stopServices(s.services);
    s.services = undefined;
    s.conversationId = undefined;
    s.untitled.clear();
    await activate(s);
  };

  const lockHere = (s: EngineState) => {
    stopServices(s.services);
    s.services = undefined;
    s.conversationId = undefined;
    s.store.lock();
    setStatus(s, 'locked');
  };

  /**
   * Writes a turn's messages (one transaction) and its dialogue state side by side, behind the reply
   * (./turn-writes.ts); then tells other tabs and titles the conversation, in the same order.
   */
  const persist = (
    s: EngineState,
    conversationId: string,
    epoch: number,
    records: NewMessage[],
    state: DialogueState | undefined,
    text: string,
    intent: string | null,
  ): Promise<HistoryMessage[]> =>
    writes.write(conversationId, epoch, async () => {
      // One transaction for the messages and the state (each costs ~0.4 ms, more under load): both or neither.
      const messages = await s.store.addMessages(
        records,
        state === undefined ? {} : { dialogueState: { conversationId, state } },
      );
      s.sync.post({ kind: 'messages', conversationId, ids: messages.map((m) => m.id) });
      // The turn is stored: a title that cannot be written leaves the conversation untitled, not the turn failed.
      await autoTitle(s, conversationId, text, intent).catch((error: unknown) => reportWrite(error, conversationId));
      return messages;
    });

  /** The user's words are kept even when the turn fails, so a retry or a reload shows them. */
  const keepWords = (s: EngineState, record: NewMessage) =>
    void writes.after(async () => {
      const kept = await s.store.addMessage(record).catch(() => undefined);
      if (kept !== undefined) s.sync.post({ kind: 'messages', conversationId: kept.conversationId, ids: [kept.id] });
    });

  const answer = async (
    request: SendRequest,
    signal: AbortSignal,
    onChunk?: (chunk: ReplyChunk) => void,
    decided?: () => void,
  ): Promise<Reply> => {
    const s = unlocked();
    const conversationId = request.conversationId ?? s.conversationId;
    const started = performance.now();
    // Taken before the dialogue state is: see ./turn-writes.ts.
    const epoch = writes.epoch(conversationId);
    // Chosen now (the caller's, or new) so the reply shown before its write has its stored id.
    const [userId, replyId] = request.messageIds ?? (newMessageIds(2) as [string, string]);
    // A retry (the Worker died mid-turn, see ./supervised-engine.ts): what the first attempt stored counts.
    let keptUser: HistoryMessage | undefined;
    if (request.retry === true) {
      const done = await s.store.getMessage(replyId);
      const understanding = (done?.meta as { understanding?: Understanding } | undefined)?.understanding;
      if (done !== undefined && understanding !== undefined) return toReply(done, { text: done.text }, understanding);
      keptUser = await s.store.getMessage(userId);
    }
    const record: NewMessage = {
      id: userId,
      conversationId,
      role: 'user',
      text: request.text,
      createdAt: keptUser?.createdAt ?? Date.now(),
    };
    // Markup is read as the text it shows ("call me <b>bob</b>"); the stored message keeps what was typed.
    const said = understoodText(request.text);
    const nlu = await understand(s, said);
    signal.throwIfAborted();
    record.meta = { nlu };
    const replyRecord = (text: string, understanding: Understanding) => ({
      id: replyId,
      conversationId,
      role: 'assistant' as const,
      text,
      meta: { understanding },
      createdAt: Math.max(Date.now(), (record.createdAt as number) + 1),
    });
    // The turn's messages: the user's only if a first attempt did not keep it already.
    const turnRecords = (reply: NewMessage) => (keptUser === undefined ? [record, reply] : [reply]);
    let written: Promise<HistoryMessage[]> | undefined;
    let result;
    try {
      result = await s.services.dialogue.handle({
        conversationId,
        text: said,
        nlu,
        signal,
        ...(onChunk === undefined ? {} : { onDelta: (text: string) => onChunk({ type: 'delta', text }) }),
        // Queued, not awaited: the manager keeps the state in memory for the next turn, and
        // `persist` makes it forget that copy if the write fails (./turn-writes.ts).
        save: async (state, { reply, understanding }) => {
          const records = turnRecords(replyRecord(reply.text, understanding));
          written = persist(s, conversationId, epoch, records, state, request.text, understanding.intent);
          written.catch(() => undefined);
        },
      });
    } catch (error) {
      if (written === undefined && keptUser === undefined) keepWords(s, record);
      throw error;
    }
    const { reply, understanding } = result;
    const planned = replyRecord(reply.text, understanding);
    // A manager that did not call `save` (a custom one) still gets the turn's messages stored.
    written ??= persist(s, conversationId, epoch, turnRecords(planned), undefined, request.text, understanding.intent);
    // Decided: the next turn may start, and the reply is shown while it is written.
    decided?.();
    onChunk?.({ type: 'done', reply: toReply(planned, reply, understanding) });
    let stored: HistoryMessage;
    try {
      stored = (await written).at(-1) as HistoryMessage;
    } catch (error) {
      // Shown but not stored: said to the caller (this rejection) and to every listener.
      reportWrite(error, replyId);
      if (keptUser === undefined) keepWords(s, record);
      throw error;
    }
    s.services?.metrics.recordTurn(
      understanding.intent ?? OOS_LABEL,
      performance.now() - started,
      reply.failed === undefined ? 'ok' : 'error',
    );
    return toReply(stored, reply, understanding);
  };

  // The lifecycle, turns and the assistant's top level; `adminMethods` adds the grouped rest.
  const own: Pick<Engine, EngineMethodName<'engine' | 'assistant'>> = {
    async init(
      options: EngineOptions,
      reportProgress?: (event: ProgressEvent) => void,
      engineHost?: EngineHost,
    ): Promise<ModelInfo> {
      if (disposed) throw disposedError();
      if (state !== undefined) return state.model.info;
      const onProgress = reportProgress === undefined ? undefined : paceProgress(reportProgress);
      host = engineHost;
      locateTrainer(options.assetUrls);
      // The store (IndexedDB, keys) opens while the models and wasm download and compile: a cold start
      // waits for the slower of the two, not for both in turn. The models are loaded side by side.
      const { source, sha256 } = startingModel(options);
      const contextSource = startingContextModel(options);
      const taggerSource = startingTagger(options);
      let extendsBundled = false;
      // The Cache Storage writes of what was downloaded run while the wasm compiles and the sessions are
      // created; the engine is ready once they are done, so a reload right after finds the files kept.
      const keeps: Promise<void>[] = [];
      const deferKeep = (write: Promise<void>) => void keeps.push(write);
      type Models = { model: IntentModel; contextModel: ContextModel; tagger: SlotTagger | undefined };
      const loadModels = async (): Promise<Models> => {
        // Everything downloads at once: the Worker's thread reads the responses, and it is busy compiling
        // and creating sessions once the wasm is in, so a download left for then would stall. ONNX
        // Runtime's wasm is verified once (./ort-wasm.ts); each session starts as soon as it is.
        void prepareWasm(options, { ...(onProgress === undefined ? {} : { onProgress }), deferKeep });
        const [intent, context, slots] = await Promise.allSettled([
          loadModel(source, options, onProgress, sha256, () => (extendsBundled = true), deferKeep),
          loadEngineContextModel(contextSource.source, options, contextSource.sha256, deferKeep),
          taggerSource === undefined
            ? undefined
            : loadEngineTagger(taggerSource.source, options, taggerSource.sha256, deferKeep),
        ]);
        if (intent.status === 'fulfilled' && context.status === 'fulfilled' && slots.status === 'fulfilled')
          return { model: intent.value, contextModel: context.value, tagger: slots.value };
        await Promise.allSettled(
          [intent, context, slots].map((loaded) =>
            loaded.status === 'fulfilled' ? loaded.value?.dispose() : undefined,
          ),
        );
        throw [intent, context, slots].find((loaded) => loaded.status === 'rejected')?.reason;
      };
      const [opened, loaded] = await Promise.allSettled([openEngineStore(options), loadModels()]);
      await Promise.all(keeps);
      // Disposed while it loaded (`createAssistant`'s signal aborted): what was opened is closed, and
      // nothing starts (no store left open, no timers, no tab sync).
      if (disposed || opened.status === 'rejected' || loaded.status === 'rejected') {
        if (opened.status === 'fulfilled') await opened.value.close();
        if (loaded.status === 'fulfilled') {
          await loaded.value.model.dispose();
          await loaded.value.contextModel.dispose();
          await loaded.value.tagger?.dispose();
        }
        if (disposed) throw disposedError();
        throw opened.status === 'rejected' ? opened.reason : (loaded as PromiseRejectedResult).reason;
      }
      const store = opened.value;
      const { model, contextModel, tagger } = loaded.value;
      // Said once per realm, not once per assistant: a page that starts several must not flood the console.
      if (store.warning !== undefined && !warned.has(store.warning.code)) {
        warned.add(store.warning.code);
        console.warn(`Confidant: ${store.warning.message}`);
      }
      const s: EngineState = {
        options,
        model,
        contextModel,
        builtIn: model.info,
        modelVersion: undefined,
        extendsBundled,
        tagger,
        store,
        services: undefined,
        conversationId: undefined,
        status: 'starting',
        // A memory store is this engine's alone: nobody to tell.
        sync: store.persistent
          ? joinTabSync(store.name, (signal) => void follow(signal).catch(() => undefined))
          : { post: () => undefined, close: () => undefined },
        untitled: new Map(),
      };
      state = s;
      try {
        if (store.locked) setStatus(s, 'locked');
        else await activate(s);
      } catch (error) {
        if (!disposed) throw error;
      }
      if (disposed) {
        // Disposed while the services started (`dispose` closed the store under them, and saw no
        // services yet): they are stopped here.
        stopServices(s.services);
        throw disposedError();
      }
      onProgress?.({ status: 'ready', model: s.model.info });
      return s.model.info;
    },

    send(request: SendRequest, onChunk?: (chunk: ReplyChunk) => void): Promise<Reply> {
      current();
      // Refused before it is queued, classified or stored (see ./message-limits.ts).
      checkMessageLength(request.text);
      const controller = new AbortController();
      const id = request.requestId;
      if (id !== undefined) inflight.set(id, controller);
      let decided!: () => void;
      const next = new Promise<void>((resolve) => (decided = resolve));
      const turn = queue.then(async () => {
        controller.signal.throwIfAborted();
        // A turn caught by a deletion of the database is answered again, once, on the new one.
        return reopener.retrying(
          () => answer(request, controller.signal, onChunk, decided),
          () => answer({ ...request, retry: true }, controller.signal, onChunk, decided),
          controller.signal,
        );
      });
      // The next turn starts once this one is decided (its write is queued behind: ./turn-writes.ts).
      queue = Promise.race([next, turn.catch(() => undefined)]);
      return turn.finally(() => {
        if (id !== undefined) inflight.delete(id);
      });
    },

    async cancel(requestId: string, reason?: string): Promise<void> {
      inflight.get(requestId)?.abort(new DOMException(reason ?? 'The turn was cancelled', 'AbortError'));
    },

    async classify(text: string) {
      return understand(current(), text);
    },

    async status() {
      return disposed ? 'disposed' : (state?.status ?? 'starting');
    },

    async unlock(passphrase: string) {
      const s = current();
      await s.store.unlock(passphrase);
      if (s.services === undefined) await activate(s);
      else setStatus(s, 'ready');
    },

    async unlockWithPasskey(credentialId: Uint8Array, prfOutput: Uint8Array) {
      const s = current();
      await s.store.unlockWithPasskey(credentialId, prfOutput);
      if (s.services === undefined) await activate(s);
      else setStatus(s, 'ready');
    },

    async lock() {
      const s = current();
      // Device mode keeps its key beside the data: "locking" would be undone by any unlock (issue 16).
      if (s.store.keyMode === 'device')
        throw new UnsupportedError('Device mode has no secret to lock the history with: use passphrase mode', {
          code: 'device-mode',
        });
      // The turns already answered are written with the key before it goes.
      await writes.settled();
      lockHere(s);
      s.sync.post({ kind: 'locked' });
    },

    async metrics() {
      return unlocked().services.metrics.snapshot();
    },

    async setListener(next) {
      listener = next;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const controller of inflight.values())
        controller.abort(new DOMException('The engine was disposed', 'AbortError'));
      const s = state;
      state = undefined;
      emit({ type: 'status', status: 'disposed' });
      listener = null;
      if (s === undefined) return;
      // Turns already answered are stored before the store closes.
      await writes.settled();
      s.sync.close();
      stopServices(s.services);
      await Promise.allSettled([s.model.dispose(), s.contextModel.dispose(), s.tagger?.dispose(), s.store.close()]);
    },
  };
  const admin = adminMethods({
    current,
    unlocked,
    inflight,
    emit,
    setStatus,
    swapModel,
    loadModel: (source: ModelSource, options: EngineOptions) => loadModel(source, options),
    restart: restartServices,
    reopen,
  });
  // History, privacy controls and the rest read and change what turns wrote: they wait for the
  // writes of the turns already answered (./turn-writes.ts), so a reply shown is in every read
  // after it and an erase comes after every write before it.
  const afterWrites = Object.fromEntries(
    Object.entries(admin).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        await writes.settled();
        return (method as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as typeof admin;
  return { ...own, ...afterWrites };
}

/**
 * Loads a model with the engine's wasm; URLs and the wasm go through the verified offline cache,
 * and `sha256`, when given, is the digest the model's bytes must have (see ./model-loader.ts).
 */
function loadModel(
  source: NonNullable<EngineOptions['model']>,
  options: EngineOptions,
  onProgress?: (event: ProgressEvent) => void,
  sha256?: string,
  onExtension?: () => void,
  deferKeep?: (write: Promise<void>) => void,
): Promise<IntentModel> {
  return loadEngineModel(source, options, {
    ...(onProgress === undefined ? {} : { onProgress }),
    ...(onExtension === undefined ? {} : { onExtension }),
    ...(deferKeep === undefined ? {} : { deferKeep }),
    sha256,
  });
}
