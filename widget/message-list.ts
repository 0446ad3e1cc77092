/**
 * The message list: user and assistant messages with timestamps, streamed text as it grows,
 * sanitized markdown, cards, quick replies, a typing indicator and retry on failure.
 *
 * The list has `role="log"` for its structure but `aria-live="off"`: screen readers would otherwise
 * read every streamed token. Whole replies are announced once through the element's polite live
 * region instead (see `confidant-assistant.ts`).
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { ChatItem } from './chat-controller.ts';
import type { Messages } from './i18n/en.ts';
import { icons } from './icons.ts';
import { loadSanitizer, renderMarkdown, safeUrl, sanitizerReady } from './sanitize.ts';

/** What the message list renders and whom it tells about clicks. */
export interface MessageListProps {
  items: readonly ChatItem[];
  msgs: Messages;
  lang: string;
  typing: boolean;
  hasEarlier: boolean;
  allowImages: boolean;
  /** Read-aloud is available. */
  canSpeak: boolean;
  onQuickReply(value: string): void;
  onRetry(item: ChatItem): void;
  onEarlier(): void;
  onSpeak(item: ChatItem): void;
  /** Called once a sanitizer that had to be downloaded is ready, to render markdown shown as text meanwhile. */
  onSanitizerReady(): void;
}

// Sanitized markdown is rendered once per item into a detached element that Lit then moves in and
// out of the list: a DocumentFragment would be emptied by its first insertion.
const rendered = new WeakMap<ChatItem, { allowImages: boolean; node: Node | string }>();

function markdownOf(item: ChatItem, markdown: string, props: MessageListProps): Node | string {
  const { allowImages } = props;
  const cached = rendered.get(item);
  if (cached?.allowImages === allowImages) return cached.node;
  if (!sanitizerReady()) {
    // No platform sanitizer: show the plain text until DOMPurify has loaded.
    loadSanitizer().then(props.onSanitizerReady, () => {});
    return item.text;
  }
  let node: Node | string;
  try {
    const container = document.createElement('div');
    container.className = 'markdown';
    container.append(renderMarkdown(markdown, { allowImages }));
    node = container;
  } catch {
    // Trusted Types refused DOMPurify's policy: show the plain text rather than nothing.
    node = item.text;
  }
  rendered.set(item, { allowImages, node });
  return node;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatTime(createdAt: number, lang: string): string {
  const today = new Date().toDateString() === new Date(createdAt).toDateString();
  const id = `${lang}|${today}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang,
      today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    );
    formats.set(id, format);
  }
  return format.format(createdAt);
}

function renderCards(item: ChatItem, props: MessageListProps): TemplateResult | typeof nothing {
  if (!item.cards?.length) return nothing;
  return html`<ul class="cards" part="cards">
    ${item.cards.map((card) => {
      const url = card.url ? safeUrl(card.url) : null;
      const image = props.allowImages && card.image ? safeUrl(card.image, 'image') : null;
      return html`<li class="card" part="card">
        ${image ? html`<img part="card-image" src=${image} alt="" loading="lazy" referrerpolicy="no-referrer" />` : nothing}
        <p class="card-title" part="card-title">
          ${
            url
              ? html`<a href=${url} target="_blank" rel="noopener noreferrer"
                  >${card.title}<span class="sr-only"> ${props.msgs.newTab}</span></a
                >`
              : card.title
          }
        </p>
        ${card.text ? html`<p class="card-text">${card.text}</p>` : nothing}
      </li>`;
    })}
  </ul>`;
}

function renderItem(item: ChatItem, last: boolean, props: MessageListProps): TemplateResult {
  const { msgs } = props;
  const mine = item.role === 'user';
  const content = item.markdown && item.state === 'done' ? markdownOf(item, item.markdown, props) : item.text;
  const quickReplies = last && !mine && item.state === 'done' ? item.quickReplies : undefined;
  // While a reply streams, its bubble is hidden from assistive technology; the finished reply is
  // a new node (`keyed` by the stored id), read in full once.
  return html`<div
    class="message ${item.role} ${item.state}"
    part="message ${item.role}-message"
    aria-hidden=${item.state === 'streaming' ? 'true' : nothing}
  >
    <div class="bubble" part="bubble ${item.role}-bubble" dir="auto">
      <span class="sr-only">${mine ? msgs.you : msgs.assistant}: </span>${content}
    </div>
    ${renderCards(item, props)}
    <div class="meta" part="meta">
      <time datetime=${new Date(item.createdAt).toISOString()}>${formatTime(item.createdAt, props.lang)}</time>
      ${
        !mine && props.canSpeak && item.state === 'done'
          ? html`<button
              class="icon-button small"
              part="speak-button"
              type="button"
              aria-label=${msgs.readAloud}
              @click=${() => props.onSpeak(item)}
            >
              ${icons.speaker}
            </button>`
          : nothing
      }
      ${
        item.state === 'failed'
          ? html`<span class="error">${msgs.sendFailed}</span>
              <button class="button small" part="retry-button" type="button" @click=${() => props.onRetry(item)}>
                ${msgs.retry}
              </button>`
          : nothing
      }
    </div>
    ${
      quickReplies?.length
        ? html`<div class="quick-replies" part="quick-replies" role="group" aria-label=${msgs.suggestions}>
            ${quickReplies.map(
              (reply) =>
                html`<button
                  class="button"
                  part="quick-reply"
                  type="button"
                  @click=${() => props.onQuickReply(reply.value ?? reply.label)}
                >
                  ${reply.label}
                </button>`,
            )}
          </div>`
        : nothing
    }
  </div>`;
}

// Items are immutable, so an item's template only changes with the few props it reads: reusing it
// keeps a re-render of a long conversation to identity checks (the list re-renders on every streamed chunk).
const templates = new WeakMap<ChatItem, { key: string; template: TemplateResult }>();

function cachedItem(item: ChatItem, last: boolean, props: MessageListProps): TemplateResult {
  const key = `${last}|${props.lang}|${props.canSpeak}|${props.allowImages}|${props.msgs.you}`;
  const cached = templates.get(item);
  if (cached?.key === key) return cached.template;
  const template = renderItem(item, last, props);
  // Markdown shown as plain text while the sanitizer loads must be rendered again once it is ready.
  if (!item.markdown || rendered.has(item)) templates.set(item, { key, template });
  return template;
}

/**
 * Renders the message list.
 * @param props what to show and the handlers to call
 */
export function renderMessageList(props: MessageListProps): TemplateResult {
  const { items, msgs } = props;
  return html`<div class="scroller" part="messages">
    ${props.hasEarlier ? html`<button class="button earlier" part="earlier-button" type="button" @click=${props.onEarlier}>${msgs.earlier}</button>` : nothing}
    ${items.length === 0 ? html`<p class="welcome" part="welcome">${msgs.welcome}</p>` : nothing}
    <div class="log" role="log" aria-live="off" aria-label=${msgs.title}>
      ${items.map((item, i) => keyed(item.key, cachedItem(item, i === items.length - 1, props)))}
    </div>
    ${
      props.typing
        ? html`<div class="typing" part="typing" role="img" aria-label=${msgs.typing}>
            <span></span><span></span><span></span>
          </div>`
        : nothing
    }
  </div>`;
}
