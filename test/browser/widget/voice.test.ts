import { expect } from '@esm-bundle/chai';
import { en } from '../../../widget/i18n/en.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { mount, part, parts, until } from './helpers.ts';

type Scope = Record<string, unknown>;
const scope = window as unknown as Scope;

/** Replaces a window property for one test. */
function replace(name: string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(window, name);
  Object.defineProperty(window, name, { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(window, name, own);
    else delete scope[name];
  };
}

/** A stand-in for the platform recognizer: reports availability, records its settings, and "hears" a phrase. */
class FakeRecognition {
  static availability = 'available';
  static last: FakeRecognition | undefined;
  static async available(options: { langs: string[]; processLocally: boolean }): Promise<string> {
    return options.processLocally ? FakeRecognition.availability : 'available';
  }
  lang = '';
  interimResults = false;
  continuous = true;
  processLocally = false;
  onresult: ((event: unknown) => void) | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  start(): void {
    FakeRecognition.last = this;
    setTimeout(
      () =>
        this.onresult?.({
          results: [
            Object.assign([{ transcript: 'turn on ' }], { isFinal: true }),
            Object.assign([{ transcript: 'the lights' }], { isFinal: false }),
          ],
        }),
      10,
    );
  }
  stop(): void {
    this.onend?.();
  }
}

describe('voice', () => {
  const restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
    FakeRecognition.availability = 'available';
  });

  it('shows no voice controls where the browser cannot do it on the device', async () => {
    restore.push(replace('SpeechRecognition', undefined), replace('webkitSpeechRecognition', undefined));
    const el = await mount(createScriptedAssistant(), { open: '' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(parts(el, 'voice-button')).to.have.length(0);
  });

  it('`local` needs on-device recognition; `any` accepts a remote recognizer without asking; `off` hides it', async () => {
    FakeRecognition.availability = 'unavailable';
    restore.push(replace('SpeechRecognition', FakeRecognition));
    const local = await mount(createScriptedAssistant(), { open: '', voice: 'local' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await local.updateComplete;
    expect(parts(local, 'voice-button')).to.have.length(0);
    const any = await mount(createScriptedAssistant(), { open: '', voice: 'any' });
    await until(() => parts(any, 'voice-button').length === 1);
    part(any, 'voice-button').click();
    await any.updateComplete;
    expect(parts(any, 'voice-consent')).to.have.length(0);
    expect(FakeRecognition.last?.processLocally).to.equal(false);
    const off = await mount(createScriptedAssistant(), { open: '', voice: 'off' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(parts(off, 'voice-button')).to.have.length(0);
  });

  it('by default asks before the first use of a server recognizer, keeps the answer, and the settings say which is used', async () => {
    FakeRecognition.availability = 'unavailable';
    FakeRecognition.last = undefined;
    restore.push(replace('SpeechRecognition', FakeRecognition));
    const consents: boolean[] = [];
    const assistant = createScriptedAssistant(undefined, {
      extras: {
        store: {
          speechConsent: async () => false,
          setSpeechConsent: async (allowed: boolean) => void consents.push(allowed),
        },
      },
    });
    const el = await mount(assistant, { open: '' });
    await until(() => parts(el, 'voice-button').length === 1);
    part(el, 'settings-button').click();
    await until(() => parts(el, 'voice-privacy').length === 1);
    expect(part(el, 'voice-privacy').textContent).to.contain(en.voiceRemote);
    expect(parts(el, 'voice-revoke-button')).to.have.length(0);
    part(el, 'chat-button').click();
    await el.updateComplete;

    part(el, 'voice-button').click();
    await until(() => parts(el, 'voice-consent').length === 1);
    expect(part(el, 'voice-consent').getAttribute('role')).to.equal('alertdialog');
    expect(FakeRecognition.last).to.equal(undefined);
    part(el, 'deny-button').click();
    await until(() => parts(el, 'voice-consent').length === 0);
    expect(FakeRecognition.last).to.equal(undefined);

    part(el, 'voice-button').click();
    await until(() => parts(el, 'voice-consent').length === 1);
    part(el, 'allow-button').click();
    await until(() => part<HTMLTextAreaElement>(el, 'input').value === 'turn on the lights');
    expect((FakeRecognition.last as FakeRecognition | undefined)?.processLocally).to.equal(false);
    expect(consents).to.deep.equal([false, true]);

    part(el, 'voice-button').click(); // stop
    part(el, 'voice-button').click(); // and again: no second question
    await el.updateComplete;
    expect(parts(el, 'voice-consent')).to.have.length(0);
    part(el, 'settings-button').click();
    await until(() => parts(el, 'voice-revoke-button').length === 1);
    part(el, 'voice-revoke-button').click();
    await until(() => parts(el, 'voice-revoke-button').length === 0);
    expect(consents).to.deep.equal([false, true, false]);
  });

  it('listens on the device in the element language and fills the composer', async () => {
    restore.push(replace('SpeechRecognition', FakeRecognition));
    const el = await mount(createScriptedAssistant(), { open: '', lang: 'en-GB' });
    await until(() => parts(el, 'voice-button').length === 1);
    part(el, 'voice-button').click();
    await el.updateComplete;
    expect(part(el, 'voice-button').getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'voice-button').getAttribute('aria-label')).to.equal(en.stopListening);
    expect(FakeRecognition.last?.processLocally).to.equal(true);
    expect(FakeRecognition.last?.lang).to.equal('en-GB');
    await until(() => part<HTMLTextAreaElement>(el, 'input').value === 'turn on the lights');
    part(el, 'voice-button').click();
    await el.updateComplete;
    expect(part(el, 'voice-button').getAttribute('aria-pressed')).to.equal('false');
  });

  it('reads replies aloud with a local voice, per message and automatically with read-aloud', async () => {
    const spoken: string[] = [];
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => [
        { lang: 'en-US', localService: false, name: 'remote' },
        { lang: 'en-US', localService: true, name: 'local' },
      ],
      speak: (utterance: SpeechSynthesisUtterance) => spoken.push(`${utterance.voice?.name}:${utterance.text}`),
      cancel: () => {},
    });
    restore.push(
      replace('speechSynthesis', synth),
      replace(
        'SpeechSynthesisUtterance',
        class {
          voice: unknown;
          lang = '';
          constructor(public text: string) {}
        },
      ),
    );
    const assistant = createScriptedAssistant((text) => ({ reply: { text: `reply to ${text}` } }));
    const el = await mount(assistant, { open: '', lang: 'en-US', 'read-aloud': '' });
    await el.updateComplete;
    await el.send('one');
    await until(() => spoken.length === 1);
    expect(spoken).to.deep.equal(['local:reply to one']);
    part(el, 'speak-button').click();
    expect(spoken).to.deep.equal(['local:reply to one', 'local:reply to one']);
  });
});
