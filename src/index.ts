/**
 * Confidant's public entry: the framework-agnostic core. No DOM: it runs in a Worker, on the
 * main thread, or in Node.
 *
 * @module
 */
export { createAssistant } from './assistant.ts';
export type {
  Assistant,
  AssistantModels,
  AssistantSkills,
  AssistantStore,
  AssistantEvent,
  AssistantEventType,
  AssistantListener,
  AssistantOptions,
  SendOptions,
} from './assistant-types.ts';
export type {
  Card,
  ContextModelInfo,
  EngineHost,
  PermissionGrant,
  PermissionRequestInfo,
  TrainOptions,
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
  GrantablePermission,
  NormalizedReply,
  PermissionRequest,
  ScheduledReply,
  SkillAuditEntry,
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

// Skills: the SDK, declarative workflows, webhooks, sandboxed third-party skills, the LLM fallback.
export {
  createLlmFallback,
  createRemoteSkill,
  createSandboxedSkill,
  defineSkill,
  defineWebhookSkill,
  defineWorkflowSkill,
  LLM_FALLBACK_INTENT,
  manifestOf,
  parseWorkflow,
  serveSkill,
  streamChatCompletion,
} from './skills/index.ts';
export type {
  ChatCompletionRequest,
  ChatMessage,
  LlmFallbackOptions,
  OutboxReport,
  ParseWorkflowOptions,
  RemoteSkillCall,
  RemoteSkillEndpoint,
  RemoteSkillResult,
  SandboxedSkillSource,
  SandboxPort,
  ServedSkill,
  SkillManifest,
  SkillSandboxHost,
  WebhookAuth,
  WebhookSkillConfig,
} from './skills/index.ts';
export { builtinSkills, createBuiltinSkills, evaluateExpression } from './skills/builtin/index.ts';
export type { BuiltinSkillOptions } from './skills/builtin/index.ts';

// Dialogue: the turn policy (the context model's, by default) can be replaced.
export { createContextPolicy } from './context/context-policy.ts';
export type { ContextPolicyOptions, ContextScorer } from './context/context-policy.ts';
export type { DialogueAction, DialoguePolicy, PolicyInput } from './dialogue/index.ts';

// Metrics.
export { toPrometheusText } from './metrics/index.ts';
export type { MetricLabels, MetricOutcome, MetricsSnapshot } from './metrics/index.ts';

// Understanding, usable without an assistant (e.g. in a build script or a test).
export { extractEntities } from './nlu/entities/index.ts';
export { parseCorpus } from './nlu/corpus/index.ts';
export { loadIntentModel } from './nlu/intent-model.ts';
export type { IntentModel, LoadIntentModelOptions } from './nlu/intent-model.ts';

// Store types hosts see through the assistant.
export type { AuditHead, ImportResult } from './store/index.ts';

/** @internal Exported for the sandbox host (`confidant-assistant/sandbox`); not part of the supported API. */
export { verifyIntegrity, toBase64 } from './skills/integrity.ts';
/** @internal */
export { validateManifest } from './skills/manifest.ts';
/** @internal */
export { originOfEndpoint } from './skills/origins.ts';
/** @internal */
export { readCapped } from './skills/read-capped.ts';
