/**
 * The panel's header: the title, the offline indicator, loading progress, and the buttons for a new
 * conversation, past conversations, settings and closing (or back to the chat from a sub-view).
 * Every icon button has a tooltip (`title`) as well as its accessible name, and loading shows its
 * progress in words as well as in a bar.
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';

/** The panel's views. */
export type PanelView = 'chat' | 'settings' | 'conversations';

/** What the header renders and whom it tells. */
export interface HeaderProps {
  msgs: Messages;
  heading: string;
  view: PanelView;
  offline: boolean;
  loading: boolean;
  /** 0–1 when the size is known. */
  progress: number | undefined;
  /** Past conversations can be listed (and a new one started). */
  canBrowse: boolean;
  /** The settings view has something to show. */
  hasSettings: boolean;
  /** A close button is shown (not in inline mode). */
  closable: boolean;
  onView(view: PanelView): void;
  onNew(): void;
  onClose(): void;
}

const iconButton = (part: string, label: string, icon: TemplateResult, click: () => void) =>
  html`<button class="icon-button" part=${part} type="button" title=${label} aria-label=${label} @click=${click}>
    ${icon}
  </button>`;

/**
 * Renders the header and, below it, the loading progress bar.
 * @param props labels, state and handlers
 */
export function renderHeader(props: HeaderProps): TemplateResult {
  const { msgs } = props;
  const percent = props.progress === undefined ? undefined : Math.round(props.progress * 100);
  const button = (view: PanelView, label: string, icon: TemplateResult) =>
    iconButton(`${view}-button`, label, icon, () => props.onView(view));
  const chat = props.view === 'chat';
  // A div, not <header>: inside a dialog that is not a sectioning element, <header> would be one more page "banner" landmark.
  return html`<div class="header" part="header">
      ${chat ? nothing : button('chat', msgs.back, icons.back)}
      <h2 id="title" class="title" part="title">${props.heading || msgs.title}</h2>
      ${props.offline ? html`<span class="chip" part="offline" title=${msgs.offlineHint}>${msgs.offline}<span class="sr-only">: ${msgs.offlineHint}</span></span>` : nothing}
      <span class="spacer"></span>
      ${chat && props.canBrowse ? iconButton('new-conversation-button', msgs.newConversation, icons.newChat, props.onNew) : nothing}
      ${chat && props.canBrowse ? button('conversations', msgs.conversations, icons.history) : nothing}
      ${chat && props.hasSettings ? button('settings', msgs.settings, icons.settings) : nothing}
      ${props.closable ? iconButton('close-button', msgs.close, icons.close, props.onClose) : nothing}
    </div>
    ${
      props.loading
        ? html`<div class="progress" part="progress" role="status">
            <span>${percent === undefined ? msgs.loading : msgs.loadingPercent(percent)}</span>
            <progress max="100" value=${percent ?? nothing} aria-hidden="true"></progress>
          </div>`
        : nothing
    }`;
}
