/**
 * Seals and opens the sensitive fields of records with the data key, binding each to the database,
 * table, record id, field and schema version (see `crypto/envelope.ts`). A record that fails
 * authentication on read is reported through `onError` and skipped, so one damaged record never
 * hides the rest of a listing.
 *
 * @module
 */
import { openBatch, sealBatch } from '../crypto/batch.ts';
import { open, seal, type RecordKey } from '../crypto/envelope.ts';
import { CryptoError } from '../errors.ts';
import type { KeyManager } from './key-manager.ts';
import { SCHEMA_VERSION, type TableName } from './schema.ts';
import type { StoreErrorEvent } from './types.ts';

/** Returned by {@link Sealer.tryOpen} for a record that failed and was reported. */
export const SKIPPED: unique symbol = Symbol('skipped');

/** One field of one record, for the batch calls. */
export interface FieldRef {
  id: RecordKey;
  bound?: readonly (string | number)[];
}

/** Seals and opens fields of one database. */
export interface Sealer {
  /** Seals the same field of many records (one batch: the fast path for bulk writes). */
  sealMany(table: TableName, field: string, items: readonly (FieldRef & { value: unknown })[]): Promise<Uint8Array[]>;
  /** Opens the same field of many records; failures are reported and come back as {@link SKIPPED}. */
  openMany<T>(
    table: TableName,
    field: string,
    items: readonly (FieldRef & { sealed: Uint8Array })[],
  ): Promise<(T | typeof SKIPPED)[]>;
  /** Seals one field of one record (at the current schema version). */
  seal(
    table: TableName,
    id: RecordKey,
    field: string,
    value: unknown,
    bound?: readonly (string | number)[],
  ): Promise<Uint8Array>;
  /** Opens one field. @throws {CryptoError} code `auth` when it fails authentication. */
  open<T>(
    table: TableName,
    id: RecordKey,
    field: string,
    sealed: Uint8Array,
    bound?: readonly (string | number)[],
  ): Promise<T>;
  /** Opens one field, or reports the failure and returns {@link SKIPPED}. Locked-store errors still throw. */
  tryOpen<T>(
    table: TableName,
    id: RecordKey,
    field: string,
    sealed: Uint8Array,
    bound?: readonly (string | number)[],
  ): Promise<T | typeof SKIPPED>;
}

/** Creates the sealer of database `db`. */
export function createSealer(
  db: string,
  keys: KeyManager,
  onError: ((event: StoreErrorEvent) => void) | undefined,
): Sealer {
  const ctx = (table: TableName, id: RecordKey, field: string, bound?: readonly (string | number)[]) =>
    bound === undefined ? { db, table, id, field } : { db, table, id, field, bound };

  const sealer: Sealer = {
    async sealMany(table, field, items) {
      return sealBatch(keys.key(), { db, table, field }, items, SCHEMA_VERSION);
    },
    async openMany<T>(table: TableName, field: string, items: readonly (FieldRef & { sealed: Uint8Array })[]) {
      const values = await openBatch(keys.key(), { db, table, field }, items, SCHEMA_VERSION);
      return values.map((v, i) => {
        if (!(v instanceof CryptoError)) return v as T;
        report(table, (items[i] as FieldRef).id, v);
        return SKIPPED;
      });
    },
    async seal(table, id, field, value, bound) {
      return seal(keys.key(), ctx(table, id, field, bound), value, SCHEMA_VERSION);
    },
    async open<T>(
      table: TableName,
      id: RecordKey,
      field: string,
      sealed: Uint8Array,
      bound?: readonly (string | number)[],
    ) {
      return (await open(keys.key(), ctx(table, id, field, bound), sealed, SCHEMA_VERSION)) as T;
    },
    async tryOpen<T>(
      table: TableName,
      id: RecordKey,
      field: string,
      sealed: Uint8Array,
      bound?: readonly (string | number)[],
    ) {
      const key = keys.key();
      try {
        return (await open(key, ctx(table, id, field, bound), sealed, SCHEMA_VERSION)) as T;
      } catch (error) {
        if (!(error instanceof CryptoError)) throw error;
        report(table, id, error);
        return SKIPPED;
      }
    },
  };

  function report(table: TableName, id: RecordKey, error: CryptoError): void {
    const recordId = Array.isArray(id) ? id.join('/') : String(id);
    try {
      onError?.({ type: 'storage-error', code: error.code, table, recordId, message: error.message, error });
    } catch {
      // A throwing listener must not break the listing it is told about.
    }
  }

  return sealer;
}
