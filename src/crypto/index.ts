/**
 * Confidant's crypto: the AES-256-GCM record envelope, the key hierarchy, the backup container,
 * and the helpers they share.
 *
 * @module
 */
export { IV_LENGTH, TAG_LENGTH, additionalData, open, openBytes, seal, sealBytes } from './envelope.ts';
export type { RecordKey, SealContext } from './envelope.ts';
export {
  PBKDF2_DEFAULT_ITERATIONS,
  PBKDF2_MAX_ITERATIONS,
  PBKDF2_MIN_ITERATIONS,
  SALT_LENGTH,
  assertIterations,
  assertPassphrase,
  derivePassphraseKey,
  generateDataKey,
  generateDeviceKek,
  generateSalt,
  toWorkingKey,
  unwrapDataKey,
  wrapDataKey,
} from './keyring.ts';
export { decryptBackup, encryptBackup, readBackupHeader } from './backup.ts';
export type { BackupHeader } from './backup.ts';
export { GENESIS_HASH, canonicalJson, chainHash, sha256 } from './hash.ts';
export { decodeValue, encodeValue } from './codec.ts';
export { concatBytes, equalBytes, fromBase64, fromHex, fromUtf8, randomBytes, toBase64, toHex, utf8 } from './bytes.ts';
