import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LockedError, WrongPassphraseError } from '../../../src/errors.ts';
import { openStore } from '../../../src/store/index.ts';
import { freshIndexedDB, openTestStore } from '../../fixtures/store/fake-idb.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';

// Every unlock derives a PBKDF2 key at the real 600,000 iterations (~100 ms in Node): kept to a few.
describe('keys: passphrase mode, lock, change', () => {
  it('refuses 599,999 iterations synchronously with RangeError', () => {
    assert.throws(
      () => openStore({ encryption: { mode: 'passphrase', passphrase: 'pw', iterations: 599_999 } }),
      RangeError,
    );
    assert.throws(() => openStore({ encryption: { mode: 'passphrase', passphrase: '' } }), TypeError);
    assert.throws(() => openStore({ encryption: { mode: 'sideways' } as never }), TypeError);
    assert.throws(() => openStore({ name: '' }), TypeError);
  });

  it('opens locked without a passphrase, unlocks, and a wrong passphrase changes nothing', async () => {
    const idb = freshIndexedDB();
    const { store } = await openTestStore({
      indexedDB: idb,
      encryption: { mode: 'passphrase', passphrase: 'first pass' },
    });
    assert.equal(store.keyMode, 'passphrase');
    const c = await store.createConversation('private');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'secret' });
    await store.close();
    const keysBefore = await rawGetAll(idb, 'test', 'keys');

    const { store: locked } = await openTestStore({ indexedDB: idb, encryption: { mode: 'passphrase' } });
    assert.equal(locked.locked, true);
    await assert.rejects(locked.listConversations(), LockedError);
    await assert.rejects(locked.addMessage({ conversationId: c.id, role: 'user', text: 'x' }), LockedError);
    await assert.rejects(locked.unlock('wrong pass'), WrongPassphraseError);
    assert.equal(locked.locked, true);
    assert.deepEqual(await rawGetAll(idb, 'test', 'keys'), keysBefore);
    await locked.unlock('first pass');
    assert.deepEqual(
      (await locked.listMessages(c.id)).map((m) => m.text),
      ['secret'],
    );
    locked.lock();
    await assert.rejects(locked.listMessages(c.id), LockedError);
    await locked.close();

    await assert.rejects(
      openTestStore({ indexedDB: idb, encryption: { mode: 'passphrase', passphrase: 'nope' } }),
      WrongPassphraseError,
    );
  });

  it('changing the passphrase re-wraps the data key only; switching to a device key needs the passphrase', async () => {
    const idb = freshIndexedDB();
    const { store } = await openTestStore({
      indexedDB: idb,
      encryption: { mode: 'passphrase', passphrase: 'old pass' },
    });
    const c = await store.createConversation('t');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'kept' });
    const messagesBefore = await rawGetAll(idb, 'test', 'messages');
    await assert.rejects(store.changePassphrase('not old', 'new pass'), WrongPassphraseError);
    assert.throws(() => store.changePassphrase('old pass', 'new pass', { iterations: 599_999 }), RangeError);
    await store.changePassphrase('old pass', 'new pass');
    assert.deepEqual(await rawGetAll(idb, 'test', 'messages'), messagesBefore);
    assert.deepEqual(
      (await store.listAudit()).map((e) => e.type),
      ['key-set', 'key-change'],
    );
    await store.close();

    const { store: reopened } = await openTestStore({ indexedDB: idb, encryption: { mode: 'passphrase' } });
    await assert.rejects(reopened.unlock('old pass'), WrongPassphraseError);
    await reopened.unlock('new pass');
    await reopened.useDeviceKey('new pass');
    assert.equal(reopened.keyMode, 'device');
    await reopened.close();

    const { store: device } = await openTestStore({ indexedDB: idb });
    assert.equal(device.locked, false);
    assert.deepEqual(
      (await device.listMessages(c.id)).map((m) => m.text),
      ['kept'],
    );
    const [key] = await rawGetAll<{ kek?: CryptoKey; salt?: unknown }>(idb, 'test', 'keys');
    assert.equal(key?.kek?.extractable, false);
    assert.equal(key?.salt, undefined);
    await device.close();
  });

  it('a new passphrase store waits locked for its first passphrase', async () => {
    const { store } = await openTestStore({ encryption: { mode: 'passphrase' } });
    assert.equal(store.locked, true);
    assert.equal(store.keyMode, undefined);
    await store.unlock('chosen now');
    assert.equal(store.keyMode, 'passphrase');
    await store.createConversation('ok');
    await store.close();
  });
});
