/**
 * SHA-256 and a canonical JSON form, for the audit log's hash chain: an entry's hash commits to
 * the previous hash and to the canonical bytes of the entry, so the same entry always hashes the
 * same whatever order its keys were written in.
 *
 * @module
 */
import { concatBytes, fromHex, toHex, utf8 } from './bytes.ts';

/** The all-zero hash a chain starts from (hex). */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of some bytes. */
export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * JSON with object keys sorted at every level (RFC 8785's key ordering, for the JSON values an
 * audit entry may hold: strings, finite numbers, booleans, null, arrays, plain objects).
 * @throws {TypeError} for anything else (undefined, functions, non-finite numbers, class instances).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Canonical JSON holds finite numbers only');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  throw new TypeError(`Canonical JSON cannot hold ${typeof value}`);
}

/**
 * The chained hash (hex): SHA-256(previous hash bytes ‖ UTF-8 canonical JSON of the entry).
 * @throws {TypeError} when `previousHex` is not 64 hex digits.
 */
export async function chainHash(previousHex: string, entry: unknown): Promise<string> {
  const prev = fromHex(previousHex);
  if (prev.length !== 32) throw new TypeError('A chain hash is 32 bytes');
  return toHex(await sha256(concatBytes(prev, utf8(canonicalJson(entry)))));
}
