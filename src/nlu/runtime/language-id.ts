/**
 * Language identification of one utterance on the device, for choosing the intent model and
 * the reply language per turn (issue 13): English, Chinese, or undetermined. Two kinds of
 * evidence, no network and no extra model file:
 *
 * - **script**: Han characters against Latin words (so "帮我set个timer" is Chinese and
 *   "what does 你好 mean" English); kana, Hangul, Cyrillic, Arabic and the other scripts are
 *   languages neither model knows;
 * - **words**: function words of the Latin-script languages the models do not know (French,
 *   German, Spanish, Portuguese, Italian, Dutch, Swedish) and letters English does not use, so
 *   "Wie spät ist es?" is told from English without a model (the dialogue manager's case);
 * - **model**: the share of the utterance's words the intent models have learned a feature for
 *   ({@link wordCoverage}), which catches what the word lists miss ("faire les courses demain").
 *
 * The one detector of the code base: the intent models call it with their evidence (their
 * `NluResult.lang`), the dialogue manager without, and the skills use {@link hasHan}.
 *
 * @module
 */
import { wordIds, type FeaturizerConfig } from './featurizer.ts';
import { capLength } from './normalize.ts';
import { LINK } from './junk-patterns.ts';

/** A language the shipped models understand, or `und` (undetermined: neither, or no words at all). */
export type DetectedLanguage = 'en' | 'zh' | 'und';

/** What {@link detectLanguage} decided, and how sure it is. */
export interface LanguageGuess {
  lang: DetectedLanguage;
  /** 0–1: the share of the utterance's evidence that points to `lang` (0 when there is none). */
  confidence: number;
}

/** Options of {@link detectLanguage}. */
export interface DetectLanguageOptions {
  /**
   * Model evidence: for each language, the share of an utterance's words its model knows (e.g.
   * `IntentModel.coverage`). Without `en`, Latin-script text is English when its script says so.
   */
  coverage?: Partial<Record<'en' | 'zh', (text: string) => number>>;
}

/**
 * The share of `text`'s words whose word feature has its own embedding row in a model, i.e.
 * that the model saw often enough in training: high for the language it was trained on.
 * @param text the utterance
 * @param featurizer the model's featurizer config
 * @param remap the model's feature → row table (row 0: unknown)
 * @returns a share in [0, 1], or NaN when the text has no words
 */
export function wordCoverage(text: string, featurizer: FeaturizerConfig, remap: ArrayLike<number>): number {
  const ids = wordIds(text, featurizer);
  if (ids.length === 0) return Number.NaN;
  let known = 0;
  for (const id of ids) if ((remap[id] ?? 0) !== 0) known++;
  return known / ids.length;
}

const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/u;
const HAS_HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
/** Latin-script words, a contraction counted as one ("what's", "c'est"). */
const LATIN_WORD = /\p{Script=Latin}+(?:['’]\p{Script=Latin}+)?/gu;
/** Letters of every other script (Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari, …), in runs. */
const OTHER_WORD =
  /[^\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Common}\p{Script=Inherited}\P{L}]+/gu;

/** At most this much of a turn is read: the language of a paste shows in its first lines. */
const MAX_CHARS = 1000;

/** Common English words: each one is evidence for English against the other languages' words below. */
const ENGLISH = new Set(
  (
    'the a an and or to of in on at for with from by is are was be been am do does did what whats how when where who ' +
    'why which can could would will should please set me my i you your it its this that there here not no yes ok okay ' +
    "tell give add remind timer alarm time list what’s what's hi hello hey thanks thank much many minutes hours " +
    "today tomorrow now let lets let's have has need want make about up off into than then too some any all"
  ).split(' '),
);
/**
 * Function words of Latin-script languages the models do not know (French, German, Spanish,
 * Portuguese, Italian, Dutch, Swedish), none of them an English word.
 */
const OTHER_LATIN = new Set(
  (
    'le la les de un en des une est sont et pas pour dans avec sur qui que quoi quel quelle quelles je tu il elle nous vous ' +
    'ils elles suis du au aux ou mais comment pourquoi oui non merci moi mon ma mes ton ta heure plaît ' +
    'der die das den dem des und ist sind nicht ein eine einen einem ich du wir ihr sie mit auf für wie spät was ' +
    'wo wer bitte zu mir mich dich hast habe kann können wann welche heute morgen aus bei nach von zum zur uhr stell ' +
    'el los las una unos es está están son por para con qué cómo dónde cuándo hora hoy mañana mi tu su del al y pero ' +
    'sí gracias favor puedes quiero o os um uma não sim obrigado obrigada você eu ele ela são hoje amanhã meu minha ' +
    'il lo gli che di è per io lui lei noi voi ora oggi domani grazie ore ' +
    'het een niet ik jij wij zijn hoe laat wat waar vandaag alsjeblieft och att jag inte är det på'
  ).split(' '),
);
/** Letters English does not use: one word with them is evidence of another language. */
const OTHER_LETTERS = /[äöüßàâçéèêëîïôûùÿñãõœæåø¿¡]/u;

/**
 * Coverage under which Latin-script text of at least {@link MIN_WORDS_FOR_MODEL} words is taken for
 * another language than English. Measured with the default model on CLINC150's val split: 99.8% of
 * its utterances of 3+ words are over 0.4, and 99% of them over 0.29 with heavy chat-box noise
 * (typos, abbreviations); French, Spanish and German sentences are at 0–0.2.
 */
const MIN_ENGLISH_COVERAGE = 0.25;
/** Fewer words than this are too little evidence against English ("perhaps", "affirmitive"). */
const MIN_WORDS_FOR_MODEL = 3;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;
const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Finds the language of one utterance. Never throws; text without letters (digits, emoji,
 * punctuation, empty) is `und` with confidence 0, for the caller to keep the conversation's
 * language; text in another language is `und` with a confidence of 0.5 or more.
 * @param text the utterance (its first 1000 code units are read)
 * @param options model evidence
 * @returns the language and the confidence
 * @example
 * ```ts
 * detectLanguage('帮我set个timer'); // { lang: 'zh', confidence: 0.6 }
 * detectLanguage('Wie spät ist es?'); // { lang: 'und', confidence: 0.95 }
 * detectLanguage('faire les courses demain', { coverage: { en: (t) => model.coverage(t) } }); // { lang: 'und', … }
 * ```
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): LanguageGuess {
  if (typeof text !== 'string') return { lang: 'und', confidence: 0 };
  const typed = capLength(text, MAX_CHARS).normalize('NFKC');
  // A link's or an address's letters are no words of a language ("打开 https://x.example.io",
  // "明天提醒我续费 www.example.com" are Chinese): they count only in a turn that is nothing else.
  const s = wordsAroundLinks(typed) ?? typed;
  const han = count(s, HAN);
  const kana = count(s, KANA);
  const hangul = count(s, HANGUL);
  const words = s.toLowerCase().match(LATIN_WORD) ?? [];
  const latinWords = words.length;
  const otherWords = count(s, OTHER_WORD);
  // A Han character is about a word's worth of Chinese text (two per word on average, but a
  // single Latin word in a Chinese sentence is usually a borrowed term: 帮我set个timer).
  const total = han + latinWords + otherWords + kana + hangul;
  if (total === 0) return { lang: 'und', confidence: 0 };
  // Kana or Hangul: Japanese or Korean (Japanese writes Han characters too, with kana).
  if (kana + hangul > 0 && kana + hangul >= latinWords)
    return { lang: 'und', confidence: round(Math.max(0.5, (kana + hangul + han) / total)) };
  if (han > 0 && han >= latinWords && han >= otherWords) {
    const zh = options.coverage?.zh?.(s);
    const script = han / total;
    return { lang: 'zh', confidence: round(zh === undefined || Number.isNaN(zh) ? script : (script + zh) / 2) };
  }
  if (latinWords > 0 && latinWords >= otherWords) {
    const script = latinWords / total;
    // Two distinct words of another language, and more than twice as many as English ones: not
    // English ("la la land" is one French-looking word, "José" a name).
    const english = words.filter((w) => ENGLISH.has(w)).length;
    const other =
      new Set(words.filter((w) => !ENGLISH.has(w) && (OTHER_LATIN.has(w) || OTHER_LETTERS.test(w)))).size +
      (/[¿¡]/u.test(s) ? 1 : 0);
    if (other >= 2 && other > 2 * english)
      return { lang: 'und', confidence: round(Math.min(0.95, 0.5 + other / (2 * latinWords))) };
    const en = latinWords < MIN_WORDS_FOR_MODEL ? undefined : options.coverage?.en?.(s);
    if (en === undefined || Number.isNaN(en)) return { lang: 'en', confidence: round(script) };
    if (en < MIN_ENGLISH_COVERAGE) return { lang: 'und', confidence: round(Math.max(0.5, script * (1 - en))) };
    return { lang: 'en', confidence: round(script * Math.min(1, en / 0.5)) };
  }
  return { lang: 'und', confidence: round(Math.max(0.5, otherWords / total)) };
}

/**
 * `true` when a text has a letter of any script: text without one ("42", "👍") has no language.
 * @param text any string
 */
export function hasLetter(text: string): boolean {
  return LETTER.test(text);
}

/**
 * The words a text says around its links and addresses ({@link LINK}), which say its language ("打开
 * https://x.example.io" is Chinese): the text with each link blanked out, or `undefined` when it has
 * no link or nothing with a letter besides its links. One rule for {@link detectLanguage} and for the
 * dialogue, which answers a link turn in the language of its words.
 * @param text any string
 */
export function wordsAroundLinks(text: string): string | undefined {
  const unlinked = text.replace(LINK, ' ');
  return unlinked !== text && LETTER.test(unlinked) ? unlinked : undefined;
}

/**
 * `true` when a text has a Han character: the Chinese parsers (entities, lists, arithmetic) are
 * worth running on it, whatever the turn's language.
 * @param text any string
 * @returns whether it has a Han character
 */
export function hasHan(text: string): boolean {
  return HAS_HAN.test(text);
}
