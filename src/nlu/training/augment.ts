/**
 * Training-time text augmentation: noisy variants of training utterances as people type them in
 * a chat box (English: typos, chat abbreviations, contractions without apostrophes, filler words;
 * Chinese: homophone slips, dropped characters, English words, numerals, particles), so the
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

/** Common input-method slips between homophones (each may become the other). */
const ZH_HOMOPHONES: readonly (readonly [string, string])[] = [
  ['定', '订'],
  ['的', '地'],
  ['的', '得'],
  ['在', '再'],
  ['做', '作'],
  ['那', '哪'],
  ['他', '她'],
  ['已', '以'],
  ['像', '象'],
  ['账', '帐'],
  ['么', '嘛'],
  ['几', '机'],
  ['时', '是'],
  ['钟', '中'],
  ['天', '添'],
  ['气', '器'],
];

/** Words often typed in English inside a Chinese sentence (帮我set个timer). */
const ZH_ENGLISH: Record<string, string[]> = {
  计时器: ['timer'],
  定时器: ['timer'],
  闹钟: ['alarm', '闹铃'],
  提醒: ['remind', 'reminder'],
  设置: ['set', '设'],
  设定: ['set'],
  天气: ['weather'],
  音乐: ['music'],
  歌: ['song'],
  播放: ['play', '放'],
  购物清单: ['shopping list', '购物list'],
  清单: ['list'],
  日历: ['calendar'],
  账户: ['account', '账号'],
  信用卡: ['credit card', '卡'],
  航班: ['flight'],
  酒店: ['hotel'],
  餐厅: ['restaurant', '饭店'],
  邮件: ['email', '邮箱'],
  短信: ['message', '信息'],
  音量: ['volume'],
  密码: ['password'],
  会议: ['meeting'],
  笑话: ['joke'],
  翻译: ['translate'],
  取消: ['cancel'],
  手机: ['phone'],
  好的: ['ok', 'okay'],
  谢谢: ['thx', 'thanks', '谢啦', '3q'],
  是的: ['yes', '对'],
  不是: ['no', '不'],
  什么: ['啥', '什么'],
  怎么: ['咋', '怎么样'],
  现在: ['这会儿', '眼下'],
  一下: ['下'],
};

const ZH_BEFORE = ['请', '帮我', '麻烦', '那个', '嗯', '哎', '你好，', '喂', '请问'];
const ZH_AFTER = ['吧', '呢', '啊', '呀', '一下', '谢谢', '哈', '?', '!!', '~'];
const ZH_PARTICLES = /[吗呢吧啊呀哈啦嘛了的]$/u;
const ZH_ENGLISH_PATTERN = new RegExp(
  Object.keys(ZH_ENGLISH)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'gu',
);
const ZH_DIGITS = '零一二三四五六七八九';
const HAN = /\p{Script=Han}/u;

/** A number 0–99 in Chinese numerals (5 → 五, 15 → 十五, 30 → 三十). */
function chineseNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (ZH_DIGITS[tens] as string)}十${ones === 0 ? '' : (ZH_DIGITS[ones] as string)}`;
}

/**
 * A noisy variant of a Chinese utterance, as typed in a chat box: homophone slips of the input
 * method, a dropped character, English words for common terms (帮我set个timer), numbers in digits
 * or Chinese numerals, particles and polite openers added or dropped. Traditional characters and
 * full-width forms need no variants: the featurizer folds them.
 * @param text the utterance
 * @param rng the seeded generator
 * @param rates the noise rates: `typo` per character, `chat` per replaceable word, `filler` per utterance
 * @returns the variant (possibly equal to the text)
 */
export function augmentChinese(text: string, rng: Rng, rates: AugmentRates = DEFAULT_AUGMENT_RATES): string {
  let s = text.replace(ZH_ENGLISH_PATTERN, (word) => {
    const forms = ZH_ENGLISH[word];
    return forms !== undefined && rng.next() < rates.chat / 2 ? (forms[rng.int(forms.length)] as string) : word;
  });
  s = s.replace(/\d{1,2}(?!\d)/g, (digits) => (rng.next() < rates.chat ? chineseNumber(Number(digits)) : digits));
  const chars = Array.from(s);
  const out: string[] = [];
  for (const c of chars) {
    const r = rng.next();
    if (r < rates.typo / 4 && chars.length > 3 && HAN.test(c)) continue; // a dropped character
    if (r < rates.typo / 2) {
      const pairs = ZH_HOMOPHONES.filter(([a, b]) => a === c || b === c);
      if (pairs.length > 0) {
        const [a, b] = pairs[rng.int(pairs.length)] as readonly [string, string];
        out.push(a === c ? b : a);
        continue;
      }
    }
    out.push(c);
  }
  s = out.join('');
  if (rng.next() < rates.filler) {
    if (rng.next() < 0.5) s = `${ZH_BEFORE[rng.int(ZH_BEFORE.length)] as string}${s}`;
    else if (ZH_PARTICLES.test(s) && rng.next() < 0.5) s = s.slice(0, -1);
    else s = `${s}${ZH_AFTER[rng.int(ZH_AFTER.length)] as string}`;
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
  if (primary === 'zh') return (text, rng) => augmentChinese(text, rng, r);
  // A corpus of several languages (BCP 47 `mul`): each text by its script.
  if (primary === 'mul') return (text, rng) => (HAN.test(text) ? augmentChinese : augmentEnglish)(text, rng, r);
  return null;
}
