/**
 * The list of past conversations, most recent first; picking one shows it and later turns go to it.
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ConversationSummary } from '../src/index.ts';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';

/** What the list renders and whom it tells. */
export interface ConversationsProps {
  msgs: Messages;
  lang: string;
  /** `undefined` while loading. */
  conversations: readonly ConversationSummary[] | undefined;
  currentId: string | undefined;
  onOpen(id: string): void;
  onNew(): void;
}

/**
 * Renders the list.
 * @param props the conversations, labels and handlers
 */
export function renderConversations(props: ConversationsProps): TemplateResult {
  const { msgs, conversations } = props;
  const date = new Intl.DateTimeFormat(props.lang, { dateStyle: 'medium', timeStyle: 'short' });
  return html`<div class="conversations" part="conversations">
    <button class="button primary new" part="new-conversation-button" type="button" @click=${props.onNew}>
      ${icons.plus}${msgs.newConversation}
    </button>
    ${conversations?.length === 0 ? html`<p class="note">${msgs.noConversations}</p>` : nothing}
    <ul class="conversation-list">
      ${(conversations ?? []).map(
        (conversation) =>
          html`<li>
            <button
              class="conversation"
              part="conversation"
              type="button"
              aria-current=${conversation.id === props.currentId ? 'true' : nothing}
              @click=${() => props.onOpen(conversation.id)}
            >
              <span class="conversation-title" dir="auto">${conversation.title || msgs.untitled}</span>
              <time class="muted" datetime=${new Date(conversation.updatedAt).toISOString()}
                >${date.format(conversation.updatedAt)}</time
              >
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}
