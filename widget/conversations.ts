/**
 * The list of past conversations, most recent first: each with its title (made on the device from
 * the first turns, or the user's own), a preview of its latest message and when it was last used;
 * picking one shows it and later turns go to it. Each can be renamed, or deleted after a confirmation.
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ConversationSummary } from '../src/index.ts';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';

/** A conversation being renamed, or waiting for the user to confirm its deletion. */
export interface ConversationEdit {
  id: string;
  mode: 'rename' | 'delete';
}

/** What the list renders and whom it tells. */
export interface ConversationsProps {
  msgs: Messages;
  lang: string;
  /** `undefined` while loading. */
  conversations: readonly ConversationSummary[] | undefined;
  currentId: string | undefined;
  editing: ConversationEdit | undefined;
  onOpen(id: string): void;
  onNew(): void;
  /** Starts or ends (`undefined`) a rename or a delete confirmation. */
  onEdit(edit: ConversationEdit | undefined): void;
  /** Present when the assistant can rename. */
  onRename: ((id: string, title: string) => void) | undefined;
  /** Present when the assistant can delete. */
  onDelete: ((id: string) => void) | undefined;
}

function renderEdit(conversation: ConversationSummary, title: string, props: ConversationsProps): TemplateResult {
  const { msgs, editing } = props;
  if (editing?.mode === 'delete') {
    return html`<div class="edit" role="group" aria-labelledby="delete-${conversation.id}">
      <p id="delete-${conversation.id}">${msgs.deleteConversationConfirm(title)}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => props.onEdit(undefined)}>${msgs.cancel}</button>
        <button
          class="button danger"
          part="confirm-delete-button"
          type="button"
          @click=${() => props.onDelete?.(conversation.id)}
        >
          ${msgs.confirmDelete}
        </button>
      </div>
    </div>`;
  }
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('title') as HTMLInputElement;
    props.onRename?.(conversation.id, input.value);
  };
  return html`<form class="edit" @submit=${submit}>
    <label for="rename">${msgs.renameLabel}</label>
    <input
      id="rename"
      class="field"
      part="rename-input"
      name="title"
      maxlength="200"
      .value=${conversation.title}
      required
    />
    <div class="actions">
      <button class="button" type="button" @click=${() => props.onEdit(undefined)}>${msgs.cancel}</button>
      <button class="button primary" part="save-button" type="submit">${msgs.save}</button>
    </div>
  </form>`;
}

/**
 * Renders the list.
 * @param props the conversations, labels and handlers
 */
export function renderConversations(props: ConversationsProps): TemplateResult {
  const { msgs, conversations } = props;
  const date = new Intl.DateTimeFormat(props.lang, { dateStyle: 'medium', timeStyle: 'short' });
  const action = (part: string, label: string, icon: TemplateResult, edit: ConversationEdit) =>
    html`<button
      class="icon-button"
      part=${part}
      type="button"
      title=${label}
      aria-label=${label}
      @click=${() => props.onEdit(edit)}
    >
      ${icon}
    </button>`;
  return html`<div class="conversations" part="conversations">
    <button class="button primary new" part="new-conversation-button" type="button" @click=${props.onNew}>
      ${icons.plus}${msgs.newConversation}
    </button>
    ${conversations?.length === 0 ? html`<p class="note">${msgs.noConversations}</p>` : nothing}
    <ul class="conversation-list">
      ${(conversations ?? []).map((conversation) => {
        const title = conversation.title || msgs.untitled;
        const { id } = conversation;
        return html`<li class="conversation-row">
          ${
            props.editing?.id === id
              ? renderEdit(conversation, title, props)
              : html`<button
                    class="conversation"
                    part="conversation"
                    type="button"
                    aria-current=${id === props.currentId ? 'true' : nothing}
                    @click=${() => props.onOpen(id)}
                  >
                    <span class="conversation-title" dir="auto">${title}</span>
                    ${conversation.preview ? html`<span class="preview muted" part="preview" dir="auto">${conversation.preview}</span>` : nothing}
                    <time class="muted" datetime=${new Date(conversation.updatedAt).toISOString()}
                      >${date.format(conversation.updatedAt)}</time
                    >
                  </button>
                  ${props.onRename ? action('rename-button', msgs.rename(title), icons.edit, { id, mode: 'rename' }) : nothing}
                  ${props.onDelete ? action('delete-button', msgs.deleteConversation(title), icons.trash, { id, mode: 'delete' }) : nothing}`
          }
        </li>`;
      })}
    </ul>
  </div>`;
}
