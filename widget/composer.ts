/**
 * The composer: a growing text area, the send button and, where available, the microphone.
 * Enter sends, Shift+Enter starts a new line, and Enter while an input method is composing
 * (Chinese, Japanese, Korean) confirms the composition instead of sending.
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
  onSend(text: string): void;
  onListen(): void;
}

function submit(event: Event, props: ComposerProps): void {
  event.preventDefault();
  const form = (event.currentTarget as HTMLElement).closest('form');
  const input = form?.elements.namedItem('text') as HTMLTextAreaElement | null;
  const text = input?.value.trim();
  if (!input || !text) return;
  input.value = '';
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
      @keydown=${(event: KeyboardEvent) => keydown(event, props)}
    ></textarea>
    ${
      props.canListen
        ? html`<button
            class="icon-button"
            part="voice-button"
            type="button"
            aria-pressed=${props.listening ? 'true' : 'false'}
            aria-label=${props.listening ? msgs.stopListening : msgs.speak}
            @click=${props.onListen}
          >
            ${icons.mic}
          </button>`
        : nothing
    }
    <button class="icon-button send" part="send-button" type="submit" aria-label=${msgs.send}>${icons.send}</button>
  </form>`;
}
