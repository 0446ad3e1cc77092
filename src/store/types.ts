/**
 * The contract the rest of the core uses to keep things: the engine, the dialogue manager and
 * the skills runtime depend on these interfaces, never on Dexie. Two implementations sit behind
 * it: IndexedDB (through Dexie) and memory, both encrypting every sensitive field.
 *
 * @module
 */
import type { ConversationSummary, StoredMessage } from '../engine/types.ts';

/** An encrypted key-value namespace (one per skill, plus settings). Values are structured-cloneable. */
export interface KeyValueStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** A message to append; `meta` (entities, slots, understanding) is encrypted with the text. */
export interface NewMessage {
  conversationId: string;
  role: 'user' | 'assistant';
  text: string;
  meta?: unknown;
  /** @default Date.now() */
  createdAt?: number;
}

/** The store as the core sees it. */
export interface HistoryStore {
  /** `true` when backed by IndexedDB, `false` for the memory fallback. */
  readonly persistent: boolean;
  /** Creates a conversation (its title encrypted) and returns it. */
  createConversation(title?: string): Promise<ConversationSummary>;
  /** Conversations, most recently updated first. */
  listConversations(): Promise<ConversationSummary[]>;
  /** Appends a message, encrypting text and meta before the write. */
  addMessage(message: NewMessage): Promise<StoredMessage>;
  /** Messages of one conversation, newest first; `before` is an exclusive `createdAt` cursor. */
  listMessages(conversationId: string, options?: { limit?: number; before?: number }): Promise<StoredMessage[]>;
  /** The dialogue state of a conversation, decrypted, or `undefined`. */
  getDialogueState<T = unknown>(conversationId: string): Promise<T | undefined>;
  /** Replaces the dialogue state of a conversation. */
  putDialogueState(conversationId: string, state: unknown): Promise<void>;
  /** The encrypted key-value namespace of one skill. */
  skillData(skillId: string): KeyValueStore;
  /** The encrypted settings namespace. */
  settings(): KeyValueStore;
  /** Closes the database connection. */
  close(): Promise<void>;
}
