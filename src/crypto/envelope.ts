/**
 * The crypto envelope: how one field of one record is sealed with AES-256-GCM.
 *
 * Hand-written on purpose, on WebCrypto alone, because it is the product's core promise and because
 * no add-on does what it must: every ciphertext is bound, through GCM's additional authenticated data
 * (AAD), to the database, table, record id, field and record-format version it was written for (and
 * to the record's immutable clear fields, e.g. a message's conversation id and timestamp), so a
 * ciphertext copied or moved to another record, field, conversation or database fails to decrypt
 * (the way Proton Pass binds every item key to its purpose). dexie-encrypted binds nothing, uses
 * tweetnacl and measured slower than WebCrypto here (issue #4).
 *
 * Sealed layout: `[version: 1 byte][IV: 12 bytes][ciphertext ‖ tag: n + 16 bytes]`. The version byte
 * is itself in the AAD, so flipping it fails authentication too. A fresh random 96-bit IV per call:
 * with random IVs NIST SP 800-38D allows 2^32 encryptions per key, far beyond a chat history.
 *
 * This file seals one record at a time; `batch.ts` seals and opens many at once, in the same format.
 *
 * @module
 */
import { CryptoError } from '../errors.ts';
import { concatBytes, randomBytes, utf8 } from './bytes.ts';
import { decodeValue, encodeValue } from './codec.ts';

/** Length of the GCM initialisation vector in bytes (96 bits, the size GCM is designed for). */
export const IV_LENGTH = 12;
/** Length of the GCM authentication tag in bytes. */
export const TAG_LENGTH = 16;
const HEADER = 1 + IV_LENGTH;

/** An IndexedDB-style key of a record: a string, a number, or an array of them. */
export type RecordKey = string | number | readonly (string | number)[];

/** What a ciphertext is bound to; every part goes into the AAD. */
export interface SealContext {
  /** Database name. */
  db: string;
  table: string;
  /** The record's primary key. */
  id: RecordKey;
  field: string;
  /** Immutable clear fields of the record that must not be edited on their own (e.g. conversation id, timestamp). */
  bound?: readonly (string | number)[];
}

/** The additional authenticated data for a context at a record-format version (JSON: unambiguous, no separators to escape). */
export function additionalData(ctx: SealContext, version: number): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['confidant/aad', version, ctx.db, ctx.table, ctx.id, ctx.field, ctx.bound ?? []]));
}

/**
 * Encrypts bytes for one field of one record.
 * @param version the record-format (schema) version written in the header and bound in the AAD
 * @returns `[version][IV][ciphertext ‖ tag]`
 */
export async function sealBytes(
  key: CryptoKey,
  ctx: SealContext,
  plaintext: Uint8Array<ArrayBuffer>,
  version: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!Number.isInteger(version) || version < 1 || version > 255) throw new RangeError(`Bad record version ${version}`);
  const iv = randomBytes(IV_LENGTH);
  let ct: ArrayBuffer;
  try {
    ct = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(ctx, version), tagLength: 128 },
      key,
      plaintext,
    );
  } catch (cause) {
    throw new CryptoError('Encryption failed', { cause });
  }
  return concatBytes(Uint8Array.of(version), iv, new Uint8Array(ct));
}

/**
 * Decrypts and authenticates a sealed field.
 * @param maxVersion the newest record-format version this code understands
 * @throws {CryptoError} code `auth` when the ciphertext, IV, tag, header or binding was altered,
 *   or the record was sealed by a newer version than `maxVersion`.
 */
export async function openBytes(
  key: CryptoKey,
  ctx: SealContext,
  sealed: Uint8Array,
  maxVersion: number,
): Promise<{ version: number; plaintext: Uint8Array<ArrayBuffer> }> {
  if (!(sealed instanceof Uint8Array) || sealed.length < HEADER + TAG_LENGTH) {
    throw new CryptoError(`Malformed ciphertext in ${ctx.table}.${ctx.field}`, { code: 'auth' });
  }
  const version = sealed[0] ?? 0;
  if (version < 1 || version > maxVersion) {
    throw new CryptoError(`Unknown record version ${version} in ${ctx.table}.${ctx.field}`, { code: 'auth' });
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(1, HEADER), additionalData: additionalData(ctx, version), tagLength: 128 },
      key,
      sealed.slice(HEADER),
    );
    return { version, plaintext: new Uint8Array(plain) };
  } catch (cause) {
    // OperationError is GCM's tag check failing: tampering, a moved ciphertext, or the wrong key.
    const auth = (cause as { name?: unknown } | null)?.name === 'OperationError';
    throw new CryptoError(`Record failed authentication in ${ctx.table}.${ctx.field}`, {
      code: auth ? 'auth' : 'crypto',
      cause,
    });
  }
}

/** Encodes a structured-cloneable value and seals it (see {@link sealBytes}). */
export function seal(
  key: CryptoKey,
  ctx: SealContext,
  value: unknown,
  version: number,
): Promise<Uint8Array<ArrayBuffer>> {
  return sealBytes(key, ctx, encodeValue(value), version);
}

/**
 * Opens a sealed value (see {@link openBytes}) and decodes it.
 * @throws {CryptoError} code `auth` when authentication fails.
 */
export async function open(key: CryptoKey, ctx: SealContext, sealed: Uint8Array, maxVersion: number): Promise<unknown> {
  const { plaintext } = await openBytes(key, ctx, sealed, maxVersion);
  try {
    return decodeValue(plaintext);
  } catch (cause) {
    throw new CryptoError(`Undecodable value in ${ctx.table}.${ctx.field}`, { code: 'auth', cause });
  }
}
