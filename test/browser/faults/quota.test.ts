// Fault: the disk fills up in the middle of a turn (test/browser/faults/quota-worker.ts raises the
// platform's QuotaExceededError at the edge of IndexedDB in the engine's Worker). The turn fails
// with StorageError code `quota`, nothing of it is half-written, and once there is room again the
// same message goes through, stored once.
import { expect } from '@esm-bundle/chai';
import { StorageError, type Assistant } from '../../../src/index.ts';
import { quotaFault } from './quota-fault.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';
import { rejection } from '../../fixtures/rejection.ts';

describe('fault: quota exhausted mid-turn', function () {
  this.timeout(120_000);
  const fault = quotaFault('quota');
  const { databaseName, disk } = fault;
  let assistant: Assistant;
  before(async () => {
    await fault.start();
    assistant = fault.assistant;
  });
  after(() => fault.stop());

  it('fails the turn with a typed error, writes none of it, and takes it again once there is room', async () => {
    await assistant.send('hello');
    const rows = () => rawGetAll<{ id: string }>(indexedDB, databaseName, 'messages');
    const before = await rows();
    const state = await rawGetAll(indexedDB, databaseName, 'dialogueState');
    await disk(true);
    const text = 'add flour and sugar to my shopping list';
    const error = await rejection(assistant.send(text));
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).code).to.equal('quota');
    expect((await rows()).map((r) => r.id)).to.deep.equal(
      before.map((r) => r.id),
      'no message half-written',
    );
    expect(await rawGetAll(indexedDB, databaseName, 'dialogueState')).to.deep.equal(state, 'no state change');
    await disk(false);
    const reply = await assistant.send(text);
    expect(reply.text).to.match(/flour/i);
    const history = await assistant.store.history(undefined, { limit: 10 });
    expect(history.filter((m) => m.text === text)).to.have.length(1, 'the message stored once');
    expect(history).to.have.length(4);
    expect(assistant.status).to.equal('ready');
  });
});
