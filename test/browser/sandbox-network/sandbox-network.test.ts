// Issue 16.2: a third-party skill cannot make the browser contact a host it did not declare. The
// hostile bundle (test/fixtures/skills/network-leak-skill.js) tries every way it has — frames,
// navigation of every kind, images, CSS, fonts, link hints, WebSocket, WebRTC, beacons,
// EventSource, workers, and the host's own channel — against a raw TCP listener (on its IP, and
// under made-up `*.example` names the browser maps to it). What is counted is TCP connections
// accepted by the listener and host names in Chromium's NetLog, not request events, which miss a
// connection CSP stops after opening (see network-watch-plugin.mjs). Run by
// web-test-runner.sandbox.config.mjs. Controls: the same listener and NetLog do see a page fetch,
// and a sandboxed frame under `default-src 'none'` navigating itself (the pre-Worker design).
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { openStore } from '../../../src/store/index.ts';
import { createSkillRuntime, type LocalSkillRuntime } from '../../../src/skills/runtime.ts';
import { createSandboxedSkill } from '../../../src/skills/sandboxed-skill.ts';
import { integrityOf, toBase64 } from '../../../src/skills/integrity.ts';
import type { SkillDefinition, SkillInvocation } from '../../../src/skills/types.ts';
import { invocationOf } from '../../fixtures/skills/invocation.ts';
import { createIframeSandboxHost, type IframeSandboxHost } from '../../../widget/sandbox/iframe-host.ts';

interface Connection {
  at: number;
  firstLine: string;
}
interface Sink {
  origin: string;
  deliveries: { path: string; contentType: string | null; custom: string | null; body: unknown }[];
}

const BUNDLE_URL = new URL('/test/fixtures/skills/network-leak-skill.js', location.href).href;
const token = `t${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
const connectionsSince = (since: number) =>
  executeServerCommand('network-connections', { since }) as Promise<Connection[]>;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The host names under `token` in the NetLog. Chromium writes its log in batches: requests for a
 * fresh marker URL are made until the marker shows, so everything logged before it is on disk.
 */
async function netlogHosts(): Promise<string[]> {
  const marker = `m${crypto.randomUUID().replace(/-/g, '')}`;
  for (let i = 0; i < 200; i++) {
    await fetch(`/__netlog-marker/${marker}/${i}`).catch(() => undefined);
    const seen = (await executeServerCommand('netlog-hosts', { token, marker })) as {
      flushed: boolean;
      hosts: string[];
    };
    if (seen.flushed) return seen.hosts;
    await wait(50);
  }
  throw new Error('the NetLog never showed the marker');
}

describe('the sandbox network: no connection to an undeclared host', function () {
  this.timeout(180_000);
  let port: number;
  let ip: string;
  let declared: string;
  let host: IframeSandboxHost;
  let runtime: LocalSkillRuntime;
  let skill: SkillDefinition;
  let techniques: string[];
  const invoke = (intent: string, extra: Partial<SkillInvocation> = {}) =>
    runtime.invoke(
      invocationOf(skill, {
        intent,
        text: 'private words of the user',
        slots: { ip, token, declared },
        now: new Date(),
        ...extra,
      }),
    );

  before(async () => {
    ({ port } = (await executeServerCommand('network-watch')) as { port: number });
    ip = `http://127.0.0.1:${port}`;
    declared = ((await executeServerCommand('webhook-sink', {})) as Sink).origin;
    const bytes = new Uint8Array(await (await fetch(BUNDLE_URL)).arrayBuffer());
    const integrity = await integrityOf(bytes, 'SHA-384');
    runtime = createSkillRuntime({
      store: await openStore({ storage: 'memory' }),
      requestPermission: async () => true,
    });
    host = createIframeSandboxHost();
    // The bundle names its techniques; the skill then declares one intent per technique.
    skill = createSandboxedSkill(
      { url: BUNDLE_URL, integrity, manifest: { id: 'evil.lister', version: '1.0.0', intents: ['list'] } },
      host,
    );
    techniques = (await invoke('list')).text.split(' ');
    skill = createSandboxedSkill(
      {
        url: BUNDLE_URL,
        integrity,
        manifest: {
          id: 'evil.network',
          version: '1.0.0',
          intents: ['declared-post', ...techniques],
          timeoutMs: 5_000,
          permissions: { network: [declared] },
        },
      },
      host,
    );
  });
  after(() => {
    host?.dispose();
    runtime?.dispose();
  });

  it('the instruments see what they must: a page fetch, and a sandboxed frame navigating itself', async () => {
    const since = (await connectionsSince(0)).length;
    await fetch(`${ip}/t/control-fetch`, { mode: 'no-cors' }).catch(() => undefined);
    // The pre-Worker design: the skill's code in a sandboxed frame under `default-src 'none'`.
    const script = `location.href = 'http://control-nav-${token}.example/t/control-nav';`;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script)));
    const frame = document.createElement('iframe');
    frame.sandbox.add('allow-scripts');
    frame.srcdoc =
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${toBase64(digest)}'">` +
      `<script>${script}</script>`;
    document.body.append(frame);
    let seen: Connection[] = [];
    for (let i = 0; i < 50 && seen.length < 2; i++) {
      await wait(100);
      seen = await connectionsSince(since);
    }
    frame.remove();
    const lines = seen.map((c) => c.firstLine);
    expect(lines, 'the page fetch').to.include('GET /t/control-fetch HTTP/1.1');
    expect(
      lines.some((l) => l.startsWith('GET /t/control-nav ')),
      `the frame's navigation, which CSP does not stop: ${JSON.stringify(lines)}`,
    ).to.equal(true);
    expect(await netlogHosts(), 'the NetLog names the host the frame tried').to.include(`control-nav-${token}.example`);
  });

  it('a well-behaved call reaches its declared origin through the host, body and headers intact', async () => {
    const reply = await invoke('declared-post');
    expect(reply.text).to.equal('declared: 200 Order 42 has shipped.');
    const sink = (await executeServerCommand('webhook-sink', {})) as Sink;
    expect(sink.deliveries.filter((d) => d.path === '/sandbox-post').at(-1)).to.deep.equal({
      path: '/sandbox-post',
      contentType: 'application/json',
      custom: 'leak',
      idempotencyKey: null,
      authorization: null,
      body: { from: 'the sandbox', n: 42 },
    });
  });

  it('0 connections and 0 host names from at least 30 techniques', async () => {
    expect(techniques.length).to.be.at.least(30);
    const since = (await connectionsSince(0)).length;
    const outcomes: Record<string, string> = {};
    for (const technique of techniques) {
      const reply = await invoke(technique);
      outcomes[technique] = reply.failed === undefined ? reply.text : `failed: ${reply.failed}`;
    }
    console.log(JSON.stringify(outcomes, null, 1));
    // Time for anything still on its way (a WebSocket, a worker starting, a redirect hop).
    await wait(2000);
    const connections = await connectionsSince(since);
    const hosts = (await netlogHosts()).filter((h) => !h.startsWith('control-'));
    console.log(
      `sandbox network: ${techniques.length} techniques, ${connections.length} connections, ${hosts.length} host names` +
        (hosts.length === 0 ? '' : ` (${hosts.map((h) => h.replace(`-${token}.example`, '')).join(', ')})`),
    );
    expect(
      connections.map((c) => c.firstLine),
      'TCP connections to the undeclared listener',
    ).to.deep.equal([]);
    expect(hosts, 'undeclared host names in the NetLog').to.deep.equal([]);
    // Every technique ran to an outcome the runtime could report (none hung the sandbox).
    for (const [technique, outcome] of Object.entries(outcomes))
      expect(outcome, technique).to.match(/^(ran|threw|failed)/);
    expect(document.querySelectorAll('iframe[data-confidant-sandbox="evil.network"]').length).to.equal(1);
  });
});
