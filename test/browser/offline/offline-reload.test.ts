// Issue 7, point 8: "A browser test loads once, goes offline, reloads, and chats." In real Chromium: a
// host page (frame.html, in its own window, on the test server's second origin) registers Confidant's service worker and
// starts the assistant (engine in its Worker, history in IndexedDB); it chats once, so ONNX Runtime's
// wasm and the model land in the engine's verified Cache Storage and the page's files in the service
// worker's cache. Then that origin goes off the network — every request to it fails, the page's, the
// Worker's and the service worker's alike — and the page is reloaded and chats again.
import { expect } from '@esm-bundle/chai';
import { openFixture, requestsSince, setOffline, sha256Of, type Fixture, type Ready } from './fixture.ts';

interface Asset {
  url: string;
  recorded: string | null;
  actual: string;
  bytes: number;
}

describe('offline after the first visit', () => {
  let fixture: Fixture | undefined;
  after(async () => {
    await setOffline(false);
    await fixture?.call('cleanup').catch(() => undefined);
    fixture?.close();
  });

  it('loads once, goes offline, reloads, and chats', async () => {
    fixture = await openFixture({ db: `offline-reload-${crypto.randomUUID()}` });
    const first = await fixture.call<Ready>('ready');
    expect(first, 'the service worker controls the page before the engine starts').to.deep.equal({
      registered: true,
      controlled: true,
      model: 'assistant-en',
    });
    expect((await fixture.call<{ intent: string }>('send', { text: 'hello' })).intent).to.equal('greeting');

    // Running from source there is no baked digest: each asset is kept with the digest of the download.
    const assets = await fixture.call<Asset[]>('assets');
    const byFile = (file: string) => assets.find((a) => new URL(a.url).pathname.endsWith(file));
    const wasm = byFile('/ort-wasm-simd-threaded.wasm');
    const model = byFile('/models/assistant-en.onnx');
    expect(wasm?.recorded).to.equal(await sha256Of('/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'));
    expect(model?.recorded).to.equal(await sha256Of('/models/assistant-en.onnx'));
    for (const asset of [wasm!, model!]) expect(asset.actual, asset.url).to.equal(asset.recorded);

    const mark = await setOffline(true);
    const probe = await fetch(`${new URL(model!.url).origin}/package.json`, { mode: 'no-cors' }).then(
      () => 'reached',
      () => 'unreachable',
    );
    expect(probe, 'the fixture origin is off the network').to.equal('unreachable');

    await fixture.reload();
    const second = await fixture.call<Ready>('ready');
    expect(second).to.deep.equal({ registered: true, controlled: true, model: 'assistant-en' });
    const reply = await fixture.call<{ intent: string; text: string }>('send', { text: 'what time is it' });
    expect(reply.intent).to.equal('time');
    expect(reply.text).to.match(/\d/);

    // Without a digest the engine asks the network first: both downloads were tried, and dropped.
    const seen = await requestsSince(mark);
    expect(
      seen.filter((r) => !r.dropped),
      'nothing reached the server',
    ).to.deep.equal([]);
    const tried = seen.map((r) => new URL(r.path, location.href).pathname);
    expect(tried).to.include.members([
      new URL(wasm!.url).pathname,
      new URL(model!.url).pathname,
      '/test/browser/offline/frame.html',
    ]);
  });
});
