/**
 * One IndexedDB transaction as the store's {@link BackendTx}, on the native API. Dexie still opens,
 * upgrades and watches the database (`dexie-backend.ts`); the reads and writes of every turn go
 * straight to IndexedDB: Dexie's promise zones, its middleware stack and its transaction bookkeeping
 * cost more than the requests themselves on a turn's few small records (a CPU profile of the Worker
 * in `npm run bench:dialogue` showed Dexie as its largest cost). Native promises keep a transaction
 * alive between requests, as Dexie's do: a request made in a `then` of another's result is in time.
 *
 * Hand-written rather than another library (`idb`): it is the store's own seam, a page of code, and
 * it must keep Dexie's key conventions (`:id` for the primary key, `[a+b]` compound index names,
 * Dexie's lowest and highest keys) so both paths read the same database the same way.
 *
 * @module
 */
import type { BackendTx, Key, KeyRange } from './backend.ts';
import type { TableName } from './schema.ts';

/** Dexie's lowest and highest keys (`Dexie.minKey`, `Dexie.maxKey`), which the store's ranges use. */
const MIN_KEY = -Infinity;
const MAX_KEY: Key = [[]];

/**
 * A request's result as a promise. Marked handled: when one request of several fails, the others
 * reject with the transaction's abort after their caller stopped listening (`Promise.all`), and
 * that is no unhandled rejection; the caller of a lone request still gets its rejection.
 */
function request<T>(req: IDBRequest<T>): Promise<T> {
  const result = new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  result.catch(() => undefined);
  return result;
}

/** The platform's key functions: the factory's `cmp` and `IDBKeyRange` (a polyfill's in Node). */
export interface IdbKeys {
  indexedDB: Pick<IDBFactory, 'cmp'>;
  IDBKeyRange: Pick<typeof IDBKeyRange, 'bound'>;
}

/** The object store or index a range reads, and its key range; `null` when the range is empty. */
function source(
  tx: IDBTransaction,
  table: TableName,
  range: KeyRange | undefined,
  platform: IdbKeys,
): { from: IDBObjectStore | IDBIndex; keys: IDBKeyRange | undefined } | null {
  const store = tx.objectStore(table);
  if (range === undefined) return { from: store, keys: undefined };
  const from = range.index === ':id' ? store : store.index(range.index);
  const lower = range.lower ?? MIN_KEY;
  const upper = range.upper ?? MAX_KEY;
  const order = platform.indexedDB.cmp(lower, upper);
  // Dexie reads an inverted or empty range as no rows; IDBKeyRange.bound throws on it.
  if (order > 0 || (order === 0 && (range.lowerOpen === true || range.upperOpen === true))) return null;
  return { from, keys: platform.IDBKeyRange.bound(lower, upper, range.lowerOpen === true, range.upperOpen === true) };
}

/** Primary keys and rows of a range, in its order, up to its limit (a cursor only when reversed or for keys). */
async function scan<T>(
  tx: IDBTransaction,
  table: TableName,
  range: KeyRange | undefined,
  platform: IdbKeys,
  visit?: (cursor: IDBCursorWithValue) => void,
): Promise<T[]> {
  const at = source(tx, table, range, platform);
  if (at === null) return [];
  const limit = range?.limit;
  if (visit === undefined && range?.reverse !== true) return request(at.from.getAll(at.keys, limit) as IDBRequest<T[]>);
  const rows: T[] = [];
  const req = at.from.openCursor(at.keys, range?.reverse === true ? 'prev' : 'next');
  return new Promise((resolve, reject) => {
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (cursor === null || (limit !== undefined && rows.length >= limit)) return resolve(rows);
      rows.push(cursor.value as T);
      visit?.(cursor);
      cursor.continue();
    };
  });
}

/**
 * The store's operations inside one native transaction.
 * @param tx the transaction
 * @param platform the key functions of the IndexedDB implementation the transaction belongs to
 * @returns the operations
 */
export function idbTx(tx: IDBTransaction, platform: IdbKeys): BackendTx {
  const store = (name: TableName) => tx.objectStore(name);
  return {
    get: <T>(name: TableName, key: Key) => request(store(name).get(key)) as Promise<T | undefined>,
    bulkGet: <T>(name: TableName, keys: Key[]) =>
      Promise.all(keys.map((key) => request(store(name).get(key)))) as Promise<(T | undefined)[]>,
    put: async (name, row) => {
      await request(store(name).put(row));
    },
    bulkPut: async (name, rows) => {
      const s = store(name);
      await Promise.all(rows.map((row) => request(s.put(row))));
    },
    add: async (name, row) => {
      await request(store(name).add(row));
    },
    delete: async (name, key) => {
      await request(store(name).delete(key));
    },
    clear: async (name) => {
      await request(store(name).clear());
    },
    query: <T>(name: TableName, range?: KeyRange) => scan<T>(tx, name, range, platform),
    count: async (name, range) => {
      if (range?.limit !== undefined) return (await scan(tx, name, range, platform)).length;
      const at = source(tx, name, range, platform);
      return at === null ? 0 : request(at.from.count(at.keys));
    },
    deleteRange: async (name, range) => (await scan(tx, name, range, platform, (cursor) => cursor.delete())).length,
  };
}

/**
 * Runs `fn` in one native transaction: resolves with its result once the transaction committed;
 * if `fn` rejects, the transaction is aborted and the promise rejects with `fn`'s error (else with
 * the transaction's own error when it aborts by itself, e.g. a failed `add`).
 * @param db the open database
 * @param mode read or read-write
 * @param tables the object stores it spans
 * @param fn the work
 * @param durability `strict` flushes to disk before `complete`
 * @param platform the key functions of the IndexedDB implementation `db` belongs to
 */
export function idbTransaction<T>(
  db: IDBDatabase,
  mode: 'r' | 'rw',
  tables: readonly TableName[],
  fn: (tx: BackendTx) => Promise<T>,
  durability: 'strict' | 'relaxed',
  platform: IdbKeys,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction([...tables], mode === 'rw' ? 'readwrite' : 'readonly', { durability });
    let result: { value: T } | undefined;
    let failure: { error: unknown } | undefined;
    tx.oncomplete = () => {
      if (result !== undefined) return resolve(result.value);
      // Committed before `fn` finished: it awaited something else than a request (Dexie's PrematureCommitError).
      reject(
        failure?.error ??
          new DOMException('The transaction committed before its work finished', 'TransactionInactiveError'),
      );
    };
    tx.onabort = () =>
      reject(failure?.error ?? tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
    fn(idbTx(tx, platform)).then(
      (value) => (result = { value }),
      (error: unknown) => {
        failure = { error };
        try {
          tx.abort();
        } catch {
          // Already finished or aborting (a failed request aborts it by itself).
        }
      },
    );
  });
}
