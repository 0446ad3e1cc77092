/**
 * Keeps the data key: loads or creates the key record, unlocks, locks, and re-wraps the data key
 * when the passphrase or the mode changes. Key records are written in `strict`-durability
 * transactions, and every unwrap/derive happens before the transaction that writes (encrypt
 * first, then write).
 *
 * @module
 */
import {
  PBKDF2_DEFAULT_ITERATIONS,
  assertIterations,
  assertPassphrase,
  derivePassphraseKey,
  generateDataKey,
  generateDeviceKek,
  generateSalt,
  unwrapDataKey,
  wrapDataKey,
} from '../crypto/keyring.ts';
import type { EncryptionOptions } from '../engine/types.ts';
import { CryptoError, LockedError, StorageError } from '../errors.ts';
import type { Backend } from './backend.ts';
import type { KeyRow } from './schema.ts';

/** The store's hold on its data key. */
export interface KeyManager {
  readonly locked: boolean;
  readonly mode: 'device' | 'passphrase' | undefined;
  /** The working data key (non-extractable). @throws {LockedError} */
  key(): CryptoKey;
  /** Loads the key record, creating it when there is none and it can. Returns `true` when it created one. */
  unlock(passphrase?: string): Promise<boolean>;
  lock(): void;
  /**
   * Re-wraps the data key under a new KEK (the records stay as they are).
   * @throws {TypeError} without `current` in passphrase mode; `WrongPassphraseError` when it is wrong.
   */
  rewrap(
    current: string | undefined,
    next: { mode: 'device' } | { mode: 'passphrase'; passphrase: string; iterations: number },
  ): Promise<void>;
}

type NewKek = { kek: CryptoKey; row: Pick<KeyRow, 'mode' | 'kek' | 'salt' | 'iterations'> };

/** Creates the key manager of a store; nothing is read until `unlock`. */
export function createKeyManager(backend: Backend, encryption: EncryptionOptions): KeyManager {
  let dataKey: CryptoKey | undefined;
  let mode: KeyManager['mode'];
  const iterations =
    encryption.mode === 'passphrase' ? (encryption.iterations ?? PBKDF2_DEFAULT_ITERATIONS) : PBKDF2_DEFAULT_ITERATIONS;

  const readRow = () => backend.transaction('r', ['keys'], (tx) => tx.get<KeyRow>('keys', 'data'));

  async function newKek(next: Parameters<KeyManager['rewrap']>[1]): Promise<NewKek> {
    if (next.mode === 'device') {
      const kek = await generateDeviceKek();
      return { kek, row: { mode: 'device', kek } };
    }
    const salt = generateSalt();
    const kek = await derivePassphraseKey(next.passphrase, salt, next.iterations);
    return { kek, row: { mode: 'passphrase', salt, iterations: next.iterations } };
  }

  /** Unwraps a stored data key; the KEK comes from the record (device) or the passphrase. */
  async function unwrapRow(row: KeyRow, passphrase: string | undefined, extractable: boolean): Promise<CryptoKey> {
    if (row.mode === 'device') {
      if (row.kek === undefined) throw new CryptoError('The device key record has no key', { code: 'key' });
      return unwrapDataKey(row.wrapped, row.kek, { extractable, wrongKey: 'device' });
    }
    if (passphrase === undefined) throw new LockedError();
    if (row.salt === undefined || row.iterations === undefined)
      throw new CryptoError('The key record has no salt', { code: 'key' });
    try {
      assertIterations(row.iterations);
    } catch (cause) {
      throw new CryptoError('The stored key asks for fewer PBKDF2 iterations than the floor', { code: 'key', cause });
    }
    const kek = await derivePassphraseKey(passphrase, row.salt, row.iterations);
    return unwrapDataKey(row.wrapped, kek, { extractable, wrongKey: 'passphrase' });
  }

  /** Creates a key record unless another tab got there first, in which case that one is used. */
  async function create(passphrase: string | undefined): Promise<boolean> {
    const next =
      encryption.mode === 'device' || passphrase === undefined
        ? ({ mode: 'device' } as const)
        : { mode: 'passphrase' as const, passphrase, iterations };
    const { kek, row } = await newKek(next);
    const fresh = await generateDataKey();
    const now = Date.now();
    const record: KeyRow = {
      id: 'data',
      wrapped: await wrapDataKey(fresh, kek),
      createdAt: now,
      updatedAt: now,
      ...row,
    };
    const working = await unwrapDataKey(record.wrapped, kek, {
      wrongKey: next.mode === 'device' ? 'device' : 'passphrase',
    });
    const existing = await backend.transaction(
      'rw',
      ['keys'],
      async (tx) => {
        const found = await tx.get<KeyRow>('keys', 'data');
        if (found === undefined) await tx.add('keys', record);
        return found;
      },
      { durability: 'strict' },
    );
    if (existing !== undefined) {
      dataKey = await unwrapRow(existing, passphrase, false);
      mode = existing.mode;
      return false;
    }
    dataKey = working;
    mode = record.mode;
    return true;
  }

  return {
    get locked() {
      return dataKey === undefined;
    },
    get mode() {
      return mode;
    },
    key() {
      if (dataKey === undefined) throw new LockedError();
      return dataKey;
    },
    async unlock(passphrase) {
      if (passphrase !== undefined) assertPassphrase(passphrase);
      const row = await readRow();
      if (row === undefined) {
        if (encryption.mode === 'passphrase' && passphrase === undefined) throw new LockedError();
        return create(passphrase);
      }
      // Nothing is assigned before the unwrap succeeds: a wrong passphrase changes nothing.
      const key = await unwrapRow(row, passphrase, false);
      dataKey = key;
      mode = row.mode;
      return false;
    },
    lock() {
      dataKey = undefined;
    },
    async rewrap(current, next) {
      if (dataKey === undefined) throw new LockedError();
      const row = await readRow();
      if (row === undefined) throw new StorageError('The key record is missing', { code: 'key' });
      if (row.mode === 'passphrase' && current === undefined)
        throw new TypeError('The current passphrase is needed to change the key');
      const extractable = await unwrapRow(row, current, true);
      const { kek, row: kekRow } = await newKek(next);
      const wrapped = await wrapDataKey(extractable, kek);
      const { kek: _old, salt: _s, iterations: _i, ...rest } = row;
      const updated: KeyRow = { ...rest, ...kekRow, wrapped, updatedAt: Date.now() };
      await backend.transaction(
        'rw',
        ['keys'],
        async (tx) => {
          const now = await tx.get<KeyRow>('keys', 'data');
          // Another tab re-wrapped meanwhile: refuse rather than silently undo its change.
          if (now === undefined || now.updatedAt !== row.updatedAt)
            throw new StorageError('The key changed in another tab', { code: 'conflict' });
          await tx.put('keys', updated);
        },
        { durability: 'strict' },
      );
      mode = updated.mode;
    },
  };
}
