/**
 * The public shape of an assistant: what `createAssistant` resolves to and the events it emits.
 *
 * @module
 */
import type { EngineMethodsIn } from './engine/contract.ts';
import type {
  HistoryChange,
  PermissionRequestInfo,
  TrainOptions,
  TrainProgressEvent,
  TrainResult,
  EngineOptions,
  EngineStatus,
  ProgressEvent,
  Reply,
  ReplyChunk,
  StoredMessage,
} from './engine/types.ts';
import type { Corpus, ModelInfo } from './nlu/types.ts';
import type { SkillDefinition } from './skills/types.ts';

/** Options of `createAssistant`. Every engine option applies too. */
export interface AssistantOptions extends EngineOptions {
  /**
   * Where the engine runs: `true` in a Web Worker next to the library script, `false` in this
   * thread (Node, tests), or a `Worker` you started yourself from the `confidant-assistant/worker` entry.
   * @default true where Web Workers exist (browsers), false in Node
   */
  worker?: boolean | Worker;
  /** Skills the app defines; they run in this thread and are called from the engine. @default [] */
  skills?: SkillDefinition[];
  /**
   * Receives model download and start-up progress. A `progress` event's `total` is `0` while a file's size
   * is unknown (e.g. your own model from a host that compresses: the build bakes in only the sizes of the files
   * it ships), so guard before dividing.
   * @example
   * ```ts
   * const assistant = await createAssistant({
   *   onProgress(event) {
   *     if (event.status === 'progress' && event.total > 0) bar.value = event.loaded / event.total;
   *   },
   * });
   * ```
   */
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
  /**
   * The user's message was accepted (before the reply); `id` is the one it is stored under, so a view
   * that reads the history meanwhile shows it once. `createAssistant`'s assistant always sets it; it is
   * optional for a custom `WidgetAssistant` (the widget then may show such a message twice).
   */
  | { type: 'message'; id?: string; text: string; conversationId: string | undefined }
  /** A reply to a `send` or `stream`. */
  | { type: 'reply'; reply: Reply }
  /** A reply nobody asked for right now: a timer or reminder firing. */
  | { type: 'notification'; reply: Reply }
  /** Start-up progress (also given to `onProgress`). */
  | { type: 'progress'; progress: ProgressEvent }
  /** The engine's state changed. */
  | { type: 'status'; status: EngineStatus }
  /** A stored record failed authentication and was skipped, or a turn's messages could not be written. */
  | { type: 'storage-error'; code: string; recordId: string; table: string; message: string }
  /** A skill waits for the user's permission: call `respond(granted)` (or `skills.respondToPermission(id, granted)`). */
  | ({ type: 'permission-request'; respond: (granted: boolean) => Promise<void> } & PermissionRequestInfo)
  /** The intent model changed (trained in place, or restored from the store on unlock). */
  | { type: 'model'; model: ModelInfo }
  /** Another tab of this origin changed the same history (new messages, the list, an erase). */
  | ({ type: 'history' } & HistoryChange);

/** The type names of `AssistantEvent`. */
export type AssistantEventType = AssistantEvent['type'];

/** A listener for one event type. */
export type AssistantListener<T extends AssistantEventType> = (event: Extract<AssistantEvent, { type: T }>) => void;

/**
 * `assistant.store`: history, privacy controls and the audit log. Every method but `search` is the
 * engine's own (TSDoc on `Engine`); the contract's table (`engine/contract.ts`) decides which.
 */
export interface AssistantStore extends Omit<EngineMethodsIn<'store'>, 'search'> {
  /** Searches the encrypted history (every word must appear), newest first. */
  search(
    query: string,
    options?: { limit?: number; conversationId?: string; signal?: AbortSignal },
  ): Promise<StoredMessage[]>;
}

/** `assistant.skills`: permissions granted to skills, their secrets, the webhook outbox. */
export type AssistantSkills = EngineMethodsIn<'skills'>;

/** `assistant.models`: the intent model. */
export interface AssistantModels extends Omit<EngineMethodsIn<'models'>, 'train'> {
  /**
   * Trains an intent model on a corpus (a `Corpus`, or Confidant YAML/JSON, Rasa `nlu.yml` or NLP.js
   * JSON text) where the engine runs, swaps it in, and keeps it encrypted as a new version for the
   * next visit. By default it extends the built-in model: the result answers the built-in intents
   * and the corpus's (`replace: true` trains the corpus's only). Training shows progress through
   * `onProgress` and stops on `signal`; until it succeeds, the model in use keeps answering.
   * @throws {CorpusError} naming the line, for a malformed, empty or duplicate-only corpus; code
   *   `intent-overlap` naming the corpus's intents the built-in model has, unless marked `override`
   * @example
   * ```ts
   * const result = await assistant.models.train(yamlText, { onProgress: (e) => console.log(e.status) });
   * result.report?.added; // ['store_hours', …]
   * ```
   */
  train(
    corpus: Corpus | string,
    options?: TrainOptions & { onProgress?: (event: TrainProgressEvent) => void; signal?: AbortSignal },
  ): Promise<TrainResult>;
}

/**
 * A running assistant: a plain object of functions (after `InferenceSession.create`, `openDB`).
 * The everyday calls sit on top (`send`, `stream`, `classify`, `on`, `dispose`, `unlock`, `lock`,
 * `metrics`); the rest is grouped in `store`, `skills` and `models`.
 */
export interface Assistant extends EngineMethodsIn<'assistant'> {
  /** The intent model in use (it changes after `models.train`). */
  readonly model: ModelInfo;
  /** The engine's state: `locked` until `unlock` in passphrase mode. */
  readonly status: EngineStatus;
  /**
   * Answers one turn.
   * @throws {ConfidantError} when the engine fails; rejects with `signal.reason` when aborted.
   */
  send(text: string, options?: SendOptions): Promise<Reply>;
  /**
   * Answers one turn, yielding text as it is produced and the whole reply (`done`) as soon as it is
   * decided. The iteration ends once the turn is stored; if it could not be, it throws after the reply
   * (a `storage-error` event says so too), and `send` would have rejected.
   */
  stream(text: string, options?: SendOptions): AsyncIterable<ReplyChunk>;
  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends AssistantEventType>(type: T, listener: AssistantListener<T>): () => void;
  /** Stops the engine (and its Worker) and closes the store. Idempotent. */
  dispose(): Promise<void>;
  /** History, conversations, search, backup, erase, retention, passphrase, the audit log. */
  readonly store: AssistantStore;
  /** Skill permissions, secrets and the webhook outbox. */
  readonly skills: AssistantSkills;
  /** The intent model: training (extending the built-in one), the versions kept, rollback, the slot tagger. */
  readonly models: AssistantModels;
}
