/**
 * The memory backend: the same record-level interface as IndexedDB, kept in `Map`s for this session
 * only — the fallback when IndexedDB is unavailable (private modes, blocked storage, Node) and the
 * `storage: 'memory'` choice. Records are still sealed: the store above encrypts either way.
 *
 * Transactions are serialized and all-or-nothing (an undo log is replayed when the callback throws).
 * Range queries scan and sort: fine for a session's history, not meant for 100,000 records.
 *
 * @module
 */
import { StorageError } from '../errors.ts';
import type { Backend, BackendTx, Key, KeyRange } from './backend.ts';
import { PRIMARY_KEYS, TABLES, type TableName } from './schema.ts';

type Row = Record<string, unknown>;

/** IndexedDB's key order: numbers < strings < arrays (compared element by element). */
export function compareKeys(a: Key, b: Key): number {
  const rank = (k: Key) => (typeof k === 'number' ? 0 : typeof k === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareKeys(a[i] as Key, b[i] as Key);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function isKey(v: unknown): v is Key {
  if (typeof v === 'number') return !Number.isNaN(v);
  if (typeof v === 'string') return true;
  return Array.isArray(v) && v.every(isKey);
}

/** The value of an index (or key path) in a row, or `undefined` when the row is not in that index. */
function indexKey(table: TableName, row: Row, index: string): Key | undefined {
  const path = index === ':id' ? PRIMARY_KEYS[table] : index.startsWith('[') ? index.slice(1, -1).split('+') : index;
  const value = Array.isArray(path) ? path.map((p) => row[p]) : row[path];
  return isKey(value) ? value : undefined;
}

function inRange(key: Key, r: KeyRange): boolean {
  if (r.lower !== undefined) {
    const c = compareKeys(key, r.lower);
    if (c < 0 || (c === 0 && r.lowerOpen === true)) return false;
  }
  if (r.upper !== undefined) {
    const c = compareKeys(key, r.upper);
    if (c > 0 || (c === 0 && r.upperOpen === true)) return false;
  }
  return true;
}

/** Creates an empty memory backend. */
export function createMemoryBackend(): Backend {
  const tables = new Map<TableName, Map<string, Row>>(TABLES.map((t) => [t, new Map()]));
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  // Maps are keyed by a string form of the primary key (arrays are not usable as Map keys).
  const id = (key: Key) => JSON.stringify(key);
  const tableOf = (t: TableName) => tables.get(t) as Map<string, Row>;

  function select(t: TableName, range: KeyRange | undefined): Row[] {
    const rows = [...tableOf(t).values()];
    if (range === undefined)
      return rows.sort((a, b) => compareKeys(indexKey(t, a, ':id') as Key, indexKey(t, b, ':id') as Key));
    const keyed = rows
      .map((row) => ({ row, key: indexKey(t, row, range.index) }))
      .filter((x): x is { row: Row; key: Key } => x.key !== undefined && inRange(x.key, range))
      .sort((a, b) => compareKeys(a.key, b.key));
    if (range.reverse === true) keyed.reverse();
    return keyed.slice(0, range.limit ?? keyed.length).map((x) => x.row);
  }

  async function run<T>(fn: (tx: BackendTx) => Promise<T>): Promise<T> {
    const undo: (() => void)[] = [];
    const write = (t: TableName, row: Row) => {
      const map = tableOf(t);
      const key = id(indexKey(t, row, ':id') ?? fail(t));
      const before = map.get(key);
      undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)));
      map.set(key, structuredClone(row));
    };
    const remove = (t: TableName, key: string) => {
      const map = tableOf(t);
      const before = map.get(key);
      if (before === undefined) return;
      undo.push(() => map.set(key, before));
      map.delete(key);
    };
    const tx: BackendTx = {
      get: async <T>(t: TableName, key: Key) => structuredClone(tableOf(t).get(id(key))) as T | undefined,
      bulkGet: async <T>(t: TableName, keys: Key[]) =>
        keys.map((k) => structuredClone(tableOf(t).get(id(k)))) as (T | undefined)[],
      put: async (t, row) => write(t, row as Row),
      bulkPut: async (t, rows) => rows.forEach((row) => write(t, row as Row)),
      add: async (t, row) => {
        const key = indexKey(t, row as Row, ':id') ?? fail(t);
        if (tableOf(t).has(id(key))) throw new StorageError(`Key already exists in ${t}`, { code: 'constraint' });
        write(t, row as Row);
      },
      delete: async (t, key) => remove(t, id(key)),
      clear: async (t) => [...tableOf(t).keys()].forEach((k) => remove(t, k)),
      query: async <T>(t: TableName, range?: KeyRange) => select(t, range).map((r) => structuredClone(r)) as T[],
      count: async (t, range) => (range === undefined ? tableOf(t).size : select(t, range).length),
      deleteRange: async (t, range) => {
        const rows = select(t, range);
        for (const row of rows) remove(t, id(indexKey(t, row, ':id') as Key));
        return rows.length;
      },
    };
    try {
      return await fn(tx);
    } catch (e) {
      for (const u of undo.reverse()) u();
      throw e;
    }
  }

  return {
    persistent: false,
    transaction<T>(_mode: 'r' | 'rw', _tables: readonly unknown[], fn: (tx: BackendTx) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new StorageError('The store is closed', { code: 'closed' }));
      const result = queue.then(() => run(fn));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      closed = true;
      tables.clear();
    },
  };
}

function fail(table: TableName): never {
  throw new StorageError(`A row of ${table} has no valid primary key`, { code: 'data' });
}
