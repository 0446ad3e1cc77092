import { expect } from '@esm-bundle/chai';
import { toBase64, toHex, utf8 } from '../../../src/crypto/bytes.ts';
import { openStore } from '../../../src/store/index.ts';
import { findCanaries } from '../../fixtures/store/canary-scan.ts';
import { rawDump } from '../../fixtures/store/raw-idb.ts';

const unhandled: unknown[] = [];
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);

function canary(i: number): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `canary${i}x${hex}`;
}

describe('raw IndexedDB dump (Chromium)', () => {
  const name = `canary-${crypto.randomUUID()}`;
  before(() => addEventListener('unhandledrejection', onUnhandled));
  after(async () => {
    removeEventListener('unhandledrejection', onUnhandled);
    indexedDB.deleteDatabase(name);
    expect(unhandled).to.deep.equal([]);
  });

  it('the scanner finds a canary stored as text, as bytes, as hex or as base64 (positive control)', () => {
    const [a, b, c, d] = [canary(1), canary(2), canary(3), canary(4)];
    const dump = {
      s: [
        { t: `x ${a} y` },
        { v: new Uint8Array([7, ...utf8(b), 9]) },
        { h: toHex(utf8(c)) },
        { b: toBase64(utf8(`zz${d}`)) },
      ],
    };
    expect(findCanaries(dump, [a, b, c, d, canary(5)])).to.deep.equal([a, b, c, d]);
  });

  it('contains none of 1,000 planted plaintext canaries, in any store, as text, base64 or hex', async () => {
    const canaries = Array.from({ length: 1000 }, (_, i) => canary(i));
    const take = (() => {
      let at = 0;
      return (n: number) => canaries.slice(at, (at += n));
    })();
    const store = await openStore({ name });
    const titles = take(100);
    const convs = await Promise.all(titles.map((t) => store.createConversation(`Trip ${t}`)));
    const texts = take(400);
    const metas = take(100);
    await store.addMessages(
      texts.map((t, i) => ({
        conversationId: convs[i % convs.length]?.id as string,
        role: 'user' as const,
        text: `remind me ${t} tomorrow`,
        ...(i < metas.length ? { meta: { entities: [{ kind: 'custom', value: metas[i], at: new Date() }] } } : {}),
      })),
    );
    // Filler so the history passes one search pack (500 messages): the pack must hide the canaries too.
    await store.addMessages(
      Array.from({ length: 200 }, (_, i) => ({
        conversationId: convs[0]?.id as string,
        role: 'assistant' as const,
        text: `filler ${i}`,
      })),
    );
    const states = take(100);
    await Promise.all(
      states.map((s, i) => store.putDialogueState(convs[i]?.id as string, { slots: { what: s }, turn: i })),
    );
    const settings = take(100);
    await Promise.all(settings.map((s, i) => store.settings().set(`setting${i}`, { value: s })));
    const skill = take(100);
    await Promise.all(skill.map((s, i) => store.skillData('acme.notes').set(`note${i}`, [s])));
    const infos = take(50);
    const inBytes = take(50);
    await store.putModel('intent', utf8(inBytes.join('|')), { card: infos.join(' ') });
    expect(take(1)).to.deep.equal([]);

    // Everything reads back (the canaries are really stored)…
    expect((await store.searchMessages(texts[7] as string)).length).to.equal(1);
    expect((await store.searchMessages(texts[8] as string)).length).to.equal(1); // now through the pack
    expect(await store.getDialogueState(convs[3]?.id as string)).to.deep.equal({ slots: { what: states[3] }, turn: 3 });
    expect(new TextDecoder().decode((await store.getModel('intent'))?.bytes)).to.contain(inBytes[49]);
    await store.close();

    // …and none is in the database in any readable form.
    const dump = await rawDump(indexedDB, name);
    expect(Object.keys(dump).sort()).to.deep.equal([
      'audit',
      'conversations',
      'dialogueState',
      'keys',
      'messages',
      'meta',
      'models',
      'searchPacks',
      'settings',
      'skillData',
    ]);
    expect(dump['messages']?.length).to.equal(600);
    expect(dump['searchPacks']?.length).to.equal(1);
    expect(findCanaries(dump, canaries)).to.deep.equal([]);
  });
});
