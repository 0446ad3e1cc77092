// createAssistant({ worker: false }) in plain Node: the same engine the Worker runs, with the default
// ONNX model, the dialogue manager, built-in and app skills, and the encrypted memory store.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createAssistant,
  defineSkill,
  ConfidantError,
  InputError,
  MAX_MESSAGE_LENGTH,
  UnsupportedError,
  WrongPassphraseError,
  ModelLoadError,
  type Assistant,
  type AssistantEvent,
} from '../../../src/index.ts';

describe('an in-thread assistant', () => {
  let assistant: Assistant;
  const events: AssistantEvent['type'][] = [];
  let release: () => void = () => {};
  const hold = new Promise<void>((resolve) => (release = resolve));
  const slow = defineSkill({
    id: 'test.slow',
    version: '1.0.0',
    intents: ['order_status'],
    timeoutMs: 5000,
    async execute(ctx) {
      await Promise.race([
        hold,
        new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))),
      ]);
      return 'your order has shipped';
    },
  });

  before(async () => {
    assistant = await createAssistant({ worker: false, storage: 'memory', skills: [slow], timeZone: 'Europe/Paris' });
    for (const type of ['message', 'reply', 'status'] as const) assistant.on(type, () => events.push(type));
  });
  after(() => assistant.dispose());

  test('answers a greeting with the built-in skill and says what it understood', async () => {
    const reply = await assistant.send('hello');
    assert.equal(reply.understanding.intent, 'greeting');
    assert.equal(reply.understanding.action, 'new-intent');
    assert.ok(reply.text.length > 0);
    assert.equal(assistant.model.name, 'assistant-en');
    assert.ok(events.includes('message') && events.includes('reply'));
  });

  test('fills a slot on the next turn and keeps both turns in history, newest first', async () => {
    const ask = await assistant.send('set a timer');
    assert.equal(ask.expectsAnswer, true);
    const done = await assistant.send('ten minutes');
    assert.equal(done.understanding.intent, 'timer');
    assert.equal(done.understanding.action, 'fill-slot');
    assert.match(done.text, /10 minutes/);
    const history = await assistant.store.history(undefined, { limit: 4 });
    assert.deepEqual(
      history.map((m) => m.role),
      ['assistant', 'user', 'assistant', 'user'],
    );
    assert.equal(history[1]!.text, 'ten minutes');
    assert.ok(history[0]!.createdAt > history[1]!.createdAt, 'the reply is stored after the user message');
  });

  test('100 concurrent sends all complete, in the order they were sent', async () => {
    const texts = Array.from({ length: 100 }, (_, i) => `what is ${i} plus 1`);
    const replies = await Promise.all(texts.map((t) => assistant.send(t)));
    replies.forEach((reply, i) => assert.match(reply.text, new RegExp(`\\b${i + 1}\\b`), `reply ${i}: ${reply.text}`));
    const stamps = replies.map((r) => r.createdAt);
    assert.deepEqual(
      [...stamps].sort((a, b) => a - b),
      stamps,
      'stored in send order',
    );
  });

  test('an aborted turn rejects with the signal reason and the assistant keeps answering', async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const pending = assistant.send('where is my order', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(pending, (e) => e === reason);
    release();
    const next = await assistant.send('hello');
    assert.equal(next.understanding.intent, 'greeting');
  });

  test('streams a reply: deltas, then the whole reply', async () => {
    const chunks = [];
    for await (const chunk of assistant.stream('tell me a joke')) chunks.push(chunk);
    const last = chunks.at(-1);
    assert.equal(last?.type, 'done');
    assert.equal(last?.type === 'done' && last.reply.understanding.intent, 'tell_joke');
  });

  test('bad input gets a reply or a typed error, never a crash', async () => {
    for (const text of [
      '',
      '   ',
      '\u202Eevil\u202C',
      '\uD800 lone',
      'x'.repeat(MAX_MESSAGE_LENGTH),
      '\u0000\u0007control',
    ]) {
      const reply = await assistant.send(text);
      assert.equal(typeof reply.text, 'string');
    }
    await assert.rejects(assistant.send(42 as never), TypeError);
  });

  test('metrics count turns per intent without message content', async () => {
    const snapshot = await assistant.metrics();
    const text = JSON.stringify(snapshot);
    assert.ok(text.includes('greeting'));
    assert.ok(!text.includes('ten minutes'));
  });
});

test('a message over MAX_MESSAGE_LENGTH is refused with InputError before anything is stored', async () => {
  const assistant = await createAssistant({ worker: false, storage: 'memory' });
  const announced: string[] = [];
  assistant.on('message', (e) => announced.push(e.text));
  const before = await assistant.store.history();
  await assert.rejects(assistant.send('a'.repeat(MAX_MESSAGE_LENGTH + 1)), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.code, 'too-long');
    return true;
  });
  // 10 MiB of text: refused as fast as one character over.
  const started = performance.now();
  await assert.rejects(assistant.send('字'.repeat(10 * 1024 * 1024)), InputError);
  assert.ok(performance.now() - started < 200, 'refused without classifying or encrypting it');
  assert.deepEqual(await assistant.store.history(), before);
  assert.deepEqual(announced, []);
  const atLimit = await assistant.send('hello '.repeat(MAX_MESSAGE_LENGTH).slice(0, MAX_MESSAGE_LENGTH));
  assert.equal(typeof atLimit.text, 'string');
  assert.equal((await assistant.store.history(undefined, { limit: 2 }))[1]?.text.length, MAX_MESSAGE_LENGTH);
  await assistant.dispose();
});

test("the 'message' event names the id the user's message is stored under", async () => {
  const assistant = await createAssistant({ worker: false, storage: 'memory' });
  const ids: (string | undefined)[] = [];
  assistant.on('message', (e) => ids.push(e.id));
  await assistant.send('what is two plus two');
  const [reply, user] = await assistant.store.history(undefined, { limit: 2 });
  assert.equal(user?.role, 'user');
  assert.equal(user?.text, 'what is two plus two');
  assert.deepEqual(ids, [user.id]);
  assert.notEqual(ids[0], reply?.id);
  await assistant.dispose();
});

test('lock() is refused in device mode (nothing to lock with) and works in passphrase mode', async () => {
  const device = await createAssistant({ worker: false, storage: 'memory' });
  await assert.rejects(device.lock(), (e: unknown) => e instanceof UnsupportedError && e.code === 'device-mode');
  assert.equal(device.status, 'ready');
  assert.equal(typeof (await device.send('hello')).text, 'string');
  await device.dispose();
  const locked = await createAssistant({
    worker: false,
    storage: 'memory',
    encryption: { mode: 'passphrase', passphrase: 'correct horse battery staple' },
  });
  await locked.lock();
  assert.equal(locked.status, 'locked');
  await assert.rejects(locked.unlock('wrong'), WrongPassphraseError);
  await locked.unlock('correct horse battery staple');
  assert.equal(locked.status, 'ready');
  await locked.dispose();
});

test('a disposed assistant refuses new turns with a typed error', async () => {
  const assistant = await createAssistant({ worker: false, storage: 'memory' });
  await assistant.dispose();
  await assistant.dispose();
  await assert.rejects(assistant.send('hello'), (e) => e instanceof ConfidantError && e.code === 'disposed');
});

test('a corrupt model is refused with a ModelLoadError naming the source', async () => {
  await assert.rejects(
    createAssistant({ worker: false, storage: 'memory', model: new Uint8Array([8, 7, 18, 3, 1, 2]) }),
    (e) => e instanceof ConfidantError && e.code === 'model-load',
  );
});

test('a context model that is corrupt or made for other features is refused with a ModelLoadError', async () => {
  const { trainContextModel } = await import('../../../src/context/training/context-trainer.ts');
  const { exportContextOnnx } = await import('../../../src/context/training/context-export.ts');
  const { spec, syntheticTurns } = await import('../context/synthetic-turns.ts');
  const tiny = { spec, dim: 4, hidden: 4, candHidden: 4, slotHidden: 4, epochs: 1 };
  const foreign = exportContextOnnx(await trainContextModel(syntheticTurns(20, 1), tiny));
  for (const [contextModel, why] of [
    [new Uint8Array([8, 7, 18, 3, 1, 2]), /corrupt|truncated/],
    [foreign, /trained for other/],
  ] as const) {
    await assert.rejects(
      createAssistant({ worker: false, storage: 'memory', contextModel }),
      (e) => e instanceof ModelLoadError && e.source === 'bytes' && why.test(e.message),
    );
  }
  assert.throws(() => createAssistant({ contextModel: 42 as never }), TypeError);
  assert.throws(() => createAssistant({ contextModelSha256: 'abc' }), TypeError);
});

test('a context model swapped in answers the next turns; a refused one leaves the one in use answering', async () => {
  const { readFile } = await import('node:fs/promises');
  const { DEFAULT_CONTEXT_MODEL } = await import('../../../bin/commands/eval-dialogues.ts');
  const assistant = await createAssistant({ worker: false, storage: 'memory' });
  try {
    await assert.rejects(
      assistant.models.setContextModel(new Uint8Array([8, 7, 18, 3, 1, 2])),
      (e) => e instanceof ModelLoadError && e.source === 'bytes',
    );
    assert.equal((await assistant.send('what time is it')).understanding.intent, 'time');
    const info = await assistant.models.setContextModel(new Uint8Array(await readFile(DEFAULT_CONTEXT_MODEL)));
    assert.equal(info.name, 'assistant-context');
    assert.ok(info.bytes > 0);
    assert.equal((await assistant.send('set a timer for 5 minutes')).understanding.intent, 'timer');
  } finally {
    await assistant.dispose();
  }
});
