import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';

const words = ['apple', 'banana', 'cherry', 'dates', 'elder'];

async function seeded(n: number) {
  const opened = await openTestStore();
  const a = await opened.store.createConversation('a');
  const b = await opened.store.createConversation('b');
  await opened.store.addMessages(
    Array.from({ length: n }, (_, i) => ({
      conversationId: i % 3 === 0 ? b.id : a.id,
      role: 'user' as const,
      text: `Message ${i} about ${words[i % 5]} Pie`,
      createdAt: 1000 + i,
    })),
  );
  return { ...opened, a, b };
}

describe('search over encrypted history', () => {
  it('finds every message containing all words, case-insensitively, newest first, in batches with progress', async () => {
    const { store } = await seeded(500);
    const progress: number[] = [];
    const found = await store.searchMessages('BANANA pie', {
      batchSize: 64,
      onProgress: (p) => progress.push(p.scanned),
    });
    assert.equal(found.length, 100);
    assert.ok(found.every((m) => m.text.includes('banana')));
    assert.deepEqual(
      found.map((m) => m.createdAt),
      [...found.map((m) => m.createdAt)].sort((x, y) => y - x),
    );
    assert.equal(progress.length, Math.ceil(500 / 64));
    assert.equal(progress.at(-1), 500);
    assert.equal((await store.searchMessages('banana', { limit: 3 })).length, 3);
    assert.deepEqual(await store.searchMessages('   '), []);
    assert.deepEqual(await store.searchMessages('durian'), []);
    await store.close();
  });

  it('searches one conversation', async () => {
    const { store, b } = await seeded(90);
    const found = await store.searchMessages('message', { conversationId: b.id, batchSize: 7 });
    assert.equal(found.length, 30);
    assert.ok(found.every((m) => m.conversationId === b.id));
    await store.close();
  });

  it('is cancellable: an abort rejects with the signal reason and leaves no stray promise', async () => {
    const { store } = await seeded(300);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    let batches = 0;
    await assert.rejects(
      store.searchMessages('pie', {
        batchSize: 50,
        signal: controller.signal,
        onProgress: () => ++batches === 2 && controller.abort(reason),
      }),
      (e) => e === reason,
    );
    assert.equal(batches, 2);
    const pre = new AbortController();
    pre.abort();
    await assert.rejects(store.searchMessages('pie', { signal: pre.signal }), (e: Error) => e.name === 'AbortError');
    await assert.rejects(store.searchMessages(5 as unknown as string), TypeError);
    await assert.rejects(store.searchMessages('x', { batchSize: 0 }), RangeError);
    await store.close();
  });
});
