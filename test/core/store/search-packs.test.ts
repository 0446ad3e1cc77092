import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PACK_SIZE } from '../../../src/store/search-packs.ts';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';
import { flipBit, rawGetAll, rawPut } from '../../fixtures/store/raw-idb.ts';

type Pack = { id: string; last: string; count: number; entries: Uint8Array };

async function seeded(n: number) {
  const opened = await openTestStore();
  const c = await opened.store.createConversation('c');
  await opened.store.addMessages(
    Array.from({ length: n }, (_, i) => ({
      conversationId: c.id,
      role: 'user' as const,
      text: `item ${i} ${i % 10 === 0 ? 'tenth' : 'other'}`,
      createdAt: i,
    })),
  );
  const packs = () => rawGetAll<Pack>(opened.idb, 'test', 'searchPacks');
  const search = async (q: string) => (await opened.store.searchMessages(q)).map((m) => m.text).sort();
  return { ...opened, c, packs, search };
}

describe('search packs', () => {
  it('are built by the first search and give the same results as decrypting message by message', async () => {
    const { store, packs, search } = await seeded(PACK_SIZE * 2 + 123);
    assert.equal((await packs()).length, 0);
    const cold = await search('tenth');
    assert.equal(cold.length, Math.ceil((PACK_SIZE * 2 + 123) / 10));
    const built = await packs();
    assert.deepEqual(
      built.map((p) => p.count),
      [PACK_SIZE, PACK_SIZE],
    );
    assert.deepEqual(await search('tenth'), cold);
    const progress: number[] = [];
    await store.searchMessages('tenth', { onProgress: (p) => progress.push(p.scanned) });
    assert.equal(progress.at(-1), PACK_SIZE * 2 + 123);
    await store.close();
  });

  it('stay exact: new messages, imported (old) ids, deletions and erase', async () => {
    const { store, c, packs, search } = await seeded(PACK_SIZE * 2);
    await search('tenth');
    assert.equal((await packs()).length, 2);
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'fresh tenth' });
    assert.equal((await packs()).length, 2, 'new UUIDv7 ids sort after every pack');
    assert.ok((await search('tenth')).includes('fresh tenth'));
    // A backup of the older messages, imported elsewhere, then into a store whose packs cover other ids.
    const file = await store.exportBackup('pw pw pw');
    const { store: other, packs: otherPacks, search: otherSearch } = await seeded(PACK_SIZE);
    await otherSearch('tenth');
    assert.equal((await otherPacks()).length, 1);
    await other.importBackup(file, 'pw pw pw');
    assert.equal((await otherSearch('tenth')).length, PACK_SIZE / 10 + (PACK_SIZE * 2) / 10 + 1);
    await other.close();
    await store.deleteConversation(c.id);
    assert.equal((await packs()).length, 0);
    assert.deepEqual(await search('tenth'), []);
    await store.close();
  });

  it('a tampered pack is reported, dropped, and its messages still found', async () => {
    const { store, idb, packs, search, errors } = await seeded(PACK_SIZE * 2);
    const expected = await search('tenth');
    const [first] = await packs();
    await rawPut(idb, 'test', 'searchPacks', { ...(first as Pack), entries: flipBit((first as Pack).entries, 200) });
    assert.deepEqual(await search('tenth'), expected);
    assert.deepEqual(
      errors.map((e) => [e.table, e.recordId]),
      [['searchPacks', first?.id]],
    );
    assert.equal((await packs()).length, 2, 'rebuilt');
    // A pack whose clear range was edited fails too (its range and count are bound into the AAD).
    const [again] = await packs();
    await rawPut(idb, 'test', 'searchPacks', { ...(again as Pack), count: 1 });
    assert.deepEqual(await search('tenth'), expected);
    await store.close();
  });

  it('are not written when another connection changed messages during the search', async () => {
    const { store, idb, c, packs } = await seeded(PACK_SIZE);
    const { store: tab } = await openTestStore({ indexedDB: idb });
    let once = false;
    await store.searchMessages('tenth', {
      onProgress: () => {
        if (once) return;
        once = true;
        void tab.addMessage({ conversationId: c.id, role: 'user', text: 'racing' });
      },
      batchSize: 50,
    });
    assert.equal((await packs()).length, 0);
    await tab.close();
    await store.close();
  });
});
