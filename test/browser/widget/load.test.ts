import { expect } from '@esm-bundle/chai';
import type { Assistant } from '../../../src/index.ts';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { bubbleTexts, mount, typeAndSend, until } from './helpers.ts';

const fast = { worker: false, storage: 'memory' } as const;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mounts an element that would create its own assistant (in this thread, in memory, to stay fast). */
const mountOwn = (load: string, attributes: Record<string, string> = {}) =>
  mount(undefined, { load, ...attributes }, document.body, (el) => (el.assistantOptions = fast));

describe('when the element starts its own assistant', () => {
  const own: Assistant[] = [];
  afterEach(async () => {
    for (const assistant of own.splice(0)) await assistant.dispose();
  });
  const keep = (el: ConfidantAssistant) => el.assistant && own.push(el.assistant as Assistant);

  it('load="open": nothing until the panel first opens, then it starts and answers', async () => {
    const el = await mountOwn('open');
    await pause(400);
    expect(el.assistant).to.equal(undefined);
    const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    el.show();
    await ready;
    keep(el);
    await typeAndSend(el, 'hello');
    await until(() => bubbleTexts(el).length === 2, 10_000);
  });

  it('starts nothing by default until the visitor points at the launcher, then starts at once', async () => {
    const el = await mount(undefined, {}, document.body, (e) => (e.assistantOptions = fast));
    expect(el.load).to.equal('open');
    await pause(400);
    expect(el.assistant).to.equal(undefined);
    const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    const launcher = el.shadowRoot?.querySelector('.launcher') as HTMLButtonElement;
    launcher.dispatchEvent(new PointerEvent('pointerenter'));
    await ready;
    keep(el);
    expect(el.open).to.equal(false);
  });

  it('load="open": focusing the launcher (keyboard users) starts it too; load="none" does not', async () => {
    const none = await mountOwn('none');
    (none.shadowRoot?.querySelector('.launcher') as HTMLButtonElement).focus();
    await pause(300);
    expect(none.assistant).to.equal(undefined);
    none.remove();
    const el = await mountOwn('open');
    const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    (el.shadowRoot?.querySelector('.launcher') as HTMLButtonElement).focus();
    await ready;
    keep(el);
  });

  it('load="idle": starts once the page is loaded and the browser idle, without being opened', async () => {
    const el = await mountOwn('idle');
    const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    await ready;
    keep(el);
    expect(el.open).to.equal(false);
  });

  it('load="none": never starts one; the app hands its own over later', async () => {
    const el = await mountOwn('none', { open: '' });
    await typeAndSend(el, 'early');
    await pause(400);
    expect(el.assistant).to.equal(undefined);
    el.assistant = createScriptedAssistant((text) => ({ reply: { text: `got ${text}` } }));
    await until(() => bubbleTexts(el).length === 2);
    expect(bubbleTexts(el)).to.deep.equal(['early', 'got early']);
  });

  it('an assistant set by a script right after the element wins: none is started for it', async () => {
    const el = document.createElement('confidant-assistant');
    el.setAttribute('open', '');
    el.assistantOptions = fast;
    document.body.append(el);
    const app = createScriptedAssistant();
    el.assistant = app;
    await pause(400);
    expect(el.assistant).to.equal(app);
    el.remove();
  });

  it('disposes the assistant it created when removed for good, not when moved', async () => {
    const el = await mountOwn('eager');
    await new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    const assistant = el.assistant as Assistant;
    document.body.prepend(el);
    await pause(50);
    expect(assistant.status).to.not.equal('disposed');
    el.remove();
    await until(() => assistant.status === 'disposed', 2000, 'the dispose');
  });
});
