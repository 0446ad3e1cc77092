import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';

describe('history store (IndexedDB via fake-indexeddb)', () => {
  it('keeps conversations and messages, newest first, with meta and a paging cursor', async () => {
    const { store } = await openTestStore();
    assert.equal(store.persistent, true);
    assert.equal(store.warning, undefined);
    const a = await store.createConversation('Groceries');
    const b = await store.createConversation();
    for (let i = 0; i < 7; i++)
      await store.addMessage({
        conversationId: a.id,
        role: i % 2 ? 'assistant' : 'user',
        text: `a${i}`,
        meta: { i, when: new Date(i) },
      });
    await store.addMessage({ conversationId: b.id, role: 'user', text: 'b0' });
    const convs = await store.listConversations();
    assert.deepEqual(
      convs.map((c) => c.title),
      ['', 'Groceries'],
    );
    const page1 = await store.listMessages(a.id, { limit: 3 });
    assert.deepEqual(
      page1.map((m) => m.text),
      ['a6', 'a5', 'a4'],
    );
    assert.deepEqual((page1[0] as { meta?: unknown }).meta, { i: 6, when: new Date(6) });
    const page2 = await store.listMessages(a.id, { limit: 3, before: page1[2]?.createdAt as number });
    assert.deepEqual(
      page2.map((m) => m.text),
      ['a3', 'a2', 'a1'],
    );
    const page3 = await store.listMessages(a.id, { limit: 3, before: page2[2]?.createdAt as number });
    assert.deepEqual(
      page3.map((m) => m.text),
      ['a0'],
    );
    assert.equal(await store.countMessages(a.id), 7);
    assert.equal(await store.countMessages(), 8);
    assert.equal((await store.getMessage(page1[0]?.id as string))?.text, 'a6');
    assert.equal(await store.getMessage('nope'), undefined);
    await store.close();
  });

  it('orders messages added in the same millisecond and bumps the conversation', async () => {
    const { store } = await openTestStore();
    const c = await store.createConversation('x');
    const [u, r] = [
      await store.addMessage({ conversationId: c.id, role: 'user', text: 'q' }),
      await store.addMessage({ conversationId: c.id, role: 'assistant', text: 'a' }),
    ];
    assert.ok((r?.createdAt ?? 0) > (u?.createdAt ?? 0));
    const [conv] = await store.listConversations();
    assert.equal(conv?.updatedAt, r?.createdAt);
    // A message for an unknown conversation starts one.
    await store.addMessage({ conversationId: 'from-elsewhere', role: 'user', text: 'hi', createdAt: 5 });
    assert.ok((await store.listConversations()).some((x) => x.id === 'from-elsewhere' && x.title === ''));
    await store.close();
  });

  it('adds a batch all-or-nothing and validates input with TypeError/RangeError', async () => {
    const { store } = await openTestStore();
    const c = await store.createConversation('x');
    const batch = await store.addMessages(
      Array.from({ length: 50 }, (_, i) => ({
        conversationId: c.id,
        role: 'user' as const,
        text: `m${i}`,
        createdAt: 1000 + i,
      })),
    );
    assert.equal(batch.length, 50);
    assert.equal(await store.countMessages(c.id), 50);
    await assert.rejects(
      store.addMessages([
        { conversationId: c.id, role: 'user', text: 'ok' },
        { conversationId: c.id, role: 'robot' as 'user', text: 'bad' },
      ]),
      TypeError,
    );
    await assert.rejects(
      store.addMessage({ conversationId: c.id, role: 'user', text: 'x', meta: { f: () => 1 } }),
      TypeError,
    );
    assert.equal(await store.countMessages(c.id), 50);
    await assert.rejects(store.addMessage({ conversationId: '', role: 'user', text: 'x' }), TypeError);
    await assert.rejects(store.listMessages(c.id, { limit: 0 }), RangeError);
    await assert.rejects(store.createConversation(42 as unknown as string), TypeError);
    await store.close();
  });

  it("writes a turn's messages and dialogue state in one transaction, and still finds a conversation deleted meanwhile", async () => {
    const { store } = await openTestStore();
    const c = await store.createConversation('turns');
    const turn = (text: string) => [
      { conversationId: c.id, role: 'user' as const, text },
      { conversationId: c.id, role: 'assistant' as const, text: `re: ${text}` },
    ];
    await store.addMessages(turn('one'), { dialogueState: { conversationId: c.id, state: { turn: 1 } } });
    // The second write of the same conversation skips looking it up first.
    await store.addMessages(turn('two'), { dialogueState: { conversationId: c.id, state: { turn: 2 } } });
    assert.deepEqual(await store.getDialogueState(c.id), { turn: 2 });
    assert.equal(await store.countMessages(c.id), 4);
    // A state alone, as putDialogueState writes it.
    await store.addMessages([], { dialogueState: { conversationId: c.id, state: { turn: 3 } } });
    assert.deepEqual(await store.getDialogueState(c.id), { turn: 3 });
    await assert.rejects(store.addMessages([], { dialogueState: { conversationId: '', state: {} } }), TypeError);
    // Deleted after this store wrote to it: the next write starts it again, as a first write would.
    await store.deleteConversation(c.id);
    await store.addMessages(turn('three'), { dialogueState: { conversationId: c.id, state: { turn: 4 } } });
    assert.ok((await store.listConversations()).some((x) => x.id === c.id && x.title === ''));
    assert.deepEqual(
      (await store.listMessages(c.id)).map((m) => m.text),
      ['re: three', 'three'],
    );
    assert.deepEqual(await store.getDialogueState(c.id), { turn: 4 });
    await store.close();
  });

  it('reads big pages in chunks without losing messages that share a timestamp', async () => {
    const { store } = await openTestStore();
    const c = await store.createConversation('ties');
    const same = Array.from({ length: 1500 }, (_, i) => ({
      conversationId: c.id,
      role: 'user' as const,
      text: `same ${i}`,
      createdAt: 5000,
    }));
    const spread = Array.from({ length: 1200 }, (_, i) => ({
      conversationId: c.id,
      role: 'user' as const,
      text: `spread ${i}`,
      createdAt: 4000 - (i % 600),
    }));
    await store.addMessages([...same, ...spread]);
    const all = await store.listMessages(c.id, { limit: 5000 });
    assert.equal(all.length, 2700);
    assert.equal(new Set(all.map((m) => m.id)).size, 2700);
    assert.deepEqual(
      all.map((m) => m.createdAt),
      [...all.map((m) => m.createdAt)].sort((a, b) => b - a),
    );
    const older = await store.listMessages(c.id, { limit: 1100, before: 5000 });
    assert.equal(older.length, 1100);
    assert.ok(older.every((m) => m.createdAt < 5000));
    await store.close();
  });

  it('keeps dialogue state, settings, skill data and models encrypted and separate', async () => {
    const { store } = await openTestStore();
    const c = await store.createConversation('x');
    assert.equal(await store.getDialogueState(c.id), undefined);
    await store.putDialogueState(c.id, { slots: { time: new Date(7) }, turn: 3 });
    assert.deepEqual(await store.getDialogueState(c.id), { slots: { time: new Date(7) }, turn: 3 });
    const settings = store.settings();
    await settings.set('theme', 'dark');
    await settings.set('voice', { rate: 1.2 });
    assert.deepEqual((await settings.keys()).sort(), ['theme', 'voice']);
    await settings.delete('theme');
    assert.equal(await settings.get('theme'), undefined);
    const notes = store.skillData('acme.notes');
    const other = store.skillData('acme.notes2');
    await notes.set('list', ['milk']);
    await other.set('list', ['eggs']);
    assert.deepEqual(await notes.get('list'), ['milk']);
    assert.deepEqual(await notes.keys(), ['list']);
    assert.deepEqual(await other.get('list'), ['eggs']);
    const bytes = new Uint8Array(4096).map((_, i) => i % 251);
    await store.putModel('intent', bytes, { version: '1.0.0' });
    const model = await store.getModel('intent');
    assert.deepEqual(model?.bytes, bytes);
    assert.deepEqual(model?.info, { version: '1.0.0' });
    assert.deepEqual(await store.listModels(), ['intent']);
    await store.deleteModel('intent');
    assert.equal(await store.getModel('intent'), undefined);
    assert.throws(() => store.skillData(''), TypeError);
    await store.close();
  });

  it('survives a reopen (same database, same device key)', async () => {
    const { store, idb } = await openTestStore();
    const c = await store.createConversation('kept');
    await store.addMessage({ conversationId: c.id, role: 'user', text: 'still here' });
    await store.close();
    const { store: again } = await openTestStore({ indexedDB: idb });
    assert.deepEqual(
      (await again.listMessages(c.id)).map((m) => m.text),
      ['still here'],
    );
    assert.equal((await again.listAudit()).filter((e) => e.type === 'key-set').length, 1);
    await again.close();
    await assert.rejects(
      again.listConversations(),
      (e: Error & { code?: string }) => e.name === 'StorageError' && e.code === 'closed',
    );
  });
});
