// Four tabs (same-origin frames, each with its own realm, assistant and engine Worker) sending at
// once, for a minute, into the same database: no message lost, none duplicated, every user message
// answered once, and each tab's messages in the order it sent them.
import { expect } from '@esm-bundle/chai';
import type * as Index from '../../../src/index.ts';
import { openFrameTab, type FrameTab } from '../../fixtures/store/frame-tab.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';

const TABS = 4;
const DURATION_MS = 60_000;

describe('fault: four tabs sending at once for a minute', function () {
  this.timeout(DURATION_MS + 180_000);
  const databaseName = `four-tabs-${crypto.randomUUID()}`;
  const tabs: FrameTab[] = [];
  const assistants: Index.Assistant[] = [];
  after(async () => {
    await Promise.allSettled(assistants.map((a) => a.dispose()));
    for (const tab of tabs) tab.close();
    indexedDB.deleteDatabase(databaseName);
  });

  it('loses, duplicates and reorders nothing', async () => {
    for (let t = 0; t < TABS; t++) {
      const tab = await openFrameTab();
      tabs.push(tab);
      const { createAssistant } = await tab.importInFrame<typeof Index>('/src/index.ts');
      assistants.push(await createAssistant({ databaseName }));
    }
    const sent: string[][] = assistants.map(() => []);
    const replies: number[] = assistants.map(() => 0);
    const failures: string[] = [];
    const until = performance.now() + DURATION_MS;
    await Promise.all(
      assistants.map(async (assistant, t) => {
        for (let i = 0; performance.now() < until; i++) {
          const text = `tab ${t} says number ${i}`;
          try {
            const reply = await assistant.send(text);
            sent[t]!.push(text);
            if (reply.text.length > 0) replies[t]!++;
          } catch (error) {
            failures.push(`${text}: ${(error as Error).name} ${(error as Error).message}`);
            break;
          }
        }
      }),
    );
    expect(failures).to.deep.equal([]);
    const total = sent.reduce((n, s) => n + s.length, 0);
    console.log(`four tabs: ${sent.map((s) => s.length).join(' + ')} = ${total} turns in ${DURATION_MS / 1000} s`);
    expect(total).to.be.greaterThan(TABS * 10, 'the tabs really sent for the minute');

    const rows = await rawGetAll<{ id: string }>(indexedDB, databaseName, 'messages');
    expect(rows).to.have.length(total * 2, 'every turn stored once, with its reply');
    expect(new Set(rows.map((r) => r.id)).size).to.equal(rows.length);
    // Read back through one of the tabs: every message decrypts.
    const history = await assistants[0]!.store.history(undefined, { limit: total * 2 + 10 });
    expect(history).to.have.length(total * 2);
    const oldestFirst = [...history].reverse();
    for (let t = 0; t < TABS; t++) {
      const mine = oldestFirst
        .filter((m) => m.role === 'user' && m.text.startsWith(`tab ${t} says`))
        .map((m) => m.text);
      expect(mine, `tab ${t}: each message once, in the order sent`).to.deep.equal(sent[t]);
    }
    expect(history.filter((m) => m.role === 'assistant')).to.have.length(total);
    expect(replies.reduce((a, b) => a + b, 0)).to.equal(total);
  });
});
