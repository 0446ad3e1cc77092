/**
 * The IndexedDB backend, through Dexie 4.
 *
 * Several tabs: each tab has its own connection. When another tab upgrades the schema, Dexie's
 * `versionchange` handler closes this connection so the upgrade is not blocked, and the next call
 * reopens it lazily (Dexie 4's auto-open; a newer installed version is opened as is). Key records
 * go through a second connection opened with `strict` durability, so a power cut cannot lose a
 * re-wrapped key after the call said it was saved.
 *
 * @module
 */
import Dexie from 'dexie';
import type { Backend, BackendTx, TransactionOptions } from './backend.ts';
import { idbTransaction, type IdbKeys } from './idb-transaction.ts';
import { StorageError } from '../errors.ts';
import { mapStorageError } from './platform-errors.ts';
import { SCHEMA_HISTORY, type TableName } from './schema.ts';

/** Options of {@link openDexieBackend}. */
export interface DexieBackendOptions {
  name: string;
  /** @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
  /** @default globalThis.IDBKeyRange */
  IDBKeyRange?: typeof IDBKeyRange;
  /** Open at this schema version (tests of migrations). @default the newest */
  version?: number;
  /** Told once when another connection deletes the database (`indexedDB.deleteDatabase`). */
  onDeleted?: () => void;
}

function createDexie(options: DexieBackendOptions, durability: 'strict' | 'relaxed'): Dexie {
  const keyRange = options.IDBKeyRange ?? (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  const db = new Dexie(options.name, {
    ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
    // Read the globals now, not when Dexie was imported: a polyfill (fake-indexeddb in Node) may come later.
    ...(keyRange === undefined ? {} : { IDBKeyRange: keyRange }),
    chromeTransactionDurability: durability,
  });
  for (const v of SCHEMA_HISTORY) {
    if (options.version !== undefined && v.version > options.version) break;
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade !== undefined) version.upgrade(v.upgrade);
  }
  return db;
}

/**
 * Opens (creating or upgrading) the database.
 * @throws {StorageError} code `unavailable` when IndexedDB is missing or refuses to open.
 */
export async function openDexieBackend(options: DexieBackendOptions): Promise<Backend> {
  let strict: Dexie | undefined;
  let closed = false;
  let deleted = false;
  // Deleted under us (another tab, the browser's "clear site data", a test): Dexie closes and would
  // quietly reopen an empty database on the next call, where records sealed with the key in memory
  // but without its key record would be unreadable forever. Refuse instead; the engine reopens.
  const watch = (d: Dexie) => {
    d.on('versionchange', (event: IDBVersionChangeEvent) => {
      if (event.newVersion !== null && event.newVersion !== 0) return;
      const first = !deleted;
      deleted = true;
      if (first) options.onDeleted?.();
    });
    return d;
  };
  const db = watch(createDexie(options, 'relaxed'));
  // The IndexedDB implementation Dexie was given (a polyfill in Node), for the native transactions.
  const platform: IdbKeys = {
    indexedDB: options.indexedDB ?? globalThis.indexedDB,
    IDBKeyRange: options.IDBKeyRange ?? globalThis.IDBKeyRange,
  };
  try {
    await db.open();
  } catch (e) {
    db.close();
    throw mapStorageError(e, 'opening the database');
  }

  return {
    persistent: true,
    async transaction<T>(
      mode: 'r' | 'rw',
      tables: readonly TableName[],
      fn: (tx: BackendTx) => Promise<T>,
      opts: TransactionOptions = {},
    ): Promise<T> {
      if (closed) throw mapStorageError(new Dexie.DatabaseClosedError(), 'using a closed store');
      if (deleted) throw new StorageError('The database was deleted by another connection', { code: 'deleted' });
      const durability = opts.durability ?? 'relaxed';
      const target = durability === 'strict' ? (strict ??= watch(createDexie(options, 'strict'))) : db;
      try {
        // Reopened here when another connection's upgrade closed it (Dexie would auto-open on its own calls).
        if (!target.isOpen()) await target.open();
        return await idbTransaction(target.backendDB(), mode, tables, fn, durability, platform);
      } catch (e) {
        throw mapStorageError(e, `a ${mode === 'rw' ? 'write' : 'read'} of ${tables.join(', ')}`);
      }
    },
    async close() {
      closed = true;
      db.close();
      strict?.close();
    },
  };
}
