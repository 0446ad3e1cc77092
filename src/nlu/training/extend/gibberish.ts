/**
 * Keyboard-mash negatives for an extension: strings of random letters ("qhzvt", "mkre plow").
 *
 * A corpus of a few dozen examples teaches its new intents nothing about text that resembles none of
 * them, and the new output columns start from no evidence either way: in measurements on the dev
 * checks, strings like "zxcvb" landed on a new intent with 0.7 confidence while the base model
 * answered them out of scope. Random letter strings (seeded: the same extension gives the same model)
 * give those columns that evidence. They are generated rather than shipped: no data, no licence.
 */
import { createRng } from '../rng.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * `count` random lower-case strings of one or two words of 3–8 letters.
 * @param count how many
 * @param seed the generator's seed
 * @returns the strings, distinct
 */
export function gibberishNegatives(count: number, seed: number): string[] {
  const rng = createRng(seed ^ 0x91bb15);
  const word = () => Array.from({ length: 3 + rng.int(6) }, () => LETTERS[rng.int(LETTERS.length)]).join('');
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 4; tries++)
    out.add(rng.int(3) === 0 ? `${word()} ${word()}` : word());
  return [...out];
}
