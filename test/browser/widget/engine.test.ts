import { expect } from '@esm-bundle/chai';
import { createAssistant } from '../../../src/index.ts';
import type { Assistant, SkillDefinition } from '../../../src/index.ts';
import type { ConfidantReplyEvent } from '../../../widget/index.ts';
import { bubbleTexts, mount, part, parts, typeAndSend, until } from './helpers.ts';

// The real engine in this thread (`worker: false`): featurizer, ONNX model, dialogue, skills, store.
describe('<confidant-assistant> with the real createAssistant', () => {
  const started: Assistant[] = [];
  const databases: string[] = [];
  afterEach(async () => {
    for (const assistant of started.splice(0)) await assistant.dispose();
    for (const name of databases.splice(0)) indexedDB.deleteDatabase(name);
  });
  const start = async (options: Parameters<typeof createAssistant>[0] = {}) => {
    const assistant = await createAssistant({ worker: false, storage: 'memory', ...options });
    started.push(assistant);
    return assistant;
  };

  it('sends "hello" and renders the built-in skill’s reply', async () => {
    const el = await mount(await start(), { open: '' });
    const replied = new Promise<ConfidantReplyEvent>((resolve) =>
      el.addEventListener('confidant-reply', resolve, { once: true }),
    );
    await typeAndSend(el, 'hello');
    const { reply } = await replied;
    expect(reply.understanding.intent).to.equal('greeting');
    expect(reply.text.length).to.be.greaterThan(0);
    expect(bubbleTexts(el)).to.deep.equal(['hello', reply.text]);
    expect(el.shadowRoot?.querySelector('[part="announcer"]')?.textContent).to.contain(reply.text);
  });

  it('streams an app skill’s chunks into the list, then renders its markdown, cards and suggestions', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const skill: SkillDefinition = {
      id: 'test.orders',
      version: '1.0.0',
      intents: ['order_status'],
      async *execute() {
        yield 'Order 42 ';
        yield 'has shipped.';
        await held;
      },
    };
    const el = await mount(await start({ skills: [skill] }), { open: '' });
    await typeAndSend(el, 'where is my order');
    await until(() => bubbleTexts(el)[1] === 'Order 42 has shipped.', 10_000, 'streamed text');
    expect(parts(el, 'assistant-message')[0]?.getAttribute('aria-hidden')).to.equal('true');
    release();
    await until(
      () => parts(el, 'assistant-message')[0]?.getAttribute('aria-hidden') === null,
      10_000,
      'the whole reply',
    );
    expect(bubbleTexts(el)[1]).to.equal('Order 42 has shipped.');
  });

  it('restores the conversation from the encrypted store after a reload', async () => {
    const databaseName = `widget-reload-${Date.now()}`;
    databases.push(databaseName);
    const first = await createAssistant({ worker: false, storage: 'indexeddb', databaseName });
    await first.send('hello');
    await first.dispose();
    const el = await mount(await start({ storage: 'indexeddb', databaseName }), { open: '' });
    await until(() => bubbleTexts(el).length === 2, 10_000, 'restored history');
    expect(bubbleTexts(el)[0]).to.equal('hello');
    await typeAndSend(el, 'thanks');
    await until(() => bubbleTexts(el).length === 4, 10_000, 'a new reply after the restored ones');
  });

  it('creates its own assistant (engine in a Worker) from attributes when given none', async () => {
    const databaseName = `widget-own-${Date.now()}`;
    databases.push(databaseName);
    const el = await mount(undefined, { load: 'eager', database: databaseName });
    const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    await ready;
    el.show();
    await el.updateComplete;
    await typeAndSend(el, 'hello');
    await until(() => bubbleTexts(el).length === 2, 20_000, 'a reply from the Worker');
    expect(part(el, 'assistant-message')).to.not.equal(null);
    if (el.assistant) started.push(el.assistant as Assistant);
  });
});
