/**
 * How people really type to a chat box, applied to simulated turns: no capitals, no final
 * punctuation, shorthand ("u", "pls", "thx"), and the odd typo (a letter dropped, doubled or
 * swapped with its neighbour). Seeded, so a corpus is reproducible.
 *
 * @module
 */
import type { Rng } from '../../nlu/training/rng.ts';
import type { SimLanguage } from './acts.ts';
import { pick } from './values.ts';

const SHORTHAND: Record<string, string> = {
  you: 'u',
  your: 'ur',
  "you're": 'ur',
  please: 'pls',
  thanks: 'thx',
  are: 'r',
  tomorrow: 'tmrw',
  minutes: 'mins',
  because: 'cuz',
  okay: 'ok',
  what: 'wat',
};

function typo(word: string, rng: Rng): string {
  if (word.length < 4 || !/^[a-z]+$/i.test(word)) return word;
  const i = 1 + rng.int(word.length - 2);
  switch (rng.int(3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

/**
 * Makes a turn look typed in a hurry.
 * @param text the clean turn
 * @param level 0 leaves it as is; 1 is a casual typist (about one typo in ten words)
 * @param keep words never to touch (slot values the label depends on)
 */
export function casualTyping(
  text: string,
  rng: Rng,
  lang: SimLanguage,
  level = 1,
  keep: readonly string[] = [],
): string {
  if (level <= 0) return text;
  let s = text;
  if (rng.next() < 0.5 * level) s = s.replace(/[.!]+$/, '');
  if (rng.next() < 0.3 * level) s = s.replace(/\?+$/, '');
  if (lang === 'zh') {
    if (rng.next() < 0.3 * level) s = s.replace(/[，。！？]/g, rng.next() < 0.5 ? ' ' : '');
    return s.trim();
  }
  const protectedWords = new Set(keep.flatMap((k) => k.toLowerCase().split(/\s+/)));
  // Apostrophes are the first thing a phone keyboard user drops ("whats", "dont", "im").
  if (rng.next() < 0.4 * level) s = s.replace(/(\p{L})['’](\p{L})/gu, '$1$2');
  if (rng.next() < 0.06 * level) s = `${s} ${pick(rng, ['lol', 'pls', 'tbh', 'rn', 'thx', 'haha'])}`;
  const words = s.split(' ').map((w) => {
    const lower = w.toLowerCase();
    if (protectedWords.has(lower)) return w;
    if (SHORTHAND[lower] !== undefined && rng.next() < 0.25 * level) return SHORTHAND[lower];
    if (rng.next() < 0.08 * level) return typo(w, rng);
    return w;
  });
  s = words.join(' ');
  if (rng.next() < 0.15 * level) s = s.charAt(0).toUpperCase() + s.slice(1);
  if (rng.next() < 0.05 * level) s = s.toUpperCase();
  return s;
}
