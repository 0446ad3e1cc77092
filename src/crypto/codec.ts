/**
 * Turns a value into bytes to encrypt, and back. The store promises structured-cloneable values
 * (what IndexedDB itself would accept), but ciphertext needs bytes: JSON alone would turn a `Date`
 * into a string and a `Uint8Array` into an object of indices, so special values are tagged.
 *
 * Layout: one tag byte, then the payload. Strings and binary (model bytes) take fast paths that skip
 * JSON; everything else is JSON where special values are objects keyed by `"\u0000"`.
 *
 * @module
 */
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes.ts';

/** The tag byte of a JSON-encoded value. @internal */
export const TAG_JSON = 1;
const TAG_BYTES = 2;
const TAG_BUFFER = 3;
const TAG_STRING = 4;
/** The key that marks a tagged value; an ordinary object with this own key is escaped as `obj`. */
const MARK = '\u0000';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const typedArrays = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedArrayName = keyof typeof typedArrays;

/**
 * Encodes a structured-cloneable value (primitives, plain objects, arrays, `Date`, `Map`, `Set`,
 * `RegExp`, `ArrayBuffer`, typed arrays, `bigint`, `undefined`) as bytes.
 * @throws {TypeError} for functions, symbols and cyclic structures.
 */
export function encodeValue(value: unknown): Uint8Array<ArrayBuffer> {
  if (value instanceof Uint8Array) return tagged(TAG_BYTES, value);
  if (value instanceof ArrayBuffer) return tagged(TAG_BUFFER, new Uint8Array(value));
  const [tag, text] = encodeText(value) as [number, string];
  return tagged(tag, utf8(text));
}

/**
 * The tag and the text that {@link encodeValue} UTF-8 encodes for `value`, or `undefined` for binary
 * values (`Uint8Array`, `ArrayBuffer`), which it stores as they are. Lets a batch encode many values
 * into one buffer (`batch.ts`) with the very same bytes.
 * @throws {TypeError} as {@link encodeValue}.
 * @internal
 */
export function encodeText(value: unknown): [tag: number, text: string] | undefined {
  if (typeof value === 'string') return [TAG_STRING, value];
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return undefined;
  // Plain JSON already (a message body: a few strings): JSON.stringify gives the same text as the tagged
  // walk below, without building a copy of the value first.
  return [TAG_JSON, JSON.stringify(isPlainJson(value, 0) ? value : toJson(value, new Set()))];
}

/**
 * Whether `JSON.stringify(value)` already equals `JSON.stringify(toJson(value))`: only strings, booleans,
 * null, finite numbers other than -0, dense arrays and plain objects without the marker key. Deep or
 * cyclic values answer `false` and take the tagged walk, which reports cycles.
 */
function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth > 32) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    // A hole reads as undefined: the walk stores it as undefined, JSON as null.
    for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.hasOwn(value, MARK)) return false;
  for (const key in value) {
    if (Object.hasOwn(value, key) && !isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Decodes bytes made by {@link encodeValue}.
 * @throws {TypeError} on bytes it did not make.
 */
export function decodeValue(bytes: Uint8Array): unknown {
  const body = bytes.subarray(1);
  switch (bytes[0]) {
    case TAG_STRING:
      return fromUtf8(body);
    case TAG_BYTES:
      return body.slice();
    case TAG_BUFFER:
      return body.slice().buffer;
    case TAG_JSON: {
      const text = fromUtf8(body);
      // No tagged value inside (JSON writes the marker as \u0000): skip the walk, the common case.
      return text.includes('\\u0000') ? fromJson(JSON.parse(text) as Json) : JSON.parse(text);
    }
    default:
      throw new TypeError(`Unknown value encoding ${String(bytes[0])}`);
  }
}

function tagged(tag: number, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(body.length + 1);
  out[0] = tag;
  out.set(body, 1);
  return out;
}

function mark(kind: string, v?: Json, extra?: Record<string, Json>): Json {
  return v === undefined ? { [MARK]: kind, ...extra } : { [MARK]: kind, v, ...extra };
}

function toJson(value: unknown, stack: Set<object>): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Object.is(value, -0)) return mark('num', '-0'); // String(-0) is "0"
      return Number.isFinite(value) ? value : mark('num', String(value));
    case 'undefined':
      return mark('undef');
    case 'bigint':
      return mark('bigint', value.toString());
    case 'function':
    case 'symbol':
      throw new TypeError(`A ${typeof value} cannot be stored`);
  }
  if (value === null) return null;
  const obj = value as object;
  if (stack.has(obj)) throw new TypeError('A cyclic structure cannot be stored');
  stack.add(obj);
  try {
    return objectToJson(obj, stack);
  } finally {
    stack.delete(obj);
  }
}

function objectToJson(obj: object, stack: Set<object>): Json {
  if (Array.isArray(obj)) return Array.from(obj, (v: unknown) => toJson(v, stack));
  if (obj instanceof Date) return mark('date', String(obj.getTime()));
  if (obj instanceof RegExp) return mark('re', obj.source, { f: obj.flags });
  if (obj instanceof ArrayBuffer) return mark('bytes', toBase64(new Uint8Array(obj)), { k: 'ArrayBuffer' });
  if (ArrayBuffer.isView(obj)) {
    const name = obj.constructor.name;
    if (!(name in typedArrays)) throw new TypeError(`A ${name} cannot be stored`);
    return mark('bytes', toBase64(new Uint8Array(obj.buffer, obj.byteOffset, obj.byteLength)), { k: name });
  }
  if (obj instanceof Map)
    return mark(
      'map',
      [...obj].map(([k, v]) => [toJson(k, stack), toJson(v, stack)]),
    );
  if (obj instanceof Set)
    return mark(
      'set',
      [...obj].map((v) => toJson(v, stack)),
    );
  const entries = Object.entries(obj);
  if (Object.hasOwn(obj, MARK))
    return mark(
      'obj',
      entries.map(([k, v]) => [k, toJson(v, stack)]),
    );
  const out: Record<string, Json> = {};
  for (const [k, v] of entries) out[k] = toJson(v, stack);
  return out;
}

function fromJson(json: Json): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(fromJson);
  const kind = json[MARK];
  if (typeof kind !== 'string') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) out[k] = fromJson(v);
    return out;
  }
  const v = json['v'];
  switch (kind) {
    case 'undef':
      return undefined;
    case 'num':
      return Number(v);
    case 'bigint':
      return BigInt(v as string);
    case 'date':
      return new Date(Number(v));
    case 're':
      return new RegExp(v as string, json['f'] as string);
    case 'bytes':
      return bytesFromJson(json['k'] as string, fromBase64(v as string));
    case 'map':
      return new Map((v as Json[][]).map(([k, x]) => [fromJson(k ?? null), fromJson(x ?? null)]));
    case 'set':
      return new Set((v as Json[]).map(fromJson));
    case 'obj':
      return Object.fromEntries((v as [string, Json][]).map(([k, x]) => [k, fromJson(x)]));
    default:
      throw new TypeError(`Unknown tagged value ${kind}`);
  }
}

function bytesFromJson(kind: string, bytes: Uint8Array<ArrayBuffer>): unknown {
  if (kind === 'ArrayBuffer') return bytes.buffer;
  const Ctor = typedArrays[kind as TypedArrayName] as (new (b: ArrayBuffer) => unknown) | undefined;
  if (Ctor === undefined) throw new TypeError(`Unknown binary kind ${kind}`);
  return new Ctor(bytes.buffer);
}
