import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';
import { flipBit, rawGetAll, rawPut } from '../../fixtures/store/raw-idb.ts';

type Row = Record<string, unknown> & { id: string };

describe('records that fail authentication', () => {
  it('are reported with table and record id, and skipped; the rest still lists', async () => {
    const { store, idb, errors } = await openTestStore();
    const c = await store.createConversation('t');
    const sent = await store.addMessages(
      Array.from({ length: 5 }, (_, i) => ({
        conversationId: c.id,
        role: 'user' as const,
        text: `m${i}`,
        createdAt: 100 + i,
      })),
    );
    const rows = await rawGetAll<Row & { body: Uint8Array }>(idb, 'test', 'messages');
    const victim = rows.find((r) => r.id === sent[2]?.id) as Row & { body: Uint8Array };
    await rawPut(idb, 'test', 'messages', { ...victim, body: flipBit(victim.body, 100) });
    const listed = await store.listMessages(c.id, { limit: 4 });
    // The page is refilled past the damaged record: 4 good messages, not 3.
    assert.deepEqual(
      listed.map((m) => m.text),
      ['m4', 'm3', 'm1', 'm0'],
    );
    assert.equal(errors.length, 1);
    assert.deepEqual(
      { ...errors[0], error: undefined, message: undefined },
      {
        type: 'storage-error',
        code: 'auth',
        table: 'messages',
        recordId: victim.id,
        error: undefined,
        message: undefined,
      },
    );
    assert.equal(await store.getMessage(victim.id), undefined);
    assert.equal((await store.searchMessages('m')).length, 4);
    await store.close();
  });

  it('detects ciphertexts swapped between records, moved to another conversation, or re-timed', async () => {
    const { store, idb, errors } = await openTestStore();
    const a = await store.createConversation('A title');
    const b = await store.createConversation('B title');
    const [m1, m2] = await store.addMessages([
      { conversationId: a.id, role: 'user', text: 'one', createdAt: 10 },
      { conversationId: a.id, role: 'user', text: 'two', createdAt: 20 },
    ]);
    const rows = await rawGetAll<Row & { body: Uint8Array; conversationId: string; createdAt: number }>(
      idb,
      'test',
      'messages',
    );
    const r1 = rows.find((r) => r.id === m1?.id) as (typeof rows)[number];
    const r2 = rows.find((r) => r.id === m2?.id) as (typeof rows)[number];
    await rawPut(idb, 'test', 'messages', { ...r1, body: r2.body }, { ...r2, body: r1.body });
    assert.deepEqual(await store.listMessages(a.id), []);
    await rawPut(idb, 'test', 'messages', { ...r1, conversationId: b.id }, { ...r2, createdAt: 21 });
    assert.deepEqual(await store.listMessages(b.id), []);
    assert.deepEqual(await store.listMessages(a.id), []);

    const convs = await rawGetAll<Row & { title: Uint8Array }>(idb, 'test', 'conversations');
    const [ca, cb] = [convs.find((c) => c.id === a.id), convs.find((c) => c.id === b.id)] as [
      Row & { title: Uint8Array },
      Row & { title: Uint8Array },
    ];
    await rawPut(idb, 'test', 'conversations', { ...ca, title: cb.title });
    assert.deepEqual(
      (await store.listConversations()).map((c) => c.title),
      ['B title'],
    );

    await store.settings().set('one', 1);
    await store.settings().set('two', 2);
    const settings = await rawGetAll<{ key: string; value: Uint8Array }>(idb, 'test', 'settings');
    await rawPut(idb, 'test', 'settings', {
      key: 'one',
      value: settings.find((s) => s.key === 'two')?.value as Uint8Array,
    });
    assert.equal(await store.settings().get('one'), undefined);
    assert.equal(await store.settings().get('two'), 2);
    await store.skillData('x').set('k', 'v');
    const [skillRow] = await rawGetAll<{ skillId: string; key: string; value: Uint8Array }>(idb, 'test', 'skillData');
    await rawPut(idb, 'test', 'skillData', { ...skillRow, skillId: 'y' });
    assert.equal(await store.skillData('y').get('k'), undefined);
    assert.deepEqual(
      errors.map((e) => e.table),
      // The list reads each conversation's newest message for its preview: both tampered ones are reported again.
      [
        'messages',
        'messages',
        'messages',
        'messages',
        'conversations',
        'messages',
        'messages',
        'settings',
        'skillData',
      ],
    );
    await store.close();
  });
});
