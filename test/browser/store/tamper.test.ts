import { expect } from '@esm-bundle/chai';
import { IV_LENGTH, TAG_LENGTH } from '../../../src/crypto/envelope.ts';
import { openStore } from '../../../src/store/index.ts';
import type { Store, StoreErrorEvent } from '../../../src/store/types.ts';
import { flipBit, rawGetAll, rawOpen } from '../../fixtures/store/raw-idb.ts';

type Row = Record<string, unknown>;
const unhandled: unknown[] = [];
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);

/** One raw connection kept open for many writes (tampering under the store's feet). */
async function rawWriter(name: string) {
  const db = await rawOpen(indexedDB, name);
  return {
    put(store: string, ...values: object[]) {
      const tx = db.transaction(store, 'readwrite');
      for (const v of values) tx.objectStore(store).put(v);
      return new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
    },
    close: () => db.close(),
  };
}

describe('tamper detection (Chromium)', () => {
  const name = `tamper-${crypto.randomUUID()}`;
  const errors: StoreErrorEvent[] = [];
  let store: Store;
  before(async () => {
    addEventListener('unhandledrejection', onUnhandled);
    store = await openStore({ name, onError: (e) => errors.push(e) });
  });
  after(async () => {
    await store.close();
    indexedDB.deleteDatabase(name);
    removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('detects every single-bit flip in the header, IV, ciphertext and tag of a short record', async () => {
    const c = await store.createConversation('');
    const sent = await store.addMessage({ conversationId: c.id, role: 'user', text: 'hi' });
    const [row] = (await rawGetAll<Row & { id: string; body: Uint8Array }>(indexedDB, name, 'messages')).filter(
      (r) => r.id === sent.id,
    );
    if (row === undefined) throw new Error('message not stored');
    expect(row.body.length).to.equal(1 + IV_LENGTH + 22 + TAG_LENGTH);
    const writer = await rawWriter(name);
    errors.length = 0;
    let accepted = 0;
    const bits = row.body.length * 8;
    for (let bit = 0; bit < bits; bit++) {
      await writer.put('messages', { ...row, body: flipBit(row.body, bit) });
      if ((await store.getMessage(row.id)) !== undefined) accepted++;
    }
    await writer.put('messages', row);
    writer.close();
    expect(accepted).to.equal(0);
    expect(errors.length).to.equal(bits);
    expect(errors.every((e) => e.code === 'auth' && e.table === 'messages' && e.recordId === row.id)).to.equal(true);
    expect((await store.getMessage(row.id))?.text).to.equal('hi');
  });

  it('detects every swap of ciphertexts between records and fields', async () => {
    const a = await store.createConversation('title A');
    const b = await store.createConversation('title B');
    const [m1, m2, m3] = await store.addMessages([
      { conversationId: a.id, role: 'user', text: 'one', createdAt: 10 },
      { conversationId: a.id, role: 'user', text: 'two', createdAt: 20 },
      { conversationId: b.id, role: 'user', text: 'three', createdAt: 30 },
    ]);
    await store.putDialogueState(a.id, { s: 'A' });
    await store.putDialogueState(b.id, { s: 'B' });
    await store.settings().set('x', 1);
    await store.settings().set('y', 2);
    await store.skillData('s1').set('k', 'v1');
    await store.skillData('s2').set('k', 'v2');
    const rows = async (t: string) => rawGetAll<Row>(indexedDB, name, t);
    const msgs = await rows('messages');
    const byId = (list: Row[], key: string, id: unknown) => list.find((r) => r[key] === id) as Row;
    const [r1, r2, r3] = [byId(msgs, 'id', m1?.id), byId(msgs, 'id', m2?.id), byId(msgs, 'id', m3?.id)];
    const convs = await rows('conversations');
    const states = await rows('dialogueState');
    const settings = await rows('settings');
    const skills = await rows('skillData');
    const writer = await rawWriter(name);
    const swaps: [string, Row, Row, string][] = [
      ['messages', r1, r2, 'body'],
      ['messages', r1, r3, 'body'],
      ['conversations', byId(convs, 'id', a.id), byId(convs, 'id', b.id), 'title'],
      ['dialogueState', byId(states, 'conversationId', a.id), byId(states, 'conversationId', b.id), 'state'],
      ['settings', byId(settings, 'key', 'x'), byId(settings, 'key', 'y'), 'value'],
      ['skillData', byId(skills, 'skillId', 's1'), byId(skills, 'skillId', 's2'), 'value'],
    ];
    for (const [table, x, y, field] of swaps) {
      errors.length = 0;
      await writer.put(table, { ...x, [field]: y[field] }, { ...y, [field]: x[field] });
      expect(await store.listMessages(a.id)).to.have.length(table === 'messages' ? (r3 === y ? 1 : 0) : 2);
      expect(await store.listMessages(b.id)).to.have.length(table === 'messages' && r3 === y ? 0 : 1);
      const titles = (await store.listConversations()).map((c) => c.title);
      expect(await store.getDialogueState(a.id)).to.deep.equal(table === 'dialogueState' ? undefined : { s: 'A' });
      expect(await store.settings().get('x')).to.equal(table === 'settings' ? undefined : 1);
      expect(await store.skillData('s1').get('k')).to.equal(table === 'skillData' ? undefined : 'v1');
      expect(titles.includes('title A')).to.equal(table !== 'conversations');
      expect(errors.length, table).to.be.greaterThan(0);
      expect(errors.every((e) => e.table === table)).to.equal(true);
      await writer.put(table, x, y);
    }
    // A message moved to another conversation (its clear conversationId edited) fails too.
    await writer.put('messages', { ...r1, conversationId: b.id });
    expect((await store.listMessages(b.id)).map((m) => m.text)).to.deep.equal(['three']);
    writer.close();
  });
});
