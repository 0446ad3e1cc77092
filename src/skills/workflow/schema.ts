/**
 * The workflow schema, read straight from checked YAML nodes so every error carries the offset of
 * the node at fault (turned into line and column by `parseWorkflow`).
 *
 * @module
 */
import type { Node, Scalar, YAMLMap } from 'yaml';
import type { SafeValue } from './safe-data.ts';
import type { ValueTemplate, WorkflowStep } from './types.ts';
import { YamlProblem, isMap, isPair, isScalar, isSeq } from './yaml-safe.ts';
import { compileCondition } from './expression.ts';
import { TemplateSyntaxError, compileTemplate, type Template } from './template.ts';
import { safeRecord } from './safe-data.ts';
import { checkRequestUrl } from '../origins.ts';

const offsetOf = (node: unknown) => (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
const fail = (node: unknown, message: string): never => {
  throw new YamlProblem(message, offsetOf(node));
};
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The pairs of a mapping by key, refusing keys not in `allowed`. @internal */
export function fields(
  node: unknown,
  where: string,
  allowed: readonly string[],
): Map<string, { key: Scalar; value: Node | null }> {
  if (!isMap(node)) return fail(node, `${where} must be a mapping`);
  const out = new Map<string, { key: Scalar; value: Node | null }>();
  for (const pair of (node as YAMLMap).items) {
    if (!isPair(pair) || !isScalar(pair.key)) return fail(node, `${where} has a key that is not a string`);
    const name = String(pair.key.value);
    if (!allowed.includes(name)) fail(pair.key, `${where}: unknown key "${name}" (expected ${allowed.join(', ')})`);
    out.set(name, { key: pair.key, value: pair.value as Node | null });
  }
  return out;
}

/** A string scalar. @internal */
export function str(node: unknown, where: string): string {
  if (!isScalar(node) || typeof node.value !== 'string') return fail(node, `${where} must be a string`);
  return node.value;
}

function bool(node: unknown, where: string): boolean {
  if (!isScalar(node) || typeof node.value !== 'boolean') return fail(node, `${where} must be true or false`);
  return node.value;
}

function int(node: unknown, where: string, min: number, max: number): number {
  if (
    !isScalar(node) ||
    typeof node.value !== 'number' ||
    !Number.isInteger(node.value) ||
    node.value < min ||
    node.value > max
  ) {
    return fail(node, `${where} must be an integer from ${min} to ${max}`);
  }
  return node.value;
}

/** Plain data of a node (scalars, sequences, null-prototype records), for manifest fields. @internal */
export function plain(node: unknown): SafeValue {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value as SafeValue;
  if (isSeq(node)) return node.items.map(plain);
  if (isMap(node)) {
    const out: Record<string, SafeValue> = {};
    for (const pair of node.items) if (isScalar(pair.key)) out[String(pair.key.value)] = plain(pair.value);
    return safeRecord(out);
  }
  return fail(node, 'unsupported YAML node');
}

function template(node: unknown, where: string): Template {
  const source = str(node, where);
  try {
    return compileTemplate(source);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return fail(node, `${where}: ${error.message}`);
    throw error;
  }
}

function valueTemplate(node: unknown, where: string): ValueTemplate {
  if (isScalar(node)) {
    if (typeof node.value === 'string') return { kind: 'template', template: template(node, where) };
    return { kind: 'literal', value: node.value as SafeValue };
  }
  if (isSeq(node)) return { kind: 'list', items: node.items.map((n, i) => valueTemplate(n, `${where}[${i}]`)) };
  if (isMap(node)) {
    return {
      kind: 'record',
      entries: node.items.map((p) => [
        String((p.key as Scalar).value),
        valueTemplate(p.value, `${where}.${String((p.key as Scalar).value)}`),
      ]),
    };
  }
  if (node === null) return { kind: 'literal', value: null };
  return fail(node, `${where} must be a value`);
}

/** What steps may refer to: declared slots and origins. @internal */
export interface StepScope {
  slots: ReadonlySet<string>;
  origins: ReadonlySet<string>;
  skillId: string;
}

/** Reads a list of steps. @internal */
export function steps(node: unknown, where: string, scope: StepScope): WorkflowStep[] {
  if (!isSeq(node) || node.items.length === 0) return fail(node, `${where} must be a non-empty list of steps`);
  return node.items.map((item, i) => step(item, `${where}[${i}]`, scope));
}

function step(node: unknown, where: string, scope: StepScope): WorkflowStep {
  if (!isMap(node)) return fail(node, `${where} must be a mapping with one of ask, set, if, webhook, reply`);
  const keys = node.items.map((p) => String((p.key as Scalar).value));
  if (keys.includes('if')) {
    const f = fields(node, where, ['if', 'then', 'else']);
    const cond = f.get('if')!.value;
    const source = str(cond, `${where}.if`);
    let condition;
    try {
      condition = compileCondition(source);
    } catch (error) {
      if (error instanceof TemplateSyntaxError)
        return fail(cond, `${where}.if, at character ${error.offset + 1}: ${error.message}`);
      throw error;
    }
    const then = f.get('then');
    if (then === undefined) return fail(node, `${where}: an if step needs then`);
    const otherwise = f.get('else');
    return {
      type: 'if',
      condition,
      then: steps(then.value, `${where}.then`, scope),
      else: otherwise === undefined ? [] : steps(otherwise.value, `${where}.else`, scope),
    };
  }
  const f = fields(node, where, ['ask', 'set', 'webhook', 'reply']);
  if (f.size !== 1) return fail(node, `${where} must have exactly one of ask, set, if, webhook, reply`);
  const [kind, { value }] = [...f][0]!;
  if (kind === 'ask') {
    const spec = isScalar(value)
      ? { slot: value, prompt: undefined }
      : (() => {
          const a = fields(value, `${where}.ask`, ['slot', 'prompt']);
          return {
            slot: a.get('slot')?.value ?? fail(value, `${where}.ask needs slot`),
            prompt: a.get('prompt')?.value,
          };
        })();
    const slot = str(spec.slot, `${where}.ask`);
    if (!scope.slots.has(slot)) fail(spec.slot, `${where}.ask: "${slot}" is not a declared slot`);
    return { type: 'ask', slot, prompt: spec.prompt === undefined ? '' : str(spec.prompt, `${where}.ask.prompt`) };
  }
  if (kind === 'set') {
    const s = fields(
      value,
      `${where}.set`,
      (isMap(value) ? value.items : []).map((p) => String((p.key as Scalar).value)),
    );
    return {
      type: 'set',
      values: [...s].map(([name, { key, value: v }]) => {
        if (!VAR_NAME.test(name)) fail(key, `${where}.set: "${name}" is not a variable name`);
        return [name, valueTemplate(v, `${where}.set.${name}`)] as [string, ValueTemplate];
      }),
    };
  }
  if (kind === 'reply') {
    if (isScalar(value))
      return { type: 'reply', text: template(value, `${where}.reply`), markdown: undefined, quickReplies: [] };
    const r = fields(value, `${where}.reply`, ['text', 'markdown', 'quickReplies']);
    const qr = r.get('quickReplies')?.value;
    if (qr !== undefined && !isSeq(qr)) fail(qr, `${where}.reply.quickReplies must be a list`);
    return {
      type: 'reply',
      text: template(r.get('text')?.value ?? fail(value, `${where}.reply needs text`), `${where}.reply.text`),
      markdown: r.has('markdown') ? template(r.get('markdown')!.value, `${where}.reply.markdown`) : undefined,
      quickReplies:
        qr === undefined
          ? []
          : (qr as { items: unknown[] }).items.map((q, i) => template(q, `${where}.reply.quickReplies[${i}]`)),
    };
  }
  const w = fields(value, `${where}.webhook`, ['url', 'body', 'as', 'idempotent', 'timeoutMs', 'retries', 'auth']);
  const urlNode = w.get('url')?.value ?? fail(value, `${where}.webhook needs url`);
  const url = str(urlNode, `${where}.webhook.url`);
  try {
    checkRequestUrl(url, scope.origins, scope.skillId);
  } catch {
    fail(urlNode, `${where}.webhook.url must be an http(s) URL on an origin declared in permissions.network`);
  }
  const as = w.has('as') ? str(w.get('as')!.value, `${where}.webhook.as`) : undefined;
  if (as !== undefined && !VAR_NAME.test(as)) fail(w.get('as')!.value, `${where}.webhook.as is not a variable name`);
  const auth = w.has('auth') ? str(w.get('auth')!.value, `${where}.webhook.auth`) : undefined;
  if (auth !== undefined && auth !== 'secret') fail(w.get('auth')!.value, `${where}.webhook.auth must be "secret"`);
  return {
    type: 'webhook',
    url,
    body: w.has('body') ? valueTemplate(w.get('body')!.value, `${where}.webhook.body`) : undefined,
    as,
    idempotent: w.has('idempotent') ? bool(w.get('idempotent')!.value, `${where}.webhook.idempotent`) : false,
    timeoutMs: w.has('timeoutMs') ? int(w.get('timeoutMs')!.value, `${where}.webhook.timeoutMs`, 1, 60_000) : undefined,
    retries: w.has('retries') ? int(w.get('retries')!.value, `${where}.webhook.retries`, 0, 5) : undefined,
    auth: auth === 'secret' ? 'secret' : undefined,
  };
}
