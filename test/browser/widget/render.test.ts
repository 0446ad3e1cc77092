import { expect } from '@esm-bundle/chai';
import { ConfidantAssistant } from '../../../widget/index.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { en } from '../../../widget/i18n/en.ts';
import { mount, part, parts, until } from './helpers.ts';

describe('<confidant-assistant> rendering', () => {
  it('is defined and renders only the launcher until opened', async () => {
    const el = await mount(createScriptedAssistant());
    expect(el).to.be.instanceOf(ConfidantAssistant);
    const launcher = part(el, 'launcher');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'panel').hidden).to.equal(true);
    // The panel's content is not rendered before the first open: the launcher is all a page pays for.
    expect(el.shadowRoot?.querySelector('[part~="composer"]')).to.equal(null);
  });

  it('opens and closes from the launcher, with events', async () => {
    const el = await mount(createScriptedAssistant());
    const events: string[] = [];
    el.addEventListener('confidant-open', (e) => events.push(e.type));
    el.addEventListener('confidant-close', (e) => events.push(e.type));
    part(el, 'launcher').click();
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(part(el, 'panel').hidden).to.equal(false);
    expect(part(el, 'launcher').getAttribute('aria-expanded')).to.equal('true');
    part(el, 'close-button').click();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(events).to.deep.equal(['confidant-open', 'confidant-close']);
  });

  it('renders inline without a launcher', async () => {
    const el = await mount(createScriptedAssistant(), { inline: '' });
    expect(el.shadowRoot?.querySelector('[part~="launcher"]')).to.equal(null);
    expect(part(el, 'panel').getAttribute('role')).to.equal('region');
    expect(part(el, 'panel').hidden).to.equal(false);
    expect(el.shadowRoot?.querySelector('[part~="close-button"]')).to.equal(null);
  });

  it('restores history from the assistant on connect', async () => {
    const t = Date.now() - 60_000;
    const assistant = createScriptedAssistant(undefined, {
      history: [
        { id: 'h1', conversationId: 'c1', role: 'user', text: 'earlier question', createdAt: t },
        { id: 'h2', conversationId: 'c1', role: 'assistant', text: 'earlier answer', createdAt: t + 1 },
      ],
    });
    const el = await mount(assistant, { open: '' });
    await until(() => el.shadowRoot?.querySelectorAll('[part~="message"]').length === 2);
    const texts = [...(el.shadowRoot?.querySelectorAll('[part~="bubble"]') ?? [])].map((b) => b.textContent?.trim());
    expect(texts[0]).to.contain('earlier question');
    expect(texts[1]).to.contain('earlier answer');
    expect(el.shadowRoot?.querySelector('time')?.getAttribute('datetime')).to.equal(new Date(t).toISOString());
  });

  it('subscribes in connectedCallback and unsubscribes when removed', async () => {
    const assistant = createScriptedAssistant();
    let subscribed = 0;
    const on = assistant.on.bind(assistant);
    assistant.on = ((type: never, listener: never) => {
      subscribed++;
      const off = on(type, listener);
      return () => {
        subscribed--;
        off();
      };
    }) as typeof assistant.on;
    const el = await mount(assistant);
    expect(subscribed).to.be.greaterThan(0);
    el.remove();
    expect(subscribed).to.equal(0);
    document.body.append(el);
    expect(subscribed).to.be.greaterThan(0);
    el.remove();
  });

  it('shows an offline indicator while the browser is offline', async () => {
    const el = await mount(createScriptedAssistant(), { open: '' });
    expect(parts(el, 'offline')).to.have.length(0);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(part(el, 'offline').textContent).to.contain(en.offline);
      expect(part(el, 'offline').textContent).to.contain(en.offlineHint);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(parts(el, 'offline')).to.have.length(0);
  });
});
