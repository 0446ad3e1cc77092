/**
 * Rejects regular expressions that can backtrack catastrophically before they ever see user
 * text. JavaScript has no linear-time regex engine on the web, so custom regex entities are
 * limited to a shape that backtracks at most polynomially, and the matcher bounds the input.
 *
 * Rejected: nested quantifiers (`(a+)+`, `(\w*,?)*`: star height above one, as the `safe-regex`
 * rule), alternatives that can start with the same character under a repeat (`(a|ab)*`,
 * `(\d|\w)+`), two unbounded repeats that can match the same text with nothing forcing a split
 * (`\d+\d+`, `\w+\s*\w+`, `.*a.*`), backreferences, unbounded repeats inside lookarounds, bounds
 * above 1000 and patterns over 500 characters. Hand-written: there is no maintained, small
 * browser-side library for this check.
 *
 * @module
 */

import { anyChar, classEscape, complement, fold, intersects, union, type CharSet } from './char-set.ts';

type Node =
  | { t: 'chars'; set: CharSet }
  | { t: 'assert' }
  | { t: 'group'; alts: Node[][]; look: boolean }
  | { t: 'repeat'; node: Node; min: number; max: number };

/** A repeat above this many iterations counts as unbounded for the nesting rules. */
const MANY = 3;
const MAX_BOUND = 1000;
const MAX_PATTERN = 500;

/**
 * Checks `pattern` and compiles it with the global flag.
 *
 * @param pattern - the regular expression source, without slashes.
 * @param flags - only `i` and `u`. @default 'iu'
 * @returns the compiled expression (flags + `g`).
 * @throws {TypeError} naming the reason when the pattern is invalid or unsafe.
 */
export function compileSafeRegex(pattern: string, flags = 'iu'): RegExp {
  if (typeof pattern !== 'string' || pattern === '') throw new TypeError('A regex entity needs a non-empty pattern');
  if (!/^[iu]*$/.test(flags)) throw new TypeError(`Regex flags "${flags}" are not allowed: use only "i" and "u"`);
  if (pattern.length > MAX_PATTERN)
    throw new TypeError(`Regex /${pattern.slice(0, 40)}…/ is longer than ${MAX_PATTERN} characters`);
  let re: RegExp;
  try {
    re = new RegExp(pattern, `${flags}g`);
  } catch (cause) {
    throw new TypeError(`Invalid regular expression /${pattern}/: ${(cause as Error).message}`, { cause });
  }
  const problem = findProblem(new Parser(pattern, flags.includes('i')).parse());
  if (problem)
    throw new TypeError(`Unsafe regular expression /${pattern}/: ${problem} (it could backtrack catastrophically)`);
  re.lastIndex = 0;
  if (re.test('')) throw new TypeError(`Regular expression /${pattern}/ matches the empty string`);
  re.lastIndex = 0;
  return re;
}

interface Info {
  chars: CharSet;
  first: CharSet;
  nullable: boolean;
  unbounded: boolean;
  variable: boolean;
  /** For a group: the first-character set of each alternative. */
  altFirsts?: CharSet[] | undefined;
}

function findProblem(root: Node): string | undefined {
  let problem: string | undefined;
  const visit = (n: Node, inLook: boolean): Info => {
    switch (n.t) {
      case 'chars':
        return { chars: n.set, first: n.set, nullable: false, unbounded: false, variable: false };
      case 'assert':
        return { chars: [], first: [], nullable: true, unbounded: false, variable: false };
      case 'group': {
        const alts = n.alts.map((seq) => visitSeq(seq, inLook || n.look));
        return {
          chars: union(alts.map((a) => a.chars)),
          first: union(alts.map((a) => a.first)),
          nullable: alts.some((a) => a.nullable),
          unbounded: alts.some((a) => a.unbounded),
          variable: alts.some((a) => a.variable),
          altFirsts: alts.length === 1 ? alts[0]?.altFirsts : alts.map((a) => a.first),
        };
      }
      case 'repeat': {
        const inner = visit(n.node, inLook);
        const many = n.max > MANY;
        if ((n.max > MAX_BOUND && n.max !== Infinity) || n.min > MAX_BOUND)
          problem ??= `the bound {${n.min},${n.max}} is above ${MAX_BOUND}`;
        if (many && inner.variable) problem ??= 'a repeated group contains another repeat (nested quantifier)';
        if (many && inner.nullable) problem ??= 'a repeated group can match the empty string';
        if (many && overlapping(inner.altFirsts))
          problem ??= 'alternatives under a repeat can start with the same character';
        const unbounded = n.max === Infinity || inner.unbounded;
        if (inLook && unbounded) problem ??= 'a lookaround contains an unbounded repeat';
        return {
          chars: inner.chars,
          first: inner.first,
          nullable: n.min === 0 || inner.nullable,
          unbounded,
          variable: n.min !== n.max || inner.variable,
        };
      }
    }
  };
  const visitSeq = (seq: Node[], inLook: boolean): Info => {
    const infos = seq.map((n) => visit(n, inLook));
    // Two unbounded items that can eat the same characters, with only optional items or items
    // they can also eat in between, split the text in O(n^k) ways: `\d+\d+`, `\w+\s*\w+`.
    for (let i = 0; i < infos.length; i++) {
      const a = infos[i] as Info;
      if (!a.unbounded) continue;
      for (let j = i + 1; j < infos.length; j++) {
        const b = infos[j] as Info;
        if (b.unbounded && intersects(a.chars, b.chars))
          problem ??= 'two unbounded repeats can match the same characters in a row';
        if (!b.nullable && !intersects(a.chars, b.chars)) break;
      }
    }
    let first: CharSet = [];
    let nullable = true;
    for (const x of infos) {
      if (!nullable) break;
      first = union([first, x.first]);
      nullable = x.nullable;
    }
    return {
      chars: union(infos.map((x) => x.chars)),
      first,
      nullable,
      unbounded: infos.some((x) => x.unbounded),
      variable: infos.some((x) => x.variable),
      // `((a|ab))+`: a group that only wraps another group passes its alternatives up.
      ...(infos.length === 1 && infos[0]?.altFirsts ? { altFirsts: infos[0].altFirsts } : {}),
    };
  };
  visit(root, false);
  return problem;
}

function overlapping(firsts: CharSet[] | undefined): boolean {
  if (!firsts) return false;
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) if (intersects(firsts[i] as CharSet, firsts[j] as CharSet)) return true;
  }
  return false;
}

/** A small recursive-descent parser for the ECMAScript pattern grammar, enough to see structure. */
class Parser {
  #i = 0;
  constructor(
    readonly src: string,
    readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.#alternation(false);
    return node;
  }

  #alternation(look: boolean): Node {
    const alts: Node[][] = [[]];
    while (this.#i < this.src.length && this.src[this.#i] !== ')') {
      if (this.src[this.#i] === '|') {
        this.#i++;
        alts.push([]);
        continue;
      }
      (alts[alts.length - 1] as Node[]).push(this.#quantified(this.#atom()));
    }
    return { t: 'group', alts, look };
  }

  #atom(): Node {
    const c = this.src[this.#i++] as string;
    if (c === '(') {
      let look = false;
      if (this.src.startsWith('?:', this.#i)) this.#i += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.#i, this.#i + 3))) {
        look = true;
        this.#i += this.src[this.#i + 1] === '<' ? 3 : 2;
      } else if (this.src.startsWith('?<', this.#i)) this.#i = this.src.indexOf('>', this.#i) + 1;
      const g = this.#alternation(look);
      this.#i++; // ')'
      return g;
    }
    if (c === '^' || c === '$') return { t: 'assert' };
    if (c === '.') return { t: 'chars', set: anyChar() };
    if (c === '[') return { t: 'chars', set: this.#fold(this.#charClass()) };
    if (c === '\\') {
      const e = this.src[this.#i++] as string;
      if (e === 'b' || e === 'B') return { t: 'assert' };
      if (/[1-9]/.test(e) || (e === 'k' && this.src[this.#i] === '<'))
        throw new TypeError(`Regex /${this.src}/ uses a backreference, which can backtrack catastrophically`);
      return { t: 'chars', set: this.#fold(this.#escape(e)) };
    }
    return { t: 'chars', set: this.#fold(codeRange(c.codePointAt(0) as number)) };
  }

  #quantified(node: Node): Node {
    const rest = this.src.slice(this.#i);
    const m = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(rest);
    if (!m) return node;
    this.#i += m[0].length;
    if (m[1] === '*') return { t: 'repeat', node, min: 0, max: Infinity };
    if (m[1] === '+') return { t: 'repeat', node, min: 1, max: Infinity };
    if (m[1] === '?') return { t: 'repeat', node, min: 0, max: 1 };
    const min = Number(m[2]);
    const max = m[3] === undefined ? min : m[4] ? Number(m[4]) : Infinity;
    return { t: 'repeat', node, min, max };
  }

  #charClass(): CharSet {
    const negate = this.src[this.#i] === '^';
    if (negate) this.#i++;
    const parts: CharSet[] = [];
    while (this.#i < this.src.length && this.src[this.#i] !== ']') {
      let lo = this.#classAtom();
      if (this.src[this.#i] === '-' && this.src[this.#i + 1] !== ']' && lo.length === 1 && lo[0]?.[0] === lo[0]?.[1]) {
        this.#i++;
        const hi = this.#classAtom();
        if (hi.length === 1) lo = [[(lo[0] as [number, number])[0], (hi[0] as [number, number])[1]]];
      }
      parts.push(lo);
    }
    this.#i++; // ']'
    const set = union(parts);
    return negate ? complement(set) : set;
  }

  #classAtom(): CharSet {
    const c = this.src.codePointAt(this.#i) as number;
    this.#i += c > 0xffff ? 2 : 1;
    if (c !== 0x5c) return codeRange(c);
    return this.#escape(this.src[this.#i++] as string);
  }

  #escape(e: string): CharSet {
    const known = classEscape(e);
    if (known) return known;
    if (e === 'p' || e === 'P') {
      this.#i = this.src.indexOf('}', this.#i) + 1;
      return anyChar(); // Unicode property classes: too many to model, assume they overlap everything
    }
    const hex =
      e === 'x'
        ? /^[0-9a-fA-F]{2}/
        : e === 'u'
          ? /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/
          : e === 'c'
            ? /^[A-Za-z]/
            : null;
    if (hex) {
      const m = hex.exec(this.src.slice(this.#i));
      if (m) {
        this.#i += m[0].length;
        return e === 'c'
          ? codeRange((m[0].codePointAt(0) as number) % 32)
          : codeRange(parseInt(m[0].replace(/[{}]/g, ''), 16));
      }
    }
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };
    return codeRange(Object.hasOwn(simple, e) ? (simple[e] as number) : (e.codePointAt(0) as number));
  }

  #fold(set: CharSet): CharSet {
    return this.ignoreCase ? fold(set) : set;
  }
}

function codeRange(c: number): CharSet {
  return [[c, c]];
}
