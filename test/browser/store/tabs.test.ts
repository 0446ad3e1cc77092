import { expect } from '@esm-bundle/chai';
import type DexieType from 'dexie';
import { openStore } from '../../../src/store/index.ts';
import { SCHEMA_HISTORY } from '../../../src/store/schema.ts';
import { openFrameTab, type FrameTab } from '../../fixtures/store/frame-tab.ts';
import { instrumentIndexedDB } from '../../fixtures/store/instrumented-idb.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';
import { createV1Database } from '../../fixtures/store/v1-database.ts';

const unhandled: unknown[] = [];
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);

describe('tabs, upgrades and interrupted writes (Chromium)', () => {
  const names: string[] = [];
  const tabs: FrameTab[] = [];
  const fresh = () => {
    const n = `tabs-${crypto.randomUUID()}`;
    names.push(n);
    return n;
  };
  before(() => addEventListener('unhandledrejection', onUnhandled));
  after(() => {
    tabs.forEach((t) => t.close());
    names.forEach((n) => indexedDB.deleteDatabase(n));
    removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('upgrades a version-1 database with data in it', async () => {
    const name = fresh();
    const v1 = await createV1Database(indexedDB, name, 4, 25);
    const store = await openStore({ name });
    const convs = await store.listConversations();
    expect(convs.map((c) => [c.title, c.updatedAt])).to.deep.equal(
      v1.conversations.map((c) => [c.title, c.newest]).reverse(),
    );
    const first = v1.conversations[0]?.id as string;
    const page = await store.listMessages(first, { limit: 10 });
    expect(page.map((m) => m.text)).to.deep.equal(
      v1.messages
        .filter((m) => m.conversationId === first)
        .reverse()
        .slice(0, 10)
        .map((m) => m.text),
    );
    expect(await store.settings().get('theme')).to.deep.equal(v1.setting.value);
    await store.close();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
    });
    expect(db.version).to.equal(20); // Dexie stores version × 10
    expect(Array.from(db.transaction('messages').objectStore('messages').indexNames)).to.include(
      '[conversationId+createdAt]',
    );
    db.close();
  });

  it('two tabs writing the same database at once lose nothing', async () => {
    const name = fresh();
    const tab = await openFrameTab();
    tabs.push(tab);
    const [mine, theirs] = await Promise.all([
      openStore({ name }),
      tab.store.openStore({ name, indexedDB: tab.indexedDB }),
    ]);
    const c = await mine.createConversation('shared');
    await Promise.all([
      ...Array.from({ length: 150 }, (_, i) =>
        mine.addMessage({ conversationId: c.id, role: 'user', text: `mine ${i}` }),
      ),
      ...Array.from({ length: 150 }, (_, i) =>
        theirs.addMessage({ conversationId: c.id, role: 'assistant', text: `theirs ${i}` }),
      ),
      theirs.addMessages(
        Array.from({ length: 500 }, (_, i) => ({ conversationId: c.id, role: 'user' as const, text: `bulk ${i}` })),
      ),
    ]);
    for (const s of [mine, theirs]) {
      expect(await s.countMessages(c.id)).to.equal(800);
      expect(new Set((await s.listMessages(c.id, { limit: 1000 })).map((m) => m.text)).size).to.equal(800);
    }
    expect((await rawGetAll(indexedDB, name, 'keys')).length).to.equal(1);
    await Promise.all([mine.close(), theirs.close()]);
  });

  it('a schema upgrade completes while another tab holds the old version open, and that tab reopens', async () => {
    const name = fresh();
    await createV1Database(indexedDB, name, 1, 3);
    const tab = await openFrameTab();
    tabs.push(tab);
    const { default: Dexie } = await tab.importInFrame<{ default: typeof DexieType }>(
      '/node_modules/dexie/dist/dexie.mjs',
    );
    const old = new Dexie(name, { indexedDB: tab.indexedDB });
    old.version(1).stores(SCHEMA_HISTORY[0]?.stores ?? {});
    expect(await old.table('messages').count()).to.equal(3);
    const store = await Promise.race([
      openStore({ name }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('upgrade blocked by the other tab')), 10_000),
      ),
    ]);
    expect((await store.listConversations()).length).to.equal(1);
    expect(old.isOpen()).to.equal(false);
    expect(await old.table('messages').count()).to.equal(3);
    old.close();
    await store.close();
  });

  it('a tab closed in the middle of a write leaves all of it or none of it', async () => {
    const name = fresh();
    const tab = await openFrameTab();
    let closedAt = 0;
    const idb = instrumentIndexedDB(tab.indexedDB, (op) => {
      if (op.store === 'messages' && closedAt === 0 && op.count > 1000) {
        closedAt = op.count;
        tab.close(); // closes the tab between two puts of one transaction
      }
    });
    const theirs = await tab.store.openStore({ name, indexedDB: idb });
    const c = await theirs.createConversation('interrupted');
    void theirs
      .addMessages(
        Array.from({ length: 3000 }, (_, i) => ({ conversationId: c.id, role: 'user' as const, text: `m${i}` })),
      )
      .catch(() => undefined);
    while (closedAt === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    const store = await openStore({ name });
    const count = await store.countMessages(c.id);
    expect(count, `closed after write ${closedAt}`).to.be.oneOf([0, 3000]);
    expect(count).to.equal(0);
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'the database still works' });
    expect(await store.countMessages(c.id)).to.equal(1);
    await store.close();
  });
});
