import { expect } from '@esm-bundle/chai';
import { ConfidantError } from '../../../src/index.ts';
import type { ConfidantReplyEvent } from '../../../widget/index.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { bubbleTexts, mount, part, parts, typeAndSend, until } from './helpers.ts';

const announcer = (el: HTMLElement) => el.shadowRoot?.querySelector('[part="announcer"]') as HTMLElement;

describe('<confidant-assistant> conversation', () => {
  it('sends and renders the reply, firing confidant-send and confidant-reply', async () => {
    const assistant = createScriptedAssistant((text) => ({ reply: { text: `You said ${text}` } }));
    const el = await mount(assistant, { open: '' });
    const sends: string[] = [];
    el.addEventListener('confidant-send', (e) => sends.push(e.text));
    const replied = new Promise<ConfidantReplyEvent>((resolve) =>
      el.addEventListener('confidant-reply', resolve, { once: true }),
    );
    await typeAndSend(el, 'hello');
    const event = await replied;
    expect(sends).to.deep.equal(['hello']);
    expect(assistant.sent).to.deep.equal(['hello']);
    expect(event.reply.text).to.equal('You said hello');
    // The event fires after the reply is in the DOM.
    expect(bubbleTexts(el)).to.deep.equal(['hello', 'You said hello']);
    expect(part<HTMLTextAreaElement>(el, 'input').value).to.equal('');
  });

  it('a cancelled confidant-send drops the message', async () => {
    const assistant = createScriptedAssistant();
    const el = await mount(assistant, { open: '' });
    el.addEventListener('confidant-send', (e) => e.preventDefault());
    await typeAndSend(el, 'secret');
    expect(assistant.sent).to.deep.equal([]);
    expect(bubbleTexts(el)).to.deep.equal([]);
  });

  it('streams a reply into one bubble, hidden from assistive technology until whole, then announces it once', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const assistant = createScriptedAssistant(() => ({ deltas: ['The ', 'answer ', 'is ', '42.'], gapMs: 5, hold }));
    const el = await mount(assistant, { open: '' });
    const changes: string[] = [];
    new MutationObserver(() => changes.push(announcer(el).textContent ?? '')).observe(announcer(el), {
      childList: true,
      subtree: true,
      characterData: true,
    });

    await typeAndSend(el, 'question');
    expect(parts(el, 'typing')).to.have.length(1);
    await until(() => bubbleTexts(el)[1] === 'The answer is 42.', 5000, 'all deltas');
    const streaming = parts(el, 'assistant-message')[0];
    expect(streaming?.getAttribute('aria-hidden')).to.equal('true');
    expect(parts(el, 'typing')).to.have.length(0);
    expect(changes).to.deep.equal([]);

    release();
    await until(() => parts(el, 'assistant-message')[0]?.getAttribute('aria-hidden') === null, 5000, 'the final reply');
    await el.updateComplete;
    expect(bubbleTexts(el)).to.deep.equal(['question', 'The answer is 42.']);
    expect(changes.length).to.be.greaterThan(0);
    expect(announcer(el).textContent?.trim()).to.equal('Assistant: The answer is 42.');
    expect(parts(el, 'message')).to.have.length(2);
  });

  it('renders quick replies on the last reply and sends the picked value', async () => {
    const assistant = createScriptedAssistant((text) =>
      text === 'pick'
        ? {
            reply: { text: 'Which size?', quickReplies: [{ label: 'Small', value: 'size small' }, { label: 'Large' }] },
          }
        : { reply: { text: `ok ${text}` } },
    );
    const el = await mount(assistant, { open: '' });
    await typeAndSend(el, 'pick');
    await until(() => parts(el, 'quick-reply').length === 2);
    expect(part(el, 'quick-replies').getAttribute('role')).to.equal('group');
    parts(el, 'quick-reply')[0]?.click();
    await until(() => bubbleTexts(el).length === 4);
    expect(assistant.sent).to.deep.equal(['pick', 'size small']);
    // Only the latest reply offers suggestions.
    expect(parts(el, 'quick-reply')).to.have.length(0);
  });

  it('renders cards with safe links only', async () => {
    const assistant = createScriptedAssistant(() => ({
      reply: {
        text: 'Two places',
        cards: [
          { title: 'Safe', text: 'A real place', url: 'https://example.com/a' },
          { title: 'Evil', url: 'javascript:alert(1)', image: 'https://example.com/i.png' },
        ],
      },
    }));
    const el = await mount(assistant, { open: '' });
    await typeAndSend(el, 'places');
    await until(() => parts(el, 'card').length === 2);
    const links = parts(el, 'card').map((card) => card.querySelector('a'));
    expect(links[0]?.href).to.equal('https://example.com/a');
    expect(links[0]?.rel).to.equal('noopener noreferrer');
    expect(links[1]).to.equal(null);
    // Images are not fetched unless the host allows them.
    expect(parts(el, 'card-image')).to.have.length(0);
  });

  it('shows a failed turn with a retry that sends it again', async () => {
    let fail = true;
    const assistant = createScriptedAssistant((text) =>
      fail ? { error: new ConfidantError('engine down', { code: 'inference' }) } : { reply: { text: `ok ${text}` } },
    );
    const el = await mount(assistant, { open: '' });
    const errors: unknown[] = [];
    el.addEventListener('confidant-error', (e) => errors.push(e.error));
    await typeAndSend(el, 'try me');
    await until(() => parts(el, 'retry-button').length === 1);
    expect((errors[0] as ConfidantError).code).to.equal('inference');
    expect(part(el, 'user-message').className).to.contain('failed');
    fail = false;
    part(el, 'retry-button').click();
    await until(() => bubbleTexts(el).length === 2);
    expect(bubbleTexts(el)).to.deep.equal(['try me', 'ok try me']);
    expect(parts(el, 'retry-button')).to.have.length(0);
  });

  it('shows messages the host app sends through the same assistant, and notifications', async () => {
    const assistant = createScriptedAssistant((text) => ({ reply: { text: `re: ${text}` } }));
    const el = await mount(assistant, { open: '' });
    await assistant.send('from the app');
    await until(() => bubbleTexts(el).length === 2);
    assistant.emit({
      type: 'notification',
      reply: { id: 'n1', conversationId: 'c1', text: 'Your timer is done.', createdAt: Date.now() },
    });
    await until(() => bubbleTexts(el).length === 3);
    expect(bubbleTexts(el)).to.deep.equal(['from the app', 're: from the app', 'Your timer is done.']);
    expect(announcer(el).textContent?.trim()).to.equal('Assistant: Your timer is done.');
  });

  it('shows a message the app sends right after handing its assistant over, with its reply', async () => {
    // The history is read before the turn is written (the real engine writes it after the reply).
    const assistant = createScriptedAssistant((text) => ({ reply: { text: `re: ${text}` } }), {
      extras: { store: { history: async () => [] } },
    });
    const el = await mount(undefined, { open: '', load: 'none' });
    el.assistant = assistant;
    await assistant.send('straight away');
    await until(() => bubbleTexts(el).length === 2, 2000, 'the message and its reply');
    expect(bubbleTexts(el)).to.deep.equal(['straight away', 're: straight away']);
  });

  it('shows such a message once when the history read finds it already written', async () => {
    let release!: () => void;
    const written = new Promise<void>((resolve) => (release = resolve));
    const assistant = createScriptedAssistant((text) => ({ reply: { text: `re: ${text}` } }));
    const { history } = assistant.store;
    let readDone!: () => void;
    const read = new Promise<void>((resolve) => (readDone = resolve));
    // The read waits until the turn is written, then finds both of its messages.
    assistant.store.history = async (...args: Parameters<typeof history>) => {
      await written;
      const messages = await history(...args);
      // A task later: after the element's code that awaits this read has run.
      setTimeout(readDone);
      return messages;
    };
    const el = await mount(undefined, { open: '', load: 'none' });
    el.assistant = assistant;
    await assistant.send('just once');
    release();
    await read;
    await el.updateComplete;
    expect(bubbleTexts(el)).to.deep.equal(['just once', 're: just once']);
  });

  it('shows a message the app sent before adding the element it handed its assistant to', async () => {
    // The path docs/widget.md recommends: create in script, set `.assistant`, add to the page.
    const assistant = createScriptedAssistant((text) => ({ reply: { text: `re: ${text}` } }));
    const el = await mount(undefined, { open: '', load: 'none' }, document.body, async (created) => {
      created.assistant = assistant;
      await assistant.send('before the page');
    });
    await until(() => bubbleTexts(el).length === 2, 2000, 'the message and its reply');
    expect(bubbleTexts(el)).to.deep.equal(['before the page', 're: before the page']);
  });

  it('queues what the user types before the assistant is set, then sends it', async () => {
    const el = await mount(undefined, { load: 'open' });
    el.show();
    await el.updateComplete;
    const assistant = createScriptedAssistant((text) => ({ reply: { text: `late ${text}` } }));
    await typeAndSend(el, 'early bird');
    expect(bubbleTexts(el)).to.deep.equal(['early bird']);
    el.assistant = assistant;
    await until(() => bubbleTexts(el).length === 2);
    expect(bubbleTexts(el)).to.deep.equal(['early bird', 'late early bird']);
  });

  it('switches to a past conversation and starts new ones', async () => {
    const t = Date.now() - 100_000;
    const assistant = createScriptedAssistant(undefined, {
      history: [
        { id: 'a1', conversationId: 'old', role: 'user', text: 'old topic', createdAt: t },
        { id: 'b1', conversationId: 'recent', role: 'user', text: 'recent topic', createdAt: t + 10 },
      ],
    });
    const el = await mount(assistant, { open: '' });
    part(el, 'conversations-button').click();
    await until(() => parts(el, 'conversation').length === 2);
    parts(el, 'conversation')
      .find((b) => b.textContent?.includes('recent topic'))
      ?.click();
    await until(() => bubbleTexts(el).join() === 'recent topic');
    part(el, 'conversations-button').click();
    await until(() => parts(el, 'new-conversation-button').length === 1);
    part(el, 'new-conversation-button').click();
    await until(() => parts(el, 'welcome').length === 1);
    await typeAndSend(el, 'fresh');
    await until(() => bubbleTexts(el).length === 2);
    expect(bubbleTexts(el)).to.deep.equal(['fresh', 'echo: fresh']);
  });
});
