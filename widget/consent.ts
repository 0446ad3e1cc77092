/**
 * The consent prompt: when a skill first needs a permission that reaches the network or personal
 * data, the core emits `permission-request` and waits; this asks the user, in words, and answers.
 * It says what the skill sends with each call and to which origin (the LLM fallback: how many
 * earlier turns), and why it asks again when it does (a changed skill, a grant from a backup).
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { PermissionRequestEvent } from './assistant-extras.ts';
import type { Messages } from './i18n/en.ts';

/**
 * Describes a permission in the user's words, e.g. "connect to https://api.example.com".
 * @param msgs the UI catalogue
 * @param permission a `SkillPermissions` key
 * @param origins for `network`, the origins asked for
 */
export function describePermission(msgs: Messages, permission: string, origins: readonly string[] = []): string {
  const words = msgs.permission;
  switch (permission) {
    case 'network':
      return words.network(origins.join(', '));
    case 'storage':
    case 'profile':
    case 'schedule':
    case 'consequential':
      return words[permission]();
    default:
      return words.other(permission);
  }
}

/** What the prompt renders and whom it tells. */
export interface ConsentProps {
  msgs: Messages;
  request: PermissionRequestEvent;
  onAnswer(granted: boolean): void;
}

/**
 * Renders the prompt for the oldest waiting request.
 * @param props the request, labels and the answer handler
 */
export function renderConsent(props: ConsentProps): TemplateResult {
  const { msgs, request } = props;
  const what = describePermission(msgs, request.permission, request.origins);
  return html`<div
    class="consent"
    part="consent"
    role="alertdialog"
    aria-labelledby="consent-title"
    aria-describedby="consent-body"
    tabindex="-1"
  >
    <h3 id="consent-title" class="consent-title">${msgs.consentTitle}</h3>
    <p id="consent-body">
      ${msgs.consentBody(request.skillId, what)}${
        request.sends
          ? html`<br /><strong>${msgs.consentSends(request.sends.origin, request.sends.earlierTurns)}</strong>`
          : nothing
      }${
        request.reason === 'changed' || request.reason === 'imported'
          ? html`<br /><span class="muted"
                >${request.reason === 'changed' ? msgs.consentChanged : msgs.consentImported}</span
              >`
          : nothing
      }${request.description ? html`<br /><span class="muted">${request.description}</span>` : nothing}
    </p>
    <div class="actions">
      <button class="button" part="deny-button" type="button" @click=${() => props.onAnswer(false)}>
        ${msgs.deny}
      </button>
      <button class="button primary" part="allow-button" type="button" @click=${() => props.onAnswer(true)}>
        ${msgs.allow}
      </button>
    </div>
  </div>`;
}

/** What the voice question renders and whom it tells. */
export interface VoiceConsentProps {
  msgs: Messages;
  onAnswer(allowed: boolean): void;
}

/**
 * Asks before the first use of speech recognition that runs on the browser's server.
 * @param props labels and the answer handler
 */
export function renderVoiceConsent(props: VoiceConsentProps): TemplateResult {
  const { msgs } = props;
  return html`<div
    class="consent"
    part="consent voice-consent"
    role="alertdialog"
    aria-labelledby="voice-title"
    aria-describedby="voice-body"
    tabindex="-1"
  >
    <h3 id="voice-title" class="consent-title">${msgs.voiceAsk}</h3>
    <p id="voice-body">${msgs.voiceAskBody}</p>
    <div class="actions">
      <button class="button" part="deny-button" type="button" @click=${() => props.onAnswer(false)}>
        ${msgs.deny}
      </button>
      <button class="button primary" part="allow-button" type="button" @click=${() => props.onAnswer(true)}>
        ${msgs.allow}
      </button>
    </div>
  </div>`;
}
