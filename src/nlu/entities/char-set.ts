/**
 * Character sets as sorted, merged code-point ranges: the only thing the regex safety check needs
 * to know about a character class is which characters it can match, and whether two can overlap.
 *
 * @module
 */

/** Inclusive code-point ranges, sorted and non-overlapping after {@link union}. */
export type CharSet = ReadonlyArray<readonly [number, number]>;

const MAX = 0x10ffff;
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
// ECMAScript WhiteSpace and LineTerminator.
const SPACE: CharSet = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** Every character. */
export function anyChar(): CharSet {
  return [[0, MAX]];
}

/** The set of a class escape (`\d`, `\W`, ...), or undefined for other escapes. */
export function classEscape(e: string): CharSet | undefined {
  switch (e) {
    case 'd':
      return DIGIT;
    case 'D':
      return complement(DIGIT);
    case 'w':
      return WORD;
    case 'W':
      return complement(WORD);
    case 's':
      return SPACE;
    case 'S':
      return complement(SPACE);
    default:
      return undefined;
  }
}

/** Sorts and merges ranges. */
export function union(sets: readonly CharSet[]): CharSet {
  const all = sets
    .flat()
    .slice()
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** Every character not in `set`. */
export function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of union([set])) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

/** Whether two sets share a character. */
export function intersects(a: CharSet, b: CharSet): boolean {
  for (const [alo, ahi] of a) {
    for (const [blo, bhi] of b) if (alo <= bhi && blo <= ahi) return true;
  }
  return false;
}

/** Adds the other case of ASCII letters (what the `i` flag does, for the letters that matter here). */
export function fold(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    for (const [from, to, delta] of [
      [0x41, 0x5a, 32],
      [0x61, 0x7a, -32],
    ] as const) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (a <= b) extra.push([a + delta, b + delta]);
    }
  }
  return extra.length ? union([set, extra]) : set;
}
