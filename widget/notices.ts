/**
 * Notices while the panel is closed: a timer or reminder that fires then must not go unseen. Each
 * reply nobody asked for right now (a `notification`) raises the unread count shown on the launcher
 * and fires `confidant-notification` (cancelable: a host that shows its own notice prevents the
 * widget's). Then, as the host chose — every one off by default —: a prefix on the page title
 * (`title-notice`), a short sound (`sound`), and a Web Notification (`notifications`, shown only
 * once the user allowed them from the settings, never asked for on page load).
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Reply } from '../src/index.ts';
import { ConfidantNotificationEvent } from './events.ts';

/** What the controller reads from its element. */
export interface NoticeHost extends ReactiveControllerHost, HTMLElement {
  open: boolean;
  inline: boolean;
  titleNotice: boolean;
  sound: boolean;
  notifications: boolean;
}

/** Counts unread notices and tells the user about them the ways the host allowed. */
export class NoticeController implements ReactiveController {
  /** Notices that arrived while the panel was closed (or the page hidden), not seen yet. */
  unread = 0;

  readonly #host: NoticeHost;
  readonly #title: () => string;
  #baseTitle: string | undefined;

  /**
   * @param host the element
   * @param title the notice's title (the panel's heading, in the UI language)
   */
  constructor(host: NoticeHost, title: () => string) {
    this.#host = host;
    this.#title = title;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#restoreTitle();
  }

  /** Whether the user can see the panel now. */
  get #seen(): boolean {
    return (this.#host.open || this.#host.inline) && document.visibilityState === 'visible';
  }

  /** Whether the browser has Web Notifications and the host allows them. */
  get canNotify(): boolean {
    return this.#host.notifications && typeof Notification === 'function';
  }

  /** Whether Web Notifications are on (the user allowed them). */
  get notifying(): boolean {
    return this.canNotify && Notification.permission === 'granted';
  }

  /** Asks the browser's permission (from a click in settings: browsers refuse it otherwise). */
  async enableNotifications(): Promise<void> {
    if (this.canNotify) await Notification.requestPermission();
    this.#host.requestUpdate();
  }

  /** A reply nobody asked for right now arrived. */
  notify(reply: Reply): void {
    const event = new ConfidantNotificationEvent(reply, this.#seen);
    if (!this.#host.dispatchEvent(event) || this.#seen) return;
    this.unread++;
    if (this.#host.titleNotice) {
      this.#baseTitle ??= document.title;
      document.title = `(${this.unread}) ${this.#baseTitle}`;
    }
    if (this.#host.sound) chime();
    if (this.notifying) {
      const notice = new Notification(this.#title(), { body: reply.text.slice(0, 200), tag: 'confidant' });
      notice.onclick = () => {
        window.focus();
        this.#host.open = true;
        notice.close();
      };
    }
    this.#host.requestUpdate();
  }

  /** The panel opened (or the page came back into view with it open): everything is seen. */
  seen(): void {
    if (!this.#seen || this.unread === 0) return;
    this.unread = 0;
    this.#restoreTitle();
    this.#host.requestUpdate();
  }

  #restoreTitle(): void {
    if (this.#baseTitle !== undefined) document.title = this.#baseTitle;
    this.#baseTitle = undefined;
  }

  #onVisibility = (): void => this.seen();
}

/** A short two-note chime made on the spot (no audio file to fetch). */
function chime(): void {
  const Context = globalThis.AudioContext;
  if (typeof Context !== 'function') return;
  const audio = new Context();
  const gain = audio.createGain();
  gain.connect(audio.destination);
  gain.gain.setValueAtTime(0.0001, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.15, audio.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.5);
  [880, 1320].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(audio.currentTime + i * 0.12);
    tone.stop(audio.currentTime + 0.5);
  });
  setTimeout(() => void audio.close(), 800);
}
