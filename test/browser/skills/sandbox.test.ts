// Third-party skills in the sandboxed iframe: a hostile bundle tries to read the host page, the
// host's storage and database, and to reach an undeclared origin, in over 20 ways. All must fail,
// while a well-behaved call through the same sandbox works.
import { expect } from '@esm-bundle/chai';
import { openStore } from '../../../src/store/index.ts';
import { createSkillRuntime, type LocalSkillRuntime } from '../../../src/skills/runtime.ts';
import { createSandboxedSkill } from '../../../src/skills/sandboxed-skill.ts';
import { integrityOf } from '../../../src/skills/integrity.ts';
import type { SkillAuditEntry, SkillDefinition, SkillInvocation } from '../../../src/skills/types.ts';
import { createIframeSandboxHost, type IframeSandboxHost } from '../../../widget/sandbox/iframe-host.ts';
import { buildSandboxDocuments } from '../../../widget/sandbox/documents.ts';

const BUNDLE_URL = new URL('/test/fixtures/skills/escape-skill.js', location.href).href;
const ATTEMPTS = [
  'read-parent-dom',
  'read-top-dom',
  'read-parent-global',
  'read-parent-cookie',
  'read-own-cookie',
  'read-parent-localstorage',
  'read-own-localstorage',
  'read-sessionstorage',
  'open-indexeddb',
  'list-indexeddb',
  'parent-indexeddb',
  'cache-storage',
  'navigate-top',
  'read-parent-location',
  'fetch-undeclared',
  'ctx-fetch-undeclared',
  'xhr',
  'websocket',
  'eventsource',
  'send-beacon',
  'image-beacon',
  'inject-script',
  'dynamic-import',
  'eval',
  'function-constructor',
  'settimeout-string',
  'worker-importscripts',
  'window-open',
  'form-submit',
  'inline-style-import',
  'service-worker',
  'document-domain',
  'broadcast-channel',
  'forge-parent-message',
  'hijack-port-profile',
  'forge-secret',
  'webrtc',
  'webrtc-nested-frame',
  'clipboard-read',
];
// The page is served on one name of the test server; the other name of the same server is a second origin.
const here = new URL(location.href);
const otherHost = here.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
const DECLARED = `http://${otherHost}:${here.port}`;
const UNDECLARED = here.origin;

describe('third-party skills in the sandbox', function () {
  this.timeout(60_000);
  let host: IframeSandboxHost;
  let runtime: LocalSkillRuntime;
  let skill: SkillDefinition;
  let integrity: string;
  const audit: SkillAuditEntry[] = [];
  const broadcasts: unknown[] = [];
  const channel = new BroadcastChannel('confidant-host');
  channel.onmessage = (e) => broadcasts.push(e.data);
  const invoke = (intent: string, extra: Partial<SkillInvocation> = {}) =>
    runtime.invoke({
      skill,
      intent,
      text: 'private words of the user',
      slots: { declared: DECLARED, undeclared: UNDECLARED, name: 'Ada' },
      entities: [],
      conversation: { id: 'c1', recentTurns: [] },
      signal: new AbortController().signal,
      now: new Date(),
      ...extra,
    });

  before(async () => {
    document.cookie = 'hostsecret=cookie-value; path=/';
    localStorage.setItem('hostsecret', 'local-value');
    sessionStorage.setItem('hostsecret', 'session-value');
    (window as unknown as { confidantHostSecret: string }).confidantHostSecret = 'global-value';
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('confidant-host-secret', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('secrets');
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const bytes = new Uint8Array(await (await fetch(BUNDLE_URL)).arrayBuffer());
    integrity = await integrityOf(bytes, 'SHA-384');
    const store = await openStore({ storage: 'memory' });
    await store.settings().set('profile.name', 'Ada Lovelace');
    runtime = createSkillRuntime({
      store,
      audit: async (e) => void audit.push(e),
      requestPermission: async () => true,
    });
    host = createIframeSandboxHost();
    skill = createSandboxedSkill(
      {
        url: BUNDLE_URL,
        integrity,
        manifest: {
          id: 'evil.escape',
          version: '1.0.0',
          intents: ['hello', 'stream', 'declared-fetch', 'navigate-self', ...ATTEMPTS],
          timeoutMs: 8_000,
          permissions: { network: [DECLARED], storage: true },
        },
      },
      host,
    );
  });

  after(() => {
    host.dispose();
    runtime.dispose();
    channel.close();
    indexedDB.deleteDatabase('confidant-host-secret');
  });

  it('runs a well-behaved call: reply, storage, streaming, declared origin', async () => {
    expect(await invoke('hello')).to.deep.equal({
      text: 'Hello Ada from the sandbox',
      quickReplies: [{ label: 'Thanks' }],
    });
    const deltas: string[] = [];
    expect(await invoke('stream', { onDelta: (t) => deltas.push(t) })).to.deep.equal({
      text: 'chunk one, chunk two for stream',
    });
    expect(deltas).to.deep.equal(['chunk one, ', 'chunk two for stream']);
    expect((await invoke('declared-fetch')).text).to.equal('allowed: declared origin reached');
    const frames = document.querySelectorAll('iframe[data-confidant-sandbox="evil.escape"]');
    expect(frames.length).to.equal(1);
    expect(frames[0]!.getAttribute('sandbox')).to.equal('allow-scripts');
  });

  it(`blocks all ${ATTEMPTS.length} escape attempts`, async () => {
    expect(ATTEMPTS.length).to.be.at.least(20);
    const results: Record<string, string> = {};
    for (const attempt of ATTEMPTS) {
      const reply = await invoke(attempt);
      results[attempt] = reply.failed === undefined ? reply.text : `failed: ${reply.failed}`;
    }
    console.log(JSON.stringify(results, null, 1));
    for (const [attempt, outcome] of Object.entries(results)) {
      expect(outcome, attempt).to.not.match(/ESCAPED/);
      // A permission refusal from the Worker side surfaces as a failed call.
      expect(outcome, attempt).to.match(/^blocked|^failed: permission/);
    }
    // The host page is untouched.
    expect(location.href).to.equal(here.href);
    expect(document.cookie).to.contain('hostsecret=cookie-value');
    expect(localStorage.getItem('hostsecret')).to.equal('local-value');
    expect(broadcasts).to.deep.equal([]);
    expect(document.querySelectorAll('iframe[data-confidant-sandbox]').length).to.equal(
      1,
      'forged close messages were ignored',
    );
    expect(JSON.stringify(audit)).to.not.contain('private words');
  });

  it('a frame that navigates itself away is blocked, torn down and reloaded fresh', async () => {
    const reply = await invoke('navigate-self');
    expect(reply.failed).to.equal('error');
    expect(document.querySelectorAll('iframe[data-confidant-sandbox]').length).to.equal(0);
    expect((await invoke('hello')).text).to.equal('Hello Ada from the sandbox');
  });

  it('refuses a bundle whose integrity does not match, before any of it runs', async () => {
    const wrong = `sha384-${btoa(String.fromCharCode(...new Uint8Array(48)))}`;
    const before = document.querySelectorAll('iframe').length;
    const tampered = createSandboxedSkill(
      { url: BUNDLE_URL, integrity: wrong, manifest: { id: 'evil.tampered', version: '1.0.0', intents: ['hello'] } },
      host,
    );
    const reply = await runtime.invoke({
      skill: tampered,
      intent: 'hello',
      text: 'x',
      slots: { name: 'x' },
      entities: [],
      conversation: { id: 'c', recentTurns: [] },
      signal: new AbortController().signal,
      now: new Date(),
    });
    expect(reply.failed).to.equal('error');
    expect(audit.at(-1)).to.deep.equal({
      type: 'skill-error',
      skillId: 'evil.tampered',
      detail: { error: 'SkillError', code: 'integrity' },
    });
    expect(document.querySelectorAll('iframe').length).to.equal(before);
  });

  it('builds policies that name only the declared origins, and refuses bundles that cannot be inlined', async () => {
    const docs = await buildSandboxDocuments('confidant.register(() => "hi")', ['https://api.example.com'], 'x');
    expect(docs.csp).to.match(
      /^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; connect-src https:\/\/api\.example\.com; base-uri 'none'; form-action 'none'; frame-src 'none'$/,
    );
    for (const bad of ['x = "</script>"', 'x = "<!--"', 'x = "<SCRIPT>"', 'x = "\u0000"']) {
      let code = '';
      await buildSandboxDocuments(bad, [], 'x').catch((e: { code: string }) => (code = e.code));
      expect(code, bad).to.equal('bundle');
    }
  });
});
