// A turn sent again with the same message ids (the assistant does so once when the engine's Worker
// died mid-turn) is stored once: whatever the first attempt stored is reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLocalEngine } from '../../../src/engine/local-engine.ts';
import { newMessageIds } from '../../../src/store/message-ids.ts';

test('a retried turn after the first attempt stored everything returns the stored reply', async () => {
  const engine = createLocalEngine({ skills: [] });
  await engine.init({ storage: 'memory' });
  const messageIds = newMessageIds(2) as [string, string];
  const first = await engine.send({ text: 'hello', messageIds });
  const again = await engine.send({ text: 'hello', messageIds, retry: true });
  assert.equal(again.id, first.id);
  assert.equal(again.text, first.text);
  assert.equal(again.understanding.intent, 'greeting');
  const history = await engine.history();
  assert.deepEqual(
    history.map((m) => [m.role, m.text]),
    [
      ['assistant', first.text],
      ['user', 'hello'],
    ],
  );
  assert.deepEqual(
    history.map((m) => m.id),
    [messageIds[1], messageIds[0]],
  );
  await engine.dispose();
});

test('a retried turn whose first attempt kept only the user message adds only the reply', async () => {
  let calls = 0;
  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => (started = resolve));
  const engine = createLocalEngine({
    skills: [
      {
        id: 'test.slow-once',
        version: '1.0.0',
        intents: ['order_status'],
        async execute(ctx) {
          if (++calls > 1) return 'your order shipped';
          started();
          // The first attempt hangs until the turn is cancelled.
          return new Promise<string>((_, reject) =>
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
          );
        },
      },
    ],
  });
  await engine.init({ storage: 'memory' });
  const messageIds = newMessageIds(2) as [string, string];
  const first = engine.send({ text: 'where is my order', messageIds, requestId: 'x' });
  await running;
  await engine.cancel('x', 'gone');
  await assert.rejects(first);
  assert.deepEqual(
    (await engine.history()).map((m) => [m.id, m.text]),
    [[messageIds[0], 'where is my order']],
    'the failed attempt kept the user message',
  );
  const reply = await engine.send({ text: 'where is my order', messageIds, retry: true });
  assert.equal(reply.text, 'your order shipped');
  assert.deepEqual(
    (await engine.history()).map((m) => [m.id, m.role, m.text]),
    [
      [messageIds[1], 'assistant', 'your order shipped'],
      [messageIds[0], 'user', 'where is my order'],
    ],
  );
  await engine.dispose();
});
