/**
 * The encrypted backup container: a self-describing byte array (no `Blob`, so it works in Node,
 * a Worker and the page alike) sealed with a key derived from a backup passphrase.
 *
 * Layout: `"CONFIDANT-BACKUP"` (16 bytes) ‖ format version (1 byte) ‖ header length (uint32, big-endian)
 * ‖ header (UTF-8 JSON: KDF, iterations, salt, IV, a key check) ‖ AES-256-GCM ciphertext ‖ tag.
 * The whole prefix is the ciphertext's AAD, so editing the header (e.g. lowering the iteration count)
 * fails authentication. The key check tells a wrong passphrase apart from a damaged file.
 *
 * @module
 */
import { CryptoError, WrongPassphraseError } from '../errors.ts';
import { concatBytes, fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from './bytes.ts';
import { IV_LENGTH } from './envelope.ts';
import { PBKDF2_DEFAULT_ITERATIONS, assertIterations, derivePassphraseKey, generateSalt } from './keyring.ts';

const MAGIC = utf8('CONFIDANT-BACKUP');
const FORMAT = 1;
const CHECK = utf8('confidant/backup-check');

/** The clear header of a backup file. */
export interface BackupHeader {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** Base64 salt. */
  salt: string;
  /** Base64 IV of the body. */
  iv: string;
  /** Base64 IV and sealed constant that check the passphrase. */
  checkIv: string;
  check: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/**
 * Encrypts a backup body under a passphrase.
 * @throws {RangeError} when `iterations` is below 600,000.
 * @throws {TypeError} when the passphrase is empty.
 */
export async function encryptBackup(
  body: Uint8Array<ArrayBuffer>,
  passphrase: string,
  iterations = PBKDF2_DEFAULT_ITERATIONS,
): Promise<Uint8Array<ArrayBuffer>> {
  assertIterations(iterations);
  const salt = generateSalt();
  const key = await derivePassphraseKey(passphrase, salt, iterations, 'encrypt');
  const iv = randomBytes(IV_LENGTH);
  const checkIv = randomBytes(IV_LENGTH);
  const check = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: checkIv, additionalData: MAGIC }, key, CHECK),
  );
  const header: BackupHeader = {
    kdf: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64(salt),
    iv: toBase64(iv),
    checkIv: toBase64(checkIv),
    check: toBase64(check),
    createdAt: Date.now(),
  };
  const headerBytes = utf8(JSON.stringify(header));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length);
  const prefix = concatBytes(MAGIC, Uint8Array.of(FORMAT), length, headerBytes);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, key, body));
  return concatBytes(prefix, ct);
}

/**
 * Reads the clear header of a backup.
 * @throws {CryptoError} code `format` when the bytes are not a Confidant backup.
 */
export function readBackupHeader(file: Uint8Array): { header: BackupHeader; prefixLength: number } {
  const bad = (why: string) => new CryptoError(`Not a Confidant backup: ${why}`, { code: 'format' });
  if (!(file instanceof Uint8Array) || file.length < MAGIC.length + 5) throw bad('too short');
  if (!MAGIC.every((b, i) => file[i] === b)) throw bad('wrong magic bytes');
  if (file[MAGIC.length] !== FORMAT) throw bad(`unknown format ${String(file[MAGIC.length])}`);
  const headerLength = new DataView(file.buffer, file.byteOffset + MAGIC.length + 1, 4).getUint32(0);
  const start = MAGIC.length + 5;
  if (start + headerLength > file.length) throw bad('truncated header');
  let header: BackupHeader;
  try {
    header = JSON.parse(fromUtf8(file.subarray(start, start + headerLength))) as BackupHeader;
  } catch (cause) {
    throw new CryptoError('Not a Confidant backup: unreadable header', { code: 'format', cause });
  }
  if (header.kdf !== 'PBKDF2-SHA256' || typeof header.iterations !== 'number') throw bad('unknown key derivation');
  return { header, prefixLength: start + headerLength };
}

/**
 * Decrypts a backup made by {@link encryptBackup}.
 * @throws {WrongPassphraseError} when the passphrase is wrong (nothing else happens).
 * @throws {CryptoError} code `format` for a file that is not a backup or asks for fewer than 600,000
 *   iterations, code `auth` for a damaged or edited one.
 */
export async function decryptBackup(file: Uint8Array, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const { header, prefixLength } = readBackupHeader(file);
  try {
    assertIterations(header.iterations);
  } catch (cause) {
    throw new CryptoError('The backup asks for an iteration count outside the accepted range', {
      code: 'format',
      cause,
    });
  }
  let salt: Uint8Array<ArrayBuffer>,
    iv: Uint8Array<ArrayBuffer>,
    checkIv: Uint8Array<ArrayBuffer>,
    check: Uint8Array<ArrayBuffer>;
  try {
    [salt, iv, checkIv, check] = [header.salt, header.iv, header.checkIv, header.check].map(fromBase64) as [
      Uint8Array<ArrayBuffer>,
      Uint8Array<ArrayBuffer>,
      Uint8Array<ArrayBuffer>,
      Uint8Array<ArrayBuffer>,
    ];
  } catch (cause) {
    throw new CryptoError('Not a Confidant backup: malformed header', { code: 'format', cause });
  }
  const key = await derivePassphraseKey(passphrase, salt, header.iterations, 'encrypt');
  try {
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: checkIv, additionalData: MAGIC }, key, check);
  } catch (cause) {
    throw new WrongPassphraseError({ cause });
  }
  try {
    const prefix = file.slice(0, prefixLength);
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: prefix }, key, file.slice(prefixLength)),
    );
  } catch (cause) {
    throw new CryptoError('The backup is damaged or was edited', { code: 'auth', cause });
  }
}
