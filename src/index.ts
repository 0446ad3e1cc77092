/**
 * Confidant's public entry: the framework-agnostic core. No DOM: it runs in a Worker, on the
 * main thread, or in Node.
 *
 * @module
 */
export { createAssistant } from './assistant.ts';
export type {
  Assistant,
  AssistantEvent,
  AssistantEventType,
  AssistantListener,
  AssistantOptions,
  SendOptions,
} from './assistant-types.ts';
export type {
  Card,
  ConversationSummary,
  EncryptionOptions,
  EngineEvent,
  EngineOptions,
  EngineStatus,
  ModelSource,
  ProgressEvent,
  QuickReply,
  Reply,
  ReplyChunk,
  StoredMessage,
  TrainProgressEvent,
  Understanding,
} from './engine/types.ts';
export type {
  ClassifyOptions,
  Corpus,
  CustomEntityDefinition,
  Entity,
  EntityKind,
  IntentScore,
  ModelInfo,
  NluResult,
  TrainingExample,
} from './nlu/types.ts';
export type {
  ConversationTurn,
  ScheduledReply,
  SkillContext,
  SkillDefinition,
  SkillPermissions,
  SkillReply,
  SkillResult,
  SlotDefinition,
} from './skills/types.ts';
export {
  ConfidantError,
  CorpusError,
  CryptoError,
  InferenceError,
  LockedError,
  ModelLoadError,
  PermissionError,
  SkillError,
  StorageError,
  UnsupportedError,
  WorkerError,
  WrongPassphraseError,
} from './errors.ts';
export type { ConfidantErrorOptions, ConfidantErrorName } from './errors.ts';
