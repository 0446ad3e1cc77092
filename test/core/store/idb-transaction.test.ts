import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshIndexedDB } from '../../fixtures/store/fake-idb.ts';
import { openDexieBackend } from '../../../src/store/dexie-backend.ts';
import { StorageError } from '../../../src/errors.ts';

// The native transactions under the store (src/store/idb-transaction.ts): all or nothing, ranges
// read as Dexie read them, and the failures a store must name.
test('native transactions: ranges, all-or-nothing, a constraint and a premature commit are StorageErrors', async () => {
  const backend = await openDexieBackend({ name: 'idb-tx', indexedDB: freshIndexedDB() });
  try {
    const rows = [5, 1, 4, 2, 3].map((n) => ({
      id: `c${n}`,
      createdAt: n,
      updatedAt: 10 - n,
      title: new Uint8Array(1),
    }));
    await backend.transaction('rw', ['conversations'], (tx) => tx.bulkPut('conversations', rows));
    const ids = (list: { id: string }[]) => list.map((r) => r.id);
    await backend.transaction('r', ['conversations'], async (tx) => {
      assert.deepEqual(ids(await tx.query('conversations', { index: 'updatedAt', reverse: true, limit: 2 })), [
        'c1',
        'c2',
      ]);
      assert.deepEqual(
        ids(await tx.query('conversations', { index: ':id', lower: 'c2', upper: 'c4', upperOpen: true })),
        ['c2', 'c3'],
      );
      // An inverted range is no rows, as in Dexie (IDBKeyRange.bound would throw).
      assert.deepEqual(await tx.query('conversations', { index: ':id', lower: 'c4', upper: 'c2' }), []);
      assert.equal(await tx.count('conversations', { index: 'updatedAt', upper: 6 }), 2);
      assert.deepEqual(
        (await tx.bulkGet('conversations', ['c3', 'nope'])).map((r) => (r as { id?: string } | undefined)?.id),
        ['c3', undefined],
      );
    });
    // A failed add aborts the whole transaction: the put before it is not kept.
    await assert.rejects(
      backend.transaction('rw', ['conversations'], async (tx) => {
        await tx.put('conversations', { ...rows[0], id: 'c9' });
        await tx.add('conversations', rows[1]!);
      }),
      (e: unknown) => e instanceof StorageError && e.code === 'constraint',
    );
    // So does a throw of the caller's own (passed on as the cause).
    await assert.rejects(
      backend.transaction('rw', ['conversations'], async (tx) => {
        await tx.put('conversations', { ...rows[0], id: 'c8' });
        throw new TypeError('changed my mind');
      }),
      (e: unknown) => e instanceof StorageError && e.cause instanceof TypeError,
    );
    // Awaiting something else than a request inside a transaction lets it commit under the caller.
    await assert.rejects(
      backend.transaction('rw', ['conversations'], async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.put('conversations', { ...rows[0], id: 'c7' });
      }),
      (e: unknown) => e instanceof StorageError && e.code === 'inactive',
    );
    const removed = await backend.transaction('rw', ['conversations'], (tx) =>
      tx.deleteRange('conversations', { index: 'updatedAt', upper: 6 }),
    );
    assert.equal(removed, 2);
    const left = await backend.transaction('r', ['conversations'], (tx) => tx.query<{ id: string }>('conversations'));
    assert.deepEqual(ids(left), ['c1', 'c2', 'c3']);
  } finally {
    await backend.close();
  }
});
