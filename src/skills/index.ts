/**
 * The skills layer's surface inside the repository (the engine, the CLI, benches, tests); the package's
 * public skills API is `src/entries/skills.ts`.
 *
 * @module
 */
export { defineSkill } from './define-skill.ts';
export { createSkillRuntime, DEFAULT_SKILL_TIMEOUT_MS } from './runtime.ts';
export type { LocalSkillRuntime, SkillRuntimeOptions } from './runtime.ts';
export type { SkillGrants } from './consent.ts';
export { storeAuditSink, toAuditInput } from './audit-sink.ts';
export { createScopedFetch } from './scoped-fetch.ts';
export type { ScopedFetch, ScopedFetchOptions } from './scoped-fetch.ts';
export { createScheduler } from './scheduler.ts';
export type { FiredReply, ScheduledEntry, SchedulerOptions, SkillScheduler } from './scheduler.ts';
export { createRemoteSkill, manifestOf } from './remote-skill.ts';
export type { RemoteSkillOptions } from './remote-skill.ts';
export { serveSkill } from './serve-skill.ts';
export type { ServedSkill, ServeSkillOptions } from './serve-skill.ts';
export type {
  RemoteInvoke,
  RemoteKvOp,
  RemoteSkillCall,
  RemoteSkillEndpoint,
  RemoteSkillResult,
} from './remote-protocol.ts';
export type { SkillManifest } from './manifest.ts';
export { createSandboxedSkill } from './sandboxed-skill.ts';
export type { SandboxedSkillSource, SandboxPort, SkillSandboxHost } from './sandboxed-skill.ts';
export { integrityOf, parseIntegrity, verifyIntegrity } from './integrity.ts';
export { defineWorkflowSkill } from './workflow/workflow-skill.ts';
export { parseWorkflow } from './workflow/parse.ts';
export type { ParseWorkflowOptions } from './workflow/parse.ts';
export { defineWebhookSkill } from './webhook/webhook-skill.ts';
export type { WebhookAuth, WebhookSkillConfig } from './webhook/webhook-skill.ts';
export type { OutboxReport } from './webhook/outbox.ts';
export { createLlmFallback, LLM_FALLBACK_INTENT } from './llm/llm-fallback.ts';
export type { LlmFallbackOptions } from './llm/llm-fallback.ts';
export { streamChatCompletion } from './llm/chat-client.ts';
export type { ChatCompletionRequest, ChatMessage } from './llm/chat-client.ts';
export type {
  ConversationTurn,
  GrantablePermission,
  NormalizedReply,
  PermissionRequest,
  ScheduledReply,
  SkillAuditEntry,
  SkillContext,
  SkillDefinition,
  SkillInvocation,
  SkillPermissions,
  SkillReply,
  SkillResult,
  SkillRuntime,
  SlotDefinition,
} from './types.ts';
