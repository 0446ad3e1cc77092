/**
 * The data the engine contract (`./contract.ts`) carries: options, progress, replies, messages and
 * events. Everything here must be structured-cloneable: it crosses the Worker boundary as it is.
 *
 * @module
 */
import type { Corpus, Entity, ModelInfo, NluResult } from '../nlu/types.ts';
import type { ExtensionReport } from '../nlu/training/extend/extension-plan.ts';
import type { ConsentReason, GrantablePermission, SkillDisclosure } from '../skills/types.ts';
import type { RemoteSkillCall, RemoteSkillEndpoint, RemoteSkillResult } from '../skills/remote-protocol.ts';
import type { SkillManifest } from '../skills/manifest.ts';
import type { SkillDeclaration } from '../skills/declaration.ts';
import type { AssetUrls } from './assets.ts';

/** A loaded slot tagger: name, version, language, the slot names it finds, size of its file. */
export interface SlotTaggerInfo {
  name: string;
  version: string;
  language: string;
  entities: string[];
  bytes: number;
}

/** Where a model comes from: a URL (string or `URL`) or the bytes of an `.onnx` file. */
export type ModelSource = string | URL | ArrayBuffer | Uint8Array;

/** How the history store protects its data key. */
export type EncryptionOptions = { mode: 'device' } | { mode: 'passphrase'; passphrase?: string; iterations?: number };

/** Options the engine is started with (a structured-cloneable subset of `AssistantOptions`). */
export interface EngineOptions {
  /** The intent model. @default the bundled `assistant-en.onnx` */
  model?: ModelSource;
  /** SHA-256 (64 hex digits) the `model` must have; it is then served from the offline cache without asking the network. @default none */
  modelSha256?: string;
  /**
   * The context model: it decides how each turn relates to the conversation (a new request, an
   * answer, a follow-up, a correction, a cancel, a yes or no). A URL or the bytes of an `.onnx` file
   * trained by `confidant train-context` (issue 15). @default the bundled `assistant-context.onnx`
   */
  contextModel?: ModelSource;
  /** SHA-256 (64 hex digits) the `contextModel` must have, as `modelSha256` for the intent model. @default none */
  contextModelSha256?: string;
  /**
   * The replay pack of the host's `model` (a sample of its training text, `npm run build:replay`):
   * with it, `models.train` extends that model as it extends the bundled one. @default the bundled
   * model's, when `model` is unset; else none (training then replaces the model)
   */
  modelReplay?: ModelSource;
  /**
   * The slot tagger that fills skills' text slots from the sentence ("weather in Paris" fills the
   * city); `false` runs without one (skills' own extractors and questions only).
   * @default the bundled `slots-default.onnx`
   */
  slotTagger?: ModelSource | false;
  /** SHA-256 (64 hex digits) the `slotTagger` must have. @default none */
  slotTaggerSha256?: string;
  /** Absolute URL of ONNX Runtime's `ort-wasm-simd-threaded.wasm`. @default the shipped file (see `assetsBase`) */
  wasmUrl?: string;
  /** SHA-256 of the file at `wasmUrl`, likewise. @default none (the bundled wasm's digest is built in) */
  wasmSha256?: string;
  /** `indexeddb` keeps history across reloads; `memory` keeps it for this session only. @default 'indexeddb' where available */
  storage?: 'indexeddb' | 'memory';
  /** IndexedDB database name. @default 'confidant' */
  databaseName?: string;
  /** @default { mode: 'device' } */
  encryption?: EncryptionOptions;
  /** IANA time zone used for dates and times. @default the platform's zone */
  timeZone?: string;
  /**
   * Fixes the language of every reply (BCP 47: `en`, `zh-CN`). Unset, each reply is in the
   * language the user wrote that turn in (English or Simplified Chinese, told on the device).
   * @default none: the turn's language
   */
  lang?: string;
  /**
   * The folder a host serves the shipped files from (the Worker, ONNX Runtime's `.wasm`, the models),
   * laid out as in the package's `dist/`; absolute or relative to the page. Needed only when they are
   * not next to the library's code: esbuild (which does not copy `new URL` assets), a CDN.
   * @default next to the library's code, where bundlers and the script tag put them
   */
  assetsBase?: string;
  /** The shipped files' URLs as the page resolved them (`resolveAssetUrls`). @internal */
  assetUrls?: Partial<AssetUrls>;
  /**
   * The user's interface language (BCP 47): replies in it to turns whose language cannot be told
   * ("42", "👍") before the conversation has shown one, and to text in a language the assistant
   * does not speak (answered honestly, never acted on). The widget passes its own `lang`.
   * @default 'en'
   */
  uiLang?: string;
  /**
   * The host's skills, in the order they are tried: manifests of app-defined skills whose code runs
   * on the host's side (see `EngineHost`), and declarations of workflows and webhooks, which the
   * engine rebuilds and runs itself. @default []
   */
  appSkills?: (SkillManifest | SkillDeclaration)[];
}

/**
 * What the host side lends the engine: it runs app-defined skills in the app's page when the
 * engine is in a Worker (their code cannot be sent across).
 */
export interface EngineHost {
  invokeSkill(skillId: string, call: RemoteSkillCall, endpoint: RemoteSkillEndpoint): Promise<RemoteSkillResult>;
  abortSkill(skillId: string, callId: string, reason: string): Promise<void>;
  /** A fresh token from a declared webhook's `auth.token()`, which stays on the host's side. */
  skillToken(skillId: string): Promise<string | undefined>;
}

/** A skill's request for a permission; answer it with `respondToPermission(id, granted)`. */
export interface PermissionRequestInfo {
  /** Names the request in `respondToPermission`. */
  id: string;
  skillId: string;
  skillVersion: string;
  permission: GrantablePermission;
  /** For `network`: the origins asked for. */
  origins?: string[];
  description?: string;
  /** Why the user is asked: never granted, granted to a different bundle or endpoint, or imported from a backup. */
  reason: ConsentReason;
  /** What the skill sends with each call (the LLM fallback: how many earlier turns, to which origin). */
  sends?: SkillDisclosure;
}

/** A permission granted to a skill, as listed in settings. */
export interface PermissionGrant {
  skillId: string;
  permission: GrantablePermission;
  /** For `network`: the origins granted. */
  origins?: string[];
}

/** Describes the context model in use, from its metadata. */
export interface ContextModelInfo {
  /** Model name, e.g. `assistant-context`. */
  name: string;
  version: string;
  /** Language tag of its training data. */
  language: string;
  /** Size of the `.onnx` file in bytes. */
  bytes: number;
}

/** Options of in-browser or in-Node training. */
export interface TrainOptions {
  /** Store uint8-quantized embeddings (4x smaller). @default true */
  quantize?: boolean;
  /** Seed of the trainer's random number generator. @default 1 */
  seed?: number;
  /** Keep the trained model (encrypted, as a new version) and load it on the next start. @default true */
  persist?: boolean;
  /**
   * Extend the built-in model of the corpus's language with the corpus's intents: the result
   * answers both (timers, lists, jokes… and yours). A corpus intent the built-in model has is an
   * error unless marked `override`. Needs a bundled model (a host's own `model` has no replay pack).
   * @default true when the engine runs the bundled model, else false
   */
  extend?: boolean;
  /** Train a model of the corpus's intents only, replacing the built-in one (the same as `extend: false`). @default false */
  replace?: boolean;
}

/** What `assistant.models.train` made: the new model, and how. */
export interface TrainResult extends ModelInfo {
  /** The stored version, for `models.use(id)` (absent with `persist: false`). */
  id?: string;
  /** `extend`: the built-in intents and the corpus's; `replace`: the corpus's only. */
  mode: 'extend' | 'replace';
  /** When extending: the intents added, overridden, renamed or merged, and warnings (e.g. a corpus too small to calibrate). */
  report?: ExtensionReport;
}

/**
 * Loading progress, a discriminated union on `status` (after transformers.js `ProgressInfo`). A file's
 * `progress` counts its bytes as they arrive (decoded): `total` is its size when known, else `0` until the
 * last event of the file, which has `loaded === total`. A host that compresses sends a `Content-Length` of
 * the compressed bytes; that is never taken for the total (the build bakes in the sizes of the files it ships).
 */
export type ProgressEvent =
  | { status: 'initiate'; file: string }
  | { status: 'progress'; file: string; loaded: number; total: number }
  | { status: 'done'; file: string }
  | { status: 'ready'; model: ModelInfo };

/** Training progress. */
export type TrainProgressEvent =
  | { status: 'featurize'; examples: number }
  | { status: 'epoch'; epoch: number; epochs: number; loss: number; valAccuracy: number }
  | { status: 'calibrate'; threshold: number }
  | { status: 'export'; bytes: number }
  | { status: 'done'; model: ModelInfo };

/** A quick reply the user can pick instead of typing. */
export interface QuickReply {
  label: string;
  /** What is sent when it is picked. @default label */
  value?: string;
}

/** A card in a reply. */
export interface Card {
  title: string;
  text?: string;
  /** https or mailto/tel links only; anything else is dropped when rendered. */
  url?: string;
  image?: string;
}

/** What the assistant understood of a turn and what it decided to do, for hosts to debug and log. */
export interface Understanding {
  /** The intent the assistant acted on, after dialogue context (null when out of scope). */
  intent: string | null;
  confidence: number;
  /** The raw NLU result for the utterance alone. */
  nlu: NluResult;
  entities: Entity[];
  /** Filled slots after this turn, by name. */
  slots: Record<string, unknown>;
  /** How the turn related to the dialogue context, e.g. `new-intent`, `fill-slot`, `follow-up`, `correction`, `cancel`, `confirm`, `deny`, `out-of-scope`. */
  action: string;
  /** The skill that answered, if any. */
  skill?: string;
  /** The language the reply is written in (BCP 47: `en`, `zh-CN`): the turn's, unless the host fixed `lang`. */
  lang?: string;
}

/** One reply of the assistant. */
export interface Reply {
  /** Id of the stored assistant message. */
  id: string;
  conversationId: string;
  /** Plain text, always present (used for read-aloud and announcements). */
  text: string;
  /** Markdown rendering of the reply, when the skill gave one; sanitized when rendered. */
  markdown?: string;
  quickReplies?: QuickReply[];
  cards?: Card[];
  /** True when the reply asks the user something (slot filling or confirmation). */
  expectsAnswer?: boolean;
  /** What the question asks for: a slot's value, or a yes/no `confirmation` (the widget offers Yes/No). */
  asks?: 'slot' | 'confirmation';
  understanding: Understanding;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** A piece of a streamed reply: text as it comes, then the whole `Reply` (`done`) once it is decided. */
export type ReplyChunk = { type: 'delta'; text: string } | { type: 'done'; reply: Reply };

/** The user's rating of a reply: thumbs up or down. */
export type Rating = 'up' | 'down';

/** A message as stored in history (decrypted). */
export interface StoredMessage {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  text: string;
  createdAt: number;
  /** The user's rating of this reply, when they gave one (`store.rateMessage`). */
  rating?: Rating;
  /**
   * Set when `text` is only the start of the message (`history`'s `maxTextLength`): the whole text's
   * length. `store.readMessage` reads the rest, a part at a time.
   */
  fullLength?: number;
}

/** A conversation in history. */
export interface ConversationSummary {
  id: string;
  /** Set on the device from the first turns, or by `store.renameConversation`; `''` until then. */
  title: string;
  createdAt: number;
  updatedAt: number;
  /** The start of its latest message (at most 120 characters), for a list's second line. */
  preview?: string;
}

/**
 * How the history's data key is protected now: `device` (a key kept by the browser), `passphrase`,
 * or `unset` (a passphrase store waiting for its first passphrase: `unlock` sets it).
 */
export interface KeyState {
  mode: 'device' | 'passphrase' | 'unset';
  locked: boolean;
  /** `false` when history lives in memory only (no IndexedDB). */
  persistent: boolean;
}

/**
 * What another tab of this origin changed in the same history (sent over a `BroadcastChannel`,
 * ids only; each tab reads the messages from its own store): new `messages` of a conversation,
 * the conversation list (`conversations`: new, renamed, deleted, imported), everything `erased`,
 * or a `reset` (erased with its key: "forgot the passphrase").
 */
export type HistoryChange =
  | { change: 'messages'; conversationId: string; messages: StoredMessage[] }
  | { change: 'conversations' }
  | { change: 'erased' }
  | { change: 'reset' };

/** One rated reply in a feedback export. */
export interface FeedbackExample {
  /** What the user said. */
  text: string;
  /** The intent the assistant acted on (`null`: out of scope). */
  intent: string | null;
  confidence: number;
  rating: Rating;
  /** The version of the model that classified it. */
  modelVersion: string;
  /** When the reply was rated (epoch ms). */
  ratedAt: number;
}

/**
 * The user's ratings as a labelled corpus (`models.exportFeedback`): every rated reply with the
 * utterance it answered, and a `Corpus` built from the thumbs-up ones (their intent confirmed by the
 * user, or out of scope), ready for `models.train` or the `confidant train` command after review.
 * Thumbs-down examples carry the intent that was wrong, for a person to relabel.
 */
export interface FeedbackExport {
  format: 'confidant-feedback';
  version: 1;
  exportedAt: number;
  examples: FeedbackExample[];
  corpus: Corpus;
}

/** Events the engine emits on its own, a discriminated union on `type`. */
export type EngineEvent =
  /** A reply the assistant makes without being asked: a timer or reminder firing. */
  | { type: 'notification'; reply: Reply }
  /** A stored record failed authentication and was skipped, or a turn's messages could not be written. */
  | { type: 'storage-error'; code: string; recordId: string; table: string; message: string }
  /** The engine's state changed (e.g. locked, unlocked, model swapped). */
  | { type: 'status'; status: EngineStatus }
  /** A skill waits for the user's permission. */
  | ({ type: 'permission-request' } & PermissionRequestInfo)
  /** The intent model changed (trained in the browser, or restored from the store). */
  | { type: 'model'; model: ModelInfo }
  /** Another tab changed the history (see `HistoryChange`). */
  | ({ type: 'history' } & HistoryChange);

/** The engine's coarse state. */
export type EngineStatus = 'starting' | 'ready' | 'locked' | 'training' | 'disposed';

/** One request to answer a turn. */
export interface SendRequest {
  text: string;
  /** @default the current conversation */
  conversationId?: string;
  /** Set by the transport so `cancel()` can name the request. */
  requestId?: string;
  /**
   * Ids for the user's message and the reply (UUIDv7s, `newMessageIds(2)`), chosen by the caller so a
   * turn retried after the engine's Worker died is not stored twice. @default new ones
   */
  messageIds?: [user: string, reply: string];
  /** This turn was sent before with the same `messageIds`: what it already stored is reused. @default false */
  retry?: boolean;
}
