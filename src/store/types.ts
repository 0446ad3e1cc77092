/**
 * The contract the rest of the core uses to keep things: the engine, the dialogue manager and
 * the skills runtime depend on these interfaces, never on Dexie. Two implementations sit behind
 * it: IndexedDB (through Dexie) and memory, both encrypting every sensitive field.
 *
 * @module
 */
import type { ConversationSummary, StoredMessage } from '../engine/types.ts';
import type { PasskeyEnrollment, PasskeyInfo } from './key-manager.ts';

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
  /**
   * The message's id, when the caller chose it (a UUIDv7 from `newMessageId`, so ids keep sorting by
   * time): a retried turn then finds what it already stored. @default a new UUIDv7
   */
  id?: string;
}

/** Options of `addMessages`. */
export interface AddMessagesOptions {
  /** A dialogue state to write with the messages, as `putDialogueState` would. */
  dialogueState?: { conversationId: string; state: unknown };
}

/** The store as the core sees it. */
export interface HistoryStore {
  /** `true` when backed by IndexedDB, `false` for the memory fallback. */
  readonly persistent: boolean;
  /** Creates a conversation (its title encrypted) and returns it. */
  createConversation(title?: string): Promise<ConversationSummary>;
  /** Conversations, most recently updated first. */
  listConversations(): Promise<ConversationSummary[]>;
  /** A conversation's title (`''` before it has one), or `undefined` when there is no such conversation. */
  getTitle(conversationId: string): Promise<string | undefined>;
  /** Sets a conversation's title (encrypted). Throws `RangeError` over 200 characters or for an unknown conversation. */
  setTitle(conversationId: string, title: string): Promise<void>;
  /** Rewrites a message's encrypted `meta` as `update(meta)`; `undefined` when there is no such message. */
  updateMessageMeta(id: string, update: (meta: unknown) => unknown): Promise<HistoryMessage | undefined>;
  /** Appends a message, encrypting text and meta before the write. */
  addMessage(message: NewMessage): Promise<HistoryMessage>;
  /** Messages of one conversation, newest first (with their `meta`); `before` is an exclusive `createdAt` cursor; `limit` @default 50. */
  listMessages(conversationId: string, options?: { limit?: number; before?: number }): Promise<HistoryMessage[]>;
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

/** A message as read back from the store: the engine's `StoredMessage` plus its decrypted `meta`, when it had one. */
export interface HistoryMessage extends StoredMessage {
  meta?: unknown;
}

/**
 * A stored record failed authentication (tampered, moved, or sealed by an unknown version) and was
 * skipped; the rest of the listing went on. The shape matches the engine's `storage-error` event.
 */
export interface StoreErrorEvent {
  type: 'storage-error';
  /** `auth` for a record that failed authentication. */
  code: string;
  table: string;
  /** The record's primary key, as a string (compound keys joined with `/`). */
  recordId: string;
  message: string;
  /** The underlying `CryptoError`. */
  error: Error;
}

/** Why the store is not what was asked for, e.g. IndexedDB is unavailable and history will not survive a reload. */
export interface StoreWarning {
  /** `indexeddb-unavailable`: the memory store is in use instead. */
  code: 'indexeddb-unavailable';
  message: string;
  cause?: unknown;
}

/** Kinds of audit entries: administrative operations, and the skills runtime's calls. */
export type AuditType =
  | 'key-set'
  | 'key-change'
  | 'export'
  | 'import'
  | 'erase'
  | 'retention'
  | 'delete-conversation'
  | 'skill-install'
  | 'skill-uninstall'
  | 'permission-grant'
  | 'permission-revoke'
  | 'skill-call'
  | 'network-call'
  | 'model-put'
  | 'model-delete';

/**
 * What a caller appends to the audit log. `detail` holds identifiers and counts (skill id, origin,
 * permission, number of records), never message content; values are capped at 200 characters.
 * `detail` is stored encrypted; `type`, time, sequence number and hashes are stored in the clear.
 */
export interface AuditInput {
  type: AuditType;
  detail?: Record<string, string | number | boolean | null>;
}

/** One entry of the hash-chained audit log. */
export interface AuditEntry extends Required<AuditInput> {
  /** Position in the log (consecutive; keeps counting after an erase). */
  seq: number;
  /** Epoch milliseconds. */
  at: number;
  /** Hash of the previous entry (hex): all zeros for the first entry ever; after an erase, the old log's head. */
  prev: string;
  /** SHA-256(prev ‖ canonical JSON of `{ seq, at, type, detail }`), hex. */
  hash: string;
}

/** The head of the audit chain, to anchor elsewhere (print it, mail it, keep it in a password manager). */
export interface AuditHead {
  /** `seq` of the last entry, 0 when the log is empty. */
  seq: number;
  /** Hash of the last entry (hex), or the all-zero genesis hash when empty. */
  hash: string;
}

/** Options of a text search over the encrypted history. */
export interface SearchOptions {
  /** Search one conversation only. @default all */
  conversationId?: string;
  /** Stop after this many matches (newest first among those found). @default Infinity */
  limit?: number;
  /** Messages decrypted per batch. @default 2000 */
  batchSize?: number;
  /** Cancels the search; it rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Called after each batch. */
  onProgress?: (progress: SearchProgress) => void;
}

/** Progress of a search. */
export interface SearchProgress {
  status: 'progress';
  scanned: number;
  total: number;
  matches: number;
}

/** A stored model: encrypted bytes plus a small encrypted description. */
export interface StoredModel {
  id: string;
  bytes: Uint8Array;
  info?: unknown;
  updatedAt: number;
}

/** What an import added (records already present are skipped, not duplicated). */
export interface ImportResult {
  added: {
    conversations: number;
    messages: number;
    dialogueState: number;
    settings: number;
    skillData: number;
    models: number;
  };
  skipped: number;
}

/**
 * Administration of the store: keys and locking, export/import, erasure, retention, the audit log,
 * models, bulk writes and search. Everything here that changes data is audited.
 */
export interface AdminStore {
  /** The database name. */
  readonly name: string;
  /** Set when the store is not what was asked for (e.g. the memory fallback). */
  readonly warning: StoreWarning | undefined;
  /** `true` until unlocked, in passphrase mode. Every data call throws `LockedError` meanwhile. */
  readonly locked: boolean;
  /** How the data key is protected; `undefined` while a new passphrase store waits for its first passphrase. */
  readonly keyMode: 'device' | 'passphrase' | undefined;
  /** Unlocks (passphrase mode; a new database takes this passphrase as its own). Throws `WrongPassphraseError`, changing nothing. */
  unlock(passphrase?: string): Promise<void>;
  /** Forgets the data key in memory; calls throw `LockedError` until `unlock`. */
  lock(): void;
  /** Unlocks with an enrolled passkey's PRF output (passkey mode), as `unlock` does with the passphrase. */
  unlockWithPasskey(credentialId: Uint8Array, prfOutput: Uint8Array): Promise<void>;
  /** The enrolled passkeys: ids and PRF inputs, no secret (readable while locked). */
  passkeys(): Promise<PasskeyInfo[]>;
  /** Enrolls a passkey: the data key is wrapped under its PRF output too (passphrase mode). Audited. */
  addPasskey(currentPassphrase: string, enrollment: PasskeyEnrollment): Promise<void>;
  /** Removes an enrolled passkey. Audited. */
  removePasskey(credentialId: Uint8Array): Promise<void>;
  /**
   * Re-wraps the data key under a new passphrase (from `device` mode too: `current` is then ignored); no
   * record is re-encrypted. Audited. Throws `RangeError` synchronously below 600,000 iterations, and
   * `WrongPassphraseError` (changing nothing) when `current` is wrong.
   */
  changePassphrase(current: string | undefined, next: string, options?: { iterations?: number }): Promise<void>;
  /** Re-wraps the data key under a device key (no more prompt). Audited. */
  useDeviceKey(currentPassphrase: string): Promise<void>;
  /**
   * Appends messages all-or-nothing in one transaction (encrypted first); with `dialogueState`, that
   * conversation's dialogue state is replaced in the same transaction (a turn's whole write).
   */
  addMessages(messages: NewMessage[], options?: AddMessagesOptions): Promise<HistoryMessage[]>;
  /** One message by id, or `undefined` (also when it fails authentication, which is reported). */
  getMessage(id: string): Promise<HistoryMessage | undefined>;
  /** Number of messages, of one conversation or all. */
  countMessages(conversationId?: string): Promise<number>;
  /** Case-insensitive search (every word must appear) over decrypted text, newest first, in batches. */
  searchMessages(query: string, options?: SearchOptions): Promise<HistoryMessage[]>;
  /** Deletes a conversation with its messages and dialogue state. Audited. */
  deleteConversation(conversationId: string): Promise<void>;
  /** Deletes messages older than `days` days and conversations idle that long. Audited. */
  applyRetention(days: number, now?: number): Promise<{ messages: number; conversations: number }>;
  /** Erases everything ("forget me"); the audit log restarts with an `erase` entry linked to the old head. */
  eraseAll(): Promise<void>;
  /**
   * Deletes everything, the data key and the audit log included, without needing the key: the "forgot
   * my passphrase" path. The store must be closed and opened again afterwards (a new key is made then).
   */
  wipe(): Promise<void>;
  /** How the stored data key is wrapped, read from its record (also while locked); `undefined` when there is none yet. */
  storedKeyMode(): Promise<'device' | 'passphrase' | undefined>;
  /**
   * Exports everything (decrypted, then sealed under `passphrase` with PBKDF2-SHA256 and AES-256-GCM) as a
   * backup file: a `Uint8Array`, so it works in Node too. Audited. Bad options throw synchronously.
   */
  exportBackup(passphrase: string, options?: { iterations?: number }): Promise<Uint8Array>;
  /**
   * Imports a backup, merging: records already present (same id or key) are kept, not duplicated. Audited.
   * A wrong passphrase rejects with `WrongPassphraseError` and changes nothing.
   */
  importBackup(file: Uint8Array, passphrase: string): Promise<ImportResult>;
  /** Appends an entry to the hash-chained audit log (for the skills runtime: installs, grants, calls). */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  /** The audit log, oldest first (entries failing authentication are reported and left out). */
  listAudit(): Promise<AuditEntry[]>;
  /**
   * Checks the hash chain: returns the 0-based index (in stored order) of the first bad entry — edited,
   * reordered, removed, failing authentication, or a chain that does not start at genesis (or at the
   * erase entry that restarted it) — or **-1 when every entry is good**. The number of stored entries
   * means the tail cannot be vouched for: entries cut off the end, or the sealed head deleted or
   * edited; an older head put back (replayed) makes the first entry after it bad. An `anchor` (a head exported earlier) also catches a rollback of the whole database
   * to an earlier copy, which the log alone cannot see.
   * @throws {LockedError} when the store is locked (the entries' details cannot be checked)
   */
  verifyAudit(anchor?: AuditHead): Promise<number>;
  /** The head of the audit chain. */
  auditHead(): Promise<AuditHead>;
  /** Stores a model's bytes (encrypted). Audited. */
  putModel(id: string, bytes: Uint8Array, info?: unknown): Promise<void>;
  /** A stored model, decrypted, or `undefined` (also when it fails authentication, which is reported). */
  getModel(id: string): Promise<StoredModel | undefined>;
  /** Ids of the stored models. */
  listModels(): Promise<string[]>;
  /** Deletes a stored model. Audited. */
  deleteModel(id: string): Promise<void>;
}

/** The store `openStore` returns. */
export type Store = HistoryStore & AdminStore;
