/**
 * `<confidant-assistant>`: the chat widget.
 *
 * @module
 */
import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AssistantOptions, ConversationSummary } from '../src/index.ts';
import { DEFAULT_LINK_POLICY } from '../src/entries/links.ts';
import type { LinkPolicy, LinkPolicyOptions } from '../src/entries/links.ts';
import { has } from './assistant-extras.ts';
import { MAX_MESSAGE_LENGTH } from './message-bound.ts';
import type { PermissionRequestEvent, WidgetAssistant } from './assistant-extras.ts';
import type { LoadStrategy } from './assistant-loader.ts';
import { ChatController } from './chat-controller.ts';
import { composerStyles } from './composer.styles.ts';
import { renderComposer } from './composer.ts';
import { hostStyles } from './confidant-assistant.styles.ts';
import { renderConsent, renderVoiceConsent } from './consent.ts';
import { consentStyles } from './consent.styles.ts';
import { renderConversations } from './conversations.ts';
import type { ConversationEdit } from './conversations.ts';
import { conversationsStyles } from './conversations.styles.ts';
import {
  ConfidantCloseEvent,
  ConfidantErrorEvent,
  ConfidantOpenEvent,
  ConfidantReadyEvent,
  ConfidantSendEvent,
} from './events.ts';
import { NoticeController } from './notices.ts';
import { renderHeader } from './header.ts';
import type { PanelView } from './header.ts';
import { headerStyles } from './header.styles.ts';
import { loadMessages, messagesFor } from './i18n/catalog.ts';
import { en } from './i18n/en.ts';
import type { Messages } from './i18n/en.ts';
import { renderLauncher } from './launcher.ts';
import { elementLinkPolicy, NO_LINKS } from './link-options.ts';
import { launcherStyles } from './launcher.styles.ts';
import { renderMessageList } from './message-list.ts';
import { messageListStyles } from './message-list.styles.ts';
import { OwnAssistantController } from './own-assistant-controller.ts';
import { hasSettings, loadSettings, renderSettings } from './settings.ts';
import type { SettingsData } from './settings.ts';
import { settingsStyles } from './settings.styles.ts';
import { sharedStyles } from './shared.styles.ts';
import { renderUnlock } from './unlock.ts';
import { unlockStyles } from './unlock.styles.ts';
import { VoiceController } from './voice.ts';
import type { VoiceMode } from './voice.ts';

/**
 * A private, on-device assistant: a floating launcher with a chat panel, or an inline panel. It
 * talks to the assistant passed as `.assistant`, or creates its own from its attributes when the
 * panel first opens (see `load`), so it never delays the host page's load.
 *
 * @tag confidant-assistant
 * @summary A chat widget whose understanding and history stay on the device.
 *
 * @attr lang - UI language (BCP 47); `en` and `zh-CN` UI catalogues ship. Defaults to the nearest `lang` up the tree. Replies follow the language of each message (English or Chinese); this one answers what neither is.
 * @attr reply-lang - Fixes the language of every reply (`en`, `zh-CN`) whatever the user writes. Unset by default.
 * @attr dir - `rtl` mirrors the layout; inherited from the page like any element.
 * @attr link-hosts - Only these hosts (and the page's own origin) are linked in replies and cards: names separated by spaces, `*.example.com` for subdomains. Unset: every public host.
 *
 * @fires {ConfidantOpenEvent} confidant-open - The panel opened.
 * @fires {ConfidantCloseEvent} confidant-close - The panel closed.
 * @fires {ConfidantReadyEvent} confidant-ready - The assistant is set (passed in or created); `event.assistant`.
 * @fires {ConfidantSendEvent} confidant-send - The user sent `event.text`; cancelable.
 * @fires {ConfidantReplyEvent} confidant-reply - A reply was rendered; `event.reply`.
 * @fires {ConfidantErrorEvent} confidant-error - Loading or a turn failed; `event.error`.
 * @fires {ConfidantNotificationEvent} confidant-notification - A timer or reminder fired; `event.reply`; cancelable.
 *
 * @csspart launcher - The floating button that opens and closes the panel.
 * @csspart badge - The launcher's unread count.
 * @csspart panel - The chat panel (a non-modal dialog, or a region when `inline`).
 * @csspart header - The panel's header bar.
 * @csspart title - The panel's heading.
 * @csspart offline - The offline indicator.
 * @csspart progress - The loading bar.
 * @csspart conversations-button - Opens past conversations.
 * @csspart settings-button - Opens settings.
 * @csspart chat-button - Goes back to the chat from a sub-view.
 * @csspart close-button - Closes the panel.
 * @csspart messages - The scrolling message area.
 * @csspart welcome - The text shown before the first message.
 * @csspart message - Every message (also `user-message` or `assistant-message`).
 * @csspart user-message - The user's messages.
 * @csspart assistant-message - The assistant's messages.
 * @csspart bubble - Every message bubble (also `user-bubble` or `assistant-bubble`).
 * @csspart user-bubble - The user's bubbles.
 * @csspart assistant-bubble - The assistant's bubbles.
 * @csspart meta - A message's actions.
 * @csspart time - The time above a group of messages.
 * @csspart action-button - Copy, good reply, bad reply.
 * @csspart show-more - Shows more (or less) of a long message.
 * @csspart new-messages - Jumps to messages that arrived while reading further up.
 * @csspart starter - A suggestion on the empty panel.
 * @csspart retry-button - Sends a failed message again.
 * @csspart speak-button - Reads a reply aloud.
 * @csspart earlier-button - Loads older messages.
 * @csspart cards - A reply's list of cards.
 * @csspart card - One card.
 * @csspart card-title - A card's title.
 * @csspart card-image - A card's image (only with `allow-images`).
 * @csspart quick-replies - The suggested replies.
 * @csspart quick-reply - One suggestion.
 * @csspart typing - The typing indicator.
 * @csspart composer - The message form.
 * @csspart input - The message text area.
 * @csspart count - How much more the message may hold, near the bound.
 * @csspart send-button - Sends the message.
 * @csspart voice-button - Starts or stops speech input.
 * @csspart unlock - The unlock form (passphrase mode).
 * @csspart passphrase - The passphrase field.
 * @csspart unlock-button - The unlock button (or "Set passphrase" on first use).
 * @csspart new-passphrase - A new passphrase field.
 * @csspart confirm-passphrase - Its confirmation.
 * @csspart forgot-button - "Forgot your passphrase?".
 * @csspart start-over-button - Deletes everything to start over with a new passphrase.
 * @csspart settings - The settings panel.
 * @csspart retention - The retention select.
 * @csspart export-button - Exports a backup.
 * @csspart import-button - Imports a backup.
 * @csspart revoke-button - Revokes a permission.
 * @csspart lock-button - Locks the history (passphrase mode).
 * @csspart protection - How history is protected, and the passphrase form.
 * @csspart passphrase-button - Sets or changes the passphrase.
 * @csspart voice-privacy - Where speech is recognized.
 * @csspart voice-revoke-button - Withdraws the permission to use a speech server.
 * @csspart ratings-button - Downloads the user's ratings.
 * @csspart erase-button - Asks to delete all history.
 * @csspart confirm-erase-button - Deletes all history.
 * @csspart conversations - The past-conversations list.
 * @csspart conversation - One past conversation.
 * @csspart new-conversation-button - Starts a new conversation (in the header and the list).
 * @csspart preview - A past conversation's latest message.
 * @csspart rename-button - Renames a past conversation.
 * @csspart rename-input - The new name.
 * @csspart save-button - Saves it.
 * @csspart delete-button - Asks to delete a past conversation.
 * @csspart confirm-delete-button - Deletes it.
 * @csspart consent - The permission prompt.
 * @csspart allow-button - Grants the permission (also speech recognition on a server).
 * @csspart deny-button - Refuses the permission.
 * @csspart load-error - Shown when the assistant could not start.
 * @csspart announcer - The visually hidden live region that announces whole replies.
 *
 * @cssprop [--confidant-accent=#1d4ed8] - Launcher, send button, primary buttons (dark: #93c5fd).
 * @cssprop [--confidant-accent-contrast=#ffffff] - Text and icons on the accent (dark: #0b1220).
 * @cssprop [--confidant-background=#ffffff] - Panel background (dark: #0f172a).
 * @cssprop [--confidant-surface=#ffffff] - Header, composer, cards (dark: #111827).
 * @cssprop [--confidant-color=#111827] - Text (dark: #f3f4f6).
 * @cssprop [--confidant-muted=#4b5563] - Secondary text: times, hints (dark: #a5adba).
 * @cssprop [--confidant-border=#e5e7eb] - Dividers (dark: #374151).
 * @cssprop [--confidant-border-strong=#6b7280] - Field borders (dark: #9ca3af).
 * @cssprop [--confidant-hover=#f3f4f6] - Hovered buttons (dark: #1f2937).
 * @cssprop [--confidant-user-background=#1d4ed8] - The user's bubbles (dark: #93c5fd).
 * @cssprop [--confidant-user-color=#ffffff] - Text in the user's bubbles (dark: #0b1220).
 * @cssprop [--confidant-assistant-background=#f3f4f6] - The assistant's bubbles (dark: #1f2937).
 * @cssprop [--confidant-assistant-color=#111827] - Text in the assistant's bubbles (dark: #f3f4f6).
 * @cssprop [--confidant-link=#1d4ed8] - Links and suggestions (dark: #93c5fd).
 * @cssprop [--confidant-code-background=#e5e7eb] - Code blocks (dark: #0b1220).
 * @cssprop [--confidant-danger=#b91c1c] - Errors and destructive actions (dark: #fca5a5).
 * @cssprop [--confidant-focus=#1d4ed8] - The focus ring (dark: #bfdbfe).
 * @cssprop [--confidant-badge-background=#b91c1c] - The launcher's unread count (white text).
 * @cssprop [--confidant-radius=0.75rem] - Corner radius of the panel, bubbles and cards.
 * @cssprop [--confidant-radius-small=0.5rem] - Corner radius of buttons and fields.
 * @cssprop [--confidant-shadow=0 0.5rem 2rem rgb(0 0 0 / 0.22)] - Shadow of the launcher and panel.
 * @cssprop [--confidant-z-index=2147483000] - Stacking of the launcher and panel.
 * @cssprop [--confidant-offset=1.25rem] - Distance of launcher and panel from the viewport edge.
 * @cssprop [--confidant-panel-width=24rem] - Width of the floating panel.
 * @cssprop [--confidant-panel-height=36rem] - Height of the panel (also inline).
 * @cssprop [--confidant-font-family=system-ui] - The font.
 * @cssprop [--confidant-font-size=0.9375rem] - The base font size.
 *
 * Light and dark follow `prefers-color-scheme` unless `theme` says otherwise; motion stops under
 * `prefers-reduced-motion`; the layout mirrors under `dir="rtl"`.
 */
export class ConfidantAssistant extends LitElement {
  static override styles = [
    sharedStyles,
    hostStyles,
    launcherStyles,
    headerStyles,
    messageListStyles,
    composerStyles,
    settingsStyles,
    consentStyles,
    conversationsStyles,
    unlockStyles,
  ];

  /** The assistant to talk to. Set it to use your app's own; otherwise the element creates one from its attributes. */
  @property({ attribute: false })
  get assistant(): WidgetAssistant | undefined {
    return this.#assistant;
  }
  set assistant(assistant: WidgetAssistant | undefined) {
    this.#assistant = assistant;
    // Followed at once, not at the next update: an app that sends right after handing it over
    // (`el.assistant = a; a.send('hi')`) has its message's event come before that update. Not while
    // off the page: the history would be read now, without a turn sent before the element is added;
    // `willUpdate` (after connect) follows it then.
    if (this.isConnected) this.#chat.setAssistant(assistant);
  }
  /** More `createAssistant` options for the assistant the element creates (e.g. `skills`, `worker`, `storage`). */
  @property({ attribute: false }) assistantOptions: Partial<AssistantOptions> = {};
  /** URL of the intent model (`.onnx`); relative URLs resolve against the page. @default the bundled model */
  @property() model: string | undefined;
  /**
   * The folder serving the library's files (the Worker, ONNX Runtime's `.wasm`, the models) when they are
   * not next to its code: esbuild builds, a CDN. Relative to the page. @default next to the library's code
   */
  @property({ attribute: 'assets-base' }) assetsBase: string | undefined;
  /** IndexedDB database of the history, for several assistants with separate histories on one origin. @default 'confidant' */
  @property() database: string | undefined;
  /** How history is protected: `device` (no prompt) or `passphrase` (the unlock screen asks). */
  @property() encryption: 'device' | 'passphrase' = 'device';
  /** `light`, `dark`, or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';
  /** Corner of the launcher and panel; `start`/`end` follow the text direction. */
  @property({ reflect: true }) position: 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start' = 'bottom-end';
  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Renders the panel in the page flow, without the launcher. */
  @property({ type: Boolean, reflect: true }) inline = false;
  /**
   * When to start the Worker and model: `open` (when the panel first opens, or a moment before, when the
   * visitor points at or focuses the launcher), `idle` (that, or when the browser is idle), `eager`, or
   * `none` (the app sets `.assistant`). With `open` a visitor who never opens the chat downloads the shell only.
   */
  @property() load: LoadStrategy = 'open';
  /** Show images from replies and cards (they are fetched from their servers). */
  @property({ type: Boolean, attribute: 'allow-images' }) allowImages = false;
  /**
   * Which URLs in replies and cards become links: `createLinkPolicy` options from
   * `confidant-assistant/links` (`protocols`, `allowedHosts`). Loopback, private and link-local hosts
   * are never linked. An invalid value links nothing and fires `confidant-error`.
   * @default http, https and mailto to every public host
   */
  @property({ attribute: false }) linkPolicy: LinkPolicyOptions | LinkPolicy | undefined;
  /**
   * The hosts links may point to, separated by spaces (`example.com *.example.com`): the attribute
   * form of `linkPolicy.allowedHosts`, which it replaces when set. @default every public host
   */
  @property({ attribute: 'link-hosts' }) linkHosts: string | undefined;
  /** Speech input: `ask` (on-device where available, else ask before the first use of the browser's server), `local` (on-device only), `any` (server too, without asking), or `off`. */
  @property() voice: VoiceMode = 'ask';
  /** Read each new reply aloud (where read-aloud is available). */
  @property({ type: Boolean, attribute: 'read-aloud' }) readAloud = false;
  /** The panel's title. @default "Assistant", translated */
  @property() heading = '';
  /** Suggestions on the empty panel. @default made from the registered skills (`assistant.skills.list()`) */
  @property({ attribute: false }) starters: readonly string[] | undefined;
  /** Prefix the page title with the unread count while the panel is closed, e.g. "(2) Shop". */
  @property({ type: Boolean, attribute: 'title-notice' }) titleNotice = false;
  /** Chime when a timer or reminder fires while the panel is closed. */
  @property({ type: Boolean }) sound = false;
  /** Offer Web Notifications (the user turns them on in settings; the browser asks then). */
  @property({ type: Boolean }) notifications = false;
  /**
   * Fixes the language of every reply of the assistant the element creates (`en`, `zh-CN`). Unset,
   * each reply is in the language of the message it answers. @default undefined
   */
  @property({ attribute: 'reply-lang' }) replyLang: string | undefined;

  @state() private view: PanelView = 'chat';
  @state() private offline = false;
  @state() private settingsData: SettingsData = {};
  @state() private conversationList: readonly ConversationSummary[] | undefined;
  @state() private conversationEdit: ConversationEdit | undefined;
  @state() private keyMode: 'unset' | 'passphrase' | undefined;
  @state() private forgetting = false;
  @state() private unseen = 0;
  @state() private skillIntents: ReadonlySet<string> = new Set();

  readonly #notices = new NoticeController(this, () => this.heading || this.#msgs.title);
  readonly #chat = new ChatController(this, {
    onNotification: (reply) => this.#notices.notify(reply),
    onListChanged: () => this.view === 'conversations' && this.#loadConversations(),
  });
  readonly #voice = new VoiceController(this, (text) => {
    const input = this.renderRoot.querySelector('textarea');
    if (input) input.value = text;
  });
  readonly #own = new OwnAssistantController(this, this.#chat, () => ({
    lang: this.#lang,
    ...(this.replyLang ? { replyLang: this.replyLang } : {}),
    msgs: this.#msgs,
  }));
  #assistant: WidgetAssistant | undefined;
  #opened = false;
  #focusOnOpen = false;
  #restoreFocus = false;
  /** The newest message is in view (kept by the list's scroll events): new ones scroll into view. */
  #stickToBottom = true;
  /** The list element the stickiness is about: a new one (another view, reopened) starts at the bottom. */
  #scroller: Element | null = null;
  /**
   * Keeps a list that sticks to its end there whenever its messages change size: new ones, streamed
   * text, images and markdown laid out late. Not done in `updated`: reading `scrollHeight` there laid
   * out the whole list on every update (2 per turn), 4–15 ms each with a few hundred messages on the
   * loaded 2-core machine (a trace of `npm run bench:widget`), on the path from send to reply (issue
   * 14); the observer runs after the frame's own layout.
   */
  #resize = new ResizeObserver(() => {
    const scroller = this.#scroller;
    if (scroller && this.#stickToBottom) scroller.scrollTop = scroller.scrollHeight;
  });
  #announced = 0;
  #requests = 0;
  #itemCount = 0;
  #keyFor: WidgetAssistant | undefined;
  #catalogue: Promise<void> | undefined;
  #scrollLocked: string | undefined;
  #links: LinkPolicy = DEFAULT_LINK_POLICY;

  static override get observedAttributes(): string[] {
    // `lang` stays the native attribute (so `:lang()` and screen readers see it); re-render when it changes.
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The effective language: own `lang`, else the nearest ancestor's, else the browser's. */
  get #lang(): string {
    return this.lang || this.parentElement?.closest<HTMLElement>('[lang]')?.lang || navigator.language || 'en';
  }

  /** The UI strings of the effective language; English while another catalogue loads (see `getUpdateComplete`). */
  get #msgs(): Messages {
    const lang = this.#lang;
    const msgs = messagesFor(lang);
    if (msgs) return msgs;
    this.#catalogue ??= loadMessages(lang).then(() => {
      this.#catalogue = undefined;
      this.requestUpdate();
    });
    return en;
  }

  /** Also waits for the UI catalogue of the element's language, so `await el.updateComplete` sees its strings. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#catalogue) {
      await this.#catalogue;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.offline = !navigator.onLine;
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    this.#lockPageScroll(false);
  }

  /** Opens the panel and moves focus into it. */
  show(): void {
    this.#focusOnOpen = true;
    this.open = true;
  }

  /** Closes the panel (focus returns to the launcher if it was in the panel). */
  hide(): void {
    this.open = false;
  }

  /**
   * Sends a message as if the user had typed it.
   * @param text the message
   * @returns when the reply has been rendered (or the turn failed and shows a retry)
   */
  async send(text: string): Promise<void> {
    const event = new ConfidantSendEvent(text);
    if (!this.dispatchEvent(event)) return;
    void this.#own.start();
    await this.#chat.send(text);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('assistant')) {
      this.#own.assistantChanged();
      // A no-op when the setter already followed it.
      this.#chat.setAssistant(this.assistant);
      this.#voice.persist = undefined;
      this.skillIntents = new Set();
      if (this.assistant) {
        this.#learnAssistant(this.assistant);
        const ready = new ConfidantReadyEvent(this.assistant);
        this.dispatchEvent(ready);
      }
    }
    if (changed.has('open') || changed.has('inline')) {
      if (this.open || this.inline) {
        this.#opened = true;
        // Opened by the user (or script) after the first render: start now. At connect, `afterParse` does.
        if (this.hasUpdated) void this.#own.start();
      } else if (
        changed.get('open') &&
        this.renderRoot.querySelector('#panel')?.contains(this.shadowRoot?.activeElement ?? null)
      ) {
        this.#restoreFocus = true;
      }
    }
    if (changed.has('linkPolicy') || changed.has('linkHosts')) {
      try {
        this.#links = elementLinkPolicy(this.linkPolicy, this.linkHosts);
      } catch (error) {
        // Fail closed: a host that meant to narrow links must not get the default by a typo.
        this.#links = NO_LINKS;
        this.#reportError(error);
      }
    }
    this.#voice.configure(this.voice, this.#lang);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open') && changed.get('open') !== undefined) {
      this.dispatchEvent(this.open ? new ConfidantOpenEvent() : new ConfidantCloseEvent());
    }
    if (changed.has('open') || changed.has('inline')) this.#lockPageScroll(this.open && !this.inline);
    this.#notices.seen();
    if (this.open && this.#focusOnOpen) {
      this.#focusOnOpen = false;
      const root = this.renderRoot;
      (
        root.querySelector<HTMLElement>('.unlock input') ??
        root.querySelector<HTMLElement>('#input') ??
        root.querySelector<HTMLElement>('.panel button')
      )?.focus();
    }
    const locked = this.#chat.status === 'locked';
    if (locked && this.assistant && this.#keyFor !== this.assistant) this.#readKeyMode(this.assistant);
    if (!locked) this.#keyFor = undefined;
    if (this.#restoreFocus) {
      this.#restoreFocus = false;
      this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
    }
    if (
      changed.has('settingsData') &&
      (changed.get('settingsData') as SettingsData | undefined)?.confirmErase !== this.settingsData.confirmErase
    ) {
      // The pressed button was replaced: focus its counterpart (Cancel first, the safe choice).
      const next = this.settingsData.confirmErase ? '.settings [role=group] button' : '[part~="erase-button"]';
      this.renderRoot.querySelector<HTMLElement>(next)?.focus();
    }
    const requests = this.#chat.requests.length;
    if (requests > this.#requests) {
      // A skill waits for consent: make sure the user sees the prompt, and take focus to it.
      if (!this.open && !this.inline) this.open = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.consent')?.focus());
    }
    this.#requests = requests;
    const scroller = this.renderRoot.querySelector('.scroller');
    if (scroller !== this.#scroller) {
      this.#stickToBottom = true;
      this.#scroller = scroller;
      this.#resize.disconnect();
      if (scroller) this.#resize.observe(scroller.querySelector('.log') as Element);
    }
    const count = this.#chat.items.length;
    // Reading further up: say that messages arrived below instead of pulling the view down.
    if (!this.#stickToBottom && count > this.#itemCount && this.#itemCount > 0) this.unseen += count - this.#itemCount;
    this.#itemCount = count;
    const { announcement } = this.#chat;
    if (announcement.count !== this.#announced) {
      this.#announced = announcement.count;
      if (this.readAloud) this.#voice.speak(announcement.text);
    }
  }

  protected override render(): TemplateResult {
    const msgs = this.#msgs;
    const { announcement } = this.#chat;
    return html`${
        this.inline
          ? nothing
          : renderLauncher({
              msgs,
              open: this.open,
              unread: this.#notices.unread,
              onToggle: () => (this.open ? this.#close() : this.show()),
              onIntent: () => this.#own.prefetch(),
            })
      }
      <div
        id="panel"
        class="panel"
        part="panel"
        role=${this.inline ? 'region' : 'dialog'}
        aria-label=${this.heading || msgs.title}
        lang=${this.#lang}
        ?hidden=${!this.inline && !this.open}
        @keydown=${this.#onKeydown}
      >
        ${this.#opened && this.#catalogue === undefined ? this.#renderPanel(msgs) : nothing}
      </div>
      <div class="sr-only" part="announcer" aria-live="polite">
        ${
          announcement.count ? keyed(announcement.count, html`<p>${msgs.assistant}: ${announcement.text}</p>`) : nothing
        }
      </div>`;
  }

  #renderPanel(msgs: Messages): TemplateResult {
    const chat = this.#chat;
    const { status } = chat;
    const locked = status === 'locked';
    const view = locked || status === 'failed' ? 'chat' : this.view;
    const request = chat.requests[0];
    const header = renderHeader({
      msgs,
      heading: this.heading,
      view,
      offline: this.offline,
      loading: status === 'loading' || status === 'starting' || (status === 'idle' && !this.assistant),
      progress: chat.progress,
      canBrowse: !locked && this.assistant !== undefined,
      hasSettings: !locked && hasSettings(this.assistant, this.#voice.canSpeak || this.#voice.state.status !== 'off'),
      closable: !this.inline,
      onView: (next) => this.#setView(next),
      onNew: () => void this.#newConversation(),
      onClose: () => this.#close(),
    });
    const voice = this.#voice;
    return html`${header}${this.#renderBody(msgs, view)}${request ? renderConsent({ msgs, request, onAnswer: (granted) => void this.#answer(request, granted) }) : nothing}${
      voice.asking && view === 'chat'
        ? renderVoiceConsent({ msgs, onAnswer: (allowed) => voice.answer(allowed) })
        : nothing
    }`;
  }

  #renderBody(msgs: Messages, view: PanelView): TemplateResult {
    const chat = this.#chat;
    const lang = this.#lang;
    if (chat.status === 'failed') {
      return html`<div class="load-error" part="load-error" role="alert">
        <p>${msgs.loadFailed}</p>
        <button class="button primary" type="button" @click=${() => void this.#own.start()}>${msgs.tryAgain}</button>
      </div>`;
    }
    if (chat.status === 'locked') {
      const assistant = this.assistant;
      return renderUnlock({
        msgs,
        error: this.#own.unlockError,
        busy: this.#own.unlocking,
        keyMode: this.keyMode,
        forgetting: this.forgetting,
        onUnlock: (passphrase) => void this.#unlock(passphrase),
        onForgot: has(assistant?.store, 'startOver') ? (show) => this.#forget(show) : undefined,
        onStartOver: () => void this.#startOver(),
      });
    }
    if (view === 'settings') {
      return renderSettings({
        msgs,
        assistant: this.assistant,
        data: this.settingsData,
        canSpeak: this.#voice.canSpeak,
        readAloud: this.readAloud,
        onChange: (data) => (this.settingsData = data),
        onReadAloud: (on) => (this.readAloud = on),
        onLocked: () => {
          // Unlocking leads back to the chat, not to a settings view that still shows what was done before.
          this.view = 'chat';
          this.settingsData = {};
          this.#chat.setStatus('locked');
        },
        onErased: () => void this.#chat.clear(),
        voice: this.#voice.state,
        onForgetVoice: () => this.#voice.answer(false),
        notifications: this.#notices.canNotify
          ? {
              on: this.#notices.notifying,
              onToggle: (on) => void (on ? this.#notices.enableNotifications() : this.requestUpdate()),
            }
          : undefined,
      });
    }
    const store = this.assistant?.store;
    if (view === 'conversations') {
      return renderConversations({
        msgs,
        lang,
        conversations: this.conversationList,
        currentId: chat.conversationId,
        editing: this.conversationEdit,
        onOpen: (id) => void chat.openConversation(id).then(() => this.#setView('chat')),
        onNew: () => void chat.newConversation().then(() => this.#setView('chat')),
        onEdit: (edit) => this.#editConversation(edit),
        onRename: has(store, 'renameConversation')
          ? (id, title) => void this.#listAction(() => store.renameConversation(id, title))
          : undefined,
        onDelete: has(store, 'deleteConversation')
          ? (id) =>
              void this.#listAction(async () => {
                await store.deleteConversation(id);
                // The one on screen went: show the one the assistant picked instead.
                if (id === chat.conversationId) await chat.clear();
              })
          : undefined,
      });
    }
    return html`${renderMessageList({
      items: chat.items,
      msgs,
      lang,
      typing: chat.typing,
      hasEarlier: chat.hasEarlier,
      allowImages: this.allowImages,
      linkPolicy: this.#links,
      canSpeak: this.#voice.canSpeak,
      onQuickReply: (value) => {
        // The suggestions go away with the next reply: keep keyboard focus in the panel.
        this.#focusInput();
        void this.send(value);
      },
      onRetry: (item) => {
        this.#focusInput();
        void chat.retry(item);
      },
      // Messages left out of the DOM (message-list.ts) come back: the reader left the newest.
      onEarlier: (hidden) => {
        if (!hidden) return void chat.loadEarlier();
        this.#stickToBottom = false;
        this.requestUpdate();
      },
      follow: this.#stickToBottom,
      onSpeak: (item) => this.#voice.speak(item.text),
      onSanitizerReady: () => this.requestUpdate(),
      starters: chat.status === 'ready' || chat.status === 'idle' ? this.#starters(msgs) : [],
      unseen: this.unseen,
      onJump: () => this.#jump(),
      onScroll: (atBottom) => {
        this.#stickToBottom = atBottom;
        if (atBottom && this.unseen > 0) this.unseen = 0;
      },
      onRate: has(store, 'rateMessage') ? (item, rating) => void chat.rate(item, rating) : undefined,
      onExpand: (item, shown) => void chat.expand(item, shown),
      fullText: (item) => chat.fullText(item),
    })}${renderComposer({
      msgs,
      maxLength: MAX_MESSAGE_LENGTH,
      canListen: this.#voice.canListen,
      listening: this.#voice.listening,
      onSend: (text) => void this.send(text),
      onListen: () => this.#voice.toggleListening(),
    })}`;
  }

  #setView(view: PanelView): void {
    this.view = view;
    const assistant = this.assistant;
    if (view === 'settings') void loadSettings(assistant).then((data) => (this.settingsData = data), this.#reportError);
    if (view === 'conversations' && assistant) {
      this.conversationList = undefined;
      this.conversationEdit = undefined;
      this.#loadConversations();
    }
    // Keep keyboard users in the panel: the button they pressed is gone with the old view.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.header button, .header h2')?.focus(),
    );
  }

  /** Loads what the element needs to know about a new assistant: its skills (for starters), the voice consent. */
  #learnAssistant(assistant: WidgetAssistant): void {
    const { skills, store } = assistant;
    if (has(skills, 'list') && !this.starters)
      void skills.list().then(
        (list) => assistant === this.assistant && (this.skillIntents = new Set(list.flatMap((skill) => skill.intents))),
        () => undefined,
      );
    if (has(store, 'setSpeechConsent')) this.#voice.persist = (allowed) => store.setSpeechConsent(allowed);
    if (has(store, 'speechConsent') && this.#chat.status !== 'locked')
      void store.speechConsent().then(
        (allowed) => this.#voice.setAllowed(allowed),
        () => undefined,
      );
  }

  /** The suggestions for the empty panel: the host's, or phrases for intents the registered skills answer. */
  #starters(msgs: Messages): readonly string[] {
    if (this.starters) return this.starters;
    return Object.entries(msgs.starterPhrases)
      .filter(([intent]) => this.skillIntents.has(intent))
      .slice(0, 4)
      .map(([, phrase]) => phrase);
  }

  #readKeyMode(assistant: WidgetAssistant): void {
    this.#keyFor = assistant;
    const store = assistant.store;
    if (!has(store, 'keyState')) return;
    void store.keyState().then((state) => {
      this.keyMode = state.mode === 'unset' ? 'unset' : 'passphrase';
      // The set-passphrase form replaced the unlock field: keep the focus in the form.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.unlock input')?.focus());
    }, this.#reportError);
  }

  #forget(show: boolean): void {
    this.forgetting = show;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(show ? '.unlock .actions button' : '[part~="forgot-button"]')?.focus(),
    );
  }

  async #startOver(): Promise<void> {
    const store = this.assistant?.store;
    if (!has(store, 'startOver')) return;
    this.#own.unlocking = true;
    this.requestUpdate();
    try {
      await store.startOver();
      this.#chat.items = [];
      this.forgetting = false;
      this.#keyFor = undefined;
      this.#chat.setStatus('locked');
    } catch (error) {
      this.#reportError(error);
    } finally {
      this.#own.unlocking = false;
      this.requestUpdate();
    }
  }

  async #newConversation(): Promise<void> {
    await this.#chat.newConversation();
    this.unseen = 0;
    this.#focusInput();
  }

  #loadConversations(): void {
    const assistant = this.assistant;
    if (assistant)
      void assistant.store.conversations().then((list) => (this.conversationList = list), this.#reportError);
  }

  #editConversation(edit: ConversationEdit | undefined): void {
    const previous = this.conversationEdit;
    this.conversationEdit = edit;
    void this.updateComplete.then(() => {
      const root = this.renderRoot;
      if (edit?.mode === 'rename') root.querySelector<HTMLInputElement>('#rename')?.select();
      else if (edit) root.querySelector<HTMLElement>('.edit .actions button')?.focus();
      else if (previous)
        [...root.querySelectorAll<HTMLElement>('[part~="conversation"]')]
          .find((button) => button.closest('li')?.querySelector(`[part~="${previous.mode}-button"]`))
          ?.focus();
    });
  }

  /** Renames or deletes from the list, then shows the list again as the assistant has it. */
  async #listAction(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.#reportError(error);
    }
    this.conversationEdit = undefined;
    this.#loadConversations();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="conversation"]')?.focus());
  }

  #focusInput(): void {
    this.renderRoot.querySelector<HTMLElement>('#input')?.focus();
  }

  #jump(): void {
    const scroller = this.renderRoot.querySelector('.scroller');
    scroller?.scrollTo({ top: scroller.scrollHeight });
    this.unseen = 0;
    this.#focusInput();
  }

  /**
   * Stops the page behind the full-screen panel (narrow screens) from scrolling under the user's finger:
   * `overflow: hidden` on the root while it is open, put back as it was when it closes.
   */
  #lockPageScroll(lock: boolean): void {
    const root = document.documentElement;
    if (lock && this.#scrollLocked === undefined && matchMedia('(max-width: 30rem)').matches) {
      this.#scrollLocked = root.style.overflow;
      root.style.overflow = 'hidden';
    } else if (!lock && this.#scrollLocked !== undefined) {
      root.style.overflow = this.#scrollLocked;
      this.#scrollLocked = undefined;
    }
  }

  #close(): void {
    if (this.renderRoot.querySelector('#panel')?.contains(this.shadowRoot?.activeElement ?? null))
      this.#restoreFocus = true;
    this.open = false;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.inline) return;
    event.stopPropagation();
    this.#close();
  };

  #onNetwork = (): void => {
    this.offline = !navigator.onLine;
  };

  #reportError = (error: unknown): void => {
    this.dispatchEvent(new ConfidantErrorEvent(error));
  };

  async #unlock(passphrase: string): Promise<void> {
    await this.#own.unlock(passphrase);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.#chat.status === 'locked' ? '#passphrase' : '#input')?.focus();
  }

  async #answer(request: PermissionRequestEvent, granted: boolean): Promise<void> {
    this.#chat.resolveRequest(request);
    try {
      if (request.respond) await request.respond(granted);
      else {
        const skills = this.assistant?.skills;
        if (has(skills, 'respondToPermission')) await skills.respondToPermission(request.id, granted);
      }
    } catch (error) {
      this.#reportError(error);
    }
    await this.updateComplete;
    this.#focusInput();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'confidant-assistant': ConfidantAssistant;
  }
}

// Guarded so that two copies of the widget on one page (script tag and npm) do not throw.
if (!customElements.get('confidant-assistant')) customElements.define('confidant-assistant', ConfidantAssistant);
