// No fake-indexeddb here: plain Node has no IndexedDB, which is the fallback case itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LockedError, WrongPassphraseError } from '../../../src/errors.ts';
import { openStore } from '../../../src/store/index.ts';
import { createMemoryBackend } from '../../../src/store/memory-backend.ts';

describe('memory store and the IndexedDB-unavailable fallback', () => {
  it('falls back to memory with a clear warning when there is no IndexedDB', async () => {
    assert.equal((globalThis as { indexedDB?: unknown }).indexedDB, undefined);
    const store = await openStore();
    assert.equal(store.persistent, false);
    assert.equal(store.warning?.code, 'indexeddb-unavailable');
    assert.match(store.warning?.message ?? '', /memory/);
    const c = await store.createConversation('in memory');
    await store.addMessages(
      [1, 2, 3].map((i) => ({ conversationId: c.id, role: 'user' as const, text: `x${i}`, createdAt: i })),
    );
    assert.deepEqual(
      (await store.listMessages(c.id, { limit: 2 })).map((m) => m.text),
      ['x3', 'x2'],
    );
    assert.deepEqual(
      (await store.listMessages(c.id, { before: 2 })).map((m) => m.text),
      ['x1'],
    );
    assert.deepEqual(
      (await store.searchMessages('X2')).map((m) => m.text),
      ['x2'],
    );
    await store.deleteConversation(c.id);
    assert.equal(await store.countMessages(), 0);
    assert.equal(await store.verifyAudit(), -1);
    await store.close();
  });

  it('falls back when IndexedDB refuses to open (private mode, opaque origins)', async () => {
    const refusing = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const store = await openStore({ indexedDB: refusing });
    assert.equal(store.persistent, false);
    assert.equal(store.warning?.code, 'indexeddb-unavailable');
    assert.ok(store.warning?.cause instanceof Error);
    await store.close();
  });

  it('storage: memory is memory without a warning, and passphrase mode works there too', async () => {
    const store = await openStore({ storage: 'memory', encryption: { mode: 'passphrase', passphrase: 'mem pass' } });
    assert.equal(store.warning, undefined);
    await store.settings().set('k', 'v');
    store.lock();
    await assert.rejects(store.settings().get('k'), LockedError);
    await assert.rejects(store.unlock('wrong'), WrongPassphraseError);
    await store.unlock('mem pass');
    assert.equal(await store.settings().get('k'), 'v');
    await store.close();
  });

  it('memory transactions are all-or-nothing', async () => {
    const backend = createMemoryBackend();
    await backend.transaction('rw', ['settings'], (tx) => tx.put('settings', { key: 'a', value: new Uint8Array([1]) }));
    await assert.rejects(
      backend.transaction('rw', ['settings'], async (tx) => {
        await tx.put('settings', { key: 'a', value: new Uint8Array([2]) });
        await tx.put('settings', { key: 'b', value: new Uint8Array([3]) });
        await tx.delete('settings', 'a');
        throw new Error('crash mid-write');
      }),
      /crash mid-write/,
    );
    const rows = await backend.transaction('r', ['settings'], (tx) =>
      tx.query<{ key: string; value: Uint8Array }>('settings'),
    );
    assert.deepEqual(rows, [{ key: 'a', value: new Uint8Array([1]) }]);
    await assert.rejects(
      backend.transaction('rw', ['settings'], (tx) => tx.add('settings', { key: 'a' })),
      (e: Error & { code?: string }) => e.code === 'constraint',
    );
  });
});
