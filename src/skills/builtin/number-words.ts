/**
 * Spelled-out English numbers ("twenty five", "a hundred and ten") turned into digits, so the
 * calculator, converter and dice read "what's five plus seven" like "5 + 7". The number grammar
 * is the entity extractor's (one grammar for the whole product); this only rewrites its spans.
 *
 * @module
 */
import { createScanContext } from '../../nlu/entities/scan.ts';
import { findNumbers } from '../../nlu/entities/numbers.ts';

/**
 * Replaces each spelled-out number in `text` with its digits; everything else is kept.
 *
 * @param text any text
 * @returns the text with numbers in digits, e.g. `"what's 25 plus 7"`
 * @example
 * ```ts
 * wordsToDigits('what is twenty-five plus seven') // → 'what is 25 plus 7'
 * ```
 */
export function wordsToDigits(text: string): string {
  if (!/[a-z]/i.test(text)) return text;
  const ctx = createScanContext(text);
  findNumbers(ctx);
  let out = '';
  let at = 0;
  for (const n of ctx.numbers) {
    // Digit numbers stay as written; ordinals ("third") are not amounts.
    if (n.ordinal || !/\p{L}/u.test(text.slice(n.start, n.end))) continue;
    out += text.slice(at, n.start) + String(n.value);
    at = n.end;
  }
  return out + text.slice(at);
}
