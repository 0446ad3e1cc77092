/**
 * How the element starts an assistant of its own (when the host app does not pass one): the
 * core is imported lazily, so a page pays only for the launcher until the visitor shows intent
 * (points at, focuses or opens the launcher; see `load`), and the Worker, ONNX Runtime and the
 * model are fetched after that.
 *
 * @module
 */
import type { Assistant, AssistantOptions, ProgressEvent } from '../src/index.ts';

/**
 * When the element starts an assistant of its own: when the panel first opens or the launcher is
 * pointed at or focused (`open`, the default), then or when the browser is idle (`idle`), at once
 * (`eager`), or never (`none`: the app will set `.assistant`).
 */
export type LoadStrategy = 'open' | 'idle' | 'eager' | 'none';

/** What the element's attributes ask for. */
export interface OwnAssistantOptions {
  /** The model URL as written in the attribute; resolved against the page, not the Worker. */
  model?: string | undefined;
  /** The `assets-base` attribute; resolved against the page. */
  assetsBase?: string | undefined;
  /** IndexedDB database name (`database` attribute). */
  database?: string | undefined;
  encryption: 'device' | 'passphrase';
  passphrase?: string | undefined;
  /** The element's UI language: the assistant's `uiLang`. */
  lang: string;
  /** The `reply-lang` attribute: the assistant's fixed `lang`, when set. */
  replyLang?: string | undefined;
  /** Any other `createAssistant` option, from the element's `assistantOptions` property. */
  extra: Partial<AssistantOptions>;
  onProgress(event: ProgressEvent): void;
}

/**
 * Creates the element's own assistant.
 * @returns the assistant, ready (or locked, in passphrase mode)
 * @throws {ConfidantError} what `createAssistant` throws, e.g. `LockedError` when a passphrase is needed first
 */
export async function createOwnAssistant(options: OwnAssistantOptions): Promise<Assistant> {
  const { createAssistant } = await import('../src/index.ts');
  const { model, assetsBase, database, encryption, passphrase, lang, replyLang, extra, onProgress } = options;
  return createAssistant({
    // Replies follow each message's language; the UI language answers what has none.
    uiLang: lang,
    ...(replyLang ? { lang: replyLang } : {}),
    ...(database ? { databaseName: database } : {}),
    ...extra,
    ...(model ? { model: new URL(model, document.baseURI).href } : {}),
    ...(assetsBase ? { assetsBase: new URL(assetsBase, document.baseURI).href } : {}),
    encryption:
      encryption === 'passphrase' ? { mode: 'passphrase', ...(passphrase ? { passphrase } : {}) } : { mode: 'device' },
    onProgress: (event: ProgressEvent) => {
      onProgress(event);
      extra.onProgress?.(event);
    },
  });
}

/**
 * Runs `callback` once the page has loaded and the browser is idle (or after 5 s at the latest),
 * so starting the assistant never competes with the host page's own load.
 * @returns a function that cancels the callback if it has not run yet
 */
export function whenIdle(callback: () => void): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
  const run = () => {
    if (!cancelled) callback();
  };
  const schedule = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 5000 });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      // Safari before 18 has no requestIdleCallback.
      const id = window.setTimeout(run, 1000);
      cancelIdle = () => clearTimeout(id);
    }
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', schedule);
    cancelIdle();
  };
}

/**
 * Runs `callback` in the task after the document has been parsed, so that a page script placed
 * after the element can still hand it an assistant (`.assistant`) before it starts its own.
 * @returns a function that cancels the callback if it has not run yet
 */
export function afterParse(callback: () => void): () => void {
  let cancelled = false;
  const run = () => setTimeout(() => cancelled || callback());
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
  return () => {
    cancelled = true;
    document.removeEventListener('DOMContentLoaded', run);
  };
}
