/**
 * The DOM events `<confidant-assistant>` dispatches. Each is an `Event` subclass that bubbles and
 * crosses shadow roots (`composed`), so a host can listen on the element or on `document`, and each
 * is declared in `GlobalEventHandlersEventMap` so `addEventListener` is typed.
 *
 * @module
 */
import type { Reply } from '../src/index.ts';
import type { WidgetAssistant } from './assistant-extras.ts';

const init: EventInit = { bubbles: true, composed: true };

/** Fired when the panel opens (by the user, `open`, or `show()`). */
export class ConfidantOpenEvent extends Event {
  constructor() {
    super('confidant-open', init);
  }
}

/** Fired when the panel closes. */
export class ConfidantCloseEvent extends Event {
  constructor() {
    super('confidant-close', init);
  }
}

/** Fired once the element's assistant is ready to answer (given via `.assistant` or created from attributes). */
export class ConfidantReadyEvent extends Event {
  /** The assistant the element talks to. */
  readonly assistant: WidgetAssistant;
  constructor(assistant: WidgetAssistant) {
    super('confidant-ready', init);
    this.assistant = assistant;
  }
}

/** Fired when the user sends a message, before it reaches the assistant. Cancelable: `preventDefault()` drops it. */
export class ConfidantSendEvent extends Event {
  /** What the user sent. */
  readonly text: string;
  constructor(text: string) {
    super('confidant-send', { ...init, cancelable: true });
    this.text = text;
  }
}

/** Fired after a reply has been rendered in the message list. */
export class ConfidantReplyEvent extends Event {
  readonly reply: Reply;
  constructor(reply: Reply) {
    super('confidant-reply', init);
    this.reply = reply;
  }
}

/**
 * Fired when a reply nobody asked for right now arrives — a timer or reminder firing — before the
 * widget counts it as unread and (as the host allowed) changes the title, chimes or shows a Web
 * Notification. Cancelable: `preventDefault()` skips those, for a host that shows its own notice.
 */
export class ConfidantNotificationEvent extends Event {
  readonly reply: Reply;
  /** Whether the user could see it in the open panel. */
  readonly seen: boolean;
  constructor(reply: Reply, seen: boolean) {
    super('confidant-notification', { ...init, cancelable: true });
    this.reply = reply;
    this.seen = seen;
  }
}

/** Fired when loading the assistant or answering a turn fails; the panel shows the error with a retry. */
export class ConfidantErrorEvent extends Event {
  /** The error (usually a `ConfidantError` with a `code`). */
  readonly error: unknown;
  constructor(error: unknown) {
    super('confidant-error', init);
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'confidant-open': ConfidantOpenEvent;
    'confidant-close': ConfidantCloseEvent;
    'confidant-ready': ConfidantReadyEvent;
    'confidant-send': ConfidantSendEvent;
    'confidant-reply': ConfidantReplyEvent;
    'confidant-notification': ConfidantNotificationEvent;
    'confidant-error': ConfidantErrorEvent;
  }
}
