/**
 * Round 8's keyboard mash for `npm run bench:hostile`, drawn with its own seed (8) and its own ways
 * of hitting keys, so that the mash figure is not read on the sets (seeds 6 and 7) the junk rules
 * were written against: a hand rolling over neighbouring keys, two hands alternating, a chunk typed
 * again and again, short bursts of three or four keys, mash in capitals or with punctuation and
 * digits, mash next to a chat word, and letters a phone's keyboard puts next to each other.
 *
 * @module
 */
import { seededDraw, type HostileInput } from './hostile-inputs.ts';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const STAGGER = [0, 0.25, 0.75];
const LEFT = 'qwertasdfgzxcvb';
const RIGHT = 'yuiophjklnm';
const CHAT = ['lol', 'ok', 'hmm', 'ugh', 'idk', 'bruh', 'wait', 'huh'];
const PUNCT = ['!', '?', ';', "'", ',', '.', '/'];

/** The keys next to each key on a QWERTY keyboard, rows staggered as on a real one. */
const NEIGHBOURS = new Map<string, string[]>();
for (const [r, row] of ROWS.entries())
  for (const [i, key] of [...row].entries()) {
    const x = i + STAGGER[r]!;
    const near: string[] = [];
    for (const [r2, row2] of ROWS.entries())
      for (const [j, other] of [...row2].entries())
        if (other !== key && Math.abs(r2 - r) <= 1 && Math.abs(j + STAGGER[r2]! - x) <= 1.25) near.push(other);
    NEIGHBOURS.set(key, near);
  }

/**
 * Round 8's mash: `perCategory` inputs of each kind, drawn with `seed`.
 * @param seed the random seed (8: round 8's set)
 * @param perCategory how many inputs per kind (at most)
 */
export function mashInputs(seed = 8, perCategory = 120): HostileInput[] {
  const { random, int, pick, add, out } = seededDraw(seed, perCategory);
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  const roll = (n: number) => {
    let key = pick(letters);
    let s = key;
    for (let k = 1; k < n; k++) s += key = pick(NEIGHBOURS.get(key)!);
    return s;
  };
  const hands = (n: number) => Array.from({ length: n }, (_, k) => pick([...(k % 2 ? RIGHT : LEFT)])).join('');
  const anyMash = (n: number) => (random() < 0.5 ? roll(n) : hands(n));
  const words = (make: () => string) => Array.from({ length: 1 + int(3) }, make).join(' ');
  add('mash-roll', () => words(() => roll(4 + int(6))));
  add('mash-hands', () => words(() => hands(4 + int(6))));
  add('mash-repeat', () => {
    const chunk = anyMash(3 + int(2));
    return chunk.repeat(2 + int(3)).slice(0, 6 + int(8));
  });
  add('mash-short', () => anyMash(3 + int(2)));
  add('mash-caps', () => {
    const w = anyMash(4 + int(6));
    return random() < 0.5 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1);
  });
  add('mash-punct', () => {
    const w = anyMash(4 + int(6));
    const forms = [
      () => `${w}${pick(PUNCT).repeat(1 + int(3))}`,
      () => `${w.slice(0, 3)}${pick(PUNCT)}${w.slice(3)}`,
      () => `${w}${int(1000)}`,
      () => `${int(100)}${w}`,
    ];
    return pick(forms)();
  });
  add('mash-chat', () => {
    const parts = [pick(CHAT), anyMash(4 + int(6))];
    return (random() < 0.5 ? parts : parts.reverse()).join(' ');
  });
  return out;
}

/**
 * The question each round-8 input is typed against: the free-text questions (a reminder's text, a
 * name, a list item) most, where a mash answer would be stored, and the timer's.
 * @param _category the input's kind
 * @param i the input's index
 */
export function mashQuestion(_category: string, i: number): string {
  const questions = ['remind me', 'call me', 'add to my shopping list', 'add to my to do list', 'set a timer'];
  return questions[Math.floor(i / 4) % questions.length]!;
}
