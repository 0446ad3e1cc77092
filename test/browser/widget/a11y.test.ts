import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import { ConfidantError } from '../../../src/index.ts';
import { axeViolations } from './axe.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { mount, part, parts, typeAndSend, until } from './helpers.ts';

const extras = {
  store: {
    erase: async () => {},
    exportBackup: async () => new Uint8Array([1, 2, 3]),
    importBackup: async () => ({}),
    retention: async () => 30,
    setRetention: async () => {},
  },
  skills: {
    permissions: async () => [{ skillId: 'acme.orders', permission: 'network', origins: ['https://api.acme.example'] }],
    revokePermission: async () => {},
    respondToPermission: async () => {},
  },
  lock: async () => {},
};

/** A conversation with every kind of content: markdown, cards, suggestions, a failed message. */
async function busyConversation(attributes: Record<string, string> = {}): Promise<ConfidantAssistant> {
  const assistant = createScriptedAssistant(
    (text) =>
      text === 'fail'
        ? { error: new ConfidantError('down', { code: 'inference' }) }
        : {
            reply: {
              text: 'Here you go',
              markdown: '**Here** you go: [docs](https://example.com/docs)\n\n- one\n- `two`',
              cards: [{ title: 'Order 42', text: 'Shipped', url: 'https://example.com/42' }],
              quickReplies: [{ label: 'Track it' }, { label: 'Cancel it' }],
            },
          },
    { extras },
  );
  const el = await mount(assistant, { open: '', ...attributes });
  await typeAndSend(el, 'where is my order');
  await until(() => parts(el, 'quick-reply').length === 2);
  await typeAndSend(el, 'fail');
  await until(() => parts(el, 'retry-button').length === 1);
  return el;
}

async function expectNoViolations(el: Element, state: string): Promise<void> {
  // Let the panel's entrance animation finish: mid-fade colours are not what users read.
  const finite = (el.shadowRoot?.getAnimations() ?? []).filter(
    (animation) => animation.effect?.getTiming().iterations !== Infinity,
  );
  await Promise.all(finite.map((animation) => animation.finished));
  const violations = await axeViolations(el);
  expect(violations, `${state}:\n${violations.join('\n')}`).to.deep.equal([]);
}

for (const theme of ['light', 'dark'] as const) {
  describe(`axe-core, ${theme} theme`, () => {
    before(() => emulateMedia({ colorScheme: theme }));
    after(() => emulateMedia({ colorScheme: 'light' }));

    it('closed: the launcher', async () => {
      const el = await mount(createScriptedAssistant(), { theme });
      await expectNoViolations(el, 'closed');
    });

    it('open: a conversation with markdown, cards, suggestions and a failed message', async () => {
      const el = await busyConversation({ theme });
      await expectNoViolations(el, 'conversation');
    });

    it('auto theme following the system, with the typing indicator and loading bar', async () => {
      let release!: () => void;
      const assistant = createScriptedAssistant(
        () => ({ hold: new Promise((resolve) => (release = () => resolve(undefined))) }),
        { extras: { status: 'starting' } },
      );
      const el = await mount(assistant, { open: '' });
      assistant.emit({
        type: 'progress',
        progress: { status: 'progress', file: 'model.onnx', loaded: 40, total: 100 },
      });
      await typeAndSend(el, 'early');
      expect(parts(el, 'typing')).to.have.length(1);
      expect(part(el, 'progress').textContent).to.contain('40%');
      await expectNoViolations(el, 'loading');
      release();
    });

    it('settings, past conversations, consent and unlock views', async () => {
      const el = await busyConversation({ theme });
      part(el, 'settings-button').click();
      await until(() => parts(el, 'revoke-button').length === 1);
      await expectNoViolations(el, 'settings');
      part(el, 'erase-button').click();
      await el.updateComplete;
      await expectNoViolations(el, 'settings confirm');

      part(el, 'chat-button').click();
      await el.updateComplete;
      part(el, 'conversations-button').click();
      await until(() => parts(el, 'conversation').length > 0);
      await expectNoViolations(el, 'conversations');

      part(el, 'chat-button').click();
      await el.updateComplete;
      (el.assistant as ReturnType<typeof createScriptedAssistant>).emit({
        type: 'permission-request',
        id: 'p1',
        skillId: 'acme.orders',
        skillVersion: '1.0.0',
        permission: 'network',
        origins: ['https://api.acme.example'],
        description: 'Checks your orders',
      });
      await until(() => parts(el, 'consent').length === 1);
      await expectNoViolations(el, 'consent');

      const locked = await mount(createScriptedAssistant(undefined, { passphrase: 'pw' }), { open: '', theme });
      await until(() => parts(locked, 'unlock').length === 1);
      await expectNoViolations(locked, 'unlock');
    });
  });
}
