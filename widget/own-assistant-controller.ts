/**
 * The assistant an element creates for itself when the host app passes none: when to start it
 * (the `load` strategy), starting it from the element's attributes, handing it to the element,
 * unlocking it in passphrase mode, and disposing of it when the element goes for good or the app
 * passes its own. An assistant the app passed in is never disposed here: the app owns it.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AssistantOptions } from '../src/index.ts';
import { has } from './assistant-extras.ts';
import type { WidgetAssistant } from './assistant-extras.ts';
import { afterParse, createOwnAssistant, whenIdle } from './assistant-loader.ts';
import type { LoadStrategy } from './assistant-loader.ts';
import type { ChatController } from './chat-controller.ts';
import { ConfidantErrorEvent } from './events.ts';
import type { Messages } from './i18n/en.ts';

/** What the controller reads from and sets on its element. */
export interface OwnAssistantHost extends ReactiveControllerHost, HTMLElement {
  assistant: WidgetAssistant | undefined;
  assistantOptions: Partial<AssistantOptions>;
  model: string | undefined;
  assetsBase: string | undefined;
  database: string | undefined;
  encryption: 'device' | 'passphrase';
  load: LoadStrategy;
  open: boolean;
  inline: boolean;
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** Starts, unlocks and disposes of the element's own assistant. */
export class OwnAssistantController implements ReactiveController {
  /** The last unlock attempt's error, for the unlock screen. */
  unlockError = '';
  unlocking = false;

  readonly #host: OwnAssistantHost;
  readonly #chat: ChatController;
  readonly #context: () => { lang: string; replyLang?: string; msgs: Messages };
  #own: WidgetAssistant | undefined;
  #starting: Promise<void> | undefined;
  #cancelScheduled: (() => void) | undefined;
  #passphrase: string | undefined;

  /**
   * @param host the element
   * @param chat its conversation, told about loading, locking and failures
   * @param context the element's current UI language, fixed reply language (if any) and UI strings
   */
  constructor(
    host: OwnAssistantHost,
    chat: ChatController,
    context: () => { lang: string; replyLang?: string; msgs: Messages },
  ) {
    this.#host = host;
    this.#chat = chat;
    this.#context = context;
    host.addController(this);
  }

  hostConnected(): void {
    const { assistant, load, open, inline } = this.#host;
    if (assistant || load === 'none') return;
    const start = () => void this.start();
    // An open panel starts at once, but after the document is parsed: a page script right after the
    // element may still hand it the app's assistant.
    if (load === 'eager' || open || inline) this.#cancelScheduled = afterParse(start);
    else if (load === 'idle') this.#cancelScheduled = whenIdle(start);
  }

  hostDisconnected(): void {
    this.#cancelScheduled?.();
    // A moved element reconnects in the same task: dispose only if it stays detached.
    setTimeout(() => {
      if (!this.#host.isConnected && this.#own) void this.#own.dispose();
    });
  }

  /**
   * The visitor shows intent (points at or focuses the launcher): with `load="open"` or `idle`, start
   * now rather than on the click, a few hundred milliseconds later. `none` still waits for the app.
   */
  prefetch(): void {
    const { load } = this.#host;
    if (load === 'open' || load === 'idle') void this.start();
  }

  /** Called when the element's `assistant` changed: an own assistant replaced by the app's is disposed. */
  assistantChanged(): void {
    if (this.#own && this.#host.assistant !== this.#own) {
      void this.#own.dispose();
      this.#own = undefined;
    }
  }

  /** Starts the element's own assistant now, unless it has one or is starting one (or `load` is `none`). */
  start(): Promise<void> {
    const host = this.#host;
    if (host.assistant || host.load === 'none') return Promise.resolve();
    this.#cancelScheduled?.();
    this.#starting ??= this.#create().finally(() => {
      this.#starting = undefined;
      this.#passphrase = undefined;
    });
    return this.#starting;
  }

  /** Unlocks with the passphrase: through the assistant's `unlock`, or by starting it with the passphrase. */
  async unlock(passphrase: string): Promise<void> {
    const { assistant } = this.#host;
    this.unlocking = true;
    this.unlockError = '';
    this.#host.requestUpdate();
    try {
      if (has(assistant, 'unlock')) {
        await assistant.unlock(passphrase);
        this.#chat.setStatus('ready');
        await this.#chat.restore();
      } else if (!assistant) {
        this.#passphrase = passphrase;
        await this.start();
      }
    } catch (error) {
      const { msgs } = this.#context();
      this.unlockError =
        codeOf(error) === 'wrong-passphrase'
          ? msgs.wrongPassphrase
          : msgs.failed(error instanceof Error ? error.message : String(error));
    } finally {
      this.unlocking = false;
      this.#host.requestUpdate();
    }
  }

  async #create(): Promise<void> {
    const host = this.#host;
    this.#chat.setStatus('loading');
    try {
      const assistant = await createOwnAssistant({
        model: host.model,
        assetsBase: host.assetsBase,
        database: host.database,
        encryption: host.encryption,
        passphrase: this.#passphrase,
        lang: this.#context().lang,
        replyLang: this.#context().replyLang,
        extra: host.assistantOptions,
        onProgress: this.#chat.onProgress,
      });
      if (host.assistant) return void (await assistant.dispose());
      this.#own = assistant;
      host.assistant = assistant;
    } catch (error) {
      // The app handed over its own assistant meanwhile: this one's failure no longer matters.
      if (host.assistant) return;
      const code = codeOf(error);
      if (code === 'locked' || code === 'wrong-passphrase') {
        // This assistant needs the passphrase to start: the unlock screen collects it.
        this.unlockError = code === 'wrong-passphrase' ? this.#context().msgs.wrongPassphrase : '';
        this.#chat.setStatus('locked');
      } else {
        this.#chat.setStatus('failed');
        host.dispatchEvent(new ConfidantErrorEvent(error));
      }
    }
  }
}
