import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WrongPassphraseError } from '../../../src/errors.ts';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';
import { rawDump } from '../../fixtures/store/raw-idb.ts';

const DAY = 86_400_000;

async function filled() {
  const opened = await openTestStore();
  const { store } = opened;
  const c = await store.createConversation('Trip');
  await store.addMessages(
    Array.from({ length: 6 }, (_, i) => ({
      conversationId: c.id,
      role: 'user' as const,
      text: `trip note ${i}`,
      meta: { i },
      createdAt: 1000 + i,
    })),
  );
  await store.putDialogueState(c.id, { slot: 'city' });
  await store.settings().set('theme', 'dark');
  await store.skillData('acme.notes').set('n', ['x']);
  await store.putModel('m', new Uint8Array([1, 2, 3]), { v: 1 });
  return { ...opened, c };
}

describe('export, import, erase, delete, retention', () => {
  it('exports a passphrase-protected backup and imports it elsewhere, merging without duplicates', async () => {
    const { store, c } = await filled();
    const file = await store.exportBackup('backup pass');
    assert.ok(file instanceof Uint8Array);
    // A whole sentence, not two letters: two random ciphertext bytes spell 't3' in a few KB often enough to flake.
    assert.equal(Buffer.from(file).includes(Buffer.from('trip note 3')), false);
    const { store: other } = await openTestStore();
    const mine = await other.createConversation('Mine');
    await other.addMessage({ conversationId: mine.id, role: 'user', text: 'local' });
    await other.settings().set('theme', 'light');
    const first = await other.importBackup(file, 'backup pass');
    assert.deepEqual(first.added, {
      conversations: 1,
      messages: 6,
      dialogueState: 1,
      settings: 0,
      skillData: 1,
      models: 1,
    });
    assert.equal(first.skipped, 1);
    const again = await other.importBackup(file, 'backup pass');
    assert.deepEqual(Object.values(again.added), [0, 0, 0, 0, 0, 0]);
    assert.equal(await other.countMessages(), 7);
    assert.deepEqual(
      (await other.listMessages(c.id, { limit: 2 })).map((m) => [m.text, m.meta]),
      [
        ['trip note 5', { i: 5 }],
        ['trip note 4', { i: 4 }],
      ],
    );
    assert.deepEqual(await other.getDialogueState(c.id), { slot: 'city' });
    assert.equal(await other.settings().get('theme'), 'light');
    assert.deepEqual(await other.skillData('acme.notes').get('n'), ['x']);
    assert.deepEqual((await other.getModel('m'))?.bytes, new Uint8Array([1, 2, 3]));
    assert.deepEqual(
      (await other.listAudit()).map((e) => e.type),
      ['key-set', 'import', 'import'],
    );
    // The same rows, re-sealed under the other store's key: import merges into an existing conversation too.
    const later = Date.now() + 60_000;
    await store.addMessage({ conversationId: c.id, role: 'assistant', text: 'later', createdAt: later });
    assert.deepEqual(
      (await other.importBackup(await store.exportBackup('backup pass'), 'backup pass')).added.messages,
      1,
    );
    assert.deepEqual((await other.listConversations())[0], {
      id: c.id,
      title: 'Trip',
      createdAt: (await store.listConversations())[0]?.createdAt,
      updatedAt: later,
      preview: 'later',
    });
    await store.close();
    await other.close();
  });

  it('a wrong backup passphrase changes nothing', async () => {
    const { store, idb } = await filled();
    const file = await store.exportBackup('backup pass');
    const before = await rawDump(idb, 'test');
    await assert.rejects(store.importBackup(file, 'wrong'), WrongPassphraseError);
    assert.deepEqual(await rawDump(idb, 'test'), before);
    assert.throws(() => store.exportBackup('pw', { iterations: 599_999 }), RangeError);
    await store.close();
  });

  it('deletes one conversation with its messages and state', async () => {
    const { store, c } = await filled();
    const keep = await store.createConversation('keep');
    await store.addMessage({ conversationId: keep.id, role: 'user', text: 'stay' });
    await store.deleteConversation(c.id);
    assert.deepEqual(
      (await store.listConversations()).map((x) => x.id),
      [keep.id],
    );
    assert.equal(await store.countMessages(c.id), 0);
    assert.equal(await store.getDialogueState(c.id), undefined);
    assert.equal(await store.countMessages(), 1);
    assert.equal((await store.listAudit()).at(-1)?.detail['conversationId'], c.id);
    await store.close();
  });

  it('applies retention: messages older than N days, and idle conversations', async () => {
    const { store } = await openTestStore();
    const now = 100 * DAY;
    const old = await store.createConversation('old');
    const mixed = await store.createConversation('mixed');
    await store.addMessages([
      { conversationId: old.id, role: 'user', text: 'ancient', createdAt: now - 40 * DAY },
      { conversationId: mixed.id, role: 'user', text: 'stale', createdAt: now - 31 * DAY },
      { conversationId: mixed.id, role: 'user', text: 'fresh', createdAt: now - 2 * DAY },
    ]);
    // (conversations created "now" in real time: re-date the old one through its messages only)
    const result = await store.applyRetention(30, now);
    assert.equal(result.messages, 2);
    assert.deepEqual(
      (await store.listMessages(mixed.id)).map((m) => m.text),
      ['fresh'],
    );
    assert.equal(await store.countMessages(old.id), 0);
    await assert.rejects(store.applyRetention(-1), RangeError);
    await assert.rejects(store.applyRetention(Number.NaN), RangeError);
    assert.equal((await store.listAudit()).at(-1)?.type, 'retention');
    await store.close();
  });

  it('erases everything; the audit log restarts linked to the old head', async () => {
    const { store, idb } = await filled();
    const head = await store.auditHead();
    await store.eraseAll();
    const dump = await rawDump(idb, 'test');
    for (const t of ['conversations', 'messages', 'dialogueState', 'settings', 'skillData', 'models'])
      assert.deepEqual(dump[t], [], t);
    assert.equal(dump['keys']?.length, 1);
    const log = await store.listAudit();
    assert.deepEqual(
      log.map((e) => [e.type, e.seq, e.prev]),
      [['erase', head.seq + 1, head.hash]],
    );
    assert.equal(await store.verifyAudit(), -1);
    const c = await store.createConversation('after');
    assert.deepEqual(
      (await store.listConversations()).map((x) => x.id),
      [c.id],
    );
    await store.close();
  });
});
