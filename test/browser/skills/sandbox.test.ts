// Third-party skills in their sandbox (a Worker started by a sandboxed opaque-origin frame): a
// hostile bundle tries to read the host page, the host's storage and database, and to reach an
// undeclared origin, in over 30 ways. All must fail, while a well-behaved call through the same
// sandbox works. The network side, watched at the TCP level, is test/browser/sandbox-network/.
import { expect } from '@esm-bundle/chai';
import { openStore } from '../../../src/store/index.ts';
import { createSkillRuntime, type LocalSkillRuntime } from '../../../src/skills/runtime.ts';
import { createSandboxedSkill } from '../../../src/skills/sandboxed-skill.ts';
import { integrityOf } from '../../../src/skills/integrity.ts';
import type { SkillAuditEntry, SkillDefinition, SkillInvocation } from '../../../src/skills/types.ts';
import { invocationOf } from '../../fixtures/skills/invocation.ts';
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
  'forge-frame-message',
  'navigate-self',
];
// The page is served on one name of the test server; the other name of the same server is a second origin.
// Requests go through the host (the page here), so the declared origin is the page's own.
const here = new URL(location.href);
const otherHost = here.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
const DECLARED = here.origin;
const UNDECLARED = `http://${otherHost}:${here.port}`;

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
    runtime.invoke(
      invocationOf(skill, {
        intent,
        text: 'private words of the user',
        slots: { declared: DECLARED, undeclared: UNDECLARED, name: 'Ada' },
        now: new Date(),
        ...extra,
      }),
    );

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
          intents: ['hello', 'stream', 'declared-fetch', ...ATTEMPTS],
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
    expect((await invoke('declared-fetch')).text, 'ctx.fetch through the host').to.equal('allowed: 200, the bundle');
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

  it('a skill that loops forever is stopped: its sandbox is torn down, and the next call gets a fresh one', async () => {
    const looping = createSandboxedSkill(
      {
        url: BUNDLE_URL,
        integrity,
        manifest: {
          id: 'evil.loop',
          version: '1.0.0',
          intents: ['busy-loop', 'hello'],
          timeoutMs: 500,
          permissions: { storage: true },
        },
      },
      host,
    );
    const started = performance.now();
    const reply = await invoke('busy-loop', { skill: looping });
    expect(reply.failed).to.equal('timeout');
    expect(performance.now() - started).to.be.below(3000);
    const frame = () => document.querySelectorAll('iframe[data-confidant-sandbox="evil.loop"]');
    // The host waits `abortGraceMs` (1 s) for the aborted call, then removes the frame and so its Worker.
    for (let i = 0; i < 40 && frame().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(frame().length, 'the stuck sandbox is gone').to.equal(0);
    expect((await invoke('hello', { skill: looping })).text).to.equal('Hello Ada from the sandbox');
    expect(frame().length).to.equal(1);
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

  it('builds a policy that allows no connection, and runs the bundle in the Worker only', async () => {
    const docs = await buildSandboxDocuments('confidant.register(() => "</script><script>alert(1)</script>")');
    expect(docs.csp).to.match(
      /^default-src 'none'; script-src 'sha256-[^']+'; worker-src blob:; base-uri 'none'; form-action 'none'$/,
    );
    expect(docs.frame).to.not.contain('confidant.register', 'the bundle is not in the frame');
    expect(docs.worker).to.contain('confidant.register');
  });

  it('refuses a bundle that does not start (a syntax error) at once, not after the start timeout', async () => {
    const text = 'confidant.register(() => {';
    const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    const broken = createSandboxedSkill(
      {
        url: new URL(BUNDLE_URL).origin + '/test/fixtures/skills/escape-skill.js',
        integrity: await integrityOf(new TextEncoder().encode(text), 'SHA-384'),
        manifest: { id: 'evil.broken', version: '1.0.0', intents: ['hello'] },
      },
      createIframeSandboxHost({ fetch: async () => fetch(url) }),
    );
    const started = performance.now();
    const reply = await invoke('hello', { skill: broken });
    expect(reply.failed).to.equal('error');
    expect(audit.at(-1)).to.deep.equal({
      type: 'skill-error',
      skillId: 'evil.broken',
      detail: { error: 'SkillError', code: 'bundle' },
    });
    expect(performance.now() - started).to.be.below(5000);
    URL.revokeObjectURL(url);
  });
});
