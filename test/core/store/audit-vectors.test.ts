// The audit log's tamper vectors (test/fixtures/store/audit-vectors.ts) on fake-indexeddb, the sealed
// head across an erase, and logs written before heads were sealed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chainHash, GENESIS_HASH } from '../../../src/crypto/hash.ts';
import { HEAD_KEY } from '../../../src/store/audit-head.ts';
import { createAuditLog } from '../../../src/store/audit.ts';
import { createKeyManager } from '../../../src/store/key-manager.ts';
import { createMemoryBackend } from '../../../src/store/memory-backend.ts';
import { createSealer } from '../../../src/store/sealer.ts';
import { AUDIT_VECTORS, at, auditBench } from '../../fixtures/store/audit-vectors.ts';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';

describe('audit tamper vectors', () => {
  for (const vector of AUDIT_VECTORS) {
    it(`${vector.name}: ${vector.expected}`, async () => {
      const b = await auditBench({ ...(await openTestStore()), name: 'test' });
      assert.equal(b.rows.length, 6);
      assert.deepEqual(b.anchor, { seq: 6, hash: at(b, 5).hash });
      await vector.tamper(b);
      assert.equal(await b.store.verifyAudit(), vector.expected, 'without an anchor');
      assert.equal(await b.store.verifyAudit(b.anchor), vector.anchored ?? vector.expected, 'with the anchor');
      await b.close();
    });
  }

  it('every vector but the rollback is caught without an anchor', () => {
    const missed = AUDIT_VECTORS.filter((v) => v.expected === -1 && v.name !== 'nothing changed');
    assert.deepEqual(
      missed.map((v) => v.anchored),
      [4],
    );
  });
});

describe('audit head and erase', () => {
  it('an erase restarts the chain at an erase entry linked to the old head, and stays verifiable', async () => {
    const b = await auditBench({ ...(await openTestStore()), name: 'test' });
    await b.store.eraseAll();
    await b.store.appendAudit({ type: 'skill-call', detail: { skill: 'acme.after' } });
    const log = await b.store.listAudit();
    assert.deepEqual(
      log.map((e) => [e.seq, e.type]),
      [
        [7, 'erase'],
        [8, 'skill-call'],
      ],
    );
    assert.equal(log[0]?.prev, b.anchor.hash);
    assert.equal(await b.store.verifyAudit(), -1);
    assert.equal(await b.store.verifyAudit(b.anchor), -1, 'the anchor still links to the erased log');
    // Deleting the erase entry that starts the new chain is caught.
    await b.remove('audit', 7);
    assert.equal(await b.store.verifyAudit(), 0);
    await b.close();
  });

  it('the head record holds no detail in the clear and is sealed to its seq and hash', async () => {
    const b = await auditBench({ ...(await openTestStore()), name: 'test' });
    assert.deepEqual(Object.keys(b.head).sort(), ['hash', 'key', 'seq', 'value']);
    assert.equal(b.head.seq, 6);
    assert.equal(b.head.hash, at(b, 5).hash);
    await b.close();
  });
});

describe('a log written before heads were sealed', () => {
  // Written the way the previous release did: no `v`, no head record.
  async function legacyLog(n: number) {
    const backend = createMemoryBackend();
    const keys = createKeyManager(backend, { mode: 'device' });
    await keys.unlock();
    const sealer = createSealer('legacy', keys, undefined);
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const detail = { skill: `acme.s${seq}` };
      const clear = { seq, at: 1_700_000_000_000 + seq, type: 'skill-call', prev };
      const hash = await chainHash(prev, { seq, at: clear.at, type: clear.type, detail });
      const sealed = await sealer.seal('audit', seq, 'detail', detail, [clear.at, clear.type, prev, hash]);
      await backend.transaction('rw', ['audit'], (tx) => tx.add('audit', { ...clear, hash, detail: sealed }));
      prev = hash;
    }
    return { backend, audit: createAuditLog(backend, sealer) };
  }

  it('verifies as it is, is adopted by the next append, and from then on its head is sealed', async () => {
    const { backend, audit } = await legacyLog(4);
    assert.equal(await audit.verify(), -1);
    await audit.append({ type: 'skill-call', detail: { skill: 'acme.new' } });
    assert.equal(await audit.verify(), -1);
    assert.deepEqual((await audit.head()).seq, 5);
    // Now the head is part of the log's promise: deleting it is caught.
    await backend.transaction('rw', ['meta'], (tx) => tx.delete('meta', HEAD_KEY));
    assert.equal(await audit.verify(), 5);
  });

  it('still must start at genesis', async () => {
    const { backend, audit } = await legacyLog(4);
    await backend.transaction('rw', ['audit'], (tx) => tx.delete('audit', 1));
    assert.equal(await audit.verify(), 0);
  });
});
