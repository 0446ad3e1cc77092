// createAssistant's `signal` on the Worker path (the browser default), without a browser: a stand-in Worker
// over a MessageChannel with the real engine on the other port (review-r13-use item 1). An abort before,
// during or late in start-up rejects with the signal's reason, the Worker is terminated and the engine in it
// is disposed; before the fix the call never settled (a second dispose waited on a terminated Worker, and an
// already-aborted signal fired no 'abort' event).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant } from '../../../src/index.ts';
import type { Engine } from '../../../src/engine/contract.ts';
import { createLocalEngine } from '../../../src/engine/local-engine.ts';
import { exposeEngine } from '../../../src/engine/worker-transport.ts';

/** Posts, listens and terminates as a Worker does; after terminate() nothing goes in or out. */
class ChannelWorker extends EventTarget {
  terminated = false;
  constructor(private readonly port: MessagePort) {
    super();
    port.onmessage = (event) => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: event.data }));
    };
  }
  postMessage(data: unknown, transfer: Transferable[] = []) {
    if (!this.terminated) this.port.postMessage(data, transfer);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
}

const globals = globalThis as { Worker?: unknown };
const saved = globals.Worker;
before(() => {
  // options.worker must be a Worker: the stand-in is one here.
  globals.Worker = ChannelWorker;
});
after(() => {
  globals.Worker = saved;
});

/** A Worker stand-in with the engine inside it; `inside` is that engine, to see whether it stopped. */
function channelWorker(): { worker: ChannelWorker; inside: () => Engine; done: () => void } {
  // Set again each time: ONNX Runtime's Node build, once loaded, sets its own global Worker.
  globals.Worker = ChannelWorker;
  const { port1, port2 } = new MessageChannel();
  let engine: Engine | undefined;
  exposeEngine((hooks) => (engine = createLocalEngine(hooks)), port2);
  return { worker: new ChannelWorker(port1), inside: () => engine as Engine, done: () => port2.close() };
}

const settles = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not settled after ${ms} ms`)), ms).unref()),
  ]);

describe('aborting start-up with the engine in a Worker', () => {
  const abortAt = async (when: 'at once' | number | 'first progress') => {
    const { worker, inside, done } = channelWorker();
    const controller = new AbortController();
    const why = new DOMException('the user left the page', 'AbortError');
    const starting = createAssistant({
      worker: worker as unknown as Worker,
      storage: 'memory',
      signal: controller.signal,
      ...(when === 'first progress' ? { onProgress: () => controller.abort(why) } : {}),
    });
    if (when === 'at once') controller.abort(why);
    else if (typeof when === 'number') setTimeout(() => controller.abort(why), when);
    try {
      await assert.rejects(settles(starting, 30_000), (error) => error === why);
      assert.ok(worker.terminated, 'the Worker is terminated');
      assert.equal(await settles(inside().status(), 10_000), 'disposed', 'the engine in the Worker stopped');
    } finally {
      done();
    }
  };

  test('aborted right after the call', () => abortAt('at once'));
  test('aborted 5 ms after the call', () => abortAt(5));
  test('aborted 300 ms after the call', () => abortAt(300));
  test('aborted at the first progress event', () => abortAt('first progress'));

  test('an already-aborted signal rejects with its reason and starts no Worker call', async () => {
    const { worker, done } = channelWorker();
    const why = new DOMException('gone', 'AbortError');
    try {
      await assert.rejects(
        createAssistant({ worker: worker as unknown as Worker, storage: 'memory', signal: AbortSignal.abort(why) }),
        (error) => error === why,
      );
    } finally {
      done();
    }
  });
});
