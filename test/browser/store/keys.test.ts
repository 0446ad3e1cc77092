import { expect } from '@esm-bundle/chai';
import { LockedError, WrongPassphraseError } from '../../../src/errors.ts';
import { openStore } from '../../../src/store/index.ts';
import { instrumentIndexedDB, type TransactionOp } from '../../fixtures/store/instrumented-idb.ts';
import { rawDump, rawGetAll } from '../../fixtures/store/raw-idb.ts';
import { rejection } from '../../fixtures/rejection.ts';

const unhandled: unknown[] = [];
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);

// PBKDF2 runs at the real 600,000 iterations (~65 ms here): a handful of derivations in this file.
describe('keys (Chromium)', () => {
  const names: string[] = [];
  const fresh = () => {
    const n = `keys-${crypto.randomUUID()}`;
    names.push(n);
    return n;
  };
  before(() => addEventListener('unhandledrejection', onUnhandled));
  after(() => {
    names.forEach((n) => indexedDB.deleteDatabase(n));
    removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('refuses 599,999 PBKDF2 iterations with RangeError', () => {
    expect(() =>
      openStore({ name: fresh(), encryption: { mode: 'passphrase', passphrase: 'pw', iterations: 599_999 } }),
    ).to.throw(RangeError);
  });

  it('a wrong passphrase gets WrongPassphraseError and changes nothing; the right one unlocks', async () => {
    const name = fresh();
    const store = await openStore({ name, encryption: { mode: 'passphrase', passphrase: 'right one' } });
    const c = await store.createConversation('locked away');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'behind the passphrase' });
    store.lock();
    expect(await rejection(store.listMessages(c.id))).to.be.instanceOf(LockedError);
    const before = await rawDump(indexedDB, name);
    const wrong = await rejection(store.unlock('wrong one'));
    expect(wrong).to.be.instanceOf(WrongPassphraseError);
    expect((wrong as WrongPassphraseError).code).to.equal('wrong-passphrase');
    expect(store.locked).to.equal(true);
    expect(await rawDump(indexedDB, name)).to.deep.equal(before);
    await store.unlock('right one');
    expect((await store.listMessages(c.id)).map((m) => m.text)).to.deep.equal(['behind the passphrase']);
    await store.changePassphrase('right one', 'newer one');
    await store.close();
    expect(
      await rejection(openStore({ name, encryption: { mode: 'passphrase', passphrase: 'right one' } })),
    ).to.be.instanceOf(WrongPassphraseError);
    const again = await openStore({ name, encryption: { mode: 'passphrase', passphrase: 'newer one' } });
    expect((await again.listConversations()).map((x) => x.title)).to.deep.equal(['locked away']);
    await again.close();
  });

  it('writes key records with strict durability, and history with relaxed', async () => {
    const seen: TransactionOp[] = [];
    const idb = instrumentIndexedDB(
      indexedDB,
      () => undefined,
      (op) => seen.push(op),
    );
    const store = await openStore({
      name: fresh(),
      indexedDB: idb,
      encryption: { mode: 'passphrase', passphrase: 'first one' },
    });
    const c = await store.createConversation('t');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'x' });
    await store.changePassphrase('first one', 'second one');
    await store.close();
    const keyWrites = seen.filter((t) => t.mode === 'readwrite' && t.stores.includes('keys'));
    expect(keyWrites.length).to.equal(2);
    expect(keyWrites.every((t) => t.durability === 'strict')).to.equal(true);
    const messageWrites = seen.filter((t) => t.mode === 'readwrite' && t.stores.includes('messages'));
    expect(messageWrites.map((t) => t.durability)).to.deep.equal(['relaxed']);
  });

  it('device mode keeps a non-extractable KEK in IndexedDB that still unwraps after a reopen', async () => {
    const name = fresh();
    const store = await openStore({ name });
    await store.settings().set('k', 'v');
    await store.close();
    const [row] = await rawGetAll<{ mode: string; kek: CryptoKey; wrapped: Uint8Array }>(indexedDB, name, 'keys');
    expect(row?.mode).to.equal('device');
    expect(row?.kek).to.be.instanceOf(CryptoKey);
    expect(row?.kek.extractable).to.equal(false);
    expect(row?.wrapped.length).to.equal(40);
    const again = await openStore({ name });
    expect(await again.settings().get('k')).to.equal('v');
    await again.close();
  });
});
