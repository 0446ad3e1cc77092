// Faults of the database under a running assistant (engine in its Worker): IndexedDB deleted behind
// its back (another tab, "clear site data") and a `versionchange` from a newer tab that upgrades the
// schema. Neither may lose or duplicate a message that was not deleted, or write records that no key
// can read; a turn caught in either is answered, or fails with a typed error.
import { expect } from '@esm-bundle/chai';
import { createAssistant, type Assistant, type AssistantEvent } from '../../../src/index.ts';
import { HELD_REPLY, heldSkill } from './held-skill.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';

const request = <T>(req: IDBRequest<T> | IDBOpenDBRequest): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });

/** The messages as stored, and how many of them the assistant can read back. */
async function stored(assistant: Assistant, name: string) {
  const raw = await rawGetAll<{ id: string }>(indexedDB, name, 'messages');
  const readable = await assistant.store.history(undefined, { limit: 1000 });
  return { raw: raw.length, readable: readable.map((m) => m.text), ids: new Set(raw.map((r) => r.id)).size };
}

describe('fault: IndexedDB deleted behind the assistant', function () {
  this.timeout(120_000);
  const databaseName = `deleted-${crypto.randomUUID()}`;
  let assistant: Assistant;
  const held = heldSkill();
  const events: string[] = [];

  before(async () => {
    assistant = await createAssistant({ databaseName, skills: [held.skill] });
    assistant.on('storage-error', (e: Extract<AssistantEvent, { type: 'storage-error' }>) => events.push(e.code));
  });
  after(async () => {
    await assistant.dispose();
    indexedDB.deleteDatabase(databaseName);
  });

  it('starts over on a new database; the next turn is kept and readable', async () => {
    await assistant.send('hello');
    await assistant.send('add milk to my shopping list');
    await request(indexedDB.deleteDatabase(databaseName));
    const reply = await assistant.send('hello');
    expect(reply.understanding.intent).to.equal('greeting');
    expect(events).to.include('deleted');
    const now = await stored(assistant, databaseName);
    expect(now.raw).to.equal(2);
    expect(now.readable).to.deep.equal([reply.text, 'hello']);
    expect((await rawGetAll(indexedDB, databaseName, 'keys')).length).to.equal(1, 'a new key record');
  });

  it('a turn caught by the deletion is answered on the new database, stored once', async () => {
    const turn = assistant.send('where is my order');
    await held.started;
    await request(indexedDB.deleteDatabase(databaseName));
    held.release();
    const reply = await turn;
    expect(reply.text).to.equal(HELD_REPLY);
    const now = await stored(assistant, databaseName);
    expect(now.readable).to.deep.equal([HELD_REPLY, 'where is my order']);
    expect(now.raw).to.equal(2);
    expect(assistant.status).to.equal('ready');
  });
});

describe('fault: a newer tab upgrades the database (versionchange)', function () {
  this.timeout(120_000);
  const databaseName = `upgraded-${crypto.randomUUID()}`;
  let assistant: Assistant;
  after(async () => {
    await assistant.dispose();
    indexedDB.deleteDatabase(databaseName);
  });

  it('lets the upgrade through, reopens, and loses nothing', async () => {
    assistant = await createAssistant({ databaseName });
    for (const text of ['hello', 'add eggs to my shopping list', 'what time is it']) await assistant.send(text);
    const before = await stored(assistant, databaseName);
    expect(before.raw).to.equal(6);
    // A newer release in another tab: a higher version with a store this one does not know.
    const probe = await request<IDBDatabase>(indexedDB.open(databaseName));
    const version = probe.version;
    probe.close();
    const upgrade = indexedDB.open(databaseName, version + 10);
    upgrade.onupgradeneeded = () => upgrade.result.createObjectStore('fromTheFuture', { keyPath: 'id' });
    const newer = await request<IDBDatabase>(upgrade);
    expect(newer.version).to.equal(version + 10);
    // The newer tab stays open while this one keeps chatting.
    const sends = ['hello', 'what is on my shopping list'];
    for (const text of sends) expect((await assistant.send(text)).text.length).to.be.greaterThan(0);
    const after = await stored(assistant, databaseName);
    expect(after.raw).to.equal(10);
    expect(after.ids).to.equal(10);
    expect(after.readable.length).to.equal(10);
    expect(after.readable).to.include.members(before.readable);
    newer.close();
  });
});
