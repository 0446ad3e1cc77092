/**
 * `confidant-assistant`: the everyday API. Create an assistant, define a skill, catch its errors,
 * and type what comes back. No DOM: it runs in a Worker, on the main thread, or in Node.
 *
 * Advanced and tooling APIs are on subpaths: `confidant-assistant/skills` (workflows, webhooks,
 * remote and sandboxed skills, the LLM fallback, the built-in skills), `confidant-assistant/nlu`
 * (models, entities and corpora without an assistant), `confidant-assistant/metrics` (Prometheus
 * text); the element is `confidant-assistant/widget`. `test/core/foundation/public-surface.test.ts`
 * pins every entry's names.
 *
 * @module
 */
export { createAssistant } from './assistant.ts';
export type {
  Assistant,
  AssistantEvent,
  AssistantModels,
  AssistantOptions,
  AssistantSkills,
  AssistantStore,
  SendOptions,
} from './assistant-types.ts';
export type {
  ConversationSummary,
  EngineStatus,
  PermissionGrant,
  ProgressEvent,
  Reply,
  ReplyChunk,
  StoredMessage,
  Understanding,
} from './engine/types.ts';
export type { Entity, ModelInfo, NluResult } from './nlu/types.ts';
export type { AuditHead, ImportResult } from './store/types.ts';
export type { MetricsSnapshot } from './metrics/types.ts';

export { defineSkill } from './skills/define-skill.ts';
export type { SkillContext, SkillDefinition, SkillResult } from './skills/types.ts';

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
  InputError,
} from './errors.ts';
export { MAX_MESSAGE_LENGTH } from './engine/message-limits.ts';
