/**
 * The key hierarchy (after Bitwarden's): a random 256-bit AES-GCM data key encrypts every record;
 * a key-encryption key (KEK) wraps it with AES-KW (RFC 3394). The KEK is either a non-extractable
 * CryptoKey kept by the browser (`device` mode) or derived from a passphrase with PBKDF2-SHA256 at
 * >= 600,000 iterations (OWASP 2023's floor, enforced here in code). Changing the passphrase
 * re-wraps the data key and touches no record.
 *
 * Hand-written on WebCrypto for the same reason as the envelope: it is the product's core.
 *
 * @module
 */
import { CryptoError, InputError, WrongPassphraseError } from '../errors.ts';
import { randomBytes, utf8 } from './bytes.ts';

/** The lowest PBKDF2-SHA256 iteration count accepted anywhere (OWASP Password Storage Cheat Sheet, 2023). */
export const PBKDF2_MIN_ITERATIONS = 600_000;
/** The default PBKDF2-SHA256 iteration count. */
export const PBKDF2_DEFAULT_ITERATIONS = 600_000;
/** A ceiling so a crafted key record or backup cannot make us spin for minutes. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
/** Length of a PBKDF2 salt in bytes. */
export const SALT_LENGTH = 16;

/**
 * Checks a PBKDF2 iteration count against the floor and ceiling.
 * @throws {RangeError} below {@link PBKDF2_MIN_ITERATIONS} (e.g. 599,999) or above {@link PBKDF2_MAX_ITERATIONS}.
 */
export function assertIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS) {
    throw new RangeError(
      `PBKDF2 iterations must be an integer from ${PBKDF2_MIN_ITERATIONS} to ${PBKDF2_MAX_ITERATIONS}, got ${iterations}`,
    );
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks a passphrase is a non-empty string of well-formed Unicode. A lone surrogate would be
 * encoded to UTF-8 as U+FFFD, so two different passphrases would derive the same key (issue 16):
 * such a passphrase is refused rather than silently changed.
 * @throws {TypeError} when it is not a non-empty string
 * @throws {InputError} code `malformed-unicode` when it holds a lone surrogate
 */
export function assertPassphrase(passphrase: unknown): asserts passphrase is string {
  if (typeof passphrase !== 'string' || passphrase.length === 0)
    throw new TypeError('The passphrase must be a non-empty string');
  // `String.prototype.isWellFormed` written out: the core targets ES2022.
  if (LONE_SURROGATE.test(passphrase))
    throw new InputError('The passphrase holds a lone surrogate: it is not well-formed Unicode', 'malformed-unicode');
}

/** A fresh random data key, extractable only so it can be wrapped; callers keep the non-extractable copy. */
export async function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** A fresh non-extractable AES-KW key for `device` mode: the browser keeps it, script cannot read it. */
export async function generateDeviceKek(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** A fresh random PBKDF2 salt. */
export function generateSalt(): Uint8Array<ArrayBuffer> {
  return randomBytes(SALT_LENGTH);
}

/**
 * Derives a non-extractable key from a passphrase with PBKDF2-SHA256.
 * @param usage `wrap` for an AES-KW KEK, `encrypt` for an AES-GCM key (backups)
 * @throws {RangeError} when `iterations` is below the floor.
 */
export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  usage: 'wrap' | 'encrypt' = 'wrap',
): Promise<CryptoKey> {
  assertPassphrase(passphrase);
  assertIterations(iterations);
  // NFC so the same passphrase typed on two keyboards (composed vs decomposed accents) derives the same key.
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  const target = usage === 'wrap' ? { name: 'AES-KW', length: 256 } : { name: 'AES-GCM', length: 256 };
  const usages: KeyUsage[] = usage === 'wrap' ? ['wrapKey', 'unwrapKey'] : ['encrypt', 'decrypt'];
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, target, false, usages);
}

/** Wraps a data key with a KEK (AES-KW); returns the 40 wrapped bytes. */
export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW'));
  } catch (cause) {
    throw new CryptoError('Could not wrap the data key', { cause });
  }
}

/**
 * Unwraps a data key. AES-KW's integrity check fails on the wrong KEK.
 * @param extractable `true` only transiently, to re-wrap it under a new KEK
 * @param wrongKey what to throw when the check fails: `passphrase` → {@link WrongPassphraseError}
 * @throws {WrongPassphraseError | CryptoError}
 */
export async function unwrapDataKey(
  wrapped: Uint8Array<ArrayBuffer>,
  kek: CryptoKey,
  options: { extractable?: boolean; wrongKey: 'passphrase' | 'device' },
): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      wrapped,
      kek,
      'AES-KW',
      { name: 'AES-GCM', length: 256 },
      options.extractable ?? false,
      ['encrypt', 'decrypt'],
    );
  } catch (cause) {
    if (options.wrongKey === 'passphrase') throw new WrongPassphraseError({ cause });
    throw new CryptoError('The device key does not unwrap the data key', { code: 'key', cause });
  }
}

/** Length of the random input a passkey's PRF is evaluated on (WebAuthn PRF takes any; 32 bytes is what it hashes to). */
export const PRF_SALT_LENGTH = 32;

/**
 * The KEK a passkey unlocks: HKDF-SHA256 over the authenticator's PRF output (the WebAuthn PRF
 * extension, i.e. CTAP2 hmac-secret), bound to the credential id, as an AES-KW key. The PRF output
 * never leaves this function; only the key derived from it wraps the data key.
 * @param prfOutput the 32 bytes of `getClientExtensionResults().prf.results.first`
 * @param credentialId the passkey's raw id (binds the KEK to it)
 * @throws {TypeError} unless `prfOutput` is 32 bytes
 */
export async function derivePasskeyKek(prfOutput: Uint8Array, credentialId: Uint8Array): Promise<CryptoKey> {
  if (!(prfOutput instanceof Uint8Array) || prfOutput.length !== 32)
    throw new TypeError('A passkey PRF output is 32 bytes');
  const base = await crypto.subtle.importKey('raw', new Uint8Array(prfOutput), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8('confidant passkey kek v1'), info: new Uint8Array(credentialId) },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
