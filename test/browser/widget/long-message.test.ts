// Rendering stays responsive for the longest stored message (issue 16.5): a conversation holding a 10 MiB
// message — stored before the length bound existed, or brought in by a backup — is opened with the engine in
// its Worker, and Chromium's PerformanceObserver must see no long task over 50 ms on the page meanwhile.
// (Before: 1 MiB was a 24.5 s long task, 10 MiB 153 s, on every visit to that conversation.)
import { expect } from '@esm-bundle/chai';
import { createAssistant, type Assistant } from '../../../src/index.ts';
import { mount, part, parts, until } from './helpers.ts';

describe('a conversation holding a 10 MiB message', () => {
  const database = `long-${crypto.randomUUID()}`;
  let assistant: Assistant | undefined;
  after(async () => {
    await assistant?.dispose();
    indexedDB.deleteDatabase(database);
  });

  it('opens from the list with no long task over 50 ms, collapsed, with "Show more"', async () => {
    // Made and written in a Worker: this page must not hold, or collect, megabytes while it measures.
    const seeder = new Worker(new URL('../../fixtures/widget/seed-long-worker.ts', import.meta.url), {
      type: 'module',
    });
    const seeded = await new Promise<{ utf8Bytes: number; head: string }>((resolve, reject) => {
      seeder.onmessage = (event) => resolve(event.data);
      seeder.onerror = reject;
      seeder.postMessage({ database, bytes: 10 * 1024 * 1024 });
    });
    seeder.terminate();
    expect(seeded.utf8Bytes).to.be.at.least(10 * 1024 * 1024);
    assistant = await createAssistant({ databaseName: database });
    const el = await mount(assistant, { open: '', voice: 'off' });
    await until(() => parts(el, 'bubble').length === 1, 20_000, 'the current conversation');
    part(el, 'conversations-button').click();
    await until(() => parts(el, 'conversation').length === 2, 20_000, 'the list');
    // The list's preview of it is short, made in the Worker.
    expect(parts(el, 'preview')[1]?.textContent?.length).to.be.at.most(120);

    // Long tasks are wall-clock: on a shared, loaded machine the scheduler can stretch any task past 50 ms.
    // So the conversation is opened three times (back to the list in between) and the best attempt counts;
    // a short conversation opened the same way shows what the machine's noise is.
    const open = async (index: number, bubbles: number): Promise<number[]> => {
      const longTasks: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
      observer.observe({ type: 'longtask' });
      parts(el, 'conversation')[index]?.click();
      await until(() => parts(el, 'bubble').length === bubbles, 20_000, 'the conversation');
      // Two frames, then a pause: whatever layout and paint the open caused has run.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return longTasks.map((task) => Math.round(task.duration));
    };
    const backToList = async () => {
      part(el, 'conversations-button').click();
      await until(() => parts(el, 'conversation').length === 2, 20_000, 'the list');
    };
    const attempts: number[][] = [];
    const control: number[][] = [];
    for (let i = 0; i < 3; i++) {
      attempts.push(await open(1, 2));
      await backToList();
      control.push(await open(0, 1));
      await backToList();
    }
    console.log(
      `long tasks opening the 10 MiB conversation: ${JSON.stringify(attempts)} ms; a short one: ${JSON.stringify(control)} ms`,
    );
    expect(Math.min(...attempts.map((tasks) => Math.max(0, ...tasks)))).to.be.at.most(50);
    await open(1, 2);

    expect(part(el, 'user-bubble').textContent?.length).to.be.lessThan(1300);
    expect(part(el, 'show-more').getAttribute('aria-expanded')).to.equal('false');
    const text = () => el.shadowRoot?.querySelector('[part~="user-bubble"] .text')?.textContent ?? '';
    expect(text().startsWith(seeded.head.slice(0, 250))).to.equal(true);
    const before = text().length;
    part(el, 'show-more').click();
    await until(() => text().length > before, 20_000, 'more of it');
    expect(text().startsWith(seeded.head)).to.equal(true);
  });
});
