/**
 * Subresource-Integrity-style pins for third-party skill bundles (after SRI and MetaMask Snaps'
 * `shasum`): `sha256-<base64>`, `sha384-<base64>` or `sha512-<base64>`, several separated by
 * spaces. A bundle is accepted when it matches one of the pins of the strongest algorithm given,
 * as the SRI standard does.
 *
 * @module
 */

/** A parsed pin. */
export interface IntegrityPin {
  algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** Base64 of the digest. */
  digest: string;
}

const ALGORITHMS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const;
const STRENGTH = { 'SHA-256': 1, 'SHA-384': 2, 'SHA-512': 3 } as const;
const DIGEST_LENGTH = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 } as const;

/**
 * Parses an integrity string.
 * @throws {TypeError} when it is not a string
 * @throws {RangeError} when no pin is a well-formed sha256/384/512 digest
 */
export function parseIntegrity(integrity: unknown, where = 'integrity'): IntegrityPin[] {
  if (typeof integrity !== 'string') throw new TypeError(`${where} must be a string like "sha384-…"`);
  const pins: IntegrityPin[] = [];
  for (const token of integrity.trim().split(/\s+/)) {
    const m = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/.exec(token);
    if (m === null) throw new RangeError(`${where}: ${JSON.stringify(token)} is not a sha256/sha384/sha512 pin`);
    const algorithm = ALGORITHMS[m[1] as keyof typeof ALGORITHMS];
    if (atob(m[2]!).length !== DIGEST_LENGTH[algorithm])
      throw new RangeError(`${where}: the ${m[1]} digest has the wrong length`);
    pins.push({ algorithm, digest: m[2]! });
  }
  return pins;
}

/** Base64 of a byte array (no Node `Buffer` in the core). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The SRI token of some bytes, e.g. `sha384-…`.
 * @param bytes the data
 * @param algorithm @default 'SHA-384'
 */
export async function integrityOf(
  bytes: Uint8Array,
  algorithm: IntegrityPin['algorithm'] = 'SHA-384',
): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, bytes as Uint8Array<ArrayBuffer>));
  return `${algorithm.replace('-', '').toLowerCase()}-${toBase64(digest)}`;
}

/**
 * Checks bytes against an integrity string.
 * @returns `true` when a pin of the strongest algorithm listed matches
 * @throws {RangeError | TypeError} for a malformed integrity string
 */
export async function verifyIntegrity(bytes: Uint8Array, integrity: string): Promise<boolean> {
  const pins = parseIntegrity(integrity);
  const strongest = Math.max(...pins.map((p) => STRENGTH[p.algorithm]));
  for (const pin of pins.filter((p) => STRENGTH[p.algorithm] === strongest)) {
    const actual = (await integrityOf(bytes, pin.algorithm)).split('-')[1]!;
    // Not secret data, but compare fully anyway rather than stop at the first differing character.
    let diff = actual.length ^ pin.digest.length;
    for (let i = 0; i < Math.min(actual.length, pin.digest.length); i++)
      diff |= actual.charCodeAt(i) ^ pin.digest.charCodeAt(i);
    if (diff === 0) return true;
  }
  return false;
}
