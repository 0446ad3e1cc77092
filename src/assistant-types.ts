/**
 * The public shape of an assistant: what `createAssistant` resolves to and the events it emits.
 *
 * @module
 */
import type { AuditHead, ImportResult } from './store/types.ts';
import type { GrantablePermission } from './skills/types.ts';
import type { MetricsSnapshot } from './metrics/types.ts';
import type {
  PermissionGrant,
  PermissionRequestInfo,
  TrainOptions,
  TrainProgressEvent,
  ConversationSummary,
  EngineOptions,
  EngineStatus,
  ProgressEvent,
  Reply,
  ReplyChunk,
  StoredMessage,
} from './engine/types.ts';
import type { Corpus, ModelInfo, NluResult } from './nlu/types.ts';
import type { SkillDefinition } from './skills/types.ts';

/** Options of `createAssistant`. Every engine option applies too. */
export interface AssistantOptions extends EngineOptions {
  /**
   * Where the engine runs: `true` in a Web Worker next to the library script, `false` in this
   * thread (Node, tests), or a `Worker` you started yourself from the `confidant/worker` entry.
   * @default true where `Worker` exists, else false
   */
  worker?: boolean | Worker;
  /** Skills the app defines; they run in this thread and are called from the engine. @default [] */
  skills?: SkillDefinition[];
  /** Receives model download and start-up progress. */
  onProgress?: (event: ProgressEvent) => void;
  /** Aborts start-up. */
  signal?: AbortSignal;
}

/** Options of one `send` or `stream` call. */
export interface SendOptions {
  /** Cancels the turn; the call rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** @default the current conversation */
  conversationId?: string;
}

/** Events an assistant emits, a discriminated union on `type`. */
export type AssistantEvent =
  /** The user's message was accepted (before the reply). */
  | { type: 'message'; text: string; conversationId: string | undefined }
  /** A reply to a `send` or `stream`. */
  | { type: 'reply'; reply: Reply }
  /** A reply nobody asked for right now: a timer or reminder firing. */
  | { type: 'notification'; reply: Reply }
  /** Start-up progress (also given to `onProgress`). */
  | { type: 'progress'; progress: ProgressEvent }
  /** The engine's state changed. */
  | { type: 'status'; status: EngineStatus }
  /** A stored record failed authentication and was skipped. */
  | { type: 'storage-error'; code: string; recordId: string; table: string; message: string }
  /** A skill waits for the user's permission: call `respond(granted)` (or `respondToPermission(id, granted)`). */
  | ({ type: 'permission-request'; respond: (granted: boolean) => Promise<void> } & PermissionRequestInfo)
  /** The intent model changed (trained in place, or restored from the store on unlock). */
  | { type: 'model'; model: ModelInfo };

/** The type names of `AssistantEvent`. */
export type AssistantEventType = AssistantEvent['type'];

/** A listener for one event type. */
export type AssistantListener<T extends AssistantEventType> = (event: Extract<AssistantEvent, { type: T }>) => void;

/** A running assistant: a plain object of functions (after `InferenceSession.create`, `openDB`). */
export interface Assistant {
  /** The intent model in use (it changes after `train`). */
  readonly model: ModelInfo;
  /** The engine's state: `locked` until `unlock` in passphrase mode. */
  readonly status: EngineStatus;
  /**
   * Answers one turn.
   * @throws {ConfidantError} when the engine fails; rejects with `signal.reason` when aborted.
   */
  send(text: string, options?: SendOptions): Promise<Reply>;
  /** Answers one turn, yielding text as it is produced and the whole reply last. */
  stream(text: string, options?: SendOptions): AsyncIterable<ReplyChunk>;
  /** Classifies an utterance without touching history or dialogue state. */
  classify(text: string): Promise<NluResult>;
  /** Messages of a conversation, newest first. */
  history(conversationId?: string, options?: { limit?: number; before?: number }): Promise<StoredMessage[]>;
  /** Conversations, most recently updated first. */
  conversations(): Promise<ConversationSummary[]>;
  /** Starts a new conversation and makes it current. */
  newConversation(): Promise<string>;
  /** Searches the encrypted history (every word must appear), newest first. */
  search(query: string, options?: { limit?: number; conversationId?: string; signal?: AbortSignal }): Promise<StoredMessage[]>;
  /**
   * Trains an intent model on a corpus (a `Corpus`, or Confidant YAML/JSON, Rasa `nlu.yml` or NLP.js
   * JSON text) where the engine runs, swaps it in, and keeps it encrypted for the next visit.
   * @throws {CorpusError} naming the line, for a malformed corpus
   */
  train(corpus: Corpus | string, options?: TrainOptions & { onProgress?: (event: TrainProgressEvent) => void; signal?: AbortSignal }): Promise<ModelInfo>;
  /** Unlocks the store in passphrase mode. @throws {WrongPassphraseError} changing nothing */
  unlock(passphrase: string): Promise<void>;
  /** Forgets the data key in memory until `unlock`. */
  lock(): Promise<void>;
  /** Re-wraps the data key under a new passphrase (moving a device-key store to passphrase mode too). */
  changePassphrase(current: string | undefined, next: string): Promise<void>;
  /** A passphrase-protected backup file of everything. */
  exportBackup(passphrase: string): Promise<Uint8Array>;
  /** Merges a backup file in, without duplicates. */
  importBackup(file: Uint8Array, passphrase: string): Promise<ImportResult>;
  /** Erases everything ("forget me"). */
  erase(): Promise<void>;
  /** Deletes one conversation. */
  deleteConversation(conversationId: string): Promise<void>;
  /** Days history is kept, or `null` for ever. */
  retention(): Promise<number | null>;
  /** Sets how many days history is kept (`null`: for ever) and applies it now. */
  setRetention(days: number | null): Promise<void>;
  /** Index of the first bad audit-log entry, or -1 when the hash chain is intact. */
  verifyAudit(anchor?: AuditHead): Promise<number>;
  /** The audit chain's head, to anchor elsewhere. */
  auditHead(): Promise<AuditHead>;
  /** Permissions granted to skills. */
  permissions(): Promise<PermissionGrant[]>;
  /** Revokes one permission of a skill, or all of its permissions. */
  revokePermission(skillId: string, permission?: GrantablePermission): Promise<void>;
  /** Answers a `permission-request` event by its id. */
  respondToPermission(id: string, granted: boolean): Promise<void>;
  /** Stores (encrypted) or clears a credential handed only to that skill (`permissions.secret`) as `ctx.secret()`. */
  setSkillSecret(skillId: string, secret: string | undefined): Promise<void>;
  /** Counters and latency histograms per intent and skill (no message content). */
  metrics(): Promise<MetricsSnapshot>;
  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends AssistantEventType>(type: T, listener: AssistantListener<T>): () => void;
  /** Stops the engine (and its Worker) and closes the store. Idempotent. */
  dispose(): Promise<void>;
}
