/**
 * Which language an utterance is in, told on the device from its scripts and a few function
 * words: `zh` for Chinese (also mixed "帮我set个timer"), `en` for English, `und` for the rest.
 *
 * A stand-in with the signature the bilingual intent model's detector will have (issue 13): it
 * reads scripts only, so it is fast (one pass, no model) and never guesses from a single word.
 * `und` comes in two strengths, told apart by `confidence`: high for text that is clearly in
 * another language (Cyrillic, Arabic, kana, Hangul, or Latin-script French, German, Spanish…),
 * and 0 for text with no language in it at all ("42", "👍", "?"), which follows the conversation.
 *
 * @module
 */
import { capLength } from '../nlu/runtime/normalize.ts';

/** A language the assistant understands, or `und` (undetermined). */
export type DetectedLanguage = 'en' | 'zh' | 'und';

/** The language of an utterance and how sure the detector is, in [0, 1]. */
export interface LanguageGuess {
  lang: DetectedLanguage;
  confidence: number;
}

/** At most this much of a turn is read: the language of a paste shows in its first lines. */
const MAX_CHARS = 1000;

const HAN = /\p{Script=Han}/u;
/** Scripts of languages neither model knows; Japanese is told by its kana, Korean by Hangul. */
const FOREIGN_SCRIPT =
  /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Ethiopic}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u;
const LATIN_WORD = /\p{Script=Latin}+(?:['’]\p{Script=Latin}+)?/gu;

/** Common English words: one of them makes a Latin-script turn English. */
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
 * Portuguese, Italian, Dutch), none of them an English word: what tells "Wie spät ist es?" from
 * English without a model.
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
 * Detects the language of an utterance from its scripts.
 *
 * Han characters make it Chinese unless English words clearly outnumber them ("what does 你好
 * mean" is English, "帮我set个timer" Chinese); kana or Hangul make it another language; Latin
 * letters make it English unless only another language's function words are there.
 *
 * @param text any string (capped at 1000 code units)
 * @returns the language and a confidence; `{ lang: 'und', confidence: 0 }` when the text has no letters
 * @example
 * ```ts
 * detectLanguage('帮我set个timer') // → { lang: 'zh', confidence: 0.5 }
 * detectLanguage('Wie spät ist es?') // → { lang: 'und', confidence: 0.9 }
 * ```
 */
export function detectLanguage(text: string): LanguageGuess {
  if (typeof text !== 'string' || text === '') return { lang: 'und', confidence: 0 };
  const s = capLength(text, MAX_CHARS).normalize('NFKC');
  let han = 0;
  let foreign = 0;
  for (const c of s) {
    if (HAN.test(c)) han++;
    else if (FOREIGN_SCRIPT.test(c)) foreign++;
  }
  const lower = s.toLowerCase();
  const words = lower.match(LATIN_WORD) ?? [];
  const english = words.filter((w) => ENGLISH.has(w)).length;
  // Distinct words: "la la land" is one French-looking word, not two.
  const other =
    new Set(words.filter((w) => !ENGLISH.has(w) && (OTHER_LATIN.has(w) || OTHER_LETTERS.test(w)))).size +
    (/[¿¡]/u.test(lower) ? 1 : 0);
  // Kana always comes with Han in Japanese; Hangul and other scripts stand alone.
  if (foreign > 0 && foreign >= han / 4) {
    const share = foreign / (foreign + han + words.join('').length);
    return { lang: 'und', confidence: round(Math.min(0.99, 0.5 + share / 2)) };
  }
  if (han > 0) {
    // A Chinese sentence frame around a few English words stays Chinese; English words weigh
    // about one and a half characters each.
    const latin = words.length * 1.5;
    if (han >= latin) return { lang: 'zh', confidence: round(han / (han + latin / 2)) };
    return { lang: 'en', confidence: round(Math.min(0.9, latin / (han + latin))) };
  }
  if (words.length === 0) return { lang: 'und', confidence: 0 };
  // Two words of another language and more of them than English ones: not English.
  if (other >= 2 && other > 2 * english)
    return { lang: 'und', confidence: round(Math.min(0.95, 0.5 + other / (2 * words.length))) };
  // A name or a single unknown word ("Paris", "José") is no evidence against English.
  return { lang: 'en', confidence: round(english > 0 ? Math.min(0.99, 0.6 + english / (2 * words.length)) : 0.5) };
}

/** `true` when a text has a Han character: Chinese parsers are worth running on it. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
