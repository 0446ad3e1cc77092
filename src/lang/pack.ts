/**
 * Language packs: everything the assistant says or reads that depends on the language, one pack
 * per language (STYLE.md §7: language is an axis, not a string table). A pack holds the dialogue
 * layer's replies, the built-in skills' replies and slot prompts, small talk, jokes and facts,
 * the cue words the rules still need, and the formatting of numbers, lists, durations and times.
 * The skills and the dialogue layer hold the logic and ask the pack of the turn's language.
 *
 * @module
 */
import { enCues } from './en/en-cues.ts';
import { enDialogue } from './en/en-dialogue.ts';
import { enFormat } from './en/en-format.ts';
import { FUN_FACTS, JOKES } from './en/en-jokes.ts';
import { enSkills } from './en/en-skills.ts';
import { enSmallTalk } from './en/en-small-talk.ts';
import { enTalk } from './en/en-talk.ts';
import { zhCues } from './zh/zh-cues.ts';
import { zhDialogue } from './zh/zh-dialogue.ts';
import { zhFormat } from './zh/zh-format.ts';
import { ZH_FUN_FACTS, ZH_JOKES } from './zh/zh-jokes.ts';
import { zhSkills } from './zh/zh-skills.ts';
import { zhSmallTalk } from './zh/zh-small-talk.ts';
import { spacedZh } from './zh/zh-spacing.ts';
import { zhTalk } from './zh/zh-talk.ts';

/** The languages the assistant speaks. */
export const languages = ['en', 'zh'] as const;

/** A language the assistant speaks: `en` or `zh` (Simplified Chinese). */
export type Language = (typeof languages)[number];

/** Everything one language says and reads; every pack has exactly these keys. */
export interface LanguagePack {
  lang: Language;
  /** The BCP 47 tag replies are written in and `Intl` formats with (`en`, `zh-CN`). */
  tag: string;
  format: typeof enFormat;
  dialogue: typeof enDialogue;
  skills: typeof enSkills;
  smallTalk: typeof enSmallTalk;
  /** Feelings, insults, reactions and asides: how they are read and what is said back. */
  talk: typeof enTalk;
  jokes: readonly string[];
  funFacts: readonly string[];
  cues: typeof enCues;
}

const en: LanguagePack = {
  lang: 'en',
  tag: 'en',
  format: enFormat,
  dialogue: enDialogue,
  skills: enSkills,
  smallTalk: enSmallTalk,
  talk: enTalk,
  jokes: JOKES,
  funFacts: FUN_FACTS,
  cues: enCues,
};

const zh: LanguagePack = {
  lang: 'zh',
  tag: 'zh-CN',
  // Every Chinese reply follows one spacing rule (zh-spacing.ts); the cues and talk's readers are read, not said.
  format: spacedZh(zhFormat),
  dialogue: spacedZh(zhDialogue),
  skills: spacedZh(zhSkills),
  smallTalk: spacedZh(zhSmallTalk),
  talk: { ...zhTalk, replies: spacedZh(zhTalk.replies) },
  jokes: spacedZh(ZH_JOKES),
  funFacts: spacedZh(ZH_FUN_FACTS),
  cues: zhCues,
};

/**
 * The language a BCP 47 tag names, if the assistant speaks it: any Chinese tag (`zh`, `zh-CN`,
 * `zh-Hans`, `zh-TW`: traditional-character input is read too) gives `zh`, any English one `en`.
 * @param tag e.g. `zh-CN`, `en-GB`
 * @returns the language, or `undefined` for one the assistant does not speak
 */
export function languageOf(tag: string | undefined | null): Language | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' ? 'zh' : primary === 'en' ? 'en' : undefined;
}

/**
 * The pack for a language tag; English for a tag the assistant does not speak.
 * @param tag e.g. `zh-CN`, `en`, or a skill context's `lang`
 */
export function packFor(tag: string | undefined | null): LanguagePack {
  return languageOf(tag) === 'zh' ? zh : en;
}

/**
 * One value per language, taken from each pack: how a built-in slot declares its prompts
 * (`prompt: byLanguage((p) => p.skills.timer.askDuration)`).
 * @param get reads the value from a pack
 */
export function byLanguage<T>(get: (pack: LanguagePack) => T): Record<Language, T> {
  return { en: get(en), zh: get(zh) };
}

/**
 * Two sentences in a row: a space between English ones, none after Chinese full stops.
 * @param first the first sentence
 * @param second the next one
 * @param lang the language they are in
 */
export function joinSentences(first: string, second: string, lang: string): string {
  if (first === '') return second;
  return languageOf(lang) === 'zh' && !/[A-Za-z0-9.]$/.test(first) ? `${first}${second}` : `${first} ${second}`;
}

/**
 * The prompts of a slot for a language: a plain prompt or list as is; from a per-language record
 * (`{ en: …, zh: … }`) the tag's, its primary language's, English, or the first given.
 * @param prompt a slot's `prompt`
 * @param lang the turn's language tag
 * @returns the prompts to pick from (possibly empty)
 */
export function promptsIn(
  prompt: string | readonly string[] | { readonly [language: string]: string | readonly string[] },
  lang: string,
): readonly string[] {
  if (typeof prompt === 'string') return [prompt];
  if (Array.isArray(prompt)) return prompt as readonly string[];
  const byTag = prompt as { readonly [language: string]: string | readonly string[] };
  const primary = lang.toLowerCase().split('-')[0]!;
  const found = byTag[lang] ?? byTag[primary] ?? byTag['en'] ?? Object.values(byTag)[0] ?? [];
  return typeof found === 'string' ? [found] : found;
}
