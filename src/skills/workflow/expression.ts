/**
 * Conditions for workflow `if` steps: a tiny expression language, hand-written.
 *
 * Why not `eval` / `new Function` / a JS sandbox library: the Worker holds the decrypted history
 * and the data key, hosts run strict CSPs without `unsafe-eval`, and a workflow file may come from
 * someone other than the developer. A closed grammar that can only *read* safe data and compare
 * values cannot call, assign, or reach a global, however it is written. Why not a library
 * (expr-eval, jexl, filtrex): each is larger than this file and exposes member access or functions
 * we would have to lock down again.
 *
 * ```
 * expr    := or
 * or      := and ('||' and)*
 * and     := unary ('&&' unary)*
 * unary   := '!' unary | compare
 * compare := primary (('=='|'!='|'<'|'<='|'>'|'>=') primary)?
 * primary := number | string | true | false | null | path | '(' expr ')'
 * ```
 * `==` is strict (no coercion); `<` and friends compare two numbers or two strings, else false.
 *
 * @module
 */
import type { SafeValue } from './safe-data.ts';
import { lookup, parsePath } from './safe-data.ts';
import { TemplateSyntaxError } from './template.ts';

type Node =
  | { k: 'lit'; v: SafeValue }
  | { k: 'path'; p: string[] }
  | { k: 'not'; a: Node }
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'cmp'; op: string; a: Node; b: Node };

/** A compiled condition. */
export interface Condition {
  test(data: SafeValue): boolean;
  /** The text it was compiled from (a workflow crosses to the engine's Worker as text). */
  readonly source: string;
}

const MAX_LENGTH = 500;
const MAX_DEPTH = 32;
const TOKEN =
  /\s*(?:(-?\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(==|!=|<=|>=|&&|\|\||[<>!()])|([A-Za-z_$][\w$.-]*))/y;

type Token = { t: 'num' | 'str' | 'op' | 'word'; v: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (m === null)
      throw new TemplateSyntaxError(`unexpected character ${JSON.stringify(source.slice(at).trim()[0])}`, at);
    const start = at + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').length;
    if (m[1] !== undefined) tokens.push({ t: 'num', v: m[1], at: start });
    else if (m[2] !== undefined) tokens.push({ t: 'str', v: m[2], at: start });
    else if (m[3] !== undefined) tokens.push({ t: 'op', v: m[3], at: start });
    else tokens.push({ t: 'word', v: m[4]!, at: start });
  }
  return tokens;
}

/** Unquotes a string literal: only `\\`, `\'`, `\"`, `\n` and `\t` escapes. */
function unquote(raw: string, at: number): string {
  return raw.slice(1, -1).replace(/\\(.)/g, (_, c: string) => {
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === '\\' || c === "'" || c === '"') return c;
    throw new TemplateSyntaxError(`unknown escape \\${c}`, at);
  });
}

/**
 * Compiles a condition.
 * @param source e.g. `slots.city == 'Paris' && !(vars.count > 3)`
 * @throws {TemplateSyntaxError} with the offset of the problem
 */
export function compileCondition(source: string): Condition {
  if (source.length > MAX_LENGTH)
    throw new TemplateSyntaxError(`a condition may be at most ${MAX_LENGTH} characters`, 0);
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (message: string): never => {
    throw new TemplateSyntaxError(message, peek()?.at ?? source.length);
  };
  const isOp = (v: string) => peek()?.t === 'op' && peek()?.v === v;

  const primary = (depth: number): Node => {
    if (depth > MAX_DEPTH) fail('the condition nests too deeply');
    const tok = tokens[i++];
    if (tok === undefined) return fail('the condition ends too early');
    if (tok.t === 'num') return { k: 'lit', v: Number(tok.v) };
    if (tok.t === 'str') return { k: 'lit', v: unquote(tok.v, tok.at) };
    if (tok.t === 'op' && tok.v === '(') {
      const inner = or(depth + 1);
      if (!isOp(')')) fail('expected ")"');
      i++;
      return inner;
    }
    if (tok.t === 'word') {
      if (tok.v === 'true' || tok.v === 'false') return { k: 'lit', v: tok.v === 'true' };
      if (tok.v === 'null') return { k: 'lit', v: null };
      const p = parsePath(tok.v);
      if (p === undefined)
        throw new TemplateSyntaxError(`"${tok.v}" is not a path like slots.city (no __proto__/constructor)`, tok.at);
      return { k: 'path', p };
    }
    throw new TemplateSyntaxError(`unexpected "${tok.v}"`, tok.at);
  };
  const compare = (depth: number): Node => {
    const a = primary(depth);
    const tok = peek();
    if (tok?.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(tok.v)) {
      i++;
      return { k: 'cmp', op: tok.v, a, b: primary(depth) };
    }
    return a;
  };
  const unary = (depth: number): Node => {
    if (depth > MAX_DEPTH) fail('the condition nests too deeply');
    if (isOp('!')) {
      i++;
      return { k: 'not', a: unary(depth + 1) };
    }
    return compare(depth);
  };
  const and = (depth: number): Node => {
    let a = unary(depth);
    while (isOp('&&')) {
      i++;
      a = { k: 'and', a, b: unary(depth) };
    }
    return a;
  };
  const or = (depth: number): Node => {
    let a = and(depth);
    while (isOp('||')) {
      i++;
      a = { k: 'or', a, b: and(depth) };
    }
    return a;
  };

  if (tokens.length === 0) fail('empty condition');
  const root = or(0);
  if (i < tokens.length) fail(`unexpected "${peek()!.v}"`);
  return Object.freeze({ source, test: (data: SafeValue) => truthy(evaluate(root, data)) });
}

function truthy(v: SafeValue | undefined): boolean {
  return !(
    v === undefined ||
    v === null ||
    v === false ||
    v === 0 ||
    v === '' ||
    (typeof v === 'number' && Number.isNaN(v))
  );
}

function evaluate(node: Node, data: SafeValue): SafeValue | undefined {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'path':
      return lookup(data, node.p);
    case 'not':
      return !truthy(evaluate(node.a, data));
    case 'and':
      return truthy(evaluate(node.a, data)) && truthy(evaluate(node.b, data));
    case 'or':
      return truthy(evaluate(node.a, data)) || truthy(evaluate(node.b, data));
    case 'cmp': {
      const a = evaluate(node.a, data);
      const b = evaluate(node.b, data);
      if (node.op === '==') return a === b || (a === undefined && b === null);
      if (node.op === '!=') return !(a === b || (a === undefined && b === null));
      if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')))
        return false;
      if (node.op === '<') return a < b;
      if (node.op === '<=') return a <= b;
      if (node.op === '>') return a > b;
      return a >= b;
    }
  }
}
