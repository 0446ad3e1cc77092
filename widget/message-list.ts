/**
 * The message list: user and assistant messages, grouped under a time when the conversation
 * pauses, streamed text as it grows, sanitized markdown, cards, quick replies (Yes/No on every
 * confirmation), message actions (copy, rate), a typing indicator, retry on failure, and starter
 * suggestions while it is empty.
 *
 * Long text is collapsed with "Show more": laying out megabytes of text at once froze the tab
 * for seconds (issue 16), and a message stored before the length bound (or imported) may hold that
 * much. Only the shown part is ever given to the DOM.
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
import { LINK_ATTRIBUTES } from '../src/entries/links.ts';
import type { LinkPolicy } from '../src/entries/links.ts';
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
  /** Which links in replies and cards are clickable (the element's `linkPolicy` and `link-hosts`). */
  linkPolicy: LinkPolicy;
  /** Read-aloud is available. */
  canSpeak: boolean;
  onQuickReply(value: string): void;
  onRetry(item: ChatItem): void;
  /** "Show earlier": `hidden` when messages in memory were left out of the DOM (see `WINDOW`), to show them. */
  onEarlier(hidden: boolean): void;
  /** The newest message is in view: the oldest of a long list may be left out of the DOM (see `WINDOW`). */
  follow: boolean;
  onSpeak(item: ChatItem): void;
  /** Called once a sanitizer that had to be downloaded is ready, to render markdown shown as text meanwhile. */
  onSanitizerReady(): void;
  /** Suggestions for the empty panel. */
  starters: readonly string[];
  /** Messages added below while the user was reading further up. */
  unseen: number;
  onJump(): void;
  /** The list scrolled; `atBottom` when the newest message is in view. */
  onScroll(atBottom: boolean): void;
  /** Present when replies can be rated. */
  onRate: ((item: ChatItem, rating: 'up' | 'down' | null) => void) | undefined;
  /** Shows this much of a long message (`undefined`: collapse it again), reading more of it first when it came cut. */
  onExpand(item: ChatItem, shown: number | undefined): void;
  /** The whole text of a message, for copying. */
  fullText(item: ChatItem): Promise<string>;
}

/**
 * How much text is shown before "Show more", in layout cost units. What costs is shaping, not length
 * alone: random text that changes script at every character (CJK, Hangul, emoji, combining marks)
 * took ~0.09 ms per character to lay out on a loaded 2-core machine, Latin text a fraction of that.
 * So a character up to U+02FF counts 1 and any other 4: about 1,200 Latin characters or 300 others
 * are shown at first, which lays out within a frame's budget whatever the text holds.
 */
const COLLAPSED = 1200;
/** Text that costs more than this is collapsed. */
const COLLAPSE_AT = 1600;
/** Each "Show more" adds this much more (so one click never lays out more than a few pages). */
const STEP = 12_000;
/** Markdown longer than this is shown as plain (collapsed) text: converting it would block the page. */
const MARKDOWN_LIMIT = 20_000;
/**
 * While the newest message is in view, the DOM holds the newest 20 to 39 messages only: laying out,
 * painting and updating a few hundred on every turn was most of a warm turn (a Chromium trace of
 * `npm run bench:widget`: 5–10 ms of flex layout per frame under load, issue 14). "Show earlier" brings
 * the rest back, as does any update while the reader is further up. The first one shown moves in steps
 * of `WINDOW`, so that Lit, which matches a list's entries by index, keeps the nodes in between. Each
 * frame's paint, layerization and pre-paint still grew with the messages in the DOM (every reply has
 * three icon buttons): 20 still fills a tall panel.
 */
const WINDOW = 20;
/** A pause this long (ms) starts a new time group. */
const TIME_GAP = 10 * 60_000;

/** The start of `text`, `length` code units long, not cutting a surrogate pair. */
function head(text: string, length: number): string {
  const end = /[\ud800-\udbff]/.test(text.charAt(length - 1)) ? length - 1 : length;
  return text.slice(0, end);
}

/** Where the text from `from` on has spent `budget` cost units (see `COLLAPSED`), or its end. */
function spend(text: string, from: number, budget: number): number {
  let i = from;
  for (let cost = 0; i < text.length && cost < budget; i++) cost += text.charCodeAt(i) < 0x300 ? 1 : 4;
  return i;
}

// Sanitized markdown is rendered once per item into a detached element that Lit then moves in and
// out of the list: a DocumentFragment would be emptied by its first insertion.
const rendered = new WeakMap<ChatItem, { allowImages: boolean; linkPolicy: LinkPolicy; node: Node | string }>();

function markdownOf(item: ChatItem, markdown: string, props: MessageListProps): Node | string {
  const { allowImages, linkPolicy } = props;
  const cached = rendered.get(item);
  if (cached?.allowImages === allowImages && cached.linkPolicy === linkPolicy) return cached.node;
  if (!sanitizerReady()) {
    // No platform sanitizer: show the plain text until DOMPurify has loaded.
    loadSanitizer().then(props.onSanitizerReady, () => {});
    return item.text;
  }
  let node: Node | string;
  try {
    const container = document.createElement('div');
    container.className = 'markdown';
    container.append(renderMarkdown(markdown, { allowImages, linkPolicy }));
    node = container;
  } catch {
    // Trusted Types refused DOMPurify's policy: show the plain text rather than nothing.
    node = item.text;
  }
  rendered.set(item, { allowImages, linkPolicy, node });
  return node;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A time group's label: the time today, the date and time before. */
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
      const url = card.url ? safeUrl(card.url, 'link', props.linkPolicy) : null;
      const image = props.allowImages && card.image ? safeUrl(card.image, 'image') : null;
      return html`<li class="card" part="card">
        ${image ? html`<img part="card-image" src=${image} alt="" loading="lazy" referrerpolicy="no-referrer" />` : nothing}
        <p class="card-title" part="card-title">
          ${
            url
              ? html`<a href=${url} target=${LINK_ATTRIBUTES.target} rel=${LINK_ATTRIBUTES.rel}
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

function renderText(item: ChatItem, props: MessageListProps): TemplateResult | Node | string {
  const { text } = item;
  if (item.markdown && item.state === 'done' && item.markdown.length <= MARKDOWN_LIMIT)
    return markdownOf(item, item.markdown, props);
  const total = item.fullLength ?? text.length;
  if (item.state === 'streaming' || (total === text.length && spend(text, 0, COLLAPSE_AT) === total)) return text;
  const length = Math.min(item.shown ?? spend(text, 0, COLLAPSED), text.length);
  const more = length < total;
  // Past what came to the page, the next step is counted as the costliest characters.
  const next = () => (length < text.length ? spend(text, length, STEP) : Math.min(total, length + STEP / 4));
  const toggle = () => props.onExpand(item, more ? next() : undefined);
  return html`${more ? `${head(text, length)}…` : text}<button
      class="link-button"
      part="show-more"
      type="button"
      aria-expanded=${more ? 'false' : 'true'}
      @click=${toggle}
    >
      ${more ? props.msgs.showMore : props.msgs.showLess}
    </button>`;
}

function copy(event: Event, item: ChatItem, props: MessageListProps): void {
  const { msgs } = props;
  const button = event.currentTarget as HTMLElement;
  void props
    .fullText(item)
    .then((text) => navigator.clipboard?.writeText(text))
    .then(() => {
      // Said to screen readers by the button's new name; back after a moment.
      button.setAttribute('aria-label', msgs.copied);
      button.title = msgs.copied;
      setTimeout(() => {
        button.setAttribute('aria-label', msgs.copy);
        button.title = msgs.copy;
      }, 1500);
    });
}

function renderActions(item: ChatItem, props: MessageListProps): TemplateResult | typeof nothing {
  const { msgs, onRate } = props;
  if (item.role !== 'assistant' || item.state !== 'done') return nothing;
  const button = (label: string, icon: TemplateResult, click: (event: Event) => void, pressed?: boolean) =>
    html`<button
      class="icon-button small"
      part="action-button"
      type="button"
      title=${label}
      aria-label=${label}
      aria-pressed=${pressed === undefined ? nothing : String(pressed)}
      @click=${click}
    >
      ${icon}
    </button>`;
  // A reply that is only on screen (no stored id yet) cannot be rated.
  const rate = onRate && !item.key.startsWith('local-') && !item.key.startsWith('stream-');
  return html`${button(msgs.copy, icons.copy, (event) => copy(event, item, props))}
  ${
    rate
      ? html`${button(msgs.goodReply, icons.thumbUp, () => onRate(item, item.rating === 'up' ? null : 'up'), item.rating === 'up')}
        ${button(msgs.badReply, icons.thumbDown, () => onRate(item, item.rating === 'down' ? null : 'down'), item.rating === 'down')}`
      : nothing
  }`;
}

function renderChips(
  replies: readonly { label: string; value?: string | undefined }[],
  props: MessageListProps,
  part = 'quick-reply',
): TemplateResult {
  return html`${replies.map(
    (reply) =>
      html`<button
        class="button chip-button"
        part=${part}
        type="button"
        dir="auto"
        @click=${() => props.onQuickReply(reply.value ?? reply.label)}
      >
        ${reply.label}
      </button>`,
  )}`;
}

function renderItem(item: ChatItem, last: boolean, props: MessageListProps): TemplateResult {
  const { msgs } = props;
  const mine = item.role === 'user';
  const done = last && !mine && item.state === 'done';
  // Every confirmation gets Yes/No, unless the skill offered its own choices. The values are the
  // English words every language's cues understand; the labels are the UI language's.
  const quickReplies = !done
    ? undefined
    : item.quickReplies?.length
      ? item.quickReplies
      : item.asks === 'confirmation'
        ? [
            { label: msgs.yes, value: 'yes' },
            { label: msgs.no, value: 'no' },
          ]
        : undefined;
  // While a reply streams, its bubble is hidden from assistive technology; the finished reply is
  // a new node (`keyed` by the stored id), read in full once.
  return html`<div
    class="message ${item.role} ${item.state}"
    part="message ${item.role}-message"
    aria-hidden=${item.state === 'streaming' ? 'true' : nothing}
  >
    <div class="bubble" part="bubble ${item.role}-bubble" dir="auto">
      <span class="sr-only">${mine ? msgs.you : msgs.assistant}: </span>
      <div class="text">${renderText(item, props)}</div>
    </div>
    ${renderCards(item, props)}
    <div class="meta" part="meta">
      ${
        !mine && props.canSpeak && item.state === 'done'
          ? html`<button
              class="icon-button small"
              part="speak-button"
              type="button"
              title=${msgs.readAloud}
              aria-label=${msgs.readAloud}
              @click=${() => props.onSpeak(item)}
            >
              ${icons.speaker}
            </button>`
          : nothing
      }
      ${renderActions(item, props)}
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
            ${renderChips(quickReplies, props)}
          </div>`
        : nothing
    }
  </div>`;
}

// Items are immutable, so an item's template only changes with the few props it reads: reusing it
// keeps a re-render of a long conversation to identity checks (the list re-renders on every streamed chunk).
const templates = new WeakMap<ChatItem, { key: string; linkPolicy: LinkPolicy; template: TemplateResult }>();

function cachedItem(item: ChatItem, last: boolean, props: MessageListProps): TemplateResult {
  const key = `${last}|${props.lang}|${props.canSpeak}|${props.allowImages}|${props.msgs.you}|${props.onRate !== undefined}`;
  const { linkPolicy } = props;
  const cached = templates.get(item);
  if (cached?.key === key && cached.linkPolicy === linkPolicy) return cached.template;
  const template = renderItem(item, last, props);
  // Markdown shown as plain text while the sanitizer loads must be rendered again once it is ready.
  if (!item.markdown || rendered.has(item)) templates.set(item, { key, linkPolicy, template });
  return template;
}

/**
 * Renders the message list.
 * @param props what to show and the handlers to call
 */
export function renderMessageList(props: MessageListProps): TemplateResult {
  const { items, msgs } = props;
  const entries: unknown[] = [];
  const from = props.follow ? Math.max(0, (Math.floor(items.length / WINDOW) - 1) * WINDOW) : 0;
  items.forEach((item, i) => {
    if (i < from) return;
    const previous = items[i - 1];
    if (previous === undefined || item.createdAt - previous.createdAt > TIME_GAP)
      entries.push(
        keyed(
          `time-${item.key}`,
          html`<p class="when" part="time">
            <time datetime=${new Date(item.createdAt).toISOString()}>${formatTime(item.createdAt, props.lang)}</time>
          </p>`,
        ),
      );
    entries.push(keyed(item.key, cachedItem(item, i === items.length - 1, props)));
  });
  // Following the newest message, the list stops only when it went up: a scroll event comes a frame
  // after the scroll, and the list may have grown meanwhile (a reply right after the user's message:
  // the view stopped following after 20 quick turns). One that shrank above (the window moved) is
  // still at its end.
  const onScroll = (event: Event) => {
    const scroller = event.currentTarget as HTMLElement & { lastTop?: number };
    const top = scroller.scrollTop;
    props.onScroll(
      scroller.scrollHeight - top - scroller.clientHeight < 48 ||
        (props.follow && top >= (scroller.lastTop ?? Infinity)),
    );
    scroller.lastTop = top;
  };
  return html`<div class="scroller" part="messages" @scroll=${onScroll}>
    ${props.hasEarlier || from ? html`<button class="button earlier" part="earlier-button" type="button" @click=${() => props.onEarlier(from > 0)}>${msgs.earlier}</button>` : nothing}
    ${
      items.length === 0
        ? html`<div class="welcome" part="welcome">
            <p>${msgs.welcome}</p>
            ${
              props.starters.length
                ? html`<div class="quick-replies starters" role="group" aria-label=${msgs.starters}>
                    ${renderChips(
                      props.starters.map((label) => ({ label })),
                      props,
                      'starter',
                    )}
                  </div>`
                : nothing
            }
          </div>`
        : nothing
    }
    <div class="log" role="log" aria-live="off" aria-label=${msgs.title}>${entries}</div>
    ${
      props.typing
        ? html`<div class="typing" part="typing" role="img" aria-label=${msgs.typing}>
            <span></span><span></span><span></span>
          </div>`
        : nothing
    }
    ${
      props.unseen > 0
        ? html`<button class="button primary jump" part="new-messages" type="button" @click=${props.onJump}>
            ${msgs.newMessages} (${props.unseen}) ${icons.arrowDown}
          </button>`
        : nothing
    }
  </div>`;
}
