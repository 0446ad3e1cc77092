/**
 * The unlock screen of passphrase mode: shown instead of the chat while the store is locked.
 *
 * @module
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';

/** What the unlock screen renders and whom it tells. */
export interface UnlockProps {
  msgs: Messages;
  /** The last attempt's error message. */
  error: string;
  busy: boolean;
  onUnlock(passphrase: string): void;
}

/**
 * Renders the unlock form.
 * @param props labels, state and the unlock handler
 */
export function renderUnlock(props: UnlockProps): TemplateResult {
  const { msgs } = props;
  const submit = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('passphrase') as HTMLInputElement;
    if (input.value) props.onUnlock(input.value);
  };
  return html`<form class="unlock" part="unlock" @submit=${submit}>
    <span class="unlock-icon">${icons.lock}</span>
    <h3 class="unlock-title">${msgs.unlockTitle}</h3>
    <p class="note">${msgs.unlockHint}</p>
    <label for="passphrase">${msgs.passphrase}</label>
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
    />
    <p id="unlock-error" class="error" role="alert">${props.error}</p>
    <button class="button primary" part="unlock-button" type="submit" ?disabled=${props.busy}>${msgs.unlock}</button>
  </form>`;
}
