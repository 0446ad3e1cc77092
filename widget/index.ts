/**
 * `confidant-assistant/widget`: importing it defines `<confidant-assistant>`.
 *
 * @module
 */
export { ConfidantAssistant } from './confidant-assistant.ts';
export {
  ConfidantCloseEvent,
  ConfidantErrorEvent,
  ConfidantNotificationEvent,
  ConfidantOpenEvent,
  ConfidantReadyEvent,
  ConfidantReplyEvent,
  ConfidantSendEvent,
} from './events.ts';
export type { PermissionGrant, PermissionRequestEvent, WidgetAssistant } from './assistant-extras.ts';
export type { LoadStrategy } from './assistant-loader.ts';
export type { VoiceMode, VoiceState } from './voice.ts';
export type { Messages } from './i18n/en.ts';
export { loadSanitizer, renderMarkdown, safeUrl, sanitizerReady, trustedTypesPolicyName } from './sanitize.ts';
export type { RenderOptions } from './sanitize.ts';
export { enrollPasskey, unlockWithPasskey } from './passkey.ts';
export type { EnrollPasskeyOptions, PasskeyAssistant, UnlockWithPasskeyOptions } from './passkey.ts';
