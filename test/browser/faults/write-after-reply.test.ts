// Fault: the turn's write fails AFTER its reply was shown (src/engine/turn-writes.ts writes behind
// the reply). The real engine in its Worker (test/browser/faults/quota-worker.ts fills the disk at
// the edge of IndexedDB) and the real widget: the reply is rendered, then the write fails; the
// engine says `storage-error`, the widget takes the reply back and offers Retry on the message, the
// database holds none of the turn, and Retry, once there is room, stores it once with nothing lost.
import { expect } from '@esm-bundle/chai';
import type { Assistant, AssistantEvent } from '../../../src/index.ts';
import { quotaFault } from './quota-fault.ts';
import type { ConfidantErrorEvent, ConfidantReplyEvent } from '../../../widget/index.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';
import { bubbleTexts, mount, part, parts, typeAndSend, until } from '../widget/helpers.ts';

describe('fault: a turn write fails after its reply was shown (engine in a Worker, widget)', function () {
  this.timeout(120_000);
  const fault = quotaFault('write-after-reply');
  const { databaseName, disk } = fault;
  let assistant: Assistant;
  before(async () => {
    await fault.start();
    assistant = fault.assistant;
  });
  after(() => fault.stop());

  it('surfaces storage-error, withdraws the shown reply with Retry, and loses nothing', async () => {
    const el = await mount(assistant, { open: '' });
    await typeAndSend(el, 'hello');
    await until(() => bubbleTexts(el).length === 2, 20_000, 'the first reply');
    const rows = () => rawGetAll<{ id: string }>(indexedDB, databaseName, 'messages');
    const stored = (await rows()).map((r) => r.id);
    expect(stored).to.have.length(2);
    const state = await rawGetAll(indexedDB, databaseName, 'dialogueState');

    const storageErrors: string[] = [];
    const off = assistant.on('storage-error', (e: Extract<AssistantEvent, { type: 'storage-error' }>) =>
      storageErrors.push(e.code),
    );
    const widgetErrors: unknown[] = [];
    el.addEventListener('confidant-error', (e: ConfidantErrorEvent) => widgetErrors.push(e.error));
    // What the list showed when the reply was rendered (the event fires once it is in the DOM).
    const shown = new Promise<{ reply: string; bubbles: string[] }>((resolve) =>
      el.addEventListener(
        'confidant-reply',
        (e: ConfidantReplyEvent) => resolve({ reply: e.reply.text, bubbles: bubbleTexts(el) }),
        { once: true },
      ),
    );
    await disk(true);
    const text = "what's 15% of 80"; // a skill that writes nothing itself: only the turn's write fails
    await typeAndSend(el, text);
    const { reply, bubbles } = await shown;
    expect(reply).to.match(/\b12\b/);
    expect(bubbles.slice(2), 'the reply was shown before its write').to.deep.equal([text, reply]);

    await until(() => parts(el, 'retry-button').length === 1, 20_000, 'Retry on the message');
    expect(bubbleTexts(el).slice(2), 'the reply was taken back').to.deep.equal([text]);
    expect(storageErrors).to.deep.equal(['quota']);
    expect(widgetErrors.map((e) => (e as { code?: string }).code)).to.deep.equal(['quota']);
    expect(
      (await rows()).map((r) => r.id),
      'none of the turn written',
    ).to.deep.equal(stored);
    expect(await rawGetAll(indexedDB, databaseName, 'dialogueState')).to.deep.equal(state, 'no state change');
    off();

    await disk(false);
    part(el, 'retry-button').click();
    await until(() => bubbleTexts(el).length === 4 && parts(el, 'retry-button').length === 0, 20_000, 'the retry');
    expect(bubbleTexts(el)[3]).to.match(/\b12\b/);
    const history = await assistant.store.history(undefined, { limit: 10 });
    expect(history.map((m) => m.text).reverse(), 'every message, in order').to.deep.equal([
      'hello',
      bubbleTexts(el)[1],
      text,
      bubbleTexts(el)[3],
    ]);
    expect((await rows()).length, 'the turn stored once').to.equal(4);
    expect(assistant.status).to.equal('ready');
  });
});
