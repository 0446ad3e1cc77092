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
  derivePasskeyKek,
  derivePassphraseKey,
  PRF_SALT_LENGTH,
  generateDataKey,
  generateDeviceKek,
  generateSalt,
  unwrapDataKey,
  wrapDataKey,
} from '../crypto/keyring.ts';
import type { EncryptionOptions } from '../engine/types.ts';
import { CryptoError, LockedError, StorageError } from '../errors.ts';
import type { Backend } from './backend.ts';
import type { KeyRow, PasskeyWrap } from './schema.ts';

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
  /** The enrolled passkeys (readable while locked: the page needs them to ask the authenticator). */
  passkeys(): Promise<PasskeyInfo[]>;
  /**
   * Wraps the data key under a passkey's PRF output too (passphrase mode; the passphrase stays the fallback).
   * @throws {WrongPassphraseError} when `current` is wrong; {@link CryptoError} code `mode` in device mode
   */
  addPasskey(current: string, enrollment: PasskeyEnrollment): Promise<void>;
  /** Forgets one passkey's wrap. @throws {CryptoError} code `unknown-passkey` */
  removePasskey(credentialId: Uint8Array): Promise<void>;
  /**
   * Unlocks with a passkey's PRF output. Nothing changes when it fails.
   * @throws {CryptoError} code `unknown-passkey` (not enrolled here) or `wrong-passkey` (another authenticator's output)
   */
  unlockWithPasskey(credentialId: Uint8Array, prfOutput: Uint8Array): Promise<void>;
}

/** An enrolled passkey, as the page needs it to ask the authenticator. */
export interface PasskeyInfo {
  credentialId: Uint8Array;
  prfSalt: Uint8Array;
  createdAt: number;
}

/** What enrolling a passkey hands the store: the credential, the PRF input and its output. */
export interface PasskeyEnrollment {
  credentialId: Uint8Array;
  prfSalt: Uint8Array;
  prfOutput: Uint8Array;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const MAX_PASSKEYS = 10;

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

  const manager: KeyManager = {
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
      const { kek: _old, salt: _s, iterations: _i, passkeys, ...rest } = row;
      // Passkey wraps hold the same data key: they survive a new passphrase, not a move to device mode.
      const updated: KeyRow = {
        ...rest,
        ...kekRow,
        ...(next.mode === 'passphrase' && passkeys !== undefined ? { passkeys } : {}),
        wrapped,
      };
      await replaceRow(row, () => updated);
      mode = updated.mode;
    },

    async passkeys() {
      const row = await readRow();
      return (row?.passkeys ?? []).map(({ credentialId, prfSalt, createdAt }) => ({
        credentialId: credentialId.slice(),
        prfSalt: prfSalt.slice(),
        createdAt,
      }));
    },

    async addPasskey(current, enrollment) {
      assertPassphrase(current);
      const { credentialId, prfSalt, prfOutput } = checkEnrollment(enrollment);
      const row = await readRow();
      if (row === undefined) throw new LockedError();
      if (row.mode !== 'passphrase')
        throw new CryptoError('A passkey needs passphrase mode (the passphrase is its fallback)', { code: 'mode' });
      const extractable = await unwrapRow(row, current, true);
      const wrapped = await wrapDataKey(extractable, await derivePasskeyKek(prfOutput, credentialId));
      const entry: PasskeyWrap = { credentialId, prfSalt, wrapped, createdAt: Date.now() };
      await replaceRow(row, (r) => {
        const others = (r.passkeys ?? []).filter((p) => !sameBytes(p.credentialId, credentialId));
        if (others.length >= MAX_PASSKEYS)
          throw new CryptoError(`At most ${MAX_PASSKEYS} passkeys can be enrolled`, { code: 'passkeys-full' });
        return { ...r, passkeys: [...others, entry] };
      });
    },

    async removePasskey(credentialId) {
      const row = await readRow();
      if (row === undefined || !(row.passkeys ?? []).some((p) => sameBytes(p.credentialId, credentialId)))
        throw new CryptoError('No passkey with that id is enrolled', { code: 'unknown-passkey' });
      await replaceRow(row, (r) => ({
        ...r,
        passkeys: (r.passkeys ?? []).filter((p) => !sameBytes(p.credentialId, credentialId)),
      }));
    },

    async unlockWithPasskey(credentialId, prfOutput) {
      const row = await readRow();
      const entry = row?.passkeys?.find((p) => sameBytes(p.credentialId, credentialId));
      if (row === undefined || entry === undefined)
        throw new CryptoError('No passkey with that id is enrolled here', { code: 'unknown-passkey' });
      const kek = await derivePasskeyKek(prfOutput, entry.credentialId);
      let key: CryptoKey;
      try {
        key = await unwrapDataKey(entry.wrapped, kek, { wrongKey: 'passphrase' });
      } catch (cause) {
        // AES-KW's integrity check: this PRF output is not the enrolled authenticator's.
        throw new CryptoError('The passkey does not unlock this store', { code: 'wrong-passkey', cause });
      }
      dataKey = key;
      mode = row.mode;
    },
  };
  return manager;

  /** Writes a changed key record unless another tab changed it meanwhile: then it refuses rather than silently undo that change. */
  async function replaceRow(row: KeyRow, change: (row: KeyRow) => KeyRow): Promise<void> {
    const updated = { ...change(row), updatedAt: Math.max(Date.now(), row.updatedAt + 1) };
    await backend.transaction(
      'rw',
      ['keys'],
      async (tx) => {
        const now = await tx.get<KeyRow>('keys', 'data');
        if (now === undefined || now.updatedAt !== row.updatedAt)
          throw new StorageError('The key changed in another tab', { code: 'conflict' });
        await tx.put('keys', updated);
      },
      { durability: 'strict' },
    );
  }
}

function checkEnrollment(enrollment: PasskeyEnrollment): {
  credentialId: Uint8Array<ArrayBuffer>;
  prfSalt: Uint8Array<ArrayBuffer>;
  prfOutput: Uint8Array;
} {
  const { credentialId, prfSalt, prfOutput } = enrollment ?? ({} as PasskeyEnrollment);
  if (!(credentialId instanceof Uint8Array) || credentialId.length === 0 || credentialId.length > 1023)
    throw new TypeError('A passkey credential id is 1 to 1023 bytes');
  if (!(prfSalt instanceof Uint8Array) || prfSalt.length !== PRF_SALT_LENGTH)
    throw new TypeError(`A passkey PRF salt is ${PRF_SALT_LENGTH} bytes`);
  if (!(prfOutput instanceof Uint8Array) || prfOutput.length !== 32) throw new TypeError('A PRF output is 32 bytes');
  return { credentialId: new Uint8Array(credentialId), prfSalt: new Uint8Array(prfSalt), prfOutput };
}
