/**
 * How much a Latin word looks like a word of a language the assistant reads rather than keys hit
 * at random: a likelihood ratio between two small letter models, per letter.
 *
 * - The language model: letter pairs (with the word's start and end) from the English words of the
 *   intent corpus and pinyin, add-half smoothed, plus a penalty for each letter triple no such word
 *   holds (`models/build-letter-model.ts` builds the table: 784 pair scores, 21,952 triple bits and
 *   the known-word filter: a 13.7 KB module).
 * - The keyboard model: a key hit after another is, in equal parts, any key, a key of the same QWERTY
 *   row, or a key next to it (a hand rolling along the keyboard). It is written from the keyboard's
 *   geometry, not fitted to any mash.
 *
 * Real words score above zero (English words a median of about +0.5; pinyin and names too: "niunai",
 * "Xiomara"); mash well below ("rjh" -2.6, "okoirkl" -1.5). The thresholds ({@link MASH_SCORE}) were
 * measured on held-out corpus words and generated mash, not tuned on any bench: see their comment.
 *
 * @module
 */
import { KNOWN_WORDS, LETTER_PAIRS, LETTER_TRIPLES } from './letter-model-table.ts';
import { fromBase64, toBase64 } from '../../crypto/bytes.ts';

/** The letters the model knows, then the start and end of a word. @internal */
export const LETTER_SYMBOLS = 'abcdefghijklmnopqrstuvwxyz^$';
const N = LETTER_SYMBOLS.length;
/** The characters of the pair table: a negative log-probability in steps of 1/4 nat, 0 to 15.75. */
const LEVELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const STEP = 0.25;
/** Add-k smoothing of the pair counts: a pair no word holds is rare, not impossible. */
const SMOOTHING = 0.5;
/** log(0.95) for a seen triple, and what an unseen one costs (in nats, on top of its pair). */
const SEEN_TRIPLE = Math.log(0.95);
const UNSEEN_TRIPLE = -1;

/**
 * A word of five letters or more is keyboard mash below this score; one of three or four letters
 * below {@link MASH_SCORE_SHORT}. Measured with a table built from four fifths of the corpus's
 * words, the fifth held out, against generated mash (random keys, one row, neighbouring keys,
 * alternating hands):
 * - five letters or more: 2 of 785 held-out words score below -0.7 ("gyoza", "rhythm"), against
 *   94% of the mash;
 * - four letters: none of 154 held-out words scores below -1.8, against 47% of the mash (-1.5:
 *   63%, but chat forms such as "thnx" score -1.6); three letters: 3 of 68 ("kbc", "tbh", "nvm"),
 *   against 37%. A short word says too little: its bar is low.
 * Words of the corpus itself are never mash ({@link knownWord}). Of the 1,283 Latin turns labelled
 * with an intent in the DEV and training dialogue sets (not the test sets), none reads as mash.
 */
export const MASH_SCORE = -0.7;
/** The bar for a word of three or four letters (see {@link MASH_SCORE}). */
export const MASH_SCORE_SHORT = -1.8;

/**
 * `true` when a lowercase word of three letters or more is no word of the corpus and scores as
 * keys hit at random ({@link mashScore} below {@link MASH_SCORE}, or {@link MASH_SCORE_SHORT} for
 * three or four letters).
 * @param word lowercase letters a–z
 */
export function mashWord(word: string): boolean {
  if (word.length < 3 || knownWord(word)) return false;
  const score = mashScore(word);
  return score < (word.length <= 4 ? MASH_SCORE_SHORT : MASH_SCORE);
}

const QWERTY = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Each row's offset from the one above, in keys: the stagger of a real keyboard. */
const STAGGER = [0, 0.25, 0.75];
const KEY = new Map<string, { x: number; row: number }>();
for (const [row, keys] of QWERTY.entries())
  for (const [i, key] of [...keys].entries()) KEY.set(key, { x: i + STAGGER[row]!, row });
const near = (a: string, b: string) => {
  const p = KEY.get(a)!;
  const q = KEY.get(b)!;
  return Math.abs(p.row - q.row) <= 1 && Math.abs(p.x - q.x) <= 1.25;
};
/** log P(b | a) under the keyboard model, for every pair of letters. */
const KEYBOARD = new Float64Array(26 * 26);
for (let a = 0; a < 26; a++) {
  const ka = LETTER_SYMBOLS[a]!;
  const row = QWERTY[KEY.get(ka)!.row]!;
  const neighbours = [...KEY.keys()].filter((k) => near(ka, k)).length;
  for (let b = 0; b < 26; b++) {
    const kb = LETTER_SYMBOLS[b]!;
    const sameRow = row.includes(kb) ? 1 / row.length : 0;
    KEYBOARD[a * 26 + b] = Math.log((1 / 26 + sameRow + (near(ka, kb) ? 1 / neighbours : 0)) / 3);
  }
}
/** The keyboard model's start (any key) and end (a mash of about six keys). */
const KEYBOARD_START = Math.log(1 / 26);
const KEYBOARD_END = Math.log(1 / 6);

/** Bits per word of the known-word filter and the hashes set per word: about 1% false positives. */
const FILTER_BITS_PER_WORD = 10;
const FILTER_HASHES = 7;

const pairs = Float64Array.from(LETTER_PAIRS, (c) => -STEP * LEVELS.indexOf(c));
const tripleBits = fromBase64(LETTER_TRIPLES);
const seen = (i: number) => ((tripleBits[i >> 3]! >> (i & 7)) & 1) === 1;
const known = fromBase64(KNOWN_WORDS);

/** The bit positions of a word in a filter of `bits` bits (FNV-1a twice, double hashing: Kirsch and Mitzenmacher 2006). */
function filterBits(word: string, bits: number): number[] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < word.length; i++) {
    h1 = Math.imul(h1 ^ word.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ word.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return Array.from({ length: FILTER_HASHES }, (_, k) => (h1 + k * ((h2 | 1) >>> 0)) % bits);
}

/**
 * `true` when the word is one of the intent corpus's (lowercase; about 1% of other words pass too):
 * "tmrw", "bbq", "xmas" and "rhythm" are words however their letters score.
 * @param word lowercase letters
 */
export function knownWord(word: string): boolean {
  return known.length > 0 && filterBits(word, known.length * 8).every((i) => ((known[i >> 3]! >> (i & 7)) & 1) === 1);
}

/**
 * The word's log-likelihood ratio, language over keyboard, per letter: above zero it reads as a
 * word, below {@link MASH_SCORE} as keys hit at random.
 * @param word lowercase letters a–z (other characters make it `NaN`: the model does not judge them)
 * @returns the score, `NaN` for an empty word or one with other characters
 * @example
 * ```ts
 * mashScore('kiwi') > MASH_SCORE; // true
 * mashScore('rjh') < MASH_SCORE; // true
 * ```
 */
export function mashScore(word: string): number {
  if (!/^[a-z]+$/u.test(word)) return Number.NaN;
  const s = `^${word}$`;
  let sum = 0;
  for (let i = 1; i < s.length; i++) {
    const a = LETTER_SYMBOLS.indexOf(s[i - 1]!);
    const b = LETTER_SYMBOLS.indexOf(s[i]!);
    let lang = pairs[a * N + b]!;
    if (i >= 2) lang += seen((LETTER_SYMBOLS.indexOf(s[i - 2]!) * N + a) * N + b) ? SEEN_TRIPLE : UNSEEN_TRIPLE;
    const key = i === 1 ? KEYBOARD_START : i === s.length - 1 ? KEYBOARD_END : KEYBOARD[a * 26 + b]!;
    sum += lang - key;
  }
  return sum / (word.length + 1);
}

/**
 * Encodes a set of words as the Bloom filter {@link knownWord} reads.
 * @param words lowercase words
 * @internal
 */
export function encodeWordFilter(words: readonly string[]): string {
  const bytes = new Uint8Array(Math.ceil((words.length * FILTER_BITS_PER_WORD) / 8));
  for (const w of words) for (const i of filterBits(w, bytes.length * 8)) bytes[i >> 3]! |= 1 << (i & 7);
  return toBase64(bytes);
}

/**
 * Encodes pair counts and seen triples as the table {@link mashScore} reads.
 * @param counts letter-pair counts, `LETTER_SYMBOLS.length` squared, row = first letter
 * @param triples one byte per triple (1 = seen), `LETTER_SYMBOLS.length` cubed
 * @internal
 */
export function encodeLetterModel(counts: Float64Array, triples: Uint8Array): { pairs: string; triples: string } {
  let pairText = '';
  for (let a = 0; a < N; a++) {
    let total = 0;
    for (let b = 0; b < N; b++) total += counts[a * N + b]! + SMOOTHING;
    for (let b = 0; b < N; b++) {
      const logP = Math.log((counts[a * N + b]! + SMOOTHING) / total);
      pairText += LEVELS[Math.min(LEVELS.length - 1, Math.round(-logP / STEP))];
    }
  }
  const bytes = new Uint8Array(Math.ceil(triples.length / 8));
  for (const [i, bit] of triples.entries()) if (bit === 1) bytes[i >> 3]! |= 1 << (i & 7);
  return { pairs: pairText, triples: toBase64(bytes) };
}
