/**
 * Spelled-out English numbers ("twenty five", "a hundred and ten") turned into digits, so the
 * calculator, converter and dice read "what's five plus seven" like "5 + 7".
 *
 * @module
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** One word's role in a spelled number, or undefined when it is not part of one. */
function wordValue(word: string): { kind: 'unit' | 'scale'; n: number } | undefined {
  if (word in UNITS) return { kind: 'unit', n: UNITS[word]! };
  if (word in TENS) return { kind: 'unit', n: TENS[word]! };
  if (word in SCALES) return { kind: 'scale', n: SCALES[word]! };
  return undefined;
}

/**
 * Replaces each run of English number words in `text` with its digits; everything else is kept.
 * "a" and "an" count as one only right before a scale word ("a hundred"); "and" is skipped
 * inside a number ("one hundred and five"). Hyphens join words ("twenty-five").
 *
 * @param text any text
 * @returns the text with numbers in digits, e.g. `"what's 25 plus 7"`
 * @example
 * ```ts
 * wordsToDigits('what is twenty-five plus seven') // → 'what is 25 plus 7'
 * ```
 */
export function wordsToDigits(text: string): string {
  const words = text.split(/(\s+|-)/);
  const out: string[] = [];
  let total = 0;
  let current = 0;
  let inNumber = false;
  let pendingGap: string[] = [];

  const flush = (): void => {
    if (inNumber) out.push(String(total + current));
    out.push(...pendingGap);
    total = 0;
    current = 0;
    inNumber = false;
    pendingGap = [];
  };

  for (let i = 0; i < words.length; i++) {
    const raw = words[i]!;
    const w = raw.toLowerCase();
    if (/^\s+$|^-$/.test(raw)) {
      if (inNumber) pendingGap.push(raw);
      else out.push(raw);
      continue;
    }
    const next = words.slice(i + 1).find((x) => !/^\s+$|^-$/.test(x))?.toLowerCase();
    const v = wordValue(w) ?? ((w === 'a' || w === 'an') && next !== undefined && next in SCALES && !inNumber ? { kind: 'unit' as const, n: 1 } : undefined);
    if (v === undefined && w === 'and' && inNumber && next !== undefined && wordValue(next)?.kind === 'unit') {
      pendingGap.push(raw);
      continue;
    }
    if (v === undefined) {
      flush();
      out.push(raw);
      continue;
    }
    pendingGap = [];
    if (v.kind === 'unit') {
      // "twenty five" adds; "five twenty" is two numbers.
      if (inNumber && current % 10 === 0 && current % 100 !== 0 && v.n < 10) current += v.n;
      else if (inNumber && current === 0 && total > 0) current = v.n;
      else if (inNumber && current >= 100 && current % 100 === 0) current += v.n;
      else if (inNumber) {
        flush();
        if (out.length > 0 && !/\s$/.test(out[out.length - 1]!)) out.push(' ');
        current = v.n;
      } else current = v.n;
    } else if (v.n === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * v.n;
      current = 0;
    }
    inNumber = true;
  }
  flush();
  return out.join('');
}
