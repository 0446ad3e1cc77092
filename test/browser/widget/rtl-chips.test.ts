// On a right-to-left page, a suggestion in a left-to-right language keeps its punctuation where it
// belongs ("What time is it?", not "?What time is it"), and an Arabic one reads right to left
// (use-r13 finding 6: chips took the page's direction, bubbles already read theirs from the text).
import { expect } from '@esm-bundle/chai';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { mount, parts, typeAndSend, until } from './helpers.ts';

describe('suggestions on a right-to-left page', () => {
  it('take the direction of their own text', async () => {
    const assistant = createScriptedAssistant(() => ({
      reply: { text: 'Try one', quickReplies: [{ label: 'What time is it?' }, { label: 'كم الساعة؟' }] },
    }));
    const el = await mount(assistant, { open: '', dir: 'rtl' });
    await typeAndSend(el, 'hello');
    await until(() => parts(el, 'quick-reply').length === 2);
    const [english, arabic] = parts(el, 'quick-reply');
    expect(getComputedStyle(english!).direction).to.equal('ltr');
    expect(getComputedStyle(arabic!).direction).to.equal('rtl');
  });
});
