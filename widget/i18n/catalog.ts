/**
 * Picks the UI catalogue for a BCP 47 language tag. English is in the shell; every other language is
 * its own module, loaded the first time an element needs it (a few KB each, and the shell has a hard
 * budget: every language in it would make every page pay for all of them).
 *
 * @module
 */
import { en } from './en.ts';
import type { Messages } from './en.ts';
import { loadZhCN } from './load-zh-cn.ts';

/** The languages with a UI catalogue. */
export const uiLanguages = ['en', 'zh-CN'] as const;

/** A language with a UI catalogue. */
export type UiLanguage = (typeof uiLanguages)[number];

/**
 * Resolves a BCP 47 tag to a shipped catalogue language: any Simplified Chinese tag (`zh`,
 * `zh-CN`, `zh-Hans…`, `zh-SG`) gives `zh-CN`; anything else, or nothing, gives `en`.
 * @param lang e.g. the element's `lang` or `navigator.language`
 */
export function resolveUiLanguage(lang: string | undefined | null): UiLanguage {
  const tag = (lang ?? '').toLowerCase();
  // Traditional Chinese (zh-TW, zh-HK, zh-Hant) must not get Simplified strings: fall back to English.
  if (/^zh(?:$|-cn|-sg|-hans)/.test(tag)) return 'zh-CN';
  return 'en';
}

const loaded: Partial<Record<UiLanguage, Messages>> = { en };
const loading = new Map<UiLanguage, Promise<Messages>>();

/**
 * The UI strings for a language tag, if they are loaded.
 * @param lang a BCP 47 tag
 * @returns the catalogue of `resolveUiLanguage(lang)`, or `undefined` until `loadMessages` has it
 */
export function messagesFor(lang: string | undefined | null): Messages | undefined {
  return loaded[resolveUiLanguage(lang)];
}

/**
 * Loads the UI strings for a language tag (at once for English).
 * @param lang a BCP 47 tag
 * @returns the catalogue; English when loading another one failed (offline, blocked)
 */
export function loadMessages(lang: string | undefined | null): Promise<Messages> {
  const ui = resolveUiLanguage(lang);
  const ready = loaded[ui];
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(ui);
  if (!pending) {
    pending = loadZhCN().then(
      ({ zhCN }) => (loaded[ui] = zhCN),
      () => en,
    );
    loading.set(ui, pending);
  }
  return pending;
}
