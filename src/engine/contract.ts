/**
 * The engine contract, declared once (after onnxruntime-web's `Backend`): the `Engine` interface
 * and, beside it, `engineMethods`, the table that says where each method goes. Everything else is
 * derived from these two:
 * - the in-thread engine implements `Engine` (`local-engine.ts`, `admin.ts`);
 * - the Worker transport builds its client from the table (`worker-transport.ts`), proxying the
 *   arguments the table marks as callbacks;
 * - an `Assistant` gets each method in the table's group (`assistant.store.*`, `assistant.skills.*`,
 *   `assistant.models.*`, or the top level), in types (`EngineMethodsIn`) and at run time.
 *
 * Adding a method is two edits in this file (the interface, the table) and its implementation.
 * The table is type-checked against the interface: a missing or extra method, or a callback
 * argument the table does not list, fails to compile.
 *
 * @module
 */
import type { Corpus, ModelInfo, NluResult } from '../nlu/types.ts';
import type { AuditHead, ImportResult } from '../store/types.ts';
import type { PasskeyEnrollment, PasskeyInfo } from '../store/key-manager.ts';
import type { GrantablePermission } from '../skills/types.ts';
import type { SkillManifest } from '../skills/manifest.ts';
import type { OutboxReport } from '../skills/webhook/outbox.ts';
import type { MetricsSnapshot } from '../metrics/types.ts';
import type {
  ContextModelInfo,
  ConversationSummary,
  EngineEvent,
  EngineHost,
  EngineOptions,
  EngineStatus,
  FeedbackExport,
  KeyState,
  ModelSource,
  PermissionGrant,
  ProgressEvent,
  Rating,
  Reply,
  ReplyChunk,
  SendRequest,
  SlotTaggerInfo,
  StoredMessage,
  TrainOptions,
  TrainProgressEvent,
  TrainResult,
} from './types.ts';
import type { ModelVersion } from './model-versions.ts';

/**
 * The engine contract. One implementation runs in-thread (`createLocalEngine`); the Worker
 * exposes that same implementation, and the client on the main thread wraps it. Arguments and
 * results are structured-cloneable, except the callbacks `engineMethods` lists.
 */
export interface Engine {
  // The lifecycle and turns: used by the assistant itself, not passed through.
  /** Loads the model, opens the store; resolves when ready to answer (or locked, in passphrase mode). */
  init(options: EngineOptions, onProgress?: (event: ProgressEvent) => void, host?: EngineHost): Promise<ModelInfo>;
  /**
   * Answers one turn and resolves once it is stored. `onChunk` receives streamed text as the skill
   * produces it, then the whole reply (`done`) as soon as it is decided, before it is stored.
   */
  send(request: SendRequest, onChunk?: (chunk: ReplyChunk) => void): Promise<Reply>;
  /** Cancels the in-flight request with that id; its `send` rejects with an `AbortError`. */
  cancel(requestId: string, reason?: string): Promise<void>;
  /** The engine's current state. */
  status(): Promise<EngineStatus>;
  /** Registers the single listener for engine events (the client fans them out). */
  setListener(listener: ((event: EngineEvent) => void) | null): Promise<void>;
  /** Closes the store and releases the model. */
  dispose(): Promise<void>;

  // The assistant's top level.
  /** Classifies one utterance without touching dialogue state or history. */
  classify(text: string): Promise<NluResult>;
  /** Unlocks the store (passphrase mode). @throws {WrongPassphraseError} changing nothing */
  unlock(passphrase: string): Promise<void>;
  /**
   * Unlocks with a passkey: the PRF output the page got from the authenticator for one of `passkeys()`.
   * @throws {CryptoError} code `wrong-passkey` or `unknown-passkey`, changing nothing
   */
  unlockWithPasskey(credentialId: Uint8Array, prfOutput: Uint8Array): Promise<void>;
  /**
   * Forgets the data key in memory until `unlock` (passphrase mode).
   * @throws {UnsupportedError} code `device-mode` in device mode, which has no secret to lock with
   */
  lock(): Promise<void>;
  /** A snapshot of counters and latency histograms (no message content). */
  metrics(): Promise<MetricsSnapshot>;

  // `assistant.store`: history, privacy controls, the audit log.
  /**
   * Lists messages of a conversation, newest first. With `maxTextLength`, longer texts come cut to it
   * (with `fullLength`): a page then never carries megabytes a view cannot show at once anyway.
   */
  history(
    conversationId?: string,
    options?: { limit?: number; before?: number; maxTextLength?: number },
  ): Promise<StoredMessage[]>;
  /** The text of one message, or the part from `start` to `end` (UTF-16 code units, as `slice`). @throws {RangeError} no such message */
  readMessage(messageId: string, start?: number, end?: number): Promise<string>;
  /** Lists conversations, most recently updated first. */
  conversations(): Promise<ConversationSummary[]>;
  /** Starts a new conversation and makes it current; returns its id. */
  newConversation(): Promise<string>;
  /** Searches the (encrypted) history, newest first; cancellable through `cancel(requestId)`. */
  search(
    query: string,
    options?: { limit?: number; conversationId?: string; requestId?: string },
  ): Promise<StoredMessage[]>;
  /** Deletes one conversation with its messages and dialogue state. */
  deleteConversation(conversationId: string): Promise<void>;
  /** Erases everything ("forget me") and starts a fresh conversation. */
  erase(): Promise<void>;
  /** A passphrase-protected backup of everything. */
  exportBackup(passphrase: string): Promise<Uint8Array>;
  /** Merges a backup in, without duplicates. */
  importBackup(file: Uint8Array, passphrase: string): Promise<ImportResult>;
  /** Days history is kept, or `null` for ever. */
  retention(): Promise<number | null>;
  /** Sets the retention and applies it now. */
  setRetention(days: number | null): Promise<void>;
  /** Re-wraps the data key under a new passphrase (from device mode too). */
  changePassphrase(current: string | undefined, next: string): Promise<void>;
  /** Index of the first bad audit entry, or -1 when the chain is intact. */
  verifyAudit(anchor?: AuditHead): Promise<number>;
  /** The audit chain's head, to anchor elsewhere. */
  auditHead(): Promise<AuditHead>;
  /** The enrolled passkeys (ids and PRF inputs; readable while locked, to ask the authenticator). */
  passkeys(): Promise<PasskeyInfo[]>;
  /** Enrolls a passkey (passphrase mode: the passphrase stays the fallback). */
  addPasskey(currentPassphrase: string, enrollment: PasskeyEnrollment): Promise<void>;
  /** Removes an enrolled passkey. */
  removePasskey(credentialId: Uint8Array): Promise<void>;
  /** Renames a conversation (the title is stored encrypted). @throws {RangeError} over 200 characters, or no such conversation */
  renameConversation(conversationId: string, title: string): Promise<void>;
  /** Rates a reply thumbs up or down (`null` clears it), kept encrypted with the reply. */
  rateMessage(messageId: string, rating: Rating | null): Promise<void>;
  /** How the data key is protected and whether the store is locked; answers while locked too. */
  keyState(): Promise<KeyState>;
  /**
   * Deletes everything, the key included, while locked too ("forgot the passphrase: start over"), and
   * opens a fresh store: in passphrase mode it then waits for a new passphrase. Other tabs follow.
   */
  startOver(): Promise<void>;
  /** Whether the user allowed speech recognition that runs on a server (asked before its first use). */
  speechConsent(): Promise<boolean>;
  /** Records (encrypted) the user's answer to the server speech-recognition question. */
  setSpeechConsent(allowed: boolean): Promise<void>;

  // `assistant.skills`: the skills, their permissions and secrets, the webhook outbox.
  /** The skills the engine runs, in the order they are tried (app skills first, then built-in ones), as manifests. */
  listSkills(): Promise<SkillManifest[]>;
  /** Permissions granted to skills. */
  permissions(): Promise<PermissionGrant[]>;
  /** Revokes one permission of a skill, or all of them. */
  revokePermission(skillId: string, permission?: GrantablePermission): Promise<void>;
  /** Answers a `permission-request` event. */
  respondToPermission(id: string, granted: boolean): Promise<void>;
  /** Stores (encrypted) or clears the credential handed only to that skill as `ctx.secret()`. */
  setSkillSecret(skillId: string, secret: string | undefined): Promise<void>;
  /** Sends webhook calls queued while offline; says how many went, were dropped, and still wait. */
  flushOutbox(): Promise<OutboxReport>;

  // `assistant.models`: the intent model and the context model.
  /**
   * Trains a model on a corpus (object or file text) — by default extending the built-in model with
   * the corpus's intents — swaps it in, and keeps it encrypted as a new version. On any failure or
   * cancellation the model in use stays, answering.
   */
  train(
    corpus: Corpus | string,
    options?: TrainOptions & { requestId?: string },
    onProgress?: (event: TrainProgressEvent) => void,
  ): Promise<TrainResult>;
  /** The built-in model(s) and the trained versions kept, with the one in use marked `active`. */
  listModels(): Promise<ModelVersion[]>;
  /**
   * Puts a version back in use (rollback), or the built-in model with `built-in`.
   * @throws {RangeError} for an unknown id; {ModelLoadError} when its bytes no longer load (the model in use stays)
   */
  useModel(id: string): Promise<ModelInfo>;
  /**
   * Loads another context model (a URL string or the `.onnx` bytes from `confidant train-context`) and answers
   * the next turns with it. @throws {ModelLoadError} naming it, when it is corrupt, of the wrong
   * shape or made for other features; the model in use then stays
   */
  setContextModel(source: string | ArrayBuffer | Uint8Array): Promise<ContextModelInfo>;
  /** The user's ratings as a labelled corpus: rated replies with their utterances (see `FeedbackExport`). */
  exportFeedback(): Promise<FeedbackExport>;
  /**
   * Replaces the slot tagger (`null` removes it). A tagger that is missing, corrupt, of the wrong
   * shape or with malformed labels is refused with a `ModelLoadError` naming it, and the previous
   * one keeps working.
   * @returns what the new tagger finds (its slot names), or `null` without one
   */
  setSlotTagger(source: ModelSource | null): Promise<SlotTaggerInfo | null>;
}

/**
 * Where an engine method shows up on an `Assistant`: `engine` methods are the assistant's own
 * plumbing (it wraps them: `send` becomes `send`/`stream`, `status` a property); `assistant` ones
 * sit on its top level; the others in `assistant.store`, `assistant.skills`, `assistant.models`.
 */
export type EngineGroup = 'engine' | 'assistant' | 'store' | 'skills' | 'models';

/** True for a callback argument, or an object of callbacks (`EngineHost`): comlink must proxy it, not clone it. */
type IsCallback<T> = [NonNullable<T>] extends [(...args: never[]) => unknown]
  ? true
  : [NonNullable<T>] extends [object]
    ? [
        {
          [K in keyof NonNullable<T>]-?: NonNullable<T>[K] extends (...args: never[]) => unknown ? never : K;
        }[keyof NonNullable<T>],
      ] extends [never]
      ? true
      : false
    : false;

/** The positions of a parameter list's callback arguments, in order, e.g. `[1, 2]` for `init`. */
type CallbackPositions<P extends readonly unknown[], Seen extends unknown[] = []> = P extends readonly [
  infer Head,
  ...infer Rest,
]
  ? IsCallback<Head> extends true
    ? [Seen['length'], ...CallbackPositions<Rest, [...Seen, Head]>]
    : CallbackPositions<Rest, [...Seen, Head]>
  : [];

/** One row of `engineMethods`, checked against the method's signature. */
interface EngineMethodSpec<F extends (...args: never[]) => unknown> {
  readonly group: EngineGroup;
  /** The arguments the transport passes by proxy: exactly the callback parameters, in order. */
  readonly callbacks: Readonly<CallbackPositions<Required<Parameters<F>>>>;
  /** The method's name on the assistant when it differs (e.g. `listModels` as `models.list`). @default the engine's name */
  readonly as?: string;
}

/** The contract's table: every `Engine` method, its group on the assistant and its callback arguments. */
export const engineMethods = {
  init: { group: 'engine', callbacks: [1, 2] },
  send: { group: 'engine', callbacks: [1] },
  cancel: { group: 'engine', callbacks: [] },
  status: { group: 'engine', callbacks: [] },
  setListener: { group: 'engine', callbacks: [0] },
  dispose: { group: 'engine', callbacks: [] },

  classify: { group: 'assistant', callbacks: [] },
  unlock: { group: 'assistant', callbacks: [] },
  unlockWithPasskey: { group: 'assistant', callbacks: [] },
  lock: { group: 'assistant', callbacks: [] },
  metrics: { group: 'assistant', callbacks: [] },

  history: { group: 'store', callbacks: [] },
  conversations: { group: 'store', callbacks: [] },
  newConversation: { group: 'store', callbacks: [] },
  search: { group: 'store', callbacks: [] },
  deleteConversation: { group: 'store', callbacks: [] },
  erase: { group: 'store', callbacks: [] },
  exportBackup: { group: 'store', callbacks: [] },
  importBackup: { group: 'store', callbacks: [] },
  retention: { group: 'store', callbacks: [] },
  setRetention: { group: 'store', callbacks: [] },
  changePassphrase: { group: 'store', callbacks: [] },
  verifyAudit: { group: 'store', callbacks: [] },
  auditHead: { group: 'store', callbacks: [] },
  passkeys: { group: 'store', callbacks: [] },
  addPasskey: { group: 'store', callbacks: [] },
  removePasskey: { group: 'store', callbacks: [] },
  renameConversation: { group: 'store', callbacks: [] },
  readMessage: { group: 'store', callbacks: [] },
  rateMessage: { group: 'store', callbacks: [] },
  keyState: { group: 'store', callbacks: [] },
  startOver: { group: 'store', callbacks: [] },
  speechConsent: { group: 'store', callbacks: [] },
  setSpeechConsent: { group: 'store', callbacks: [] },

  listSkills: { group: 'skills', callbacks: [], as: 'list' },
  permissions: { group: 'skills', callbacks: [] },
  revokePermission: { group: 'skills', callbacks: [] },
  respondToPermission: { group: 'skills', callbacks: [] },
  setSkillSecret: { group: 'skills', callbacks: [] },
  flushOutbox: { group: 'skills', callbacks: [] },

  train: { group: 'models', callbacks: [2] },
  setContextModel: { group: 'models', callbacks: [] },
  listModels: { group: 'models', callbacks: [], as: 'list' },
  useModel: { group: 'models', callbacks: [], as: 'use' },
  exportFeedback: { group: 'models', callbacks: [] },
  setSlotTagger: { group: 'models', callbacks: [] },
} as const satisfies { readonly [K in keyof Engine]: EngineMethodSpec<Engine[K]> };

type Table = typeof engineMethods;

/** The engine methods in some groups. */
export type EngineMethodName<G extends EngineGroup = EngineGroup> = {
  [K in keyof Engine]: Table[K]['group'] extends G ? K : never;
}[keyof Engine];

/** The name an engine method has on the assistant. */
type AssistantName<K extends keyof Engine> = Table[K] extends { readonly as: infer N extends string } ? N : K;

/** The engine methods of one group as the assistant exposes them, under their assistant-side names. */
export type EngineMethodsIn<G extends EngineGroup> = {
  [K in keyof Engine as Table[K]['group'] extends G ? AssistantName<K> : never]: Engine[K];
};

/** One method of a group, for building it at run time. */
export interface GroupMember {
  /** The engine's name. */
  method: keyof Engine;
  /** The assistant's name. */
  name: string;
}

/** The methods of one group at run time, in table order. */
export function membersOf(group: EngineGroup): GroupMember[] {
  return (Object.entries(engineMethods) as [keyof Engine, { group: EngineGroup; as?: string }][])
    .filter(([, spec]) => spec.group === group)
    .map(([method, spec]) => ({ method, name: spec.as ?? method }));
}
