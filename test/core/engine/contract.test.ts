// The engine contract is declared once (src/engine/contract.ts): the in-thread engine, the Worker client
// and the assistant's groups are derived from its table. These tests fail when one of them drifts from it
// (compile-time checks of the table against `Engine` are in the table itself and in test/types).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engineMethods, membersOf, type EngineGroup } from '../../../src/engine/contract.ts';
import { createLocalEngine } from '../../../src/engine/local-engine.ts';
import { connectWorkerEngine, exposeEngine } from '../../../src/engine/worker-transport.ts';
import { createAssistant, type Assistant, type ProgressEvent, type ReplyChunk } from '../../../src/index.ts';

const tableNames = Object.keys(engineMethods).sort();
const functionKeys = (object: object) =>
  Object.entries(object)
    .filter(([, value]) => typeof value === 'function')
    .map(([key]) => key)
    .sort();

test('the in-thread engine implements exactly the methods of the table', () => {
  assert.deepEqual(functionKeys(createLocalEngine()), tableNames);
});

describe('the Worker client, over a MessageChannel', () => {
  const channel = new MessageChannel();
  // A MessagePort stands in for the Worker: the client only posts, listens and terminates.
  const worker = Object.assign(channel.port2, { terminate: () => channel.port2.close() }) as unknown as Worker;
  const engine = connectWorkerEngine(worker);

  before(() => exposeEngine(createLocalEngine, channel.port1));
  after(async () => {
    await engine.dispose();
    channel.port1.close();
  });

  test('has exactly the methods of the table', () => {
    assert.deepEqual(functionKeys(engine), tableNames);
  });

  test('passes the callbacks the table lists by proxy, and the rest by copy', async () => {
    const progress: ProgressEvent['status'][] = [];
    const model = await engine.init({ storage: 'memory' }, (event) => progress.push(event.status));
    assert.equal(model.name, 'assistant-en');
    assert.ok(progress.includes('done'), `init called back across the channel: ${progress.join()}`);
    const chunks: ReplyChunk[] = [];
    const reply = await engine.send({ text: 'hello' }, (chunk) => chunks.push(chunk));
    assert.equal(reply.understanding.intent, 'greeting');
    // The reply came through the callback before the turn was stored, under its stored id.
    assert.deepEqual(
      chunks.map((chunk) => (chunk.type === 'done' ? chunk.reply.id : chunk.type)),
      [reply.id],
    );
    assert.equal(typeof reply.text, 'string', 'the reply came back by copy');
    assert.equal((await engine.conversations()).length, 1);
  });
});

describe('an assistant', () => {
  let assistant: Assistant;
  before(async () => {
    assistant = await createAssistant({ worker: false, storage: 'memory' });
  });
  after(() => assistant.dispose());

  const groups: Record<Exclude<EngineGroup, 'engine' | 'assistant'>, () => object> = {
    store: () => assistant.store,
    skills: () => assistant.skills,
    models: () => assistant.models,
  };
  for (const [group, of] of Object.entries(groups)) {
    test(`has in assistant.${group} exactly the table's ${group} methods`, () => {
      assert.deepEqual(
        functionKeys(of()),
        membersOf(group as EngineGroup)
          .map((m) => m.name)
          .sort(),
      );
    });
  }

  test("has the table's top-level methods, and none of the engine's own plumbing", () => {
    const top = functionKeys(assistant);
    for (const { name } of membersOf('assistant')) assert.ok(top.includes(name), name);
    for (const { name } of membersOf('engine'))
      assert.ok(!top.includes(name) || ['send', 'dispose'].includes(name), `${name} is not passed through`);
    assert.deepEqual(top, [
      'classify',
      'dispose',
      'lock',
      'metrics',
      'on',
      'send',
      'stream',
      'unlock',
      'unlockWithPasskey',
    ]);
  });

  test('passes grouped calls through to the engine', async () => {
    await assistant.send('hello');
    const [latest] = await assistant.store.history(undefined, { limit: 1 });
    assert.equal(latest?.role, 'assistant');
    // The built-in name skill is trusted with the profile without a prompt (engine/services.ts).
    assert.deepEqual(await assistant.skills.permissions(), [{ skillId: 'builtin.user-name', permission: 'profile' }]);
    assert.equal(await assistant.store.retention(), null);
    // A method the table renames: the engine's `listSkills` is `skills.list`.
    const manifests = await assistant.skills.list();
    assert.ok(manifests.some((manifest) => manifest.id === 'builtin.time' && manifest.intents.includes('time')));
    assert.ok(
      manifests.every((manifest) => !('execute' in manifest)),
      'manifests carry no code',
    );
  });
});
