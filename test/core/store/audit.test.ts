import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GENESIS_HASH } from '../../../src/crypto/hash.ts';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';
import { flipBit, rawGetAll, rawOpen, rawPut } from '../../fixtures/store/raw-idb.ts';

type AuditRow = { seq: number; at: number; type: string; prev: string; hash: string; detail: Uint8Array };

async function rawDelete(idb: IDBFactory, seq: number): Promise<void> {
  const db = await rawOpen(idb, 'test');
  const tx = db.transaction('audit', 'readwrite');
  tx.objectStore('audit').delete(seq);
  await new Promise((r) => (tx.oncomplete = r));
  db.close();
}

async function storeWithLog() {
  const opened = await openTestStore();
  for (let i = 0; i < 5; i++)
    await opened.store.appendAudit({ type: 'skill-call', detail: { skill: `acme.s${i}`, ok: true } });
  return opened;
}

describe('audit log', () => {
  it('chains every entry to the previous one; verifyAudit returns -1 when all are good', async () => {
    const { store } = await storeWithLog();
    const log = await store.listAudit();
    assert.deepEqual(
      log.map((e) => e.seq),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(log[0]?.type, 'key-set');
    assert.equal(log[0]?.prev, GENESIS_HASH);
    for (let i = 1; i < log.length; i++) assert.equal(log[i]?.prev, log[i - 1]?.hash);
    assert.equal(await store.verifyAudit(), -1);
    assert.deepEqual(await store.auditHead(), { seq: 6, hash: log[5]?.hash });
    await store.close();
  });

  it('returns the index of the first bad entry: edited detail, edited type, removed or reordered entries', async () => {
    const { store, idb } = await storeWithLog();
    const rows = await rawGetAll<AuditRow>(idb, 'test', 'audit');
    const at = (i: number) => rows[i] as AuditRow;

    await rawPut(idb, 'test', 'audit', { ...at(3), detail: flipBit(at(3).detail, 40) });
    assert.equal(await store.verifyAudit(), 3);
    await rawPut(idb, 'test', 'audit', at(3), { ...at(2), type: 'export' });
    assert.equal(await store.verifyAudit(), 2);
    await rawPut(idb, 'test', 'audit', at(2), { ...at(4), at: at(4).at + 1 });
    assert.equal(await store.verifyAudit(), 4);
    await rawPut(idb, 'test', 'audit', at(4));
    assert.equal(await store.verifyAudit(), -1);
    // Swap two entries' content (keeping their seq keys): the chain breaks at the first.
    await rawPut(idb, 'test', 'audit', { ...at(2), seq: 4 }, { ...at(3), seq: 3 });
    assert.equal(await store.verifyAudit(), 2);
    await rawPut(idb, 'test', 'audit', at(2), at(3));
    await rawDelete(idb, 2);
    assert.equal(await store.verifyAudit(), 1);
    await store.close();
  });

  it('entries cut off the end are caught by the sealed head, and by an anchored head', async () => {
    const { store, idb } = await storeWithLog();
    const head = await store.auditHead();
    assert.equal(await store.verifyAudit(head), -1);
    await rawDelete(idb, 6);
    assert.equal(await store.verifyAudit(), 5);
    assert.equal(await store.verifyAudit(head), 5);
    await store.close();
  });

  it('keeps one unbroken chain when two connections append at once', async () => {
    const { store: a, idb } = await openTestStore();
    const { store: b } = await openTestStore({ indexedDB: idb });
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 ? a : b).appendAudit({ type: 'network-call', detail: { origin: 'https://api.example', n: i } }),
      ),
    );
    const log = await a.listAudit();
    assert.equal(log.length, 61);
    assert.deepEqual(
      log.map((e) => e.seq),
      Array.from({ length: 61 }, (_, i) => i + 1),
    );
    assert.equal(await b.verifyAudit(), -1);
    await a.close();
    await b.close();
  });

  it('takes identifiers and counts only', async () => {
    const { store } = await openTestStore();
    await assert.rejects(store.appendAudit({ type: 'skill-call', detail: { text: 'x'.repeat(201) } }), TypeError);
    await assert.rejects(store.appendAudit({ type: 'skill-call', detail: { nested: { a: 1 } as never } }), TypeError);
    await assert.rejects(store.appendAudit({ type: '' as never }), TypeError);
    const c = await store.createConversation('my secret title');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'my secret message' });
    await store.applyRetention(30);
    await store.deleteConversation(c.id);
    await store.exportBackup('backup pass');
    const log = JSON.stringify(await store.listAudit());
    assert.equal(log.includes('secret'), false);
    assert.deepEqual(
      (await store.listAudit()).map((e) => e.type),
      ['key-set', 'retention', 'delete-conversation', 'export'],
    );
    await store.close();
  });
});
