/**
 * Choosing a passphrase: the new one twice, so a typo cannot lock the user out for good, with its
 * strength shown as they type (zxcvbn-ts, loaded on first use), and the current one when it
 * changes. Used on the first unlock of a passphrase store and in the privacy settings.
 *
 * The meter and the mismatch message are written straight into their elements on `input`: they
 * change on every keystroke, and re-rendering the element for each would cost more than it shows.
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from './i18n/en.ts';
import { loadStrength } from './load-strength.ts';

/** What the fields render. */
export interface PassphraseFieldsProps {
  msgs: Messages;
  /** Prefix of the fields' ids (two forms may be in one view). */
  id: string;
  /** Also ask for the current passphrase. */
  current?: boolean;
}

/** The passphrase a completed form holds. */
export interface PassphraseChoice {
  next: string;
  current?: string;
}

let estimator: ReturnType<typeof loadStrength> | undefined;

const input = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

async function showStrength(form: HTMLFormElement, msgs: Messages): Promise<void> {
  const value = input(form, 'next')?.value ?? '';
  const meter = form.querySelector('meter');
  const label = form.querySelector('.strength-label');
  if (!meter || !label) return;
  if (!value) {
    meter.value = 0;
    label.textContent = '';
    return;
  }
  const { estimateStrength } = await (estimator ??= loadStrength());
  // The user typed on while the estimator loaded: score what is there now.
  const score = estimateStrength(input(form, 'next')?.value ?? '', [location.hostname]);
  meter.value = score + 1;
  label.textContent = msgs.strengthLabel(msgs.strength[score] ?? '');
}

function showMismatch(form: HTMLFormElement, msgs: Messages, force: boolean): boolean {
  const confirm = input(form, 'confirm');
  const next = input(form, 'next')?.value ?? '';
  const mismatch = confirm !== null && confirm.value !== next && (force || confirm.value.length >= next.length);
  confirm?.setAttribute('aria-invalid', String(mismatch));
  const message = form.querySelector('.mismatch');
  if (message) message.textContent = mismatch ? msgs.mismatch : '';
  return mismatch;
}

/**
 * Renders the fields (inside the caller's `<form>`).
 * @param props labels, ids and whether the current passphrase is asked for
 */
export function renderPassphraseFields(props: PassphraseFieldsProps): TemplateResult {
  const { msgs, id } = props;
  const onInput = (event: Event) => {
    const form = (event.currentTarget as HTMLElement).closest('form');
    if (!form) return;
    void showStrength(form, msgs);
    showMismatch(form, msgs, false);
  };
  return html`${
      props.current
        ? html`<label for="${id}-current">${msgs.currentPassphrase}</label>
            <input
              id="${id}-current"
              class="field"
              name="current"
              type="password"
              autocomplete="current-password"
              required
            />`
        : nothing
    }
    <label for="${id}-next">${msgs.newPassphrase}</label>
    <input
      id="${id}-next"
      class="field"
      part="new-passphrase"
      name="next"
      type="password"
      autocomplete="new-password"
      required
      aria-describedby="${id}-strength"
      @input=${onInput}
    />
    <div class="strength" id="${id}-strength" aria-live="polite">
      <meter min="0" max="5" low="2.5" high="3.5" optimum="5" value="0" aria-hidden="true"></meter>
      <span class="strength-label"></span>
    </div>
    <label for="${id}-confirm">${msgs.confirmPassphrase}</label>
    <input
      id="${id}-confirm"
      class="field"
      part="confirm-passphrase"
      name="confirm"
      type="password"
      autocomplete="new-password"
      required
      aria-describedby="${id}-mismatch"
      @input=${onInput}
    />
    <p id="${id}-mismatch" class="error mismatch" role="alert"></p>`;
}

/**
 * Reads a submitted form: the passphrases, or `undefined` (with the mismatch shown and the
 * confirmation focused) when the two new ones differ.
 */
export function readPassphraseFields(form: HTMLFormElement, msgs: Messages): PassphraseChoice | undefined {
  if (showMismatch(form, msgs, true)) {
    input(form, 'confirm')?.focus();
    return undefined;
  }
  const next = input(form, 'next')?.value ?? '';
  const current = input(form, 'current')?.value;
  return current === undefined ? { next } : { next, current };
}
