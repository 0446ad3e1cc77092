/**
 * English number words ("twenty one", "a hundred and five", "three point five", "twenty-first")
 * parsed over word tokens. Hand-written because it is a small closed grammar: a parser library
 * would cost more bytes than these tables, and durations and money reuse it.
 *
 * @module
 */

import { joinable, type Token } from './scan.ts';

const UNITS = new Map<string, number>(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ].map((w, i) => [w, i]),
);
const TENS = new Map<string, number>(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, (i + 2) * 10]),
);
const SCALES = new Map<string, number>([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);
const ORDINAL_UNITS = new Map<string, number>(
  [
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'eleventh',
    'twelfth',
    'thirteenth',
    'fourteenth',
    'fifteenth',
    'sixteenth',
    'seventeenth',
    'eighteenth',
    'nineteenth',
  ].map((w, i) => [w, i + 1]),
);
const ORDINAL_TENS = new Map<string, number>(
  ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'].map((w, i) => [
    w,
    (i + 2) * 10,
  ]),
);
const ORDINAL_SCALES = new Map<string, number>([
  ['hundredth', 100],
  ['thousandth', 1e3],
  ['millionth', 1e6],
  ['billionth', 1e9],
]);

/** Scale words that may follow a digit number ("5 million"). */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([['hundred', 100], ...SCALES]);

/** Whether a folded word can start or continue a number-word phrase (a cheap pre-filter). */
export function isNumberWord(norm: string): boolean {
  return (
    UNITS.has(norm) ||
    TENS.has(norm) ||
    norm === 'hundred' ||
    SCALES.has(norm) ||
    ORDINAL_UNITS.has(norm) ||
    ORDINAL_TENS.has(norm) ||
    ORDINAL_SCALES.has(norm)
  );
}

/** A number-word phrase: its value, the token range it covers, and whether it is an ordinal. */
export interface WordNumber {
  value: number;
  /** Index one past the last token used. */
  end: number;
  ordinal: boolean;
}

type Last = 'none' | 'a' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

/**
 * Parses the longest number-word phrase starting at token `i`, or returns `null`.
 * "one two" is two numbers: a unit cannot follow a unit, so the phrase stops after "one".
 */
export function parseNumberWords(text: string, tokens: readonly Token[], i: number): WordNumber | null {
  let total = 0;
  let current = 0;
  let last: Last = 'none';
  let lastScale = Infinity;
  let end = -1;
  let j = i;
  let negative = false;
  const w0 = tokens[i]?.norm;
  const next = tokens[i + 1];
  if ((w0 === 'minus' || w0 === 'negative') && next && isNumberWord(next.norm)) {
    negative = true;
    j++;
  } else if ((w0 === 'a' || w0 === 'an') && next && (next.norm === 'hundred' || SCALES.has(next.norm))) {
    current = 1; // "a hundred", "a thousand"
    last = 'a';
    j++;
  }
  for (; j < tokens.length; j++) {
    const tok = tokens[j] as Token;
    if (j > i && !joinable(text, (tokens[j - 1] as Token).end, tok.start)) break;
    const w = tok.norm;
    const unit = UNITS.get(w);
    const ordUnit = ORDINAL_UNITS.get(w);
    if (unit !== undefined || ordUnit !== undefined) {
      const v = (unit ?? ordUnit) as number;
      const ok = last === 'none' || last === 'hundred' || last === 'scale' || (last === 'tens' && v < 10);
      if (!ok) break;
      current += v;
      last = v < 10 ? 'unit' : 'teen';
      end = j + 1;
      if (ordUnit !== undefined) return finish(total + current, end, true, negative);
      continue;
    }
    const tens = TENS.get(w) ?? ORDINAL_TENS.get(w);
    if (tens !== undefined) {
      if (!(last === 'none' || last === 'hundred' || last === 'scale')) break;
      current += tens;
      last = 'tens';
      end = j + 1;
      if (ORDINAL_TENS.has(w)) return finish(total + current, end, true, negative);
      continue;
    }
    if (w === 'hundred' || w === 'hundredth') {
      if (
        !(last === 'unit' || last === 'teen' || last === 'a' || (last === 'tens' && current % 100 >= 20)) ||
        current >= 100
      )
        break;
      current *= 100;
      last = 'hundred';
      end = j + 1;
      if (w === 'hundredth') return finish(total + current, end, true, negative);
      continue;
    }
    const scale = SCALES.get(w) ?? ORDINAL_SCALES.get(w);
    if (scale !== undefined && scale >= 1000) {
      if (current === 0 || scale >= lastScale || last === 'scale') break;
      total += current * scale;
      current = 0;
      lastScale = scale;
      last = 'scale';
      end = j + 1;
      if (ORDINAL_SCALES.has(w)) return finish(total, end, true, negative);
      continue;
    }
    // "a hundred and five": `and` joins only when a smaller number word follows it.
    const after = tokens[j + 1];
    if (
      w === 'and' &&
      (last === 'hundred' || last === 'scale') &&
      after &&
      (UNITS.has(after.norm) || TENS.has(after.norm) || ORDINAL_UNITS.has(after.norm))
    ) {
      continue;
    }
    if (
      w === 'point' &&
      end > 0 &&
      (last === 'unit' || last === 'teen' || last === 'tens' || last === 'hundred' || last === 'scale')
    ) {
      const decimals = parseDecimalDigits(text, tokens, j + 1);
      if (decimals) return finish(total + current + decimals.value, decimals.end, false, negative);
    }
    break;
  }
  if (end < 0 || last === 'a') return null;
  return finish(total + current, end, false, negative);
}

/** "point one four" → 0.14: each following unit word is one decimal digit. */
function parseDecimalDigits(text: string, tokens: readonly Token[], j: number): { value: number; end: number } | null {
  let digits = '';
  let k = j;
  for (; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const d = UNITS.get(t.norm);
    if (d === undefined || d > 9 || !joinable(text, (tokens[k - 1] as Token).end, t.start)) break;
    digits += String(d);
  }
  return digits ? { value: Number(`0.${digits}`), end: k } : null;
}

function finish(value: number, end: number, ordinal: boolean, negative: boolean): WordNumber {
  return { value: negative ? -value : value, end, ordinal };
}
