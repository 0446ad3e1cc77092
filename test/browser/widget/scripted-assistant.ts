/**
 * A test double of the `Assistant` interface whose replies a test scripts: exact stream timing,
 * hostile markdown, failures, lock state and permission requests, none of which the default
 * model can be made to produce on demand. It emits the same events, in the same order, as the
 * real `createAssistant` (`message` before the turn, `reply` after it). Tests of the real
 * engine path use `createAssistant` itself (see `chat.test.ts`).
 */
import type {
  Assistant,
  EngineStatus,
  ModelInfo,
  NluResult,
  Reply,
  ReplyChunk,
  StoredMessage,
} from '../../../src/index.ts';
import type { WidgetAssistant } from '../../../widget/index.ts';
import { LockedError, WrongPassphraseError } from '../../../src/index.ts';

/** What one turn does. */
export interface ScriptedTurn {
  /** Streamed before the reply, one `delta` each. */
  deltas?: string[];
  /** Milliseconds between deltas. @default 0 */
  gapMs?: number;
  /** Fields of the reply (`text` defaults to the joined deltas). */
  reply?: Partial<Reply>;
  /** Throws this instead of replying. */
  error?: Error;
  /** Resolves before the reply is given (to hold a turn open). */
  hold?: Promise<unknown>;
}

/** Optional methods a test adds to the double, top level or grouped as on an `Assistant`. */
export interface ScriptedExtras {
  store?: Record<string, unknown>;
  skills?: Record<string, unknown>;
  lock?: () => Promise<void>;
  status?: EngineStatus;
}

/** The double, with handles for tests. It has only what the widget requires, plus `extras` given to it. */
export interface ScriptedAssistant extends WidgetAssistant {
  readonly model: ModelInfo;
  send(text: string, options?: { conversationId?: string }): Promise<Reply>;
  classify(text: string): Promise<NluResult>;
  /** Every text sent. */
  readonly sent: string[];
  /** Emits any event (also ones the core does not define yet, e.g. `permission-request`). */
  emit(event: { type: string } & Record<string, unknown>): void;
  /** Present when created with `passphrase`. */
  unlock?(passphrase: string): Promise<void>;
  /** Present when created with `passphrase`: locks silently, like the store's own `lock()`. */
  lock?(): Promise<void>;
  status?: EngineStatus;
}

const model: ModelInfo = { name: 'scripted', version: '0', labels: ['test'], threshold: 0.5, bytes: 0, language: 'en' };
const nlu = (text: string): NluResult => ({
  text,
  intent: 'test',
  confidence: 1,
  outOfScope: false,
  intents: [],
  entities: [],
  modelVersion: '0',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the double.
 * @param script what each turn does, from the text sent
 * @param options prior history, and a passphrase to start locked with
 */
export function createScriptedAssistant(
  script: (text: string) => ScriptedTurn = (text) => ({ reply: { text: `echo: ${text}` } }),
  options: { history?: StoredMessage[]; passphrase?: string; extras?: ScriptedExtras } = {},
): ScriptedAssistant {
  const { store: storeExtras, skills, ...top } = options.extras ?? {};
  const listeners = new Map<string, Set<(event: never) => void>>();
  const messages: StoredMessage[] = [...(options.history ?? [])];
  const sent: string[] = [];
  let locked = options.passphrase !== undefined;
  let conversation = messages[0]?.conversationId ?? 'c1';
  let ids = 0;
  const emit = (event: { type: string; [key: string]: unknown }) => {
    for (const listener of listeners.get(event.type) ?? []) (listener as (e: unknown) => void)(event);
  };
  const guard = () => {
    if (locked) throw new LockedError();
  };

  async function* stream(text: string, sendOptions: { conversationId?: string } = {}): AsyncGenerator<ReplyChunk> {
    guard();
    sent.push(text);
    const conversationId = sendOptions.conversationId ?? conversation;
    // Like the real assistant's, the event names the id the message is stored under.
    const id = `m${++ids}`;
    emit({ type: 'message', id, text, conversationId });
    const turn = script(text);
    const sentAt = Date.now();
    messages.push({ id, conversationId, role: 'user', text, createdAt: sentAt });
    for (const delta of turn.deltas ?? []) {
      await sleep(turn.gapMs ?? 0);
      yield { type: 'delta', text: delta };
    }
    await turn.hold;
    if (turn.error) throw turn.error;
    const reply: Reply = {
      id: `m${++ids}`,
      conversationId,
      text: (turn.deltas ?? []).join(''),
      understanding: { intent: 'test', confidence: 1, nlu: nlu(text), entities: [], slots: {}, action: 'new-intent' },
      // Like the real engine's, after its message even within one millisecond (the history sorts by time).
      createdAt: Math.max(Date.now(), sentAt + 1),
      ...turn.reply,
    };
    messages.push({ id: reply.id, conversationId, role: 'assistant', text: reply.text, createdAt: reply.createdAt });
    emit({ type: 'reply', reply });
    yield { type: 'done', reply };
  }

  const assistant: ScriptedAssistant = {
    sent,
    model,
    emit,
    async send(text, sendOptions) {
      let reply: Reply | undefined;
      for await (const chunk of stream(text, sendOptions)) if (chunk.type === 'done') reply = chunk.reply;
      return reply as Reply;
    },
    stream: (text, sendOptions) => stream(text, sendOptions),
    classify: async (text) => nlu(text),
    store: {
      async history(conversationId?: string, historyOptions: { limit?: number; before?: number } = {}) {
        guard();
        const id = conversationId ?? conversation;
        const before = historyOptions.before ?? Infinity;
        return messages
          .filter((m) => m.conversationId === id && m.createdAt < before)
          .sort((a, b) => b.createdAt - a.createdAt)
          .slice(0, historyOptions.limit ?? Infinity);
      },
      async conversations() {
        const ids = [...new Set(messages.map((m) => m.conversationId))];
        return ids.map((id) => ({
          id,
          title: messages.find((m) => m.conversationId === id)?.text ?? '',
          createdAt: 0,
          updatedAt: Date.now(),
        }));
      },
      async newConversation() {
        conversation = `c${++ids}`;
        return conversation;
      },
      ...storeExtras,
    },
    ...(skills === undefined ? {} : { skills }),
    ...top,
    on: ((type: string, listener: (event: never) => void) => {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      set.add(listener);
      return () => set.delete(listener);
    }) as Assistant['on'],
    async dispose() {
      listeners.clear();
    },
  };
  if (options.passphrase !== undefined) {
    Object.defineProperty(assistant, 'status', { get: () => (locked ? 'locked' : 'ready'), enumerable: true });
    assistant.unlock = async (passphrase: string) => {
      if (passphrase !== options.passphrase) throw new WrongPassphraseError();
      locked = false;
      emit({ type: 'status', status: 'ready' });
    };
    assistant.lock = async () => {
      locked = true;
    };
  }
  return assistant;
}
