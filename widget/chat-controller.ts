/**
 * The conversation as the widget shows it, kept in a Lit ReactiveController: it subscribes to the
 * assistant's events with `on()` in `hostConnected` and unsubscribes in `hostDisconnected`, restores
 * history with `history()`, and runs each turn through `stream()` so replies render as they grow.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AssistantEvent, EngineStatus, ProgressEvent, Reply, StoredMessage } from '../src/index.ts';
import { has, readStatus } from './assistant-extras.ts';
import type { PermissionRequestEvent, WidgetAssistant } from './assistant-extras.ts';
import { ConfidantErrorEvent, ConfidantReplyEvent } from './events.ts';

/** One message in the list. Items are immutable: a change replaces the object (so render caches can key on it). */
export interface ChatItem {
  /** The stored message id, or a local id while it has none. */
  readonly key: string;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly markdown?: string | undefined;
  readonly quickReplies?: Readonly<Reply['quickReplies']>;
  readonly cards?: Readonly<Reply['cards']>;
  readonly createdAt: number;
  /** `sent`/`failed` for the user's messages; `streaming`/`done` for the assistant's. */
  readonly state: 'sent' | 'failed' | 'streaming' | 'done';
  /** What the reply's question asks for: a `confirmation` gets Yes/No chips. */
  readonly asks?: Reply['asks'];
  /** The user's rating of a stored reply. */
  readonly rating?: StoredMessage['rating'];
  /** Set when `text` is only the start of a longer stored message: its whole length. */
  readonly fullLength?: number;
  /** How much of a long text is shown; collapsed to its start without. */
  readonly shown?: number;
}

/** What the controller tells its element besides re-rendering. */
export interface ChatHooks {
  /** A reply nobody asked for right now arrived: a timer or reminder fired. */
  onNotification?(reply: Reply): void;
  /** Another tab changed the conversation list. */
  onListChanged?(): void;
}

/** The longest text announced to screen readers; the message itself is in the list. */
const ANNOUNCED = 1000;

/** The widget's view of the engine: not loaded yet, loading, failed to load, or an engine status. */
export type ChatStatus = 'idle' | 'loading' | 'failed' | EngineStatus;

/** How many messages a history page holds. */
export const historyPage = 50;

/**
 * The most of one message's text a page brings to the page's thread; "Show more" reads on. A message
 * stored before the length bound may hold megabytes: receiving them at once blocked the page for
 * ~100 ms (garbage collection of the copy), and no view shows that much anyway.
 */
export const textPage = 100_000;

type Host = ReactiveControllerHost & HTMLElement;

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** Holds the message list and runs turns against the host's assistant. */
export class ChatController implements ReactiveController {
  items: readonly ChatItem[] = [];
  status: ChatStatus = 'idle';
  /** Loading progress from 0 to 1, when known. */
  progress: number | undefined;
  conversationId: string | undefined;
  /** Older messages exist before the first shown. */
  hasEarlier = false;
  /** Skills waiting for the user's consent, oldest first. */
  requests: readonly PermissionRequestEvent[] = [];
  /** The latest whole reply to announce; `count` changes even when the text repeats. */
  announcement = { text: '', count: 0 };

  readonly #host: Host;
  #assistant: WidgetAssistant | undefined;
  #connected = false;
  #restored = false;
  #offs: (() => void)[] = [];
  #waiters: ((assistant: WidgetAssistant) => void)[] = [];
  #seen = new Set<string>();
  #own: string[] = [];
  #pending = 0;
  #nextId = 0;
  /** The latest progress of each file being loaded. */
  #files: Record<string, { file: string; loaded?: number; total?: number }> = {};

  readonly #hooks: ChatHooks;

  constructor(host: Host, hooks: ChatHooks = {}) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  /** A turn is in flight and no text of its reply has arrived yet. */
  get typing(): boolean {
    return this.#pending > 0 && !this.items.some((item) => item.state === 'streaming') && this.status !== 'failed';
  }

  /** Swaps the assistant the list talks to; history is restored from the new one. */
  setAssistant(assistant: WidgetAssistant | undefined): void {
    if (assistant === this.#assistant) return;
    this.#unsubscribe();
    this.#assistant = assistant;
    this.#restored = false;
    // Keep what the user typed while the assistant was loading; it is sent once history is in.
    this.items = this.items.filter((item) => item.role === 'user' && !this.#seen.has(item.key));
    this.#seen.clear();
    this.#files = {};
    this.status = assistant ? (readStatus(assistant) ?? 'ready') : 'idle';
    if (assistant && this.#connected) this.#subscribe(assistant);
    if (assistant && this.status !== 'locked') void this.restore();
    this.#host.requestUpdate();
  }

  /** Set by the host while it loads its own assistant, and after lock and unlock. */
  setStatus(status: ChatStatus): void {
    // A new load (a first start, or "Try again") counts only its own files.
    if (status === 'loading') this.#files = {};
    this.status = status;
    this.#host.requestUpdate();
  }

  /**
   * Loading progress, from `createAssistant`'s `onProgress` or the `progress` event. The wasm and the
   * model download side by side: one bar for their bytes together. None (plain "Loading") while a
   * file's size is unknown, and once every byte is in (the engine is compiling and starting).
   */
  onProgress = (event: ProgressEvent): void => {
    if (event.status === 'initiate' || event.status === 'progress') this.#files[event.file] = event;
    let loaded = 0;
    let total = 0;
    for (const file of Object.values(this.#files)) {
      loaded += file.loaded ?? 0;
      total += file.total || NaN; // NaN (no bar) for a size not known yet
    }
    this.progress = loaded < total ? loaded / total : undefined;
    this.#host.requestUpdate();
  };

  hostConnected(): void {
    this.#connected = true;
    if (this.#assistant) this.#subscribe(this.#assistant);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  /** Loads the latest page of a conversation (default: the current one) and makes it the list. */
  async restore(conversationId?: string): Promise<void> {
    const assistant = this.#assistant;
    if (!assistant) return;
    let messages: StoredMessage[] = [];
    try {
      messages = await assistant.store.history(conversationId, { limit: historyPage, maxTextLength: textPage });
    } catch (error) {
      this.#fail(error);
      // Locked: wait for the unlock. Any other failure: the chat still works without old messages.
      if (this.status === 'locked') return this.#host.requestUpdate();
    }
    if (assistant !== this.#assistant) return;
    this.conversationId = messages[0]?.conversationId ?? conversationId ?? this.conversationId;
    for (const message of messages) this.#seen.add(message.id);
    // What came while the history was read stays, unless the history has it (by its stored id: an app's
    // message sent as its assistant was handed over may be in it, or not yet).
    const pending = this.items.filter((item) => !this.#seen.has(item.key));
    this.items = [...messages.reverse().map(fromStored), ...pending];
    this.hasEarlier = messages.length === historyPage;
    this.#restored = true;
    for (const resolve of this.#waiters.splice(0)) resolve(assistant);
    this.#host.requestUpdate();
  }

  /** Prepends the page of messages before the first one shown. */
  async loadEarlier(): Promise<void> {
    const first = this.items[0];
    if (!this.#assistant || !first) return;
    const messages = await this.#assistant.store.history(this.conversationId, {
      limit: historyPage,
      before: first.createdAt,
      maxTextLength: textPage,
    });
    for (const message of messages) this.#seen.add(message.id);
    this.items = [...messages.reverse().map(fromStored), ...this.items];
    this.hasEarlier = messages.length === historyPage;
    this.#host.requestUpdate();
  }

  /** Shows a past conversation; later turns go to it. */
  async openConversation(id: string): Promise<void> {
    this.items = [];
    this.#seen.clear();
    await this.restore(id);
    this.conversationId = id;
  }

  /** Empties the list at once (after "delete all history") and shows the conversation the assistant picks next. */
  async clear(): Promise<void> {
    this.items = [];
    this.#seen.clear();
    this.conversationId = undefined;
    this.hasEarlier = false;
    this.#host.requestUpdate();
    await this.restore();
  }

  /** Rates a stored reply (or clears the rating), showing it at once and taking it back if the store refuses. */
  async rate(item: ChatItem, rating: 'up' | 'down' | null): Promise<void> {
    const store = this.#assistant?.store;
    if (!has(store, 'rateMessage')) return;
    const replace = (from: ChatItem, to: ChatItem) => {
      this.items = this.items.map((other) => (other === from ? to : other));
      this.#host.requestUpdate();
    };
    const { rating: _old, ...rest } = item;
    const rated: ChatItem = rating === null ? rest : { ...rest, rating };
    replace(item, rated);
    try {
      await store.rateMessage(item.key, rating);
    } catch (error) {
      replace(rated, item);
      this.#host.dispatchEvent(new ConfidantErrorEvent(error));
    }
  }

  /**
   * Shows `shown` code units of a long message (`undefined` collapses it), reading the rest of one that
   * came cut (`fullLength`) from the assistant first.
   */
  async expand(item: ChatItem, shown: number | undefined): Promise<void> {
    const { shown: _old, fullLength, ...rest } = item;
    let text = item.text;
    const store = this.#assistant?.store;
    if (shown !== undefined && shown > text.length && fullLength !== undefined && has(store, 'readMessage')) {
      try {
        text += await store.readMessage(item.key, text.length, shown);
      } catch (error) {
        return void this.#host.dispatchEvent(new ConfidantErrorEvent(error));
      }
    }
    const next: ChatItem = {
      ...rest,
      text,
      ...(fullLength !== undefined && text.length < fullLength ? { fullLength } : {}),
      ...(shown === undefined ? {} : { shown }),
    };
    this.items = this.items.map((other) => (other.key === item.key ? next : other));
    this.#host.requestUpdate();
  }

  /** The whole text of a message (read from the store when only its start is shown). */
  async fullText(item: ChatItem): Promise<string> {
    const store = this.#assistant?.store;
    if (item.fullLength === undefined || !has(store, 'readMessage')) return item.text;
    return store.readMessage(item.key);
  }

  /** Starts a new, empty conversation. */
  async newConversation(): Promise<void> {
    if (!this.#assistant) return;
    this.conversationId = await this.#assistant.store.newConversation();
    this.items = [];
    this.hasEarlier = false;
    this.#host.requestUpdate();
  }

  /** Sends the user's text; the reply streams into the list. Waits for the assistant if it is still loading. */
  async send(text: string): Promise<void> {
    const item: ChatItem = { key: `local-${this.#nextId++}`, role: 'user', text, createdAt: Date.now(), state: 'sent' };
    this.items = [...this.items, item];
    await this.#turn(item);
  }

  /** Sends a failed message again. */
  async retry(item: ChatItem): Promise<void> {
    const sent: ChatItem = { ...item, state: 'sent' };
    this.items = this.items.map((other) => (other === item ? sent : other));
    await this.#turn(sent);
  }

  /** Removes an answered consent request from the queue. */
  resolveRequest(request: PermissionRequestEvent): void {
    this.requests = this.requests.filter((other) => other !== request);
    this.#host.requestUpdate();
  }

  async #turn(user: ChatItem): Promise<void> {
    this.#pending++;
    this.#host.requestUpdate();
    const assistant =
      this.#assistant && this.#restored
        ? this.#assistant
        : await new Promise<WidgetAssistant>((resolve) => this.#waiters.push(resolve));
    // The streamed reply's key, then the decided reply's (which the stream may still fail to store).
    let key = `stream-${this.#nextId++}`;
    let text = '';
    let pending = true;
    const settle = () => {
      if (pending) this.#pending--;
      pending = false;
    };
    this.#own.push(user.text);
    try {
      const options = this.conversationId === undefined ? {} : { conversationId: this.conversationId };
      // The reply comes as soon as it is decided; the loop ends once the turn is stored.
      for await (const chunk of assistant.stream(user.text, options)) {
        if (chunk.type === 'delta') {
          text += chunk.text;
          this.#put({ key, role: 'assistant', text, createdAt: Date.now(), state: 'streaming' });
        } else {
          // Settled before the reply renders, so the typing indicator goes in the same update.
          settle();
          this.items = this.items.filter((item) => item.key !== key);
          key = chunk.reply.id;
          this.#addReply(chunk.reply);
          // The typing indicator goes even when the reply came first as an event (then already shown).
          this.#host.requestUpdate();
        }
      }
    } catch (error) {
      // Not stored (or not answered): the reply goes, and the user's message offers a retry.
      this.items = this.items
        .filter((item) => item.key !== key)
        .map((item) => (item === user ? { ...user, state: 'failed' } : item));
      if (errorCode(error) === 'locked') this.status = 'locked';
      this.#host.requestUpdate();
      this.#host.dispatchEvent(new ConfidantErrorEvent(error));
    } finally {
      const own = this.#own.indexOf(user.text);
      if (own >= 0) this.#own.splice(own, 1);
      // A turn whose reply is shown has nothing more to show once stored: an update here (after every
      // write) was one more whole render on the next turn's path, back to back (issue 14).
      if (pending) this.#host.requestUpdate();
      settle();
    }
  }

  #put(item: ChatItem): void {
    const index = this.items.findIndex((other) => other.key === item.key);
    this.items = index < 0 ? [...this.items, item] : this.items.map((other, i) => (i === index ? item : other));
    this.#host.requestUpdate();
  }

  #addReply(reply: Reply): void {
    if (this.#seen.has(reply.id)) return;
    this.#seen.add(reply.id);
    this.conversationId ??= reply.conversationId;
    const { text, markdown, quickReplies, cards, createdAt, asks } = reply;
    this.#put({
      key: reply.id,
      role: 'assistant',
      text,
      markdown,
      quickReplies,
      cards,
      createdAt,
      asks,
      state: 'done',
    });
    this.announcement = { text: text.slice(0, ANNOUNCED), count: this.announcement.count + 1 };
    void this.#host.updateComplete.then(() => this.#host.dispatchEvent(new ConfidantReplyEvent(reply)));
  }

  #onEvent = (event: AssistantEvent): void => {
    switch (event.type) {
      case 'message': {
        // Our own sends are already in the list; a message another caller sent (the host app) is added.
        const own = this.#own.indexOf(event.text);
        if (own >= 0) this.#own.splice(own, 1);
        else if (!event.conversationId || (this.conversationId ??= event.conversationId) === event.conversationId) {
          this.#put({
            // A custom `WidgetAssistant`, or an app's assistant from a `confidant-assistant` older than this
            // widget bundle, may not say the stored id.
            key: event.id ?? `local-${this.#nextId++}`,
            role: 'user',
            text: event.text,
            createdAt: Date.now(),
            state: 'sent',
          });
        }
        break;
      }
      case 'reply':
        if (!this.conversationId || event.reply.conversationId === this.conversationId) this.#addReply(event.reply);
        break;
      case 'notification':
        if (!this.conversationId || event.reply.conversationId === this.conversationId) this.#addReply(event.reply);
        this.#hooks.onNotification?.(event.reply);
        break;
      case 'history':
        this.#follow(event);
        break;
      case 'progress':
        this.onProgress(event.progress);
        break;
      case 'status': {
        const wasLocked = this.status === 'locked';
        this.status = event.status;
        if (event.status === 'ready') this.#files = {};
        if (wasLocked && event.status === 'ready') void this.restore();
        this.#host.requestUpdate();
        break;
      }
      default:
        break;
    }
  };

  /** What another tab did to the same history. */
  #follow(event: Extract<AssistantEvent, { type: 'history' }>): void {
    if (event.change === 'conversations') return this.#hooks.onListChanged?.();
    if (event.change !== 'messages') {
      // Erased or started over there: nothing shown here exists any more.
      this.#hooks.onListChanged?.();
      if (this.status !== 'locked') void this.clear();
      return;
    }
    // An empty view follows the other tab's conversation (its own has no message yet to be told apart by).
    if (this.conversationId === undefined && this.items.length === 0) this.conversationId = event.conversationId;
    if (event.conversationId !== this.conversationId) return this.#hooks.onListChanged?.();
    const fresh = event.messages.filter((message) => !this.#seen.has(message.id));
    for (const message of fresh) this.#seen.add(message.id);
    if (fresh.length === 0) return;
    this.items = [...this.items, ...fresh.map(fromStored)].sort((a, b) => a.createdAt - b.createdAt);
    this.#host.requestUpdate();
  }

  #subscribe(assistant: WidgetAssistant): void {
    const types = ['message', 'reply', 'notification', 'progress', 'status', 'history'] as const;
    this.#offs = types.map((type) => assistant.on(type, this.#onEvent));
    this.#offs.push(
      assistant.on('permission-request', (request) => {
        this.requests = [...this.requests, request];
        this.#host.requestUpdate();
      }),
    );
  }

  #unsubscribe(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  #fail(error: unknown): void {
    if (errorCode(error) === 'locked') this.status = 'locked';
    this.#host.dispatchEvent(new ConfidantErrorEvent(error));
  }
}

function fromStored(message: StoredMessage): ChatItem {
  const { id, role, text, createdAt, rating, fullLength } = message;
  const item: ChatItem = { key: id, role, text, createdAt, state: role === 'user' ? 'sent' : 'done' };
  return { ...item, ...(rating === undefined ? {} : { rating }), ...(fullLength === undefined ? {} : { fullLength }) };
}
