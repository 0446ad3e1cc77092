/**
 * What the widget needs from an assistant, and what it uses when present. The element accepts any
 * `Assistant` from `createAssistant`, or any object with the required part of that interface (an
 * app's adapter, a test double): the optional methods — lock and unlock, backup, erase, retention,
 * permissions and the consent answer — are feature-detected, and the UI for an absent one is hidden.
 *
 * @module
 */
import type { Assistant, AssistantEvent, EngineStatus } from '../src/index.ts';

/** The methods the widget cannot work without. */
type RequiredMethod = 'stream' | 'history' | 'conversations' | 'newConversation' | 'on' | 'dispose';

/** Methods the widget uses when the assistant has them. */
export type OptionalMethod =
  | 'unlock'
  | 'lock'
  | 'erase'
  | 'exportBackup'
  | 'importBackup'
  | 'retention'
  | 'setRetention'
  | 'permissions'
  | 'revokePermission'
  | 'respondToPermission';

/** What `<confidant-assistant>` accepts as `.assistant`. Every `Assistant` is one. */
export type WidgetAssistant = Pick<Assistant, RequiredMethod> & Partial<Pick<Assistant, OptionalMethod | 'status'>>;

/** A skill waiting for the user's consent. */
export type PermissionRequestEvent = Extract<AssistantEvent, { type: 'permission-request' }>;

/** A permission the user granted to a skill. */
export type PermissionGrant = Awaited<ReturnType<Assistant['permissions']>>[number];

/**
 * Whether the assistant has an optional method.
 * @param assistant any assistant the widget was given
 * @param name the method name
 */
export function has<K extends OptionalMethod>(
  assistant: WidgetAssistant | undefined,
  name: K,
): assistant is WidgetAssistant & Pick<Assistant, K> {
  return typeof assistant?.[name] === 'function';
}

/**
 * The engine state the assistant reports, when it reports one.
 * @param assistant any assistant the widget was given
 */
export function readStatus(assistant: WidgetAssistant): EngineStatus | undefined {
  return assistant.status;
}
