/**
 * The screen shown instead of the chat while the history is locked (passphrase mode). A new store
 * asks the user to choose a passphrase (twice, with its strength); an existing one asks for it, and
 * offers the documented way out when it is forgotten: start over, which deletes everything on this
 * device after an explicit confirmation (nothing could decrypt it anyway).
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';
import { readPassphraseFields, renderPassphraseFields } from './passphrase-form.ts';

/** What the unlock screen renders and whom it tells. */
export interface UnlockProps {
  msgs: Messages;
  /** The last attempt's error message. */
  error: string;
  busy: boolean;
  /** `unset`: no passphrase yet, the user chooses one. */
  keyMode: 'unset' | 'passphrase' | undefined;
  /** The start-over confirmation is shown. */
  forgetting: boolean;
  onUnlock(passphrase: string): void;
  /** Present when the assistant can start over. */
  onForgot: ((show: boolean) => void) | undefined;
  onStartOver(): void;
}

/**
 * Renders the unlock (or choose-a-passphrase) form, or the start-over confirmation.
 * @param props labels, state and handlers
 */
export function renderUnlock(props: UnlockProps): TemplateResult {
  const { msgs } = props;
  if (props.forgetting) {
    return html`<div class="unlock" part="unlock" role="group" aria-labelledby="forgot-title">
      <h3 id="forgot-title" class="unlock-title">${msgs.forgotTitle}</h3>
      <p>${msgs.forgotBody}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => props.onForgot?.(false)}>${msgs.cancel}</button>
        <button
          class="button danger"
          part="start-over-button"
          type="button"
          ?disabled=${props.busy}
          @click=${props.onStartOver}
        >
          ${msgs.startOver}
        </button>
      </div>
    </div>`;
  }
  const setting = props.keyMode === 'unset';
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (setting) {
      const choice = readPassphraseFields(form, msgs);
      if (choice) props.onUnlock(choice.next);
      return;
    }
    const input = form.elements.namedItem('passphrase') as HTMLInputElement;
    if (input.value) props.onUnlock(input.value);
  };
  return html`<form class="unlock" part="unlock" @submit=${submit}>
    <span class="unlock-icon">${icons.lock}</span>
    <h3 class="unlock-title">${setting ? msgs.setPassphraseTitle : msgs.unlockTitle}</h3>
    <p class="note">${setting ? msgs.setPassphraseHint : msgs.unlockHint}</p>
    ${
      setting
        ? renderPassphraseFields({ msgs, id: 'first' })
        : html`<label for="passphrase">${msgs.passphrase}</label>
            <input
              id="passphrase"
              class="field"
              part="passphrase"
              name="passphrase"
              type="password"
              autocomplete="current-password"
              required
              aria-invalid=${props.error ? 'true' : 'false'}
              aria-describedby="unlock-error"
            />`
    }
    <p id="unlock-error" class="error" role="alert">${props.error}</p>
    <button class="button primary" part="unlock-button" type="submit" ?disabled=${props.busy}>
      ${setting ? msgs.setPassphrase : msgs.unlock}
    </button>
    ${
      !setting && props.onForgot
        ? html`<button class="link-button" part="forgot-button" type="button" @click=${() => props.onForgot?.(true)}>
            ${msgs.forgot}
          </button>`
        : nothing
    }
  </form>`;
}
