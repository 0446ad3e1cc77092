/**
 * The floating launcher button that opens and closes the panel (absent in `inline` mode).
 * It is the first thing rendered, before any of the assistant is loaded.
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';

/** What the launcher renders. */
export interface LauncherProps {
  msgs: Messages;
  open: boolean;
  /** Notices not seen yet (shown as a badge, and in the button's name so the name holds the visible number). */
  unread: number;
  onToggle(): void;
  /** The visitor points at or focuses the launcher: a click is likely, so the assistant may start loading. */
  onIntent?(): void;
}

/**
 * Renders the launcher.
 * @param props labels, state and the toggle handler
 */
export function renderLauncher(props: LauncherProps): TemplateResult {
  return html`<button
    class="launcher"
    part="launcher"
    type="button"
    aria-controls="panel"
    aria-expanded=${props.open ? 'true' : 'false'}
    aria-label=${props.open ? props.msgs.close : props.unread ? props.msgs.openUnread(props.unread) : props.msgs.open}
    @click=${props.onToggle}
    @pointerenter=${() => props.onIntent?.()}
    @focus=${() => props.onIntent?.()}
  >
    ${props.open ? icons.close : icons.chat}
    ${
      props.unread
        ? html`<span class="badge" part="badge" aria-hidden="true">${props.unread > 99 ? '99+' : props.unread}</span>`
        : nothing
    }
  </button>`;
}
