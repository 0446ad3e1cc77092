// A page whose Content Security Policy does not allow the engine Worker gets an error that names the
// policy and the directive to change (its own file: the policy stays on the page once set).
import { expect } from '@esm-bundle/chai';
import { WorkerError } from '../../../src/index.ts';
import { connectWorkerEngine, startWorker } from '../../../src/engine/worker-transport.ts';
import { rejection } from '../../fixtures/rejection.ts';

describe('the engine Worker blocked by CSP', () => {
  it('names the Content Security Policy and worker-src', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "worker-src 'none'";
    document.head.append(meta);
    const url = new URL('/test/fixtures/worker/failing-start-worker.js', location.href);
    let error: unknown;
    try {
      const engine = connectWorkerEngine(startWorker(url), { scriptUrl: url.href });
      error = await rejection(engine.init({ storage: 'memory' }));
      await engine.dispose();
    } catch (thrown) {
      error = thrown; // some engines refuse synchronously, in `new Worker`
    }
    expect(error).to.be.instanceOf(WorkerError);
    expect((error as WorkerError).message).to.contain(url.href);
    expect((error as WorkerError).message).to.match(/Content Security Policy|worker-src/);
  });
});
