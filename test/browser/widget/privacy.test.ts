import { expect } from '@esm-bundle/chai';
import { en } from '../../../widget/i18n/en.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { bubbleTexts, mount, part, parts, until } from './helpers.ts';

const focusedPart = (el: HTMLElement) =>
  el.shadowRoot?.activeElement?.getAttribute('part') ?? el.shadowRoot?.activeElement?.className;

describe('unlock screen (passphrase mode)', () => {
  it('shows instead of the chat while locked; a wrong passphrase changes nothing; the right one restores history', async () => {
    const assistant = createScriptedAssistant(undefined, {
      passphrase: 'correct horse',
      history: [{ id: 'h1', conversationId: 'c1', role: 'user', text: 'my secret', createdAt: Date.now() - 1000 }],
    });
    const el = await mount(assistant);
    el.show();
    await until(() => parts(el, 'unlock').length === 1);
    expect(parts(el, 'composer')).to.have.length(0);
    expect(parts(el, 'settings-button')).to.have.length(0);
    expect(el.shadowRoot?.activeElement?.id).to.equal('passphrase');

    const input = part<HTMLInputElement>(el, 'passphrase');
    input.value = 'wrong';
    part(el, 'unlock-button').click();
    await until(() => el.shadowRoot?.querySelector('#unlock-error')?.textContent === en.wrongPassphrase);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(assistant.status).to.equal('locked');

    input.value = 'correct horse';
    part(el, 'unlock-button').click();
    await until(() => parts(el, 'composer').length === 1);
    await until(() => bubbleTexts(el).length === 1);
    expect(bubbleTexts(el)).to.deep.equal(['my secret']);
    expect(el.shadowRoot?.activeElement?.id).to.equal('input');
  });

  it('switches to the unlock screen when a turn fails because the store locked', async () => {
    const assistant = createScriptedAssistant(undefined, { passphrase: 'pw' });
    await assistant.unlock?.('pw');
    const el = await mount(assistant, { open: '' });
    expect(parts(el, 'composer')).to.have.length(1);
    await assistant.lock?.();
    part<HTMLTextAreaElement>(el, 'input').value = 'hi';
    part(el, 'send-button').click();
    await until(() => parts(el, 'unlock').length === 1);
  });
});

describe('consent prompt', () => {
  it('opens the panel, takes focus, and answers through respondToPermission', async () => {
    const answers: [string, boolean][] = [];
    const assistant = createScriptedAssistant(undefined, {
      extras: {
        skills: { respondToPermission: async (id: string, granted: boolean) => void answers.push([id, granted]) },
      },
    });
    const el = await mount(assistant);
    assistant.emit({
      type: 'permission-request',
      id: 'p1',
      skillId: 'acme.orders',
      skillVersion: '1.0.0',
      permission: 'network',
      origins: ['https://api.acme.example'],
    });
    await until(() => parts(el, 'consent').length === 1);
    expect(el.open).to.equal(true);
    const consent = part(el, 'consent');
    expect(consent.getAttribute('role')).to.equal('alertdialog');
    expect(consent.textContent).to.contain('acme.orders');
    expect(consent.textContent).to.contain('connect to https://api.acme.example');
    await until(() => focusedPart(el) === 'consent');
    part(el, 'allow-button').click();
    await until(() => parts(el, 'consent').length === 0);
    expect(answers).to.deep.equal([['p1', true]]);
  });

  it('queues requests and answers each through its own respond callback', async () => {
    const answers: string[] = [];
    const assistant = createScriptedAssistant();
    const el = await mount(assistant, { open: '' });
    for (const id of ['a', 'b']) {
      assistant.emit({
        type: 'permission-request',
        id,
        skillId: `skill.${id}`,
        skillVersion: '1.0.0',
        permission: 'profile',
        respond: async (granted: boolean) => void answers.push(`${id}:${granted}`),
      });
    }
    await until(() => parts(el, 'consent').length === 1);
    part(el, 'deny-button').click();
    await until(() => part(el, 'consent').textContent?.includes('skill.b'));
    part(el, 'allow-button').click();
    await until(() => parts(el, 'consent').length === 0);
    expect(answers).to.deep.equal(['a:false', 'b:true']);
  });
});

describe('settings', () => {
  it('is hidden when the assistant has none of the optional methods', async () => {
    const el = await mount(createScriptedAssistant(), { open: '', voice: 'off' });
    expect(parts(el, 'settings-button')).to.have.length(0);
  });

  it('shows only what the assistant supports', async () => {
    const el = await mount(createScriptedAssistant(undefined, { extras: { store: { erase: async () => {} } } }), {
      open: '',
      voice: 'off',
    });
    part(el, 'settings-button').click();
    await until(() => parts(el, 'settings').length === 1);
    expect(parts(el, 'erase-button')).to.have.length(1);
    for (const absent of ['export-button', 'import-button', 'retention', 'revoke-button', 'lock-button'])
      expect(parts(el, absent), absent).to.have.length(0);
  });

  it('exports, imports, sets retention, revokes, locks and erases through the assistant', async () => {
    const calls: unknown[][] = [];
    const record =
      (name: string, result?: unknown) =>
      async (...args: unknown[]) => {
        calls.push([name, ...args]);
        return result;
      };
    const assistant = createScriptedAssistant(undefined, {
      history: [{ id: 'h1', conversationId: 'c1', role: 'user', text: 'to be erased', createdAt: Date.now() - 10 }],
      extras: {
        store: {
          exportBackup: record('exportBackup', new Uint8Array([7, 7, 7])),
          importBackup: record('importBackup', { skipped: 0 }),
          retention: async () => 30,
          setRetention: record('setRetention'),
          erase: record('erase'),
        },
        skills: {
          permissions: async () => [
            { skillId: 'acme.orders', permission: 'network', origins: ['https://api.acme.example'] },
          ],
          revokePermission: record('revokePermission'),
        },
      },
    });
    const el = await mount(assistant, { open: '', voice: 'off' });
    await until(() => bubbleTexts(el).length === 1);
    part(el, 'settings-button').click();
    await until(() => parts(el, 'revoke-button').length === 1);
    expect(part<HTMLSelectElement>(el, 'retention').value).to.equal('30');

    const downloads: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    };
    try {
      (el.shadowRoot?.querySelector('#export-passphrase') as HTMLInputElement).value = 'backup pass';
      part(el, 'export-button').click();
      await until(() => downloads.length === 1);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads[0]).to.match(/^confidant-backup-\d{4}-\d\d-\d\d\.confidant$/);
    expect(calls[0]).to.deep.equal(['exportBackup', 'backup pass']);

    const file = el.shadowRoot?.querySelector('#import-file') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([1, 2, 3])], 'backup.confidant'));
    file.files = transfer.files;
    (el.shadowRoot?.querySelector('#import-passphrase') as HTMLInputElement).value = 'backup pass';
    part(el, 'import-button').click();
    await until(() => calls.length === 2);
    expect(calls[1]?.[0]).to.equal('importBackup');
    expect([...(calls[1]?.[1] as Uint8Array)]).to.deep.equal([1, 2, 3]);
    expect(calls[1]?.[2]).to.equal('backup pass');

    const retention = part<HTMLSelectElement>(el, 'retention');
    retention.value = '7';
    retention.dispatchEvent(new Event('change'));
    await until(() => calls.length === 3);
    expect(calls[2]).to.deep.equal(['setRetention', 7]);

    part(el, 'revoke-button').click();
    await until(() => calls.length === 4);
    expect(calls[3]).to.deep.equal(['revokePermission', 'acme.orders', 'network']);
    await until(() => parts(el, 'revoke-button').length === 0);

    part(el, 'erase-button').click();
    await until(() => parts(el, 'confirm-erase-button').length === 1);
    expect(el.shadowRoot?.activeElement?.textContent?.trim()).to.equal(en.cancel);
    part(el, 'confirm-erase-button').click();
    await until(() => calls.length === 5);
    expect(calls[4]).to.deep.equal(['erase']);
    await until(() => el.shadowRoot?.querySelector('.settings [role=status]')?.textContent === en.cleared);
  });

  it('reports a failed action in words', async () => {
    const assistant = createScriptedAssistant(undefined, {
      extras: { store: { exportBackup: async () => Promise.reject(new Error('disk full')) } },
    });
    const el = await mount(assistant, { open: '', voice: 'off' });
    part(el, 'settings-button').click();
    await until(() => parts(el, 'export-button').length === 1);
    (el.shadowRoot?.querySelector('#export-passphrase') as HTMLInputElement).value = 'x';
    part(el, 'export-button').click();
    await until(() => el.shadowRoot?.querySelector('.settings [role=status]')?.textContent === en.failed('disk full'));
  });

  it('says what the skill sends to which origin, and why it asks again', async () => {
    const assistant = createScriptedAssistant();
    const el = await mount(assistant);
    assistant.emit({
      type: 'permission-request',
      id: 'p1',
      skillId: 'confidant.llm-fallback',
      skillVersion: '1.0.0',
      permission: 'network',
      origins: ['https://llm.example'],
      reason: 'changed',
      sends: { origin: 'https://llm.example', currentTurn: true, earlierTurns: 2 },
      respond: async () => undefined,
    });
    await until(() => parts(el, 'consent').length === 1);
    const text = part(el, 'consent').textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.contain(en.consentSends('https://llm.example', 2));
    expect(text).to.contain('2 previous messages');
    expect(text).to.contain(en.consentChanged);
  });
});
