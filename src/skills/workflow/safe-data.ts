/**
 * The data YAML workflows, templates and webhook mappings read from: deep copies made of
 * null-prototype objects and plain arrays, looked up by own property only. A path such as
 * `slots.__proto__.polluted` or `constructor.constructor` therefore finds nothing: there is no
 * prototype to climb to and no global to reach, whatever the workflow author or a webhook response writes.
 *
 * @module
 */

/** A value in safe data: primitives, null-prototype records, arrays of them. */
export type SafeValue = string | number | boolean | null | SafeRecord | readonly SafeValue[];
/** A null-prototype record. */
export interface SafeRecord {
  readonly [key: string]: SafeValue;
}

/** Keys dropped on copy and refused in paths: they mean something to JavaScript objects. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const MAX_NODES = 20_000;

/**
 * Copies JSON-like data into safe data. Functions, symbols, class instances (other than `Date`,
 * kept as an ISO string) and forbidden keys are dropped; depth and size are bounded.
 *
 * @param value data from slots, variables or a webhook response
 * @returns a frozen copy with null-prototype records
 */
export function toSafeData(value: unknown): SafeValue {
  let nodes = 0;
  const copy = (v: unknown, depth: number): SafeValue | undefined => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (Array.isArray(v)) return Object.freeze(v.map((x) => copy(x, depth + 1) ?? null));
    if (typeof v !== 'object') return undefined;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return undefined;
    const out = Object.create(null) as Record<string, SafeValue>;
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      const c = copy((v as Record<string, unknown>)[key], depth + 1);
      if (c !== undefined) out[key] = c;
    }
    return Object.freeze(out);
  };
  return copy(value, 0) ?? null;
}

/** An empty null-prototype record. */
export function safeRecord(entries: Record<string, SafeValue> = {}): SafeRecord {
  const out = Object.create(null) as Record<string, SafeValue>;
  for (const key of Object.keys(entries)) if (!FORBIDDEN_KEYS.has(key)) out[key] = entries[key]!;
  return out;
}

/**
 * Looks a dotted path up in safe data, by own property only. Array elements are reached by a
 * decimal index (`items.0.name`) and `length`.
 *
 * @param root the data
 * @param path the segments, e.g. `['slots', 'city']`
 * @returns the value, or `undefined` when any segment is missing or forbidden
 */
export function lookup(root: SafeValue, path: readonly string[]): SafeValue | undefined {
  let current: SafeValue | undefined = root;
  for (const segment of path) {
    if (current === null || current === undefined || typeof current !== 'object' || FORBIDDEN_KEYS.has(segment))
      return undefined;
    if (Array.isArray(current)) {
      const list = current as readonly SafeValue[];
      if (segment === 'length') current = list.length;
      else if (/^(0|[1-9]\d{0,8})$/.test(segment) && Number(segment) < list.length) current = list[Number(segment)];
      else return undefined;
    } else {
      current = Object.hasOwn(current, segment) ? (current as SafeRecord)[segment] : undefined;
    }
  }
  return current;
}

/** Splits and checks a dotted path (`vars.order.status`); `undefined` when a segment is malformed or forbidden. */
export function parsePath(source: string): string[] | undefined {
  const segments = source.split('.');
  if (segments.length > 16) return undefined;
  for (const s of segments) {
    if (!/^(?:[A-Za-z_$][A-Za-z0-9_$-]{0,63}|0|[1-9]\d{0,8})$/.test(s) || FORBIDDEN_KEYS.has(s)) return undefined;
  }
  return segments;
}

/** Renders a value as template text: scalars as text, lists of scalars joined, records as nothing. */
export function renderValue(value: SafeValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return (value as readonly SafeValue[])
      .filter((v) => typeof v !== 'object' || v === null)
      .map(renderValue)
      .join(', ');
  return '';
}
