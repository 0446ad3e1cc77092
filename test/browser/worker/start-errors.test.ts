// When the engine Worker cannot start, the error names its URL and the cause a host can fix: 404, a
// wrong MIME type (an HTML fallback page), CORS for a script on another origin, or a script that throws.
import { expect } from '@esm-bundle/chai';
import { createAssistant, WorkerError } from '../../../src/index.ts';
import { connectWorkerEngine, startWorker } from '../../../src/engine/worker-transport.ts';
import { rejection } from '../../fixtures/rejection.ts';

/** Starts the engine transport on `url` and returns why `init` failed. */
async function startFailure(url: string): Promise<WorkerError> {
  const engine = connectWorkerEngine(startWorker(new URL(url, location.href)), {
    scriptUrl: new URL(url, location.href).href,
  });
  const error = await rejection(engine.init({ storage: 'memory' }));
  await engine.dispose();
  expect(error).to.be.instanceOf(WorkerError);
  return error as WorkerError;
}

describe('the engine Worker failing to start', () => {
  it('404: createAssistant with a wrong assetsBase names the URL and the status', async () => {
    const error = await rejection(createAssistant({ assetsBase: '/no/such/folder/', storage: 'memory' }));
    expect(error).to.be.instanceOf(WorkerError);
    expect((error as WorkerError).code).to.equal('worker-http');
    expect((error as Error).message).to.contain(`${location.origin}/no/such/folder/confidant-worker.js`);
    expect((error as Error).message).to.contain('HTTP 404');
  });

  it('a file served with a non-JavaScript MIME type says so', async () => {
    const error = await startFailure('/package.json');
    expect(error.code).to.equal('worker-mime');
    expect(error.message).to.match(/sent it as "application\/json.*not JavaScript/);
  });

  it('a script on another origin without CORS names CORS and the origins', async () => {
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const url = `${location.protocol}//${other}:${location.port}/test/fixtures/worker/failing-start-worker.js`;
    const error = await startFailure(url);
    expect(error.code).to.equal('worker-cors');
    expect(error.message).to.contain(url).and.to.contain('Access-Control-Allow-Origin');
  });

  it('a script that loads and throws is told apart from a missing one', async () => {
    const error = await startFailure('/test/fixtures/worker/failing-start-worker.js');
    expect(error.code).to.equal('worker-script');
    expect(error.message).to.contain('loaded but failed to run');
  });
});
