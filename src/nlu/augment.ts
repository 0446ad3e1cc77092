/**
 * Training-time text augmentation: noisy variants of training utterances as people type them in
 * a chat box (typos, chat abbreviations, contractions without apostrophes, filler words), so the
 * model learns features that survive them. Used only while training; nothing here ships in a
 * model, and the featurizer never sees it at inference.
 *
 * Hand-written: the noise is part of the training recipe (seeded, identical in Node and in a
 * Worker), and the tables are small. Casing, punctuation and full-width forms need no variants:
 * `normalizeText` already folds them away.
 *
 * @module
 */
import type { Rng } from './rng.ts';

/** QWERTY neighbours of each letter: a slipped finger hits one of them. */
const KEYBOARD: Record<string, string> = {
  q: 'wa',
  w: 'qeas',
  e: 'wrds',
  r: 'etdf',
  t: 'ryfg',
  y: 'tugh',
  u: 'yihj',
  i: 'uojk',
  o: 'ipkl',
  p: 'ol',
  a: 'qwsz',
  s: 'awedxz',
  d: 'serfcx',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};

/**
 * Chat spellings of English words and phrases (lower case; each key may become any of its
 * values). Phrases are matched on word boundaries, longest first. No digit spellings (2day, b4):
 * the featurizer folds every digit to 0, so they would read as numbers.
 */
const CHAT_FORMS: Record<string, string[]> = {
  you: ['u', 'ya'],
  your: ['ur', 'yr'],
  "you're": ['ur', 'youre'],
  are: ['r'],
  please: ['pls', 'plz', 'pleas'],
  'right now': ['rn'],
  tomorrow: ['tmrw', 'tmr', 'tomoro', 'tmrrw'],
  tonight: ['tonite'],
  'want to': ['wanna'],
  'going to': ['gonna'],
  'got to': ['gotta'],
  'have to': ['hafta'],
  'kind of': ['kinda'],
  'let me': ['lemme'],
  'give me': ['gimme'],
  'do not': ['dont'],
  thanks: ['thx', 'thnx', 'ty'],
  'thank you': ['ty', 'thx', 'thank u'],
  because: ['bc', 'cuz', 'cause'],
  okay: ['ok', 'k'],
  people: ['ppl'],
  message: ['msg'],
  minutes: ['mins', 'min'],
  minute: ['min'],
  seconds: ['secs', 'sec'],
  hours: ['hrs', 'hr'],
  hour: ['hr'],
  about: ['abt', 'bout'],
  with: ['w'],
  without: ['w/o'],
  something: ['smth', 'sth'],
  probably: ['prob', 'prolly'],
  really: ['rly', 'rlly'],
  information: ['info'],
  appointment: ['appt'],
  know: ['kno'],
  "don't know": ['dunno'],
  'i do not know': ['idk'],
  "i don't know": ['idk'],
  what: ['wat', 'wut'],
  "what's": ['whats', 'wats', 'what is'],
  'what is': ["what's", 'whats'],
  'how is': ["how's", 'hows'],
  "how's": ['hows', 'how is'],
  "i'm": ['im', 'i am'],
  'i am': ["i'm", 'im'],
  "don't": ['dont', 'do not'],
  "can't": ['cant', 'cannot', 'can not'],
  "won't": ['wont'],
  "didn't": ['didnt'],
  "doesn't": ['doesnt'],
  "isn't": ['isnt'],
  "it's": ['its'],
  'it is': ["it's", 'its'],
  "i'd": ['id'],
  "i'll": ['ill'],
  "i've": ['ive'],
  "that's": ['thats'],
  "where's": ['wheres'],
  "there's": ['theres'],
  "let's": ['lets'],
  'can you': ['can u', 'cn u', 'could u'],
  'could you': ['could u', 'cud u', 'can you'],
  'would you': ['would u', 'wud u'],
  'do you': ['do u', 'd u'],
  'is my': ['is ma'],
  my: ['ma', 'mah'],
  the: ['da', 'teh'],
  them: ['em'],
  and: ['n', '&'],
  yes: ['ya', 'yea', 'yep'],
  no: ['nah', 'nope'],
  number: ['num', 'no.'],
  account: ['acct'],
  weekend: ['wknd'],
  calendar: ['cal'],
  reservation: ['rez'],
  restaurant: ['resto'],
  temperature: ['temp'],
  definitely: ['def', 'defo'],
  favorite: ['fav', 'fave'],
  birthday: ['bday'],
  picture: ['pic'],
  'as soon as possible': ['asap'],
  'to be honest': ['tbh'],
  'by the way': ['btw'],
};

/** Filler words and openers that carry no intent (none of them greets or thanks). */
const FILLERS_BEFORE = ['um', 'uh', 'so', 'ok so', 'hmm', 'quick question', 'btw', 'yo', 'pls', 'like'];
const FILLERS_AFTER = ['pls', 'plz', 'lol', 'asap', 'rn', 'thx', 'real quick', 'or smth', 'idk', '??'];

const CHAT_KEYS = Object.keys(CHAT_FORMS).sort((a, b) => b.length - a.length);
const CHAT_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}'])(${CHAT_KEYS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}'])`,
  'gu',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** How strongly each kind of noise is applied: the probability per word (typos, chat forms) or per utterance (fillers). */
export interface AugmentRates {
  /** Probability that a word of 3+ letters gets one typo. @default 0.12 */
  typo: number;
  /** Probability that a word or phrase with a chat form takes it. @default 0.35 */
  chat: number;
  /** Probability that an utterance gets a filler before or after it. @default 0.15 */
  filler: number;
}

/** The rates of {@link augmentEnglish}, chosen on CLINC150's validation split (see models/assistant-en.md). */
export const DEFAULT_AUGMENT_RATES: AugmentRates = { typo: 0.12, chat: 0.35, filler: 0.15 };

/**
 * One typo in `word`: a keyboard neighbour instead of a letter, a dropped, doubled or inserted
 * letter, or two neighbouring letters swapped. Never changes the first letter (people rarely
 * miss it, and it keeps the word recognizable).
 * @param word a word of ASCII letters, 3 or more
 * @param rng the seeded generator
 * @returns the misspelled word
 */
export function typo(word: string, rng: Rng): string {
  const i = 1 + rng.int(word.length - 1);
  const c = word[i] as string;
  const near = KEYBOARD[c.toLowerCase()];
  switch (rng.int(5)) {
    case 0:
      return near === undefined ? word : word.slice(0, i) + (near[rng.int(near.length)] as string) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + c + word.slice(i);
    case 3:
      return i + 1 < word.length ? word.slice(0, i) + (word[i + 1] as string) + c + word.slice(i + 2) : word;
    default:
      return near === undefined ? word : word.slice(0, i) + (near[rng.int(near.length)] as string) + word.slice(i);
  }
}

/**
 * A noisy variant of an English utterance, as typed in a chat box: chat forms (u, pls, rn, tmrw,
 * wanna, contractions without apostrophes), typos, and fillers, each at its rate. Lower-cases
 * (the featurizer folds case anyway). The same text, rates and generator state give the same variant.
 * @param text the utterance
 * @param rng the seeded generator
 * @param rates the noise rates @default DEFAULT_AUGMENT_RATES
 * @returns the variant (possibly equal to the text)
 * @example
 * ```ts
 * augmentEnglish('can you set a timer for 5 minutes please', createRng(3)); // e.g. 'can u set a timer for 5 mins pls'
 * ```
 */
export function augmentEnglish(text: string, rng: Rng, rates: AugmentRates = DEFAULT_AUGMENT_RATES): string {
  let s = text.toLowerCase().replace(/[’‘]/g, "'");
  s = s.replace(CHAT_PATTERN, (match: string) => {
    const forms = CHAT_FORMS[match];
    return forms !== undefined && rng.next() < rates.chat ? (forms[rng.int(forms.length)] as string) : match;
  });
  s = s.replace(/[a-z]{3,}/g, (word) => (rng.next() < rates.typo ? typo(word, rng) : word));
  if (rng.next() < rates.filler) {
    s =
      rng.next() < 0.5
        ? `${FILLERS_BEFORE[rng.int(FILLERS_BEFORE.length)] as string} ${s}`
        : `${s} ${FILLERS_AFTER[rng.int(FILLERS_AFTER.length)] as string}`;
  }
  return s;
}

/**
 * The augmenter for a corpus language, or null where there is none (the trainer then trains on
 * the texts as they are).
 * @param language BCP 47 language of the corpus
 * @param rates overrides of the noise rates
 * @returns a function making one noisy variant of a text
 */
export function augmenterFor(
  language: string,
  rates: Partial<AugmentRates> = {},
): ((text: string, rng: Rng) => string) | null {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  const r = { ...DEFAULT_AUGMENT_RATES, ...rates };
  if (primary === 'en') return (text, rng) => augmentEnglish(text, rng, r);
  return null;
}
