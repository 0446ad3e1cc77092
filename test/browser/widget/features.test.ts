// What issue 14 asked of the widget, each as a user meets it: notices while closed, starters, Yes/No on
// confirmations, time groups, message actions, the "new messages" marker, long text, the composer's count,
// the conversation list's rename and delete, the header's "New conversation", scroll locking on a phone.
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import type { Reply, StoredMessage } from '../../../src/index.ts';
import { en } from '../../../widget/i18n/en.ts';
import type { ConfidantNotificationEvent } from '../../../widget/index.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { bubbleTexts, mount, part, parts, typeAndSend, until } from './helpers.ts';

const reply = (text: string, extra: Partial<Reply> = {}): Reply => ({
  id: `n${Math.random()}`,
  conversationId: 'c1',
  text,
  createdAt: Date.now(),
  understanding: {
    intent: null,
    confidence: 0,
    nlu: { text: '', intent: null, confidence: 0, outOfScope: true, intents: [], entities: [], modelVersion: '0' },
    entities: [],
    slots: {},
    action: 'notification',
  },
  ...extra,
});

const message = (id: string, role: 'user' | 'assistant', text: string, createdAt: number): StoredMessage => ({
  id,
  conversationId: 'c1',
  role,
  text,
  createdAt,
});

describe('notices while the panel is closed', () => {
  const title = document.title;
  beforeEach(() => (document.title = 'Shop'));
  afterEach(() => (document.title = title));

  it('counts unread notices on the launcher and in the page title, fires confidant-notification, and clears on open', async () => {
    const assistant = createScriptedAssistant();
    const el = await mount(assistant, { 'title-notice': '', voice: 'off' });
    const events: ConfidantNotificationEvent[] = [];
    el.addEventListener('confidant-notification', (event) => events.push(event));
    assistant.emit({ type: 'notification', reply: reply('Your 5 minute timer is done.') });
    assistant.emit({ type: 'notification', reply: reply('Time to call mum.') });
    await until(() => parts(el, 'badge').length === 1);
    expect(part(el, 'badge').textContent?.trim()).to.equal('2');
    expect(part(el, 'launcher').getAttribute('aria-label')).to.equal(en.openUnread(2));
    expect(document.title).to.equal('(2) Shop');
    expect(events.map((e) => [e.reply.text, e.seen])).to.deep.equal([
      ['Your 5 minute timer is done.', false],
      ['Time to call mum.', false],
    ]);

    el.show();
    await until(() => parts(el, 'badge').length === 0);
    expect(document.title).to.equal('Shop');
    expect(bubbleTexts(el)).to.deep.equal(['Your 5 minute timer is done.', 'Time to call mum.']);
  });

  it('leaves the title alone by default, and counts nothing when the host handles the notice', async () => {
    const assistant = createScriptedAssistant();
    const el = await mount(assistant, { voice: 'off' });
    el.addEventListener('confidant-notification', (event) => event.preventDefault());
    assistant.emit({ type: 'notification', reply: reply('Timer done.') });
    await el.updateComplete;
    expect(parts(el, 'badge')).to.have.length(0);
    expect(document.title).to.equal('Shop');
  });
});

describe('the empty panel and confirmations', () => {
  it('offers starters made from the registered skills, or the host’s own, and sends the one picked', async () => {
    const assistant = createScriptedAssistant(undefined, {
      extras: { skills: { list: async () => [{ id: 'a', version: '1.0.0', intents: ['tell_joke', 'timer', 'x'] }] } },
    });
    const el = await mount(assistant, { open: '', voice: 'off' });
    await until(() => parts(el, 'starter').length === 2);
    expect(parts(el, 'starter').map((b) => b.textContent?.trim())).to.deep.equal([
      en.starterPhrases.timer,
      en.starterPhrases.tell_joke,
    ]);
    parts(el, 'starter')[1]?.click();
    await until(() => bubbleTexts(el).length === 2);
    expect(assistant.sent).to.deep.equal([en.starterPhrases.tell_joke]);
    expect(parts(el, 'starter')).to.have.length(0);

    const own = await mount(createScriptedAssistant(), { open: '', voice: 'off' }, document.body, (element) => {
      element.starters = ['Where is my order?'];
    });
    expect(parts(own, 'starter').map((b) => b.textContent?.trim())).to.deep.equal(['Where is my order?']);
  });

  it('puts Yes/No chips under every confirmation (the skill’s own choices win), wrapping in a row', async () => {
    const assistant = createScriptedAssistant((text) =>
      text === 'clear my list'
        ? { reply: { text: 'Clear everything on your shopping list?', expectsAnswer: true, asks: 'confirmation' } }
        : { reply: { text: `ok: ${text}` } },
    );
    const el = await mount(assistant, { open: '', voice: 'off' });
    await typeAndSend(el, 'clear my list');
    await until(() => parts(el, 'quick-reply').length === 2);
    const [yes, no] = parts(el, 'quick-reply');
    expect([yes?.textContent?.trim(), no?.textContent?.trim()]).to.deep.equal([en.yes, en.no]);
    expect(yes?.getBoundingClientRect().top).to.equal(no?.getBoundingClientRect().top);
    yes?.click();
    await until(() => assistant.sent.length === 2);
    expect(assistant.sent[1]).to.equal('yes');
  });
});

describe('the message list', () => {
  it('groups messages under a time when the conversation pauses, not a time on every line', async () => {
    const hour = 3_600_000;
    const now = Date.now();
    const history = [
      message('h1', 'user', 'one', now - 2 * hour),
      message('h2', 'assistant', 'two', now - 2 * hour + 1000),
      message('h3', 'user', 'three', now - 1000),
      message('h4', 'assistant', 'four', now - 500),
    ];
    const el = await mount(createScriptedAssistant(undefined, { history }), { open: '', voice: 'off' });
    await until(() => bubbleTexts(el).length === 4);
    expect(parts(el, 'time')).to.have.length(2);
  });

  it('copies a reply, and rates it (again to clear), taking a refused rating back', async () => {
    const ratings: [string, string | null][] = [];
    let refuse = false;
    const assistant = createScriptedAssistant(undefined, {
      extras: {
        store: {
          rateMessage: async (id: string, rating: string | null) => {
            if (refuse) throw new Error('locked');
            ratings.push([id, rating]);
          },
        },
      },
    });
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      const el = await mount(assistant, { open: '', voice: 'off' });
      await typeAndSend(el, 'hello');
      await until(() => parts(el, 'action-button').length === 3);
      const [copy, up] = parts(el, 'action-button');
      expect(copy?.getAttribute('aria-label')).to.equal(en.copy);
      copy?.click();
      await until(() => copied.length === 1);
      expect(copied).to.deep.equal(['echo: hello']);
      await until(() => copy?.getAttribute('aria-label') === en.copied);

      up?.click();
      await until(() => parts(el, 'action-button')[1]?.getAttribute('aria-pressed') === 'true');
      parts(el, 'action-button')[1]?.click();
      await until(() => ratings.length === 2);
      const id = ratings[0]?.[0];
      expect(ratings).to.deep.equal([
        [id, 'up'],
        [id, null],
      ]);
      refuse = true;
      const errors: unknown[] = [];
      el.addEventListener('confidant-error', (event) => errors.push(event.error));
      parts(el, 'action-button')[2]?.click();
      await until(() => errors.length === 1);
      await el.updateComplete;
      expect(parts(el, 'action-button')[2]?.getAttribute('aria-pressed')).to.equal('false');
    } finally {
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('shows "new messages" instead of pulling the view down while the user reads further up', async () => {
    const now = Date.now();
    // Fewer than the list keeps in the DOM while following (message-list.ts), more than the panel shows.
    const history = Array.from({ length: 30 }, (_, i) =>
      message(`h${i}`, i % 2 ? 'assistant' : 'user', `message ${i}`, now - 60_000 + i),
    );
    const assistant = createScriptedAssistant(undefined, { history });
    const el = await mount(assistant, { open: '', voice: 'off' });
    await until(() => bubbleTexts(el).length === 30);
    const scroller = part(el, 'messages');
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    assistant.emit({ type: 'notification', reply: reply('A reminder.') });
    await until(() => parts(el, 'new-messages').length === 1);
    expect(part(el, 'new-messages').textContent).to.contain(en.newMessages);
    expect(scroller.scrollTop).to.equal(0);
    part(el, 'new-messages').click();
    await until(() => parts(el, 'new-messages').length === 0);
    expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).to.be.lessThan(2);
  });

  it('follows the newest message through quick turns with only the newest in the DOM; "Show earlier" brings the rest', async () => {
    const el = await mount(createScriptedAssistant(), { open: '', voice: 'off' });
    const replied = () => new Promise((resolve) => el.addEventListener('confidant-reply', resolve, { once: true }));
    // Sent back to back, as the widget benchmark does.
    for (let i = 0; i < 45; i++) {
      const reply = replied();
      void el.send(`turn ${i}`);
      await reply;
    }
    await until(() => bubbleTexts(el).at(-1) === 'echo: turn 44');
    const scroller = part(el, 'messages');
    await until(
      () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48,
      5000,
      'the newest in view',
    );
    expect(parts(el, 'new-messages'), 'still following').to.have.length(0);
    expect(bubbleTexts(el).length, 'the oldest left out of the DOM').to.be.within(20, 39);
    part(el, 'earlier-button').click();
    await el.updateComplete;
    expect(bubbleTexts(el)).to.have.length(90);
    expect(bubbleTexts(el)[0]).to.equal('turn 0');
  });

  it('collapses a long message to its start, with "Show more" that reveals it a step at a time', async () => {
    const long = `${'word '.repeat(4_000)}END`;
    const el = await mount(
      createScriptedAssistant(undefined, { history: [message('h1', 'user', long, Date.now() - 10)] }),
      { open: '', voice: 'off' },
    );
    await until(() => parts(el, 'show-more').length === 1);
    const bubble = part(el, 'bubble');
    expect(bubble.textContent?.length).to.be.within(1_200, 1_300);
    expect(part(el, 'show-more').getAttribute('aria-expanded')).to.equal('false');
    part(el, 'show-more').click();
    await el.updateComplete;
    expect(part(el, 'bubble').textContent?.length).to.be.within(13_200, 13_300);
    part(el, 'show-more').click();
    await el.updateComplete;
    expect(part(el, 'bubble').textContent).to.contain('END');
    expect(part(el, 'show-more').getAttribute('aria-expanded')).to.equal('true');
  });
});

describe('a message that came cut', () => {
  it('reads the rest from the assistant, a step at a time', async () => {
    const whole = `${'a'.repeat(20_000)}${'b'.repeat(20_000)}`;
    const reads: [number | undefined, number | undefined][] = [];
    const assistant = createScriptedAssistant(undefined, {
      extras: {
        store: {
          readMessage: async (_id: string, start?: number, end?: number) => {
            reads.push([start, end]);
            return whole.slice(start, end);
          },
        },
      },
    });
    // The page of history carries only the start of it (as `history`'s `maxTextLength` does).
    assistant.store.history = async () => [
      { ...message('h1', 'user', whole.slice(0, 15_000), Date.now() - 10), fullLength: whole.length },
    ];
    {
      const el = await mount(assistant, { open: '', voice: 'off' });
      const text = () => el.shadowRoot?.querySelector('[part~="bubble"] .text')?.textContent ?? '';
      await until(() => parts(el, 'show-more').length === 1);
      expect(text().length).to.be.within(1_200, 1_230);
      // Two steps show what came (1,200 → 13,200 → 15,000 characters); the third reads on.
      for (const _ of [1, 2]) {
        part(el, 'show-more').click();
        await el.updateComplete;
      }
      expect(reads).to.deep.equal([]);
      expect(text().length).to.be.within(15_000, 15_030);
      part(el, 'show-more').click();
      await until(() => reads.length === 1);
      expect(reads[0]).to.deep.equal([15_000, 18_000]);
      await until(() => text().length >= 18_000);
      part(el, 'show-more').click();
      await until(() => text().includes('b'));
      expect(reads[1]).to.deep.equal([18_000, 21_000]);
      expect(text().startsWith('a'.repeat(20_000))).to.equal(true);
    }
  });
});

describe('the composer counts toward the maximum message length', () => {
  it('says how much is left near the bound, refuses to send past it, and keeps the text', async () => {
    const assistant = createScriptedAssistant();
    const el = await mount(assistant, { open: '', voice: 'off' });
    const input = part<HTMLTextAreaElement>(el, 'input');
    input.value = 'a'.repeat(9_500);
    input.dispatchEvent(new Event('input'));
    expect(part(el, 'count').textContent).to.equal(en.charactersLeft(500));
    input.value = 'a'.repeat(10_001);
    input.dispatchEvent(new Event('input'));
    expect(part(el, 'count').textContent).to.equal(en.tooLong(10_001, 10_000));
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    part(el, 'send-button').click();
    await el.updateComplete;
    expect(assistant.sent).to.deep.equal([]);
    expect(input.value.length).to.equal(10_001);
    input.value = 'short';
    part(el, 'send-button').click();
    await until(() => assistant.sent.length === 1);
    expect(part(el, 'count').textContent).to.equal('');
  });
});

describe('conversations', () => {
  it('the header starts a new conversation; the list renames and deletes after a confirmation', async () => {
    const calls: unknown[][] = [];
    const titles = new Map([['c1', 'Groceries']]);
    const assistant = createScriptedAssistant(undefined, {
      history: [message('h1', 'user', 'milk and eggs', Date.now() - 100)],
      extras: {
        store: {
          renameConversation: async (id: string, title: string) => {
            calls.push(['rename', id, title]);
            titles.set(id, title);
          },
          deleteConversation: async (id: string) => {
            calls.push(['delete', id]);
            titles.delete(id);
          },
        },
      },
    });
    const conversations = assistant.store.conversations.bind(assistant.store);
    (assistant.store as { conversations: typeof conversations }).conversations = async () =>
      (await conversations())
        .filter((c) => titles.has(c.id))
        .map((c) => ({ ...c, title: titles.get(c.id) ?? '', preview: 'milk and eggs' }));
    const el = await mount(assistant, { open: '', voice: 'off' });
    await until(() => bubbleTexts(el).length === 1);

    part(el, 'conversations-button').click();
    await until(() => parts(el, 'conversation').length === 1);
    expect(part(el, 'preview').textContent).to.equal('milk and eggs');
    expect(part(el, 'rename-button').getAttribute('aria-label')).to.equal(en.rename('Groceries'));
    part(el, 'rename-button').click();
    await until(() => parts(el, 'rename-input').length === 1);
    const field = part<HTMLInputElement>(el, 'rename-input');
    expect(el.shadowRoot?.activeElement).to.equal(field);
    field.value = 'Weekly shop';
    part(el, 'save-button').click();
    await until(() => parts(el, 'conversation')[0]?.textContent?.includes('Weekly shop'));
    expect(calls).to.deep.equal([['rename', 'c1', 'Weekly shop']]);

    part(el, 'delete-button').click();
    await until(() => parts(el, 'confirm-delete-button').length === 1);
    expect(el.shadowRoot?.activeElement?.textContent?.trim()).to.equal(en.cancel);
    part(el, 'confirm-delete-button').click();
    await until(() => parts(el, 'conversation').length === 0);
    expect(calls[1]).to.deep.equal(['delete', 'c1']);

    part(el, 'chat-button').click();
    await el.updateComplete;
    await typeAndSend(el, 'hello');
    await until(() => bubbleTexts(el).includes('echo: hello'));
    expect(part(el, 'new-conversation-button').getAttribute('title')).to.equal(en.newConversation);
    part(el, 'new-conversation-button').click();
    await until(() => bubbleTexts(el).length === 0);
    expect(el.shadowRoot?.activeElement?.id).to.equal('input');
  });
});

describe('on a phone', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('the full-screen panel stops the page behind it from scrolling, and gives it back on close', async () => {
    await setViewport({ width: 390, height: 844 });
    document.documentElement.style.overflow = 'scroll';
    const el = await mount(createScriptedAssistant(), { voice: 'off' });
    el.show();
    await el.updateComplete;
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    el.hide();
    await el.updateComplete;
    expect(document.documentElement.style.overflow).to.equal('scroll');
    document.documentElement.style.overflow = '';
  });
});
