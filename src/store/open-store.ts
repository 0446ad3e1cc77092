/**
 * `openStore`: opens the encrypted history store — IndexedDB through Dexie, or memory — loads or
 * creates the data key, and returns a plain object of functions (after idb's `openDB`).
 *
 * @module
 */
import { PBKDF2_DEFAULT_ITERATIONS, assertIterations, assertPassphrase } from '../crypto/keyring.ts';
import type { EncryptionOptions } from '../engine/types.ts';
import { LockedError, StorageError } from '../errors.ts';
import { createAuditLog } from './audit.ts';
import type { Backend } from './backend.ts';
import { createBackupIo } from './backup-io.ts';
import type { StoreContext } from './context.ts';
import type { KeyRow } from './schema.ts';
import { openDexieBackend } from './dexie-backend.ts';
import { createHistory } from './history.ts';
import { createKeyManager } from './key-manager.ts';
import { modelStore, settingsStore, skillStore } from './kv.ts';
import { createMaintenance } from './maintenance.ts';
import { createMemoryBackend } from './memory-backend.ts';
import { createSealer } from './sealer.ts';
import { searchMessages } from './search.ts';
import type { Store, StoreErrorEvent, StoreWarning } from './types.ts';

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** IndexedDB database name (also bound into every ciphertext). @default 'confidant' */
  name?: string;
  /** `indexeddb` keeps history across reloads; `memory` for this session only. @default 'indexeddb' (memory, with a `warning`, where IndexedDB is unavailable) */
  storage?: 'indexeddb' | 'memory';
  /** How the data key is protected. In `passphrase` mode without a passphrase the store opens locked. @default { mode: 'device' } */
  encryption?: EncryptionOptions;
  /** The IndexedDB factory to use. @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
  /** Told about every record that fails authentication (it is skipped). */
  onError?: (event: StoreErrorEvent) => void;
  /**
   * Told once when the database is deleted under the store (another tab, "clear site data"); every
   * later call throws `StorageError` code `deleted`, and the caller opens a new store.
   */
  onDeleted?: () => void;
  /** Open at an older schema version (migration tests). @internal */
  schemaVersion?: number;
}

// Open failures that mean "no usable IndexedDB here" (missing, private mode, blocked, broken profile).
const UNAVAILABLE = new Set(['unavailable', 'closed', 'unknown']);

function checkOptions(options: OpenStoreOptions): Required<Pick<OpenStoreOptions, 'name' | 'encryption'>> {
  if (options === null || typeof options !== 'object') throw new TypeError('openStore takes an options object');
  const name = options.name ?? 'confidant';
  if (typeof name !== 'string' || name.length === 0) throw new TypeError('name must be a non-empty string');
  if (options.storage !== undefined && options.storage !== 'indexeddb' && options.storage !== 'memory') {
    throw new TypeError(`storage must be 'indexeddb' or 'memory'`);
  }
  const encryption = options.encryption ?? { mode: 'device' };
  if (encryption.mode === 'passphrase') {
    if (encryption.passphrase !== undefined) assertPassphrase(encryption.passphrase);
    assertIterations(encryption.iterations ?? PBKDF2_DEFAULT_ITERATIONS);
  } else if (encryption.mode !== 'device') {
    throw new TypeError(`encryption.mode must be 'device' or 'passphrase'`);
  }
  if (options.onError !== undefined && typeof options.onError !== 'function')
    throw new TypeError('onError must be a function');
  return { name, encryption };
}

async function openBackend(
  name: string,
  options: OpenStoreOptions,
): Promise<{ backend: Backend; warning?: StoreWarning }> {
  if (options.storage === 'memory') return { backend: createMemoryBackend() };
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const fallback = (cause?: unknown) => ({
    backend: createMemoryBackend(),
    warning: {
      code: 'indexeddb-unavailable' as const,
      message:
        'IndexedDB is unavailable here: history is kept in memory (still encrypted) and will be lost when this page or worker closes.',
      ...(cause === undefined ? {} : { cause }),
    },
  });
  if (factory === undefined || factory === null) return fallback();
  try {
    const backend = await openDexieBackend({
      name,
      indexedDB: factory,
      ...(options.onDeleted === undefined ? {} : { onDeleted: options.onDeleted }),
      ...(options.schemaVersion === undefined ? {} : { version: options.schemaVersion }),
    });
    return { backend };
  } catch (e) {
    if (e instanceof StorageError && UNAVAILABLE.has(e.code)) return fallback(e);
    throw e;
  }
}

/**
 * Opens the encrypted history store.
 *
 * @example
 * ```ts
 * const store = await openStore({ encryption: { mode: 'passphrase' } });   // opens locked
 * await store.unlock(passphrase);                                         // WrongPassphraseError if wrong
 * const { id } = await store.createConversation('Groceries');
 * await store.addMessage({ conversationId: id, role: 'user', text: 'milk, eggs' });
 * ```
 * @throws {TypeError | RangeError} synchronously, for bad options (e.g. 599,999 PBKDF2 iterations).
 * @throws {WrongPassphraseError} when the given passphrase does not unlock an existing store.
 * @throws {StorageError} when IndexedDB fails to open for a reason other than being unavailable.
 */
export function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const { name, encryption } = checkOptions(options);
  return openChecked(name, encryption, options);
}

async function openChecked(name: string, encryption: EncryptionOptions, options: OpenStoreOptions): Promise<Store> {
  const { backend, warning } = await openBackend(name, options);
  const keys = createKeyManager(backend, encryption);
  const sealer = createSealer(name, keys, options.onError);
  const audit = createAuditLog(backend, sealer);
  const ctx: StoreContext = { db: name, backend, keys, sealer, audit };

  const unlock = async (passphrase?: string) => {
    if (await keys.unlock(passphrase)) await audit.append({ type: 'key-set', detail: { mode: keys.mode ?? 'device' } });
  };
  try {
    await unlock(encryption.mode === 'passphrase' ? encryption.passphrase : undefined);
  } catch (e) {
    if (!(e instanceof LockedError)) {
      await backend.close();
      throw e;
    }
  }

  const history = createHistory(ctx);
  return {
    ...history,
    ...createMaintenance(ctx),
    ...createBackupIo(ctx),
    ...modelStore(ctx),
    name,
    warning,
    get persistent() {
      return backend.persistent;
    },
    get locked() {
      return keys.locked;
    },
    get keyMode() {
      return keys.mode;
    },
    unlock,
    lock: () => keys.lock(),
    unlockWithPasskey: (credentialId, prfOutput) => keys.unlockWithPasskey(credentialId, prfOutput),
    passkeys: () => keys.passkeys(),
    async addPasskey(current, enrollment) {
      await keys.addPasskey(current, enrollment);
      await audit.append({ type: 'key-change', detail: { mode: 'passphrase', passkey: 'added' } });
    },
    async removePasskey(credentialId) {
      await keys.removePasskey(credentialId);
      await audit.append({ type: 'key-change', detail: { mode: 'passphrase', passkey: 'removed' } });
    },
    async storedKeyMode() {
      const row = await backend.transaction('r', ['keys'], (tx) => tx.get<KeyRow>('keys', 'data'));
      return row?.mode;
    },
    changePassphrase(current, next, opts = {}) {
      assertPassphrase(next);
      const iterations = opts.iterations ?? PBKDF2_DEFAULT_ITERATIONS;
      assertIterations(iterations);
      return (async () => {
        await keys.rewrap(current, { mode: 'passphrase', passphrase: next, iterations });
        await audit.append({ type: 'key-change', detail: { mode: 'passphrase', iterations } });
      })();
    },
    useDeviceKey(current) {
      assertPassphrase(current);
      return (async () => {
        await keys.rewrap(current, { mode: 'device' });
        await audit.append({ type: 'key-change', detail: { mode: 'device' } });
      })();
    },
    skillData: (skillId) => skillStore(ctx, skillId),
    settings: () => settingsStore(ctx),
    searchMessages: (query, opts) => searchMessages(ctx, query, opts),
    appendAudit: (entry) => audit.append(entry),
    listAudit: () => audit.list(),
    verifyAudit: (anchor) => audit.verify(anchor),
    auditHead: () => audit.head(),
    close: () => backend.close(),
  };
}
