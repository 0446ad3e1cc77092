/**
 * A small arithmetic expression evaluator for the calculator skill: a tokenizer and a Pratt
 * (precedence-climbing) parser that evaluates as it parses.
 *
 * Hand-written on purpose: the grammar is a dozen operators, and this file is a few KB against
 * mathjs's ~170 KB gzipped (which also brings `evaluate` with variables and functions we would
 * have to lock down). Nothing here uses `eval` or `Function`, so user text can never run as code.
 *
 * @module
 */

/** Why an expression could not be evaluated. */
export type CalcErrorReason = 'syntax' | 'division-by-zero' | 'too-large' | 'domain' | 'empty';

/** Thrown by {@link evaluateExpression} for an expression it cannot evaluate. */
export class CalcError extends Error {
  /** A machine-readable reason the skill turns into a polite reply. */
  readonly reason: CalcErrorReason;
  constructor(reason: CalcErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
  override get name(): string {
    return 'CalcError';
  }
}

type Token = { type: 'num'; value: number } | { type: 'op'; value: string };

/** Inputs longer than this are refused: a spoken sum is a line, and it bounds parser recursion. */
const MAX_LENGTH = 200;
/** Deepest parenthesis nesting accepted, so a pasted "((((…" cannot overflow the stack. */
const MAX_DEPTH = 32;

/**
 * Splits an expression into numbers and operators. Accepts `,` as a thousands separator
 * (`1,000`), `x`/`×`/`*` for times, `÷`/`/` for division, `^`/`**` for powers.
 */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const s = source.replace(/(\d),(?=\d{3}\b)/g, '$1');
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i.exec(s.slice(i));
    if (num) {
      tokens.push({ type: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (s.startsWith('**', i)) {
      tokens.push({ type: 'op', value: '^' });
      i += 2;
      continue;
    }
    const op = (
      {
        '+': '+',
        '-': '-',
        '−': '-',
        '*': '*',
        x: '*',
        '×': '*',
        '·': '*',
        '/': '/',
        '÷': '/',
        '^': '^',
        '%': '%',
        '!': '!',
        '(': '(',
        ')': ')',
        '√': '√',
      } as Record<string, string>
    )[c];
    if (op === undefined) throw new CalcError('syntax', `unexpected "${c}"`);
    tokens.push({ type: 'op', value: op });
    i++;
  }
  return tokens;
}

/** Binding powers of the infix operators: higher binds tighter; `^` is right-associative. */
const INFIX: Record<string, number> = { '+': 10, '-': 10, '*': 20, '/': 20, '^': 40 };
/** Unary minus binds looser than `^` so `-2^2` is -4, as in maths (and Python). */
const PREFIX_POWER = 30;

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new CalcError('domain', 'factorial needs a whole number of 0 or more');
  if (n > 170) throw new CalcError('too-large', 'that factorial is too large');
  let r = 1;
  for (let k = 2; k <= n; k++) r *= k;
  return r;
}

/** A number flagged as a percentage literal, so `80 + 15%` can mean "80 plus 15% of 80". */
interface Value {
  n: number;
  percent: boolean;
}

function parse(tokens: Token[]): number {
  let pos = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[pos];

  const prefix = (): Value => {
    const t = tokens[pos++];
    if (t === undefined) throw new CalcError('syntax', 'the expression ends too early');
    if (t.type === 'num') return { n: t.value, percent: false };
    if (t.value === '-') return { n: -expr(PREFIX_POWER).n, percent: false };
    if (t.value === '+') return { n: expr(PREFIX_POWER).n, percent: false };
    if (t.value === '√') {
      const v = expr(PREFIX_POWER).n;
      if (v < 0) throw new CalcError('domain', 'no real square root of a negative number');
      return { n: Math.sqrt(v), percent: false };
    }
    if (t.value === '(') {
      if (++depth > MAX_DEPTH) throw new CalcError('syntax', 'too many nested parentheses');
      const v = expr(0);
      const close = tokens[pos++];
      if (close?.value !== ')') throw new CalcError('syntax', 'a parenthesis is not closed');
      depth--;
      return { n: v.n, percent: false };
    }
    throw new CalcError('syntax', `unexpected "${t.value}"`);
  };

  const expr = (minPower: number): Value => {
    let left = prefix();
    for (;;) {
      const t = peek();
      if (t === undefined || t.type !== 'op') {
        if (t?.type === 'num') throw new CalcError('syntax', 'two numbers in a row');
        return left;
      }
      // Postfix operators bind tightest of all.
      if (t.value === '%') {
        pos++;
        left = { n: left.n / 100, percent: true };
        continue;
      }
      if (t.value === '!') {
        pos++;
        left = { n: factorial(left.n), percent: false };
        continue;
      }
      // Implicit multiplication: "2(3+4)" and "(1+2)(3+4)".
      const power = t.value === '(' || t.value === '√' ? INFIX['*']! : INFIX[t.value];
      if (power === undefined || power <= minPower) return left;
      if (t.value !== '(' && t.value !== '√') pos++;
      const right = expr(t.value === '^' ? power - 1 : power);
      left = { n: apply(t.value === '(' || t.value === '√' ? '*' : t.value, left, right), percent: false };
    }
  };

  const result = expr(0);
  if (pos < tokens.length)
    throw new CalcError(
      'syntax',
      `unexpected "${tokens[pos]!.type === 'num' ? 'number' : (tokens[pos] as { value: string }).value}"`,
    );
  return result.n;
}

function apply(op: string, a: Value, b: Value): number {
  switch (op) {
    // A percentage on the right of + or - is relative to the left ("80 + 15%" = 92), like a desk calculator.
    case '+':
      return b.percent ? a.n * (1 + b.n) : a.n + b.n;
    case '-':
      return b.percent ? a.n * (1 - b.n) : a.n - b.n;
    case '*':
      return a.n * b.n;
    case '/':
      if (b.n === 0) throw new CalcError('division-by-zero', 'division by zero');
      return a.n / b.n;
    case '^':
      if (a.n < 0 && !Number.isInteger(b.n)) throw new CalcError('domain', 'no real root of a negative number');
      return a.n ** b.n;
    default:
      throw new CalcError('syntax', `unknown operator ${op}`);
  }
}

/**
 * Evaluates an arithmetic expression in symbols: `+ - * / ^ % !`, `x`/`×`/`÷`, `√`, parentheses,
 * unary minus and implicit multiplication. Words are not understood here: see `toSymbols`.
 *
 * @param source e.g. `"2 + 3 * (4 - 1)"`, `"15% * 80"`, `"-2^2"`
 * @returns the value, finite
 * @throws {CalcError} for an empty, malformed or undefined expression (division by zero, overflow)
 * @example
 * ```ts
 * evaluateExpression('2 + 3 * 4') // → 14
 * ```
 */
export function evaluateExpression(source: string): number {
  const text = source.trim();
  if (text === '') throw new CalcError('empty', 'there is no expression');
  if (text.length > MAX_LENGTH) throw new CalcError('syntax', 'the expression is too long');
  const value = parse(tokenize(text.toLowerCase()));
  if (!Number.isFinite(value)) throw new CalcError('too-large', 'the result is too large');
  // Binary floating point makes 279 - 30% come out as 195.29999999999998; 12 significant digits
  // is more than any answer is read out with, and hides that noise as a desk calculator does.
  return Number(value.toPrecision(12));
}

/** A run of numbers, operators, brackets and spaces. */
const ARITHMETIC_RUN = /[\d.\s()+\-*/^!√%]+/gu;

/**
 * The sum among words left around it ("sorry lol 144 / 12", "打车花了 15% * 80"): the longest run of
 * numbers and operators with an operation in it. A run cut off at an operator ("300 +") is half a sum,
 * and two numbers standing bare side by side in it ("2 3 + 4") are no sum either.
 * @param s the text with its arithmetic already in symbols
 * @returns the run, or `undefined` when there is none
 */
export function arithmeticRun(s: string): string | undefined {
  let best: string | undefined;
  for (const run of s.match(ARITHMETIC_RUN) ?? []) {
    const t = run.trim();
    if (!/\d/.test(t) || /\d\s+\d/u.test(t) || !/^[\d.(√-]/u.test(t) || !/[\d)%!]$/u.test(t)) continue;
    // A hyphen between digits ("2026-12-01", "555-1234") is not a minus: only " - " counts.
    if ((/[+*/^!√%]/.test(t) || / - /.test(t)) && t.length > (best?.length ?? 0)) best = t;
  }
  return best;
}
