// createAssistant's `signal` aborts start-up (use-r13 finding 1): an abort while the engine opens or
// while its models load rejects with the signal's reason, and the engine that was starting stops
// instead of starting its store and services behind the caller's back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, WorkerError } from '../../../src/index.ts';
import { createLocalEngine } from '../../../src/engine/local-engine.ts';

const reason = () => new DOMException('the user left the page', 'AbortError');

describe('aborting start-up', () => {
  test('an abort right after the call, while the engine opens, rejects with the reason', async () => {
    const controller = new AbortController();
    const starting = createAssistant({ worker: false, storage: 'memory', signal: controller.signal });
    const why = reason();
    controller.abort(why);
    await assert.rejects(starting, (error) => error === why);
  });

  test('an abort while the models load rejects with the reason', async () => {
    const controller = new AbortController();
    const why = reason();
    const starting = createAssistant({
      worker: false,
      storage: 'memory',
      signal: controller.signal,
      onProgress: () => controller.abort(why),
    });
    await assert.rejects(starting, (error) => error === why);
  });

  test('an engine disposed while it starts does not start: init rejects as disposed', async () => {
    const engine = createLocalEngine();
    const statuses: string[] = [];
    await engine.setListener((event) => {
      if (event.type === 'status') statuses.push(event.status);
    });
    let disposing: Promise<void> | undefined;
    const starting = engine.init({ storage: 'memory' }, () => (disposing ??= engine.dispose()));
    await assert.rejects(starting, (error) => error instanceof WorkerError && error.code === 'disposed');
    await disposing;
    assert.equal(await engine.status(), 'disposed');
    assert.ok(!statuses.includes('ready'), `statuses after dispose: ${statuses.join(', ')}`);
    await assert.rejects(engine.init({ storage: 'memory' }), (error) => error instanceof WorkerError);
  });
});
