/**
 * Keyword cues for the short, context-bound forms of conversation: cancel, yes, no, follow-up and
 * correction, in every language the assistant speaks (the words are the language packs', in
 * src/lang). They decide nothing: the context model (`src/context/`) reads them as features next to
 * the words themselves, and the openers tell slot extractors where a new value starts ("no, I meant
 * 7pm" → "7pm", "那巴黎呢" → "巴黎"). A language pack's cues thus help the model in its language.
 *
 * Every pattern is anchored and uses no nested quantifiers, so each test is linear in the text.
 *
 * @module
 */
import { foldHanVariants } from '../nlu/runtime/han-variants.ts';
import { hasHan } from '../nlu/runtime/language-id.ts';
import { enCues } from '../lang/en/en-cues.ts';
import { zhCues } from '../lang/zh/zh-cues.ts';
import type { TurnCue } from './types.ts';

/** Lower-cases and trims punctuation and spacing so the cues see the words only. */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'%:$.,\s-]/gu, ' ')
    .replace(/[.,!?]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The cue tables of the languages the assistant speaks, each tested on its own form of the text. */
const LANGUAGES = [
  { cues: enCues, form: (forms: Forms) => forms.en },
  { cues: zhCues, form: (forms: Forms) => forms.zh },
] as const;

/** A text as each language's cues read it. */
interface Forms {
  text: string;
  en: string;
  /** Chinese has no spaces between words: its patterns see the text without them ('' without Han). */
  zh: string;
}

/**
 * The last text's forms: one turn is asked about by the context features (five cues and its
 * opener), the decision, the dialogue manager and the slot extractors, each with the same text,
 * and each question simplified it again. A pure function of the text, so the kept forms are what
 * computing them anew would give.
 */
let lastForms: Forms | undefined;

function formsOf(text: string): Forms {
  if (lastForms?.text === text) return lastForms;
  const en = simplify(text);
  const zh = hasHan(text) ? foldHanVariants(en).replace(/\s+/g, '') : '';
  lastForms = { text, en, zh };
  return lastForms;
}

function anyLanguage(cue: 'cancel' | 'yes' | 'no' | 'followUp' | 'correction', text: string): boolean {
  const forms = formsOf(text);
  return LANGUAGES.some(({ cues, form }) => {
    const s = form(forms);
    return s !== '' && cues[cue].test(s);
  });
}

/**
 * `true` when the whole utterance asks to drop the current task ("cancel", "never mind", "forget it").
 * @param text the raw utterance
 */
export function isCancel(text: string): boolean {
  return anyLanguage('cancel', text);
}

/** `true` when the whole utterance is a yes ("yes", "sure, go ahead", "yep please"). */
export function isYes(text: string): boolean {
  return anyLanguage('yes', text);
}

/** `true` when the whole utterance is a no ("no", "nope", "no thanks"). */
export function isNo(text: string): boolean {
  return anyLanguage('no', text);
}

/** `true` when the utterance opens like a follow-up ("and in Paris?", "what about tomorrow?"). */
export function isFollowUp(text: string): boolean {
  return anyLanguage('followUp', text);
}

/** `true` when the utterance opens like a correction ("no, I meant 7pm", "actually make it 10"). */
export function isCorrection(text: string): boolean {
  return anyLanguage('correction', text);
}

/**
 * Removes the cue words at the start of a follow-up or correction ("no, I meant 7pm" → "7pm",
 * "不对，改成七点" → "七点"), so extractors that take a whole answer see only the new value.
 * @param text the raw utterance
 */
export function stripCue(text: string): string {
  return hasHan(text) ? zhCues.strip(enCues.strip(text)) : enCues.strip(text);
}

/**
 * The follow-up or correction cue a turn opens with, and the rest of it.
 * @param text the raw utterance
 * @returns the cue, or `undefined` for a turn without one
 */
export function cueOf(text: string): TurnCue | undefined {
  if (isCorrection(text)) return { type: 'correction', rest: stripCue(text) };
  if (isFollowUp(text)) return { type: 'follow-up', rest: stripCue(text) };
  return undefined;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Number of words, for "is this a fragment?" checks. Chinese is written without spaces, so a
 * text with Han characters is counted with the platform's word segmenter ("那巴黎呢" is 3 words).
 * @param text the raw utterance
 */
export function wordCount(text: string): number {
  const s = formsOf(text).en;
  if (s === '') return 0;
  if (!hasHan(s)) return s.split(' ').length;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let n = 0;
  for (const part of segmenter.segment(s)) if (part.isWordLike === true) n++;
  return n;
}
