// Live sync between tabs of one origin, without a server (issue 14.5): two same-origin frames, each with its own
// document, `<confidant-assistant>`, engine Worker and IndexedDB connection on one database. A message sent in
// one must appear in the other within 500 ms; list changes, an erase and a lock follow too.
import { expect } from '@esm-bundle/chai';
import type * as Core from '../../../src/index.ts';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import { openFrameTab, type FrameTab } from '../../fixtures/store/frame-tab.ts';

interface Tab {
  frame: FrameTab;
  el: ConfidantAssistant;
  assistant: Core.Assistant;
}

const texts = (el: ConfidantAssistant) =>
  [...(el.shadowRoot?.querySelectorAll('[part~="bubble"]') ?? [])].map((bubble) => {
    const clone = bubble.cloneNode(true) as HTMLElement;
    clone.querySelector('.sr-only')?.remove();
    return clone.textContent?.trim() ?? '';
  });

async function until(condition: () => unknown, what: string, timeoutMs = 20_000): Promise<number> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now();
}

/** Opens a "tab": a frame that loads the element and an assistant (its engine in a Worker) on `database`. */
async function openTab(database: string, encryption: 'device' | 'passphrase' = 'device'): Promise<Tab> {
  const frame = await openFrameTab();
  const core = await frame.importInFrame<typeof Core>('/src/index.ts');
  await frame.importInFrame('/widget/index.ts');
  const assistant = await core.createAssistant({ databaseName: database, encryption: { mode: encryption } });
  const doc = frame.frame.contentDocument as Document;
  const el = doc.createElement('confidant-assistant') as ConfidantAssistant;
  el.setAttribute('voice', 'off');
  el.setAttribute('inline', '');
  el.assistant = assistant;
  doc.body.append(el);
  await el.updateComplete;
  return { frame, el, assistant };
}

describe('two tabs on one history', () => {
  const tabs: Tab[] = [];
  const database = `tabs-widget-${crypto.randomUUID()}`;
  after(async () => {
    for (const tab of tabs) {
      await tab.assistant.dispose();
      tab.frame.close();
    }
    indexedDB.deleteDatabase(database);
  });

  it('a message sent in one tab appears in the other within 500 ms', async () => {
    tabs.push(await openTab(database), await openTab(database));
    const [a, b] = tabs as [Tab, Tab];
    // Both show the same conversation: the first tab's, which the second picks as the latest.
    await a.el.send('hello');
    await until(() => texts(b.el).length === 2, 'the first turn in the other tab');

    const delays: number[] = [];
    for (const text of ['what is 2 plus 3', 'flip a coin', 'tell me a joke']) {
      const sent = performance.now();
      void a.el.send(text);
      const shown = await until(() => texts(b.el).includes(text), `"${text}" in the other tab`);
      delays.push(shown - sent);
      await until(() => texts(a.el).length === texts(b.el).length, 'both tabs with the reply');
    }
    expect(texts(b.el)).to.deep.equal(texts(a.el));
    console.log(`tab sync delays (ms): ${delays.map((d) => d.toFixed(1)).join(', ')}`);
    for (const delay of delays) expect(delay).to.be.lessThan(500);
  });

  it('an erase in one tab empties the other', async () => {
    const [a, b] = tabs as [Tab, Tab];
    await a.assistant.store.erase();
    await until(() => texts(b.el).length === 0, 'the other tab emptied');
    expect(await b.assistant.store.history()).to.deep.equal([]);
    expect(b.assistant.status).to.equal('ready');
  });
});

describe('two tabs on a passphrase store', () => {
  const tabs: Tab[] = [];
  const database = `tabs-lock-${crypto.randomUUID()}`;
  after(async () => {
    for (const tab of tabs) {
      await tab.assistant.dispose();
      tab.frame.close();
    }
    indexedDB.deleteDatabase(database);
  });

  it('locking one tab locks the other', async () => {
    tabs.push(await openTab(database, 'passphrase'));
    const [a] = tabs as [Tab];
    await a.assistant.unlock('shared secret 1');
    tabs.push(await openTab(database, 'passphrase'));
    const b = tabs[1] as Tab;
    await b.assistant.unlock('shared secret 1');
    await until(() => b.el.shadowRoot?.querySelector('[part~="composer"]'), 'the second tab unlocked');
    await a.assistant.lock();
    await until(() => b.el.shadowRoot?.querySelector('[part~="unlock"]'), 'the second tab locked');
    expect(b.assistant.status).to.equal('locked');
  });
});
