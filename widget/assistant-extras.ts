/**
 * Optional capabilities the widget uses when the assistant has them: lock and unlock, backup,
 * erase, retention, permission grants and the consent prompt, in-browser training. Each is
 * feature-detected on the assistant object, and the UI for an absent one is hidden, so the
 * widget works with any object implementing the core `Assistant` interface.
 *
 * @module
 */
import type { Assistant } from '../src/assistant-types.ts';
import type { EngineStatus } from '../src/engine/types.ts';

/** A permission a user granted to a skill, as listed in the settings panel. */
export interface PermissionGrant {
  skillId: string;
  /** The skill's display name, when it has one. */
  skillName?: string;
  /** A `SkillPermissions` key: `network`, `storage`, `profile`, `schedule`, … */
  permission: string;
  /** For `network`: the origins granted. */
  origins?: string[];
  /** Epoch milliseconds. */
  grantedAt?: number;
}

/** The `permission-request` event: a skill waits for the user's answer. */
export interface PermissionRequestEvent {
  type: 'permission-request';
  /** Names the request in `respondToPermission`. */
  id: string;
  skillId: string;
  skillName?: string;
  permission: string;
  origins?: string[];
  /** Answers the request directly, when the assistant offers it on the event. */
  respond?: (granted: boolean) => void | Promise<void>;
}

/** Methods and fields an assistant may have beyond the core `Assistant` interface. */
export interface AssistantExtras {
  /** The engine's current state (a property or a function returning it). */
  status?: EngineStatus | (() => EngineStatus);
  unlock?(passphrase: string): Promise<void>;
  lock?(): Promise<void>;
  /** Deletes every conversation and all data ("forget me"). */
  erase?(): Promise<void>;
  /** A passphrase-encrypted backup file. */
  exportBackup?(passphrase: string): Promise<Blob | Uint8Array | ArrayBuffer>;
  importBackup?(data: Uint8Array, passphrase: string): Promise<unknown>;
  /** Days history is kept, or `null` for forever. */
  retention?(): Promise<number | null>;
  setRetention?(days: number | null): Promise<void>;
  permissions?(): Promise<PermissionGrant[]>;
  revokePermission?(skillId: string, permission: string): Promise<void>;
  respondToPermission?(id: string, granted: boolean): Promise<void>;
  deleteConversation?(id: string): Promise<void>;
}

/** An assistant together with whichever optional capabilities it has. */
export type ExtendedAssistant = Assistant & AssistantExtras;

/** The names of the optional methods. */
export type ExtraMethod = Exclude<keyof AssistantExtras, 'status'>;

/**
 * Whether the assistant has an optional method.
 * @param assistant any assistant
 * @param name the method name
 */
export function has<K extends ExtraMethod>(
  assistant: Assistant | undefined,
  name: K,
): assistant is ExtendedAssistant & Required<Pick<AssistantExtras, K>> {
  return typeof (assistant as ExtendedAssistant | undefined)?.[name] === 'function';
}

/**
 * The engine state the assistant reports, when it reports one.
 * @param assistant any assistant
 * @returns the status, or `undefined` when the assistant does not expose it
 */
export function readStatus(assistant: Assistant): EngineStatus | undefined {
  const status = (assistant as ExtendedAssistant).status;
  return typeof status === 'function' ? status.call(assistant) : status;
}

/**
 * Subscribes to the `permission-request` event when the assistant emits it. `on()` is typed for
 * the core events only, so the name is passed through a wider signature.
 * @returns the unsubscribe function (a no-op when unsupported)
 */
export function onPermissionRequest(assistant: Assistant, listener: (event: PermissionRequestEvent) => void): () => void {
  const on = assistant.on as unknown as (type: string, listener: (event: PermissionRequestEvent) => void) => () => void;
  try {
    return on.call(assistant, 'permission-request', listener);
  } catch {
    // An assistant that validates event names throws for one it does not know: no consent prompt then.
    return () => {};
  }
}
