/**
 * `confidant-assistant/skills`: skills beyond `defineSkill` — declarative workflows, webhooks,
 * skills served from another realm or run in a sandbox, the LLM fallback, the built-in skills —
 * and the types a skill author meets.
 *
 * @module
 */
export { defineWorkflowSkill } from '../skills/workflow/workflow-skill.ts';
export { parseWorkflow, type ParseWorkflowOptions } from '../skills/workflow/parse.ts';
export { defineWebhookSkill, type WebhookAuth, type WebhookSkillConfig } from '../skills/webhook/webhook-skill.ts';
export type { OutboxReport } from '../skills/webhook/outbox.ts';
export { createRemoteSkill, manifestOf } from '../skills/remote-skill.ts';
export { serveSkill, type ServedSkill } from '../skills/serve-skill.ts';
export type { RemoteSkillCall, RemoteSkillEndpoint, RemoteSkillResult } from '../skills/remote-protocol.ts';
export {
  createSandboxedSkill,
  type SandboxedSkillSource,
  type SandboxPort,
  type SkillSandboxHost,
} from '../skills/sandboxed-skill.ts';
export { createLlmFallback, LLM_FALLBACK_INTENT, type LlmFallbackOptions } from '../skills/llm/llm-fallback.ts';
export { streamChatCompletion, type ChatCompletionRequest, type ChatMessage } from '../skills/llm/chat-client.ts';
export { builtinSkills, createBuiltinSkills, type BuiltinSkillOptions } from '../skills/builtin/builtin-skills.ts';
export { evaluateExpression } from '../skills/builtin/expression.ts';
export type { SkillManifest } from '../skills/manifest.ts';
export type {
  ConsentReason,
  ConversationTurn,
  GrantablePermission,
  PermissionRequest,
  ScheduledReply,
  SkillAuditEntry,
  SkillPermissions,
  SkillDisclosure,
  SkillReply,
  SlotDefinition,
} from '../skills/types.ts';
export type { PermissionRequestInfo } from '../engine/types.ts';
