import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Dexie from 'dexie';
import { SCHEMA_HISTORY, SCHEMA_VERSION } from '../../../src/store/schema.ts';
import { freshIndexedDB, openTestStore } from '../../fixtures/store/fake-idb.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';
import { createV1Database } from '../../fixtures/store/v1-database.ts';

describe('several connections (tabs) and schema upgrades', () => {
  it('two connections writing the same database lose nothing', async () => {
    const idb = freshIndexedDB();
    const [{ store: a }, { store: b }] = await Promise.all([
      openTestStore({ indexedDB: idb }),
      openTestStore({ indexedDB: idb }),
    ]);
    // Both opened a fresh database at once: one data key won, and both use it.
    assert.equal((await rawGetAll(idb, 'test', 'keys')).length, 1);
    const c = await a.createConversation('shared');
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? a : b).addMessage({ conversationId: c.id, role: 'user', text: `n${i}` }),
      ),
    );
    await Promise.all([a.settings().set('from-a', 1), b.settings().set('from-b', 2)]);
    for (const s of [a, b]) {
      assert.equal(await s.countMessages(c.id), 100);
      const texts = new Set((await s.listMessages(c.id, { limit: 1000 })).map((m) => m.text));
      assert.equal(texts.size, 100);
      assert.deepEqual((await s.settings().keys()).sort(), ['from-a', 'from-b']);
    }
    assert.equal((await a.listAudit()).filter((e) => e.type === 'key-set').length, 1);
    await a.close();
    await b.close();
  });

  it("a turn's write that guesses the conversation row and the search generation corrects both when another tab changed them", async () => {
    const idb = freshIndexedDB();
    const [{ store: a }, { store: b }] = await Promise.all([
      openTestStore({ indexedDB: idb }),
      openTestStore({ indexedDB: idb }),
    ]);
    const c = await a.createConversation('');
    const generation = async () =>
      (await rawGetAll<{ key: string; value: number }>(idb, 'test', 'meta')).find(
        (r) => r.key === 'messages-generation',
      )?.value;
    // Times after the conversation's creation, so each turn moves its updatedAt.
    const t0 = Date.now() + 60_000;
    const turn = (store: typeof a, text: string, at: number) =>
      store.addMessages(
        [
          { conversationId: c.id, role: 'user', text, createdAt: t0 + at },
          { conversationId: c.id, role: 'assistant', text: `re: ${text}`, createdAt: t0 + at + 1 },
        ],
        { dialogueState: { conversationId: c.id, state: { text } } },
      );
    // a writes twice: the second write guesses the row and the counter from the first.
    await turn(a, 'one', 1_000);
    await turn(a, 'two', 2_000);
    assert.equal(await generation(), 2);
    // Another tab titles the conversation and writes a later turn of its own.
    await b.setTitle(c.id, 'from b');
    await turn(b, 'three', 5_000);
    assert.equal(await generation(), 3);
    // a's guesses are stale now (title, updatedAt, counter): its next write must not bring them back.
    await turn(a, 'four', 4_000);
    assert.equal(await generation(), 4);
    const [row] = await a.listConversations();
    assert.equal(row?.title, 'from b');
    assert.equal(row?.updatedAt, t0 + 5_001);
    // And once more on a's side, guessing from what it just wrote.
    await turn(a, 'five', 6_000);
    assert.equal(await generation(), 5);
    assert.deepEqual(
      (await b.listConversations()).map((x) => [x.title, x.updatedAt]),
      [['from b', t0 + 6_001]],
    );
    assert.equal(await b.countMessages(c.id), 10);
    assert.deepEqual(await b.getDialogueState(c.id), { text: 'five' });
    await a.close();
    await b.close();
  });

  it('upgrades a version-1 database with data in it', async () => {
    const idb = freshIndexedDB();
    const v1 = await createV1Database(idb, 'test', 3, 10);
    const { store, errors } = await openTestStore({ indexedDB: idb });
    assert.equal(SCHEMA_VERSION, 2);
    const convs = await store.listConversations();
    assert.deepEqual(
      convs.map((c) => [c.id, c.title, c.updatedAt]),
      v1.conversations.map((c) => [c.id, c.title, c.newest]).reverse(),
    );
    for (const c of v1.conversations) {
      const expected = v1.messages.filter((m) => m.conversationId === c.id).sort((x, y) => y.createdAt - x.createdAt);
      const page = await store.listMessages(c.id, { limit: 4 });
      assert.deepEqual(
        page.map((m) => [m.id, m.role, m.text, m.createdAt]),
        expected.slice(0, 4).map((m) => [m.id, m.role, m.text, m.createdAt]),
      );
    }
    assert.deepEqual(await store.settings().get('theme'), v1.setting.value);
    await store.addMessage({ conversationId: v1.conversations[0]?.id as string, role: 'user', text: 'new' });
    const bodies = (await rawGetAll<{ body: Uint8Array }>(idb, 'test', 'messages')).map((r) => r.body[0]);
    assert.deepEqual([...new Set(bodies)].sort(), [1, 2]);
    assert.deepEqual(errors, []);
    assert.deepEqual(await store.listAudit(), []);
    await store.close();
  });

  it('an upgrade completes while an older connection is open; the older one closes and reopens lazily', async () => {
    const idb = freshIndexedDB();
    await createV1Database(idb, 'test', 1, 2);
    const old = new Dexie('test', { indexedDB: idb, IDBKeyRange });
    old.version(1).stores(SCHEMA_HISTORY[0]?.stores ?? {});
    assert.equal(await old.table('messages').count(), 2);
    const { store } = await openTestStore({ indexedDB: idb });
    assert.equal((await store.listConversations()).length, 1);
    assert.equal(old.isOpen(), false);
    // The old tab's next call reopens (at the installed version) and still works.
    assert.equal(await old.table('messages').count(), 2);
    old.close();
    await store.close();
  });
});
