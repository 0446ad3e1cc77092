/**
 * The composer: a growing text area, the send button and, where available, the microphone.
 * Enter sends, Shift+Enter starts a new line, and Enter while an input method is composing
 * (Chinese, Japanese, Korean) confirms the composition instead of sending.
 *
 * It counts toward the documented maximum message length (the engine refuses longer messages):
 * near the bound it says how much is left, past it that the text is too long, and it does not send
 * — the text stays, for the user to shorten. Nothing is cut silently (a `maxlength` would).
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';

/** What the composer renders and whom it tells. */
export interface ComposerProps {
  msgs: Messages;
  /** Speech input is available. */
  canListen: boolean;
  listening: boolean;
  /** The longest message the assistant accepts, in UTF-16 code units. */
  maxLength: number;
  onSend(text: string): void;
  onListen(): void;
}

/** Updates the count under the text area; returns whether the text is over the bound. */
function updateCount(form: HTMLFormElement, props: Pick<ComposerProps, 'msgs' | 'maxLength'>): boolean {
  const input = form.elements.namedItem('text') as HTMLTextAreaElement | null;
  const count = form.querySelector('.count');
  const length = input?.value.length ?? 0;
  const over = length > props.maxLength;
  const left = props.maxLength - length;
  input?.setAttribute('aria-invalid', String(over));
  if (count) {
    count.textContent = over
      ? props.msgs.tooLong(length, props.maxLength)
      : left <= props.maxLength / 10
        ? props.msgs.charactersLeft(left)
        : '';
    count.classList.toggle('error', over);
  }
  return over;
}

function submit(event: Event, props: ComposerProps): void {
  event.preventDefault();
  const form = (event.currentTarget as HTMLElement).closest('form');
  const input = form?.elements.namedItem('text') as HTMLTextAreaElement | null;
  const text = input?.value.trim();
  if (!form || !input || !text) return;
  if (updateCount(form, props)) return input.focus();
  input.value = '';
  updateCount(form, props);
  props.onSend(text);
}

function keydown(event: KeyboardEvent, props: ComposerProps): void {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) submit(event, props);
}

/**
 * Renders the composer.
 * @param props labels, voice state and handlers
 */
export function renderComposer(props: ComposerProps): TemplateResult {
  const { msgs } = props;
  return html`<form class="composer" part="composer" @submit=${(event: Event) => submit(event, props)}>
    <label class="sr-only" for="input">${msgs.message}</label>
    <textarea
      id="input"
      class="input"
      part="input"
      name="text"
      rows="1"
      autocomplete="off"
      enterkeyhint="send"
      placeholder=${props.listening ? msgs.listening : msgs.placeholder}
      aria-describedby="count"
      @keydown=${(event: KeyboardEvent) => keydown(event, props)}
      @input=${(event: Event) => updateCount((event.currentTarget as HTMLTextAreaElement).form as HTMLFormElement, props)}
    ></textarea>
    ${
      props.canListen
        ? html`<button
            class="icon-button"
            part="voice-button"
            type="button"
            aria-pressed=${props.listening ? 'true' : 'false'}
            title=${props.listening ? msgs.stopListening : msgs.speak}
            aria-label=${props.listening ? msgs.stopListening : msgs.speak}
            @click=${props.onListen}
          >
            ${icons.mic}
          </button>`
        : nothing
    }
    <button class="icon-button send" part="send-button" type="submit" title=${msgs.send} aria-label=${msgs.send}>
      ${icons.send}
    </button>
    <p id="count" class="count" part="count" aria-live="polite"></p>
  </form>`;
}
