/**
 * Generated out-of-scope training lines for what a chat box gets that is no request at all:
 * keyboard mash ("asdfgh", "qwerty", "gfhdjsk", "jkjkjk"), chat reactions and interjections
 * ("haha", "lmaooo", "hmm", "哈哈哈", "嗯嗯"), and strings of common characters in no order
 * ("的了是我不在有人这"). Without them the model meets these with words it never saw, and its
 * character n-grams land them on some intent with high confidence ("qwerty" → directions 0.76,
 * "haha" → restaurant_suggestion 0.93). Generated at training time, seeded: no data, no licence.
 *
 * The reactions avoid what an intent serves: greetings, thanks, goodbyes, yes/no/maybe.
 */
import { createRng, type Rng } from '../src/nlu/training/rng.ts';
import type { Corpus } from '../src/nlu/types.ts';
import type { ShippedLanguage } from './default-options.ts';

/** The rows of a QWERTY keyboard, for mash along a row. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** English reactions and interjections; a trailing `+` marks the letter that may be stretched ("lmaooo"). */
const EN_REACTIONS = [
  'haha+',
  'hahaha',
  'hehe+',
  'lol+',
  'lmao+',
  'lmfao',
  'rofl',
  'hm+',
  'hmm+',
  'ugh+',
  'meh',
  'omg+',
  'wow+',
  'whoa+',
  'oops',
  'yikes',
  'ew+',
  'eww',
  'uh+',
  'um+',
  'umm',
  'erm',
  'huh',
  'bruh',
  'smh',
  'wtf',
  'xd',
  'ah+',
  'oh+',
  'ooh',
  'aww+',
  'welp',
  'jeez',
  'geez',
  'damn',
  'dang',
  'sheesh',
  'ha',
  'blah blah',
  'lol ok',
  'oh lol',
  'haha nice',
  'omg lol',
  'ugh whatever',
  'idk lol',
  'hmm ok',
  'lmao what',
  'wow ok',
  'bruh moment',
  'nvm lol',
];

/** Chinese reactions and interjections (a trailing `+` marks the character that may repeat: "哈哈哈哈"). */
const ZH_REACTIONS = [
  '哈哈+',
  '呵呵+',
  '嘿嘿',
  '嘻嘻',
  '嗯嗯+',
  '嗯+',
  '啊啊+',
  '额+',
  '呃',
  '哦+',
  '噢',
  '哇+',
  '哇塞',
  '卧槽',
  '我去',
  '666+',
  '233+',
  '无语',
  '晕',
  '切',
  '唉+',
  '哎呀',
  '哎哟',
  '啧啧',
  '噗',
  '哈哈哈笑死',
  '笑死我了',
  '绝了',
  '离谱',
  '啊这',
  'emmm',
  'hhh+',
  '哈哈哈哈哈',
  '呜呜+',
  '。。。',
  '？？？',
  '！！！',
  '……',
  '嗯哼',
  '啥啊',
  '哈？',
];

/** Punctuation and emoji a reaction may end with. */
const TAILS = ['', '', '', '!', '?', '...', '!!', ' 😂', ' 🙄', ' 🤔', ' 😅'];

/** One English keyboard mash: a run along a key row, random letters, or a repeated pair. */
function englishMash(rng: Rng): string {
  const kind = rng.int(4);
  if (kind === 0) {
    const row = KEY_ROWS[rng.int(KEY_ROWS.length)]!;
    const len = 3 + rng.int(Math.min(6, row.length - 2));
    const start = rng.int(row.length - len + 1);
    const run = row.slice(start, start + len);
    return rng.int(4) === 0 ? [...run].reverse().join('') : run;
  }
  if (kind === 1) {
    // Hands on the home row: letters of one row's middle in random order ("gfhdjsk").
    const row = KEY_ROWS[rng.int(2)]!;
    return Array.from({ length: 4 + rng.int(6) }, () => row[rng.int(row.length)]).join('');
  }
  if (kind === 2) {
    const pair = LETTERS[rng.int(26)]! + LETTERS[rng.int(26)]!;
    return pair.repeat(2 + rng.int(3));
  }
  const word = () => Array.from({ length: 3 + rng.int(6) }, () => LETTERS[rng.int(26)]).join('');
  return rng.int(3) === 0 ? `${word()} ${word()}` : word();
}

/** A reaction from `list`, its marked letter stretched 0–3 times, with a tail. */
function reaction(list: readonly string[], rng: Rng): string {
  const r = list[rng.int(list.length)]!;
  const base = r.endsWith('+') ? r.slice(0, -1) + r.at(-2)!.repeat(rng.int(4)) : r;
  const cased = rng.int(6) === 0 ? base.toUpperCase() : base;
  return cased + TAILS[rng.int(TAILS.length)]!;
}

/** A string of 5–9 characters drawn from `chars` by their frequency (`chars` holds each occurrence). */
function hanString(chars: readonly string[], rng: Rng): string {
  return Array.from({ length: 5 + rng.int(5) }, () => chars[rng.int(chars.length)]).join('');
}

/**
 * Makes `count` distinct mash and reaction lines for `lang`, seeded: about half keyboard mash
 * (Chinese: half of those strings of common Han characters, drawn from `inScope`), half reactions.
 * A line equal to an in-scope utterance is left out.
 * @param count how many
 * @param lang the model's language
 * @param inScope the in-scope training utterances
 * @param seed the seed
 * @returns the lines
 */
export function mashOos(count: number, lang: ShippedLanguage, inScope: readonly string[], seed = 1): string[] {
  const rng = createRng(seed ^ 0x3a5f1);
  const taken = new Set(inScope.map((t) => t.toLowerCase()));
  const han = lang === 'zh' ? [...inScope.join('')].filter((c) => /\p{Script=Han}/u.test(c)) : [];
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 10; tries++) {
    let line: string;
    if (rng.int(2) === 0) line = reaction(lang === 'zh' ? ZH_REACTIONS : EN_REACTIONS, rng);
    else if (han.length > 0 && rng.int(2) === 0) line = hanString(han, rng);
    else line = englishMash(rng);
    if (!taken.has(line.toLowerCase())) out.add(line);
  }
  return [...out];
}

/**
 * The corpus with `count` mash and reaction lines (see {@link mashOos}) added to its out-of-scope examples.
 * @param corpus the training corpus
 * @param count how many (0: the corpus as it is)
 * @param seed the seed
 */
export function withMashOos(corpus: Corpus, count: number, seed = 1): Corpus {
  if (count <= 0) return corpus;
  const lang: ShippedLanguage = corpus.language.startsWith('zh') ? 'zh' : 'en';
  const lines = mashOos(
    count,
    lang,
    corpus.train.map((e) => e.text),
    seed,
  );
  return { ...corpus, outOfScope: [...(corpus.outOfScope ?? []), ...lines] };
}
