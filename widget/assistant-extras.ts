/**
 * What the widget needs from an assistant, and what it uses when present. The element accepts any
 * `Assistant` from `createAssistant`, or any object with the required part of that interface (an
 * app's adapter, a test double): the optional methods — lock and unlock, backup, erase, retention,
 * permissions and the consent answer, rename, delete, ratings, the key state, the skills list — are
 * feature-detected, and the UI for an absent one is hidden.
 *
 * @module
 */
import type {
  Assistant,
  AssistantEvent,
  AssistantModels,
  AssistantSkills,
  AssistantStore,
  EngineStatus,
} from '../src/index.ts';

/** The `store` methods the widget cannot work without. */
type RequiredStoreMethod = 'history' | 'conversations' | 'newConversation';

/** `store` methods the widget uses when the assistant has them. */
type OptionalStoreMethod =
  | 'erase'
  | 'exportBackup'
  | 'importBackup'
  | 'retention'
  | 'setRetention'
  | 'renameConversation'
  | 'readMessage'
  | 'deleteConversation'
  | 'rateMessage'
  | 'keyState'
  | 'changePassphrase'
  | 'startOver'
  | 'speechConsent'
  | 'setSpeechConsent';

/** `skills` methods the widget uses when the assistant has them. */
type OptionalSkillsMethod = 'permissions' | 'revokePermission' | 'respondToPermission' | 'list';

/** `models` methods the widget uses when the assistant has them. */
type OptionalModelsMethod = 'exportFeedback';

/** What `<confidant-assistant>` accepts as `.assistant`. Every `Assistant` is one. */
export interface WidgetAssistant
  extends Pick<Assistant, 'stream' | 'on' | 'dispose'>, Partial<Pick<Assistant, 'unlock' | 'lock' | 'status'>> {
  readonly store: Pick<AssistantStore, RequiredStoreMethod> & Partial<Pick<AssistantStore, OptionalStoreMethod>>;
  readonly skills?: Partial<Pick<AssistantSkills, OptionalSkillsMethod>>;
  readonly models?: Partial<Pick<AssistantModels, OptionalModelsMethod>>;
}

/** A skill waiting for the user's consent. */
export type PermissionRequestEvent = Extract<AssistantEvent, { type: 'permission-request' }>;

/** A permission the user granted to a skill. */
export type PermissionGrant = Awaited<ReturnType<AssistantSkills['permissions']>>[number];

/**
 * Whether an assistant (or one of its groups) has an optional method.
 * @param target the assistant the widget was given, or its `store` or `skills`
 * @param name the method name
 */
export function has<T extends object, K extends keyof T>(
  target: T | undefined,
  name: K,
): target is T & Required<Pick<T, K>> {
  return typeof target?.[name] === 'function';
}

/**
 * The engine state the assistant reports, when it reports one.
 * @param assistant any assistant the widget was given
 */
export function readStatus(assistant: WidgetAssistant): EngineStatus | undefined {
  return assistant.status;
}
