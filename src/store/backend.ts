/**
 * The storage seam: the store's logic (encryption, audit, paging, search) runs on this small
 * record-level interface, implemented twice — IndexedDB through Dexie (`dexie-backend.ts`) and a
 * memory fallback (`memory-backend.ts`) for when IndexedDB is unavailable or not wanted.
 *
 * A transaction's callback may only await the transaction's own calls: never WebCrypto (IndexedDB
 * commits a transaction as soon as it has no pending request, so an awaited `encrypt` would let it
 * close under our feet — see TOOLCHAIN.md). Everything is sealed before `transaction` is called.
 *
 * @module
 */
import type { TableName } from './schema.ts';

/** An IndexedDB key: a number, a string, or an array of keys. */
export type Key = number | string | Key[];

/** A key range over an index (`:id` is the primary key), optionally reversed and limited. */
export interface KeyRange {
  /** `:id`, a field name, or a compound index such as `[conversationId+createdAt]`. */
  index: string;
  /** @default the lowest key */
  lower?: Key;
  /** @default the highest key */
  upper?: Key;
  /** Exclude `lower` itself. @default false */
  lowerOpen?: boolean;
  /** Exclude `upper` itself. @default false */
  upperOpen?: boolean;
  /** Highest keys first. @default false */
  reverse?: boolean;
  limit?: number;
}

/** The calls available inside a transaction. Rows are structured clones: mutating them changes nothing stored. */
export interface BackendTx {
  get<T>(table: TableName, key: Key): Promise<T | undefined>;
  bulkGet<T>(table: TableName, keys: Key[]): Promise<(T | undefined)[]>;
  put(table: TableName, row: object): Promise<void>;
  bulkPut(table: TableName, rows: object[]): Promise<void>;
  /** Inserts; fails (and aborts the transaction) when the key exists. */
  add(table: TableName, row: object): Promise<void>;
  delete(table: TableName, key: Key): Promise<void>;
  clear(table: TableName): Promise<void>;
  /** Rows in a range; the whole table without one. */
  query<T>(table: TableName, range?: KeyRange): Promise<T[]>;
  count(table: TableName, range?: KeyRange): Promise<number>;
  /** Deletes the rows in a range; returns how many. */
  deleteRange(table: TableName, range: KeyRange): Promise<number>;
}

/** Options of one transaction. */
export interface TransactionOptions {
  /** `strict` flushes to disk before resolving (key records). @default relaxed */
  durability?: 'strict' | 'relaxed';
}

/** A storage backend. Platform errors come out mapped to `StorageError` (see `platform-errors.ts`). */
export interface Backend {
  /** `true` for IndexedDB. */
  readonly persistent: boolean;
  /**
   * Runs `fn` in one all-or-nothing transaction over `tables`: if it throws, nothing it wrote stays.
   * @throws {StorageError} mapped from the platform's error (`quota`, `closed`, `constraint`, …).
   */
  transaction<T>(
    mode: 'r' | 'rw',
    tables: readonly TableName[],
    fn: (tx: BackendTx) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
  /** Closes the connection(s); later calls throw `StorageError` code `closed`. */
  close(): Promise<void>;
}
