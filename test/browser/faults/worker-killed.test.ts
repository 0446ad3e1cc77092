// Fault: the engine's Worker is terminated in the middle of a turn (the browser may do it under
// memory pressure; a crash looks the same). The assistant notices through the Worker's lifeline
// lock, starts a new Worker, and retries the turn once with the same message ids: the user's
// message is kept, the turn is answered, and nothing is stored twice.
import { expect } from '@esm-bundle/chai';
import { createAssistant, type Assistant, type AssistantEvent } from '../../../src/index.ts';
import { HELD_REPLY, heldSkill } from './held-skill.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';

/** Records every Worker the page starts (the assistant's own ones included). */
function captureWorkers(): { workers: Worker[]; restore(): void } {
  const Original = globalThis.Worker;
  const workers: Worker[] = [];
  globalThis.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(this);
    }
  } as typeof Worker;
  return { workers, restore: () => void (globalThis.Worker = Original) };
}

describe('fault: the engine Worker is terminated mid-turn', function () {
  this.timeout(120_000);
  const databaseName = `killed-${crypto.randomUUID()}`;
  let assistant: Assistant;
  const captured = captureWorkers();
  // An app skill that hangs on its first call, so the Worker can be killed while the turn waits.
  const held = heldSkill();
  const statuses: string[] = [];

  before(async () => {
    assistant = await createAssistant({ databaseName, skills: [held.skill] });
    assistant.on('status', (e: Extract<AssistantEvent, { type: 'status' }>) => statuses.push(e.status));
  });
  after(async () => {
    captured.restore();
    await assistant.dispose();
    indexedDB.deleteDatabase(databaseName);
  });

  it('restarts the Worker, keeps the message, answers the turn once', async () => {
    await assistant.send('hello');
    expect(captured.workers).to.have.length(1);
    const turn = assistant.send('where is my order');
    await held.started;
    captured.workers[0]!.terminate();
    const reply = await turn;
    held.release();
    expect(reply.text).to.equal(HELD_REPLY);
    expect(held.calls()).to.equal(2, 'the turn ran again on the new Worker');
    expect(captured.workers).to.have.length(2, 'one new Worker');
    expect(statuses, 'the new Worker started and said so').to.include('ready');
    expect(assistant.status).to.equal('ready');
    const rows = await rawGetAll<{ id: string }>(indexedDB, databaseName, 'messages');
    expect(rows).to.have.length(4, 'hello + reply, the order question + its reply: nothing twice');
    const history = await assistant.store.history(undefined, { limit: 10 });
    expect(history.map((m) => m.text)).to.deep.equal([HELD_REPLY, 'where is my order', history[2]?.text, 'hello']);
    expect(new Set(history.map((m) => m.id)).size).to.equal(4);
    // And the new Worker keeps answering.
    expect((await assistant.send('hello')).understanding.intent).to.equal('greeting');
  });

  it('a Worker killed between turns is replaced before the next one', async () => {
    captured.workers.at(-1)!.terminate();
    const reply = await assistant.send('where is my order');
    expect(reply.text).to.equal(HELD_REPLY);
    expect(captured.workers).to.have.length(3);
    const rows = await rawGetAll(indexedDB, databaseName, 'messages');
    expect(rows).to.have.length(8);
  });
});
