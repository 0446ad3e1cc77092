import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTurnWrites } from '../../../src/engine/turn-writes.ts';
import { StorageError } from '../../../src/errors.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

test('writes run one after another, in the order they were queued', async () => {
  const writes = createTurnWrites(() => undefined);
  const order: string[] = [];
  const slow = writes.write('c1', writes.epoch('c1'), async () => {
    await tick();
    order.push('first');
    return 1;
  });
  const fast = writes.write('c2', writes.epoch('c2'), async () => {
    order.push('second');
    return 2;
  });
  assert.deepEqual(await Promise.all([slow, fast]), [1, 2]);
  assert.deepEqual(order, ['first', 'second']);
});

test('a failed write is reported, and the writes of turns begun before it in its conversation are refused', async () => {
  const failed: string[] = [];
  const writes = createTurnWrites((conversationId) => failed.push(conversationId));
  const epoch = writes.epoch('c1');
  const quota = new StorageError('full', { code: 'quota' });
  const first = writes.write('c1', epoch, async () => {
    throw quota;
  });
  // Decided on the state the first turn left in memory: it must not be stored without the first.
  let ran = false;
  const second = writes.write('c1', epoch, async () => {
    ran = true;
  });
  const other = writes.write('c2', writes.epoch('c2'), async () => 'stored');
  await assert.rejects(first, (error) => error === quota);
  await assert.rejects(second, (error: unknown) => {
    assert.ok(error instanceof StorageError);
    assert.equal(error.code, 'quota', 'the failed write’s code');
    assert.equal(error.cause, quota);
    return true;
  });
  assert.equal(ran, false, 'the refused write never ran');
  assert.equal(await other, 'stored', 'another conversation is not affected');
  assert.deepEqual(failed, ['c1', 'c1']);
  // A turn begun after the failures reads the store again: its write goes through.
  assert.equal(await writes.write('c1', writes.epoch('c1'), async () => 'again'), 'again');
});

test('settled waits for the writes queued so far; after() runs whatever failed before', async () => {
  const writes = createTurnWrites(() => undefined);
  let done = false;
  void writes
    .write('c1', 0, async () => {
      await tick();
      throw new Error('disk');
    })
    .catch(() => undefined);
  void writes
    .write('c1', 0, async () => {
      done = true;
    })
    .catch(() => undefined);
  const kept = writes.after(async () => 'kept');
  await writes.settled();
  assert.equal(done, false, 'refused after the failure of the turn it builds on');
  assert.equal(await kept, 'kept');
});
