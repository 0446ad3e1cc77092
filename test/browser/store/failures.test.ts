import { expect } from '@esm-bundle/chai';
import { StorageError } from '../../../src/errors.ts';
import { openStore } from '../../../src/store/index.ts';
import { openFrameTab } from '../../fixtures/store/frame-tab.ts';
import { instrumentIndexedDB, quotaExceeded, type WriteOp } from '../../fixtures/store/instrumented-idb.ts';
import { rawDump } from '../../fixtures/store/raw-idb.ts';
import { rejection } from '../../fixtures/rejection.ts';

const unhandled: unknown[] = [];
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);

describe('failures: quota, no IndexedDB, all-or-nothing (Chromium)', () => {
  const names: string[] = [];
  const fresh = () => {
    const n = `fail-${crypto.randomUUID()}`;
    names.push(n);
    return n;
  };
  // Set by a test to make the next matching write fail as a full disk would.
  let failWhen: ((op: WriteOp) => boolean) | undefined;
  const idb = instrumentIndexedDB(indexedDB, (op) => {
    if (failWhen?.(op) === true) throw quotaExceeded();
  });
  before(() => addEventListener('unhandledrejection', onUnhandled));
  afterEach(() => (failWhen = undefined));
  after(() => {
    names.forEach((n) => indexedDB.deleteDatabase(n));
    removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('quota exceeded mid-batch: a StorageError with code quota, and none of the batch is written', async () => {
    const name = fresh();
    const store = await openStore({ name, indexedDB: idb });
    const c = await store.createConversation('full disk');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'before' });
    let puts = 0;
    failWhen = (op) => op.store === 'messages' && ++puts === 50;
    const error = await rejection(
      store.addMessages(
        Array.from({ length: 200 }, (_, i) => ({ conversationId: c.id, role: 'user' as const, text: `m${i}` })),
      ),
    );
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).code).to.equal('quota');
    const causes: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = (e as { inner?: unknown }).inner ?? e.cause)
      causes.push(e.name);
    expect(causes).to.include('QuotaExceededError');
    expect(await store.countMessages(c.id)).to.equal(1);
    failWhen = undefined;
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'after' });
    expect((await store.listMessages(c.id)).map((m) => m.text)).to.deep.equal(['after', 'before']);
    failWhen = (op) => op.store === 'settings';
    expect(((await rejection(store.settings().set('k', 'v'))) as StorageError).code).to.equal('quota');
    await store.close();
  });

  it('quota exceeded while creating the key: openStore rejects and nothing is half-created', async () => {
    const name = fresh();
    failWhen = (op) => op.store === 'keys';
    const error = await rejection(openStore({ name, indexedDB: idb }));
    expect((error as StorageError).code).to.equal('quota');
    failWhen = undefined;
    expect((await rawDump(indexedDB, name))['keys']).to.deep.equal([]);
    const store = await openStore({ name, indexedDB: idb });
    expect(store.locked).to.equal(false);
    await store.close();
  });

  it('an import, an erase or a retention run that fails writes nothing (the audit entry neither)', async () => {
    const name = fresh();
    const source = await openStore({ name: fresh() });
    const sc = await source.createConversation('to import');
    await source.addMessages(
      Array.from({ length: 30 }, (_, i) => ({ conversationId: sc.id, role: 'user' as const, text: `i${i}` })),
    );
    const file = await source.exportBackup('backup pass');
    await source.close();
    const store = await openStore({ name, indexedDB: idb });
    const c = await store.createConversation('mine');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'keep me', createdAt: 1 });
    const before = await rawDump(indexedDB, name);
    failWhen = (op) => op.store === 'messages';
    expect(((await rejection(store.importBackup(file, 'backup pass'))) as StorageError).code).to.equal('quota');
    failWhen = (op) => op.store === 'audit';
    expect(((await rejection(store.eraseAll())) as StorageError).code).to.equal('quota');
    expect(((await rejection(store.applyRetention(1))) as StorageError).code).to.equal('quota');
    expect(await rawDump(indexedDB, name)).to.deep.equal(before);
    await store.close();
  });

  it('IndexedDB unavailable: a memory store with a clear warning', async () => {
    const refusing = instrumentIndexedDB(indexedDB, () => undefined);
    (refusing as unknown as { open: () => never }).open = () => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    };
    const store = await openStore({
      name: fresh(),
      indexedDB: new Proxy(indexedDB, {
        get: (t, p) => (p === 'open' ? (refusing as unknown as { open: unknown }).open : Reflect.get(t, p, t)),
      }),
    });
    expect(store.persistent).to.equal(false);
    expect(store.warning?.code).to.equal('indexeddb-unavailable');
    expect(store.warning?.message).to.match(/memory/);
    const c = await store.createConversation('ephemeral');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'still works' });
    expect((await store.searchMessages('works')).length).to.equal(1);
    await store.close();

    // A realm with no IndexedDB at all (as in some embedded webviews).
    const tab = await openFrameTab();
    Object.defineProperty(tab.frame.contentWindow, 'indexedDB', { value: undefined });
    const inFrame = await tab.store.openStore({ name: fresh() });
    expect(inFrame.persistent).to.equal(false);
    expect(inFrame.warning?.code).to.equal('indexeddb-unavailable');
    await inFrame.close();
    tab.close();
  });
});
