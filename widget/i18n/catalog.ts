/**
 * Picks the UI catalogue for a BCP 47 language tag. Both catalogues are bundled: together they
 * are well under 2 KB gzipped, less than a second request would cost.
 *
 * @module
 */
import { en } from './en.ts';
import type { Messages } from './en.ts';
import { zhCN } from './zh-CN.ts';

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

/**
 * The UI strings for a language tag.
 * @param lang a BCP 47 tag
 * @returns the catalogue of `resolveUiLanguage(lang)`
 */
export function messagesFor(lang: string | undefined | null): Messages {
  return resolveUiLanguage(lang) === 'zh-CN' ? zhCN : en;
}
