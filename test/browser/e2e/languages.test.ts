// Chinese and English turns through the real stack in Chromium: the element's own assistant in its
// Worker, the shipped model in onnxruntime-web, the built-in skills and their language packs. Each
// reply comes back in the language of the turn; text in a language the assistant does not speak
// gets an honest reply in the UI language. Screenshots of both UIs go to test-artifacts/.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import '../../../widget/index.ts';

interface ReplyLike {
  text: string;
  understanding: { intent: string | null; lang?: string };
}

const until = async (condition: () => unknown, timeoutMs = 20_000) => {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const part = <T extends HTMLElement>(el: HTMLElement, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;

async function mountOwn(lang: string, databaseName: string): Promise<ConfidantAssistant> {
  const el = document.createElement('confidant-assistant');
  for (const [k, v] of Object.entries({ lang, open: '', inline: '', load: 'eager', database: databaseName }))
    el.setAttribute(k, v);
  // Tall enough to show the whole conversation in the screenshot.
  el.style.setProperty('--confidant-panel-height', '60rem');
  const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
  document.body.append(el);
  await ready;
  return el;
}

async function send(el: ConfidantAssistant, text: string): Promise<ReplyLike> {
  const replied = new Promise<ReplyLike>((resolve) =>
    el.addEventListener('confidant-reply', (e) => resolve((e as Event & { reply: ReplyLike }).reply), { once: true }),
  );
  await until(() => el.shadowRoot?.querySelector('[part~="input"]'));
  const input = part<HTMLTextAreaElement>(el, 'input');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  part(el, 'send-button').click();
  const reply = await replied;
  await until(() =>
    [...(el.shadowRoot?.querySelectorAll('[part~="bubble"]') ?? [])].some((b) => b.textContent?.includes(reply.text)),
  );
  return reply;
}

describe('replies in the language of each turn, in the Worker', () => {
  const databases: string[] = [];
  let el: ConfidantAssistant | undefined;
  before(() => setViewport({ width: 520, height: 1000 }));
  afterEach(async () => {
    await (el?.assistant as { dispose?: () => Promise<void> } | undefined)?.dispose?.();
    el?.remove();
  });
  after(() => databases.forEach((name) => indexedDB.deleteDatabase(name)));

  async function conversation(lang: string): Promise<ReplyLike[]> {
    const name = `languages-${crypto.randomUUID()}`;
    databases.push(name);
    el = await mountOwn(lang, name);
    const replies: ReplyLike[] = [];
    for (const text of ['帮我set个timer', '十分钟', 'hello', 'Wie spät ist es?']) replies.push(await send(el, text));
    return replies;
  }

  it('a Chinese turn gets a Chinese reply, an English one an English reply (zh-CN UI)', async () => {
    const [ask, set, hello, foreign] = await conversation('zh-CN');
    expect(ask!.understanding.lang).to.equal('zh-CN');
    expect(ask!.text).to.match(/\p{Script=Han}/u);
    expect(set!.text).to.match(/10分钟/);
    expect(hello!.understanding.lang).to.equal('en');
    expect(hello!.text).not.to.match(/\p{Script=Han}/u);
    expect(foreign!.understanding.intent).to.equal(null);
    expect(foreign!.text).to.match(/只懂中文和英文/);
    await executeServerCommand('save-screenshot', { name: 'languages-zh-CN-ui' });
  });

  it('the same conversation in the English UI answers the foreign turn in English', async () => {
    const [ask, , , foreign] = await conversation('en');
    expect(ask!.text).to.match(/\p{Script=Han}/u);
    expect(foreign!.text).to.match(/English and Chinese/);
    await executeServerCommand('save-screenshot', { name: 'languages-en-ui' });
  });
});
