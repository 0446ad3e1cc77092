// Passkey wraps of the data key, in the store (the WebAuthn ceremony itself is tested in Chromium,
// test/browser/store/passkey.test.ts): enrolling needs the passphrase, the PRF output unlocks, a
// wrong one or an unknown credential changes nothing, a new passphrase keeps the passkeys and a
// move to device mode drops them. Each passphrase use is a real PBKDF2 (600,000 iterations).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CryptoError, WrongPassphraseError } from '../../../src/errors.ts';
import { freshIndexedDB, openTestStore } from '../../fixtures/store/fake-idb.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
const enrollment = (id: number) => ({
  credentialId: bytes(16, id),
  prfSalt: bytes(32, id + 1),
  prfOutput: bytes(32, id + 2),
});
const codeOf = (code: string) => (e: unknown) => e instanceof CryptoError && e.code === code;

describe('passkeys', () => {
  it('enroll with the passphrase, unlock with the PRF output; wrong or unknown ones change nothing', async () => {
    const idb = freshIndexedDB();
    const { store } = await openTestStore({
      indexedDB: idb,
      encryption: { mode: 'passphrase', passphrase: 'pass one' },
    });
    const c = await store.createConversation('kept');
    await assert.rejects(store.addPasskey('wrong', enrollment(1)), WrongPassphraseError);
    await assert.rejects(store.addPasskey('pass one', { ...enrollment(1), prfSalt: bytes(8, 1) }), TypeError);
    await store.addPasskey('pass one', enrollment(1));
    await store.addPasskey('pass one', enrollment(5));
    assert.deepEqual(
      (await store.passkeys()).map((p) => p.credentialId[0]),
      [1, 5],
    );
    store.lock();
    const keysBefore = await rawGetAll(idb, 'test', 'keys');
    await assert.rejects(store.unlockWithPasskey(bytes(16, 1), bytes(32, 9)), codeOf('wrong-passkey'));
    await assert.rejects(store.unlockWithPasskey(bytes(16, 7), bytes(32, 3)), codeOf('unknown-passkey'));
    // The PRF output of the other passkey does not unlock this one's wrap (the KEK is bound to the id).
    await assert.rejects(store.unlockWithPasskey(bytes(16, 1), bytes(32, 7)), codeOf('wrong-passkey'));
    assert.equal(store.locked, true);
    assert.deepEqual(await rawGetAll(idb, 'test', 'keys'), keysBefore);
    await store.unlockWithPasskey(bytes(16, 5), bytes(32, 7));
    assert.equal(store.locked, false);
    assert.equal((await store.listConversations())[0]?.id, c.id);
    const audit = (await store.listAudit()).map((e) => [e.type, e.detail['passkey']]);
    assert.deepEqual(audit.slice(-2), [
      ['key-change', 'added'],
      ['key-change', 'added'],
    ]);
    await store.close();
  });

  it('a new passphrase keeps the passkeys; removing one or moving to device mode drops it', async () => {
    const { store } = await openTestStore({ encryption: { mode: 'passphrase', passphrase: 'pass one' } });
    await store.addPasskey('pass one', enrollment(1));
    await store.addPasskey('pass one', enrollment(5));
    await store.changePassphrase('pass one', 'pass two');
    store.lock();
    await store.unlockWithPasskey(bytes(16, 1), bytes(32, 3));
    await store.removePasskey(bytes(16, 1));
    await assert.rejects(store.removePasskey(bytes(16, 1)), codeOf('unknown-passkey'));
    assert.equal((await store.passkeys()).length, 1);
    await store.useDeviceKey('pass two');
    assert.deepEqual(await store.passkeys(), []);
    await assert.rejects(store.addPasskey('pass two', enrollment(2)), codeOf('mode'));
    await store.close();
  });

  it('device mode has no passkeys (nothing to fall back on)', async () => {
    const { store } = await openTestStore();
    await assert.rejects(store.addPasskey('anything', enrollment(1)), codeOf('mode'));
    await store.close();
  });
});
