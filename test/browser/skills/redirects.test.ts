// `ctx.fetch` redirects in Chromium, on the page and in a Worker (issue 16.4). A manual redirect is
// opaque in browsers, so: hops on the context's own origin are followed (mode: 'same-origin' keeps
// them there, checked by the platform before each hop); a redirect from another origin is refused
// (the documented limit), and a raw TCP listener standing for an undeclared origin must never see a
// connection. In Node every hop is read and checked (test/core/skills/url-tricks.test.ts).
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { runRedirectScenarios, type Outcomes, type RedirectPorts } from './redirect-scenarios.ts';

const EXPECTED: Outcomes = {
  'own origin, one hop on it': 'ok ok /__ok/a',
  'own origin, three hops on it (301, 307, 308)': 'ok ok /__ok/b',
  'own origin, a POST through a 303 becomes a GET': 'ok ok /__ok/c',
  'own origin, a hop to an undeclared origin': 'TypeError',
  // Limit: the browser cannot show a cross-origin hop to be checked, so it is never followed.
  'own origin, a hop to another declared origin': 'TypeError',
  'another declared origin, no redirect': 'ok ok /__ok/e',
  'another declared origin, a hop on it': 'PermissionError:redirect',
  'another declared origin, a hop to an undeclared origin': 'PermissionError:redirect',
  'an undeclared origin, directly': 'PermissionError:undeclared-origin',
};

describe('ctx.fetch redirects (Chromium)', () => {
  let ports: RedirectPorts;
  before(async () => {
    ports = (await executeServerCommand<RedirectPorts, undefined>('redirect-servers')) as RedirectPorts;
  });

  it('on the page: hops on its own origin are followed, nothing reaches an undeclared origin', async () => {
    const before = await executeServerCommand<{ trap: number }, undefined>('redirect-counts');
    expect(await runRedirectScenarios(ports)).to.deep.equal(EXPECTED);
    expect((await executeServerCommand<{ trap: number }, undefined>('redirect-counts'))?.trap).to.equal(before?.trap);
    expect(before?.trap).to.equal(0);
  });

  it('in a Worker: the same', async () => {
    const worker = new Worker(new URL('./redirect-worker.ts', import.meta.url), { type: 'module' });
    try {
      const outcomes = await new Promise<Outcomes>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<Outcomes>) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(ports);
      });
      expect(outcomes).to.deep.equal(EXPECTED);
      expect((await executeServerCommand<{ trap: number }, undefined>('redirect-counts'))?.trap).to.equal(0);
    } finally {
      worker.terminate();
    }
  });

  it('the trap listener does count a connection (control: a plain fetch reaches it)', async () => {
    await fetch(`http://127.0.0.1:${ports.trap}/control`).catch(() => undefined);
    expect((await executeServerCommand<{ trap: number }, undefined>('redirect-counts'))?.trap).to.be.greaterThan(0);
  });
});
