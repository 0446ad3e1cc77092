/**
 * Maps IndexedDB's and Dexie's errors to Confidant's, once, at the edge (after Dexie's own
 * `mapError`). The original error stays as `cause`; Confidant's own errors pass through untouched.
 *
 * @module
 */
import { ConfidantError, StorageError } from '../errors.ts';

/** Platform error names (DOMException or Dexie) and the `StorageError` code each maps to. */
const CODES: Record<string, string> = {
  QuotaExceededError: 'quota',
  DatabaseClosedError: 'closed',
  InvalidStateError: 'closed',
  MissingAPIError: 'unavailable',
  SecurityError: 'unavailable',
  OpenFailedError: 'unavailable',
  VersionError: 'version',
  ConstraintError: 'constraint',
  DataCloneError: 'data',
  DataError: 'data',
  TransactionInactiveError: 'inactive',
  ReadOnlyError: 'read-only',
  UnknownError: 'unknown',
  TimeoutError: 'timeout',
};

/** The most specific platform error name in a chain (Dexie wraps the DOMException as `inner`, e.g. AbortError → QuotaExceededError). */
export function platformErrorName(error: unknown): string | undefined {
  let found: string | undefined;
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && (found === undefined || name in CODES)) found = name;
    if (typeof name === 'string' && name in CODES) return name;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return found;
}

/** Wraps any thrown value as a `StorageError` with a code from {@link CODES} (or `storage`). */
export function mapStorageError(error: unknown, doing: string): Error {
  if (error instanceof ConfidantError) return error;
  if (typeof DOMException !== 'undefined' && error instanceof DOMException && error.name === 'AbortError') return error;
  const name = platformErrorName(error);
  const code = (name === undefined ? undefined : CODES[name]) ?? 'storage';
  const what = code === 'quota' ? 'the storage quota is exceeded' : `${name ?? 'unknown error'}`;
  return new StorageError(`Storage failed while ${doing}: ${what}`, { code, cause: error });
}
