import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { bubbleTexts, mount, part, until } from './helpers.ts';

const focused = (el: ConfidantAssistant) => el.shadowRoot?.activeElement as HTMLElement | null;

describe('keyboard-only use', () => {
  let before: HTMLButtonElement;
  beforeEach(() => {
    before = document.createElement('button');
    before.textContent = 'page button';
    document.body.prepend(before);
  });
  afterEach(() => before.remove());

  it('Tab to the launcher, Enter opens with focus in the composer, Enter sends, Escape closes and restores focus', async () => {
    const assistant = createScriptedAssistant((text) => ({
      reply: { text: `Hi! You typed ${text}.`, quickReplies: [{ label: 'More' }] },
    }));
    // No microphone between the composer and the send button (Chromium has a server recognizer).
    const el = await mount(assistant, { voice: 'off' });
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(focused(el)?.getAttribute('part')).to.equal('launcher');
    // The focus ring is visible on keyboard focus.
    expect(getComputedStyle(focused(el) as HTMLElement).outlineStyle).to.equal('solid');

    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'input', 2000, 'focus in the composer');
    expect(el.open).to.equal(true);

    await sendKeys({ type: 'hello' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'there' });
    await sendKeys({ press: 'Enter' });
    await until(() => bubbleTexts(el).length === 2, 3000, 'the reply');
    expect(assistant.sent).to.deep.equal(['hello\nthere']);
    expect(focused(el)?.id).to.equal('input');

    // Tab reaches the send button, then the suggestion is reachable with Shift+Tab from the composer.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('send-button');
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('quick-reply');
    await sendKeys({ press: 'Enter' });
    await until(() => bubbleTexts(el).length === 4, 3000, 'the suggestion reply');
    expect(assistant.sent).to.deep.equal(['hello\nthere', 'More']);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('launcher');
  });

  it('the close button and the launcher toggle also restore focus; Enter in an input method composition does not send', async () => {
    const assistant = createScriptedAssistant();
    const el = await mount(assistant);
    part(el, 'launcher').focus();
    await sendKeys({ press: 'Space' });
    await until(() => focused(el)?.id === 'input');
    const input = part<HTMLTextAreaElement>(el, 'input');
    input.value = '你好';
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(assistant.sent).to.deep.equal([]);
    expect(input.value).to.equal('你好');

    part(el, 'close-button').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('launcher');
  });

  it('opening from the `open` attribute at page load does not steal focus', async () => {
    before.focus();
    const el = await mount(createScriptedAssistant(), { open: '' });
    await el.updateComplete;
    expect(document.activeElement).to.equal(before);
  });

  it('settings and conversations are reachable and Escape leaves from any view', async () => {
    const assistant = createScriptedAssistant(undefined, { extras: { store: { erase: async () => {} } } });
    const el = await mount(assistant);
    el.show();
    await until(() => focused(el)?.id === 'input');
    part(el, 'settings-button').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot?.querySelector('[part~="settings"]'));
    // Focus moved to the header of the new view rather than being lost with the pressed button.
    expect(focused(el)?.closest('[part~="header"]')).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('launcher');
  });
});
