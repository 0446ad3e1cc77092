// The package's public surface, pinned: every entry (package.json `exports`) with the names it exports.
// test/core/foundation/public-surface.test.ts checks these lists against the sources (all names, with the
// TypeScript API) and against package.json, rollup and tsconfig.types.json; the checks below make the
// value names a compile-time fact too. A name added to or removed from an entry fails until it is listed here.
import type * as Main from '../../src/index.ts';
import type * as Skills from '../../src/entries/skills.ts';
import type * as Nlu from '../../src/entries/nlu.ts';
import type * as Metrics from '../../src/entries/metrics.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

/** Each subpath: its source entry, its run-time (value) names and its type-only names. */
export const publicSurface = {
  'confidant-assistant': {
    source: 'src/index.ts',
    values: [
      'ConfidantError',
      'CorpusError',
      'CryptoError',
      'InferenceError',
      'LockedError',
      'ModelLoadError',
      'PermissionError',
      'SkillError',
      'StorageError',
      'UnsupportedError',
      'WorkerError',
      'WrongPassphraseError',
      'createAssistant',
      'defineSkill',
    ],
    types: [
      'Assistant',
      'AssistantEvent',
      'AssistantModels',
      'AssistantOptions',
      'AssistantSkills',
      'AssistantStore',
      'AuditHead',
      'ConversationSummary',
      'EngineStatus',
      'Entity',
      'ImportResult',
      'MetricsSnapshot',
      'ModelInfo',
      'NluResult',
      'PermissionGrant',
      'ProgressEvent',
      'Reply',
      'ReplyChunk',
      'SendOptions',
      'SkillContext',
      'SkillDefinition',
      'SkillResult',
      'StoredMessage',
      'Understanding',
    ],
  },
  'confidant-assistant/skills': {
    source: 'src/entries/skills.ts',
    values: [
      'LLM_FALLBACK_INTENT',
      'builtinSkills',
      'createBuiltinSkills',
      'createLlmFallback',
      'createRemoteSkill',
      'createSandboxedSkill',
      'defineWebhookSkill',
      'defineWorkflowSkill',
      'evaluateExpression',
      'manifestOf',
      'parseWorkflow',
      'serveSkill',
      'streamChatCompletion',
    ],
    types: [
      'BuiltinSkillOptions',
      'ChatCompletionRequest',
      'ChatMessage',
      'ConversationTurn',
      'GrantablePermission',
      'LlmFallbackOptions',
      'OutboxReport',
      'ParseWorkflowOptions',
      'PermissionRequest',
      'PermissionRequestInfo',
      'RemoteSkillCall',
      'RemoteSkillEndpoint',
      'RemoteSkillResult',
      'SandboxPort',
      'SandboxedSkillSource',
      'ScheduledReply',
      'ServedSkill',
      'SkillAuditEntry',
      'SkillManifest',
      'SkillPermissions',
      'SkillReply',
      'SkillSandboxHost',
      'SlotDefinition',
      'WebhookAuth',
      'WebhookSkillConfig',
    ],
  },
  'confidant-assistant/nlu': {
    source: 'src/entries/nlu.ts',
    values: ['extractEntities', 'loadIntentModel', 'loadSlotTagger', 'parseCorpus'],
    types: [
      'ClassifyOptions',
      'Corpus',
      'CorpusFormat',
      'CustomEntityDefinition',
      'EntityKind',
      'ExtractEntitiesOptions',
      'IntentModel',
      'IntentScore',
      'LoadIntentModelOptions',
      'LoadSlotTaggerOptions',
      'ModelSource',
      'ParseCorpusOptions',
      'SlotTagger',
      'SlotTaggerInfo',
      'TaggedSpan',
      'TrainOptions',
      'TrainProgressEvent',
      'TrainingExample',
    ],
  },
  'confidant-assistant/metrics': {
    source: 'src/entries/metrics.ts',
    values: ['toPrometheusText'],
    types: ['MetricLabels', 'MetricOutcome'],
  },
  'confidant-assistant/widget': {
    source: 'widget/index.ts',
    values: [
      'ConfidantAssistant',
      'ConfidantCloseEvent',
      'ConfidantErrorEvent',
      'ConfidantNotificationEvent',
      'ConfidantOpenEvent',
      'ConfidantReadyEvent',
      'ConfidantReplyEvent',
      'ConfidantSendEvent',
      'loadSanitizer',
      'renderMarkdown',
      'safeUrl',
      'sanitizerReady',
      'trustedTypesPolicyName',
    ],
    types: [
      'LoadStrategy',
      'Messages',
      'PermissionGrant',
      'PermissionRequestEvent',
      'RenderOptions',
      'VoiceMode',
      'VoiceState',
      'WidgetAssistant',
    ],
  },
  'confidant-assistant/sandbox': {
    source: 'widget/sandbox/index.ts',
    values: ['SANDBOX_ALLOW', 'buildSandboxDocuments', 'createIframeSandboxHost'],
    types: ['IframeSandboxHost', 'IframeSandboxHostOptions', 'SandboxDocuments'],
  },
  'confidant-assistant/offline': {
    source: 'widget/offline/index.ts',
    values: ['registerOfflineSupport'],
    types: ['OfflineSupportOptions'],
  },
} as const;

/** The everyday entry stays small enough to hold in one's head (issue 11). */
export const MAX_MAIN_NAMES = 40;

type Values<K extends keyof typeof publicSurface> = (typeof publicSurface)[K]['values'][number];

export type Checks = [
  Expect<Equal<keyof typeof Main, Values<'confidant-assistant'>>>,
  Expect<Equal<keyof typeof Skills, Values<'confidant-assistant/skills'>>>,
  Expect<Equal<keyof typeof Nlu, Values<'confidant-assistant/nlu'>>>,
  Expect<Equal<keyof typeof Metrics, Values<'confidant-assistant/metrics'>>>,
];
