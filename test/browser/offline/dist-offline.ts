// The offline test against the built bundles (for the `TEST_DIST=1` suite: test/browser/dist/
// imports this file). A script-tag host — `dist/confidant.iife.js` and its `<confidant-assistant>` —
// registers `dist/confidant-sw.js` with `dist/offline.js`; the service worker precaches the library
// files and the engine keeps the wasm and model under the SHA-256 digests the build baked in. After one
// chat the host's origin goes off the network; the reloaded page chats again, and the engine did not
// even try the network for the wasm or the model (cache first: the baked digest says what they are).
import { expect } from '@esm-bundle/chai';
import { openFixture, requestsSince, setOffline, sha256Of, type Fixture, type Ready } from './fixture.ts';

interface Asset {
  url: string;
  recorded: string | null;
  actual: string;
}

describe('offline after the first visit (dist: script tag, service worker, baked digests)', () => {
  let fixture: Fixture | undefined;
  after(async () => {
    await setOffline(false);
    await fixture?.call('cleanup').catch(() => undefined);
    fixture?.close();
  });

  it('loads once, goes offline, reloads, and chats without asking the network for the wasm or the model', async () => {
    fixture = await openFixture({ db: `offline-dist-${crypto.randomUUID()}`, dist: '1' });
    expect(await fixture.call<Ready>('ready')).to.deep.equal({
      registered: true,
      controlled: true,
      model: 'assistant-en',
    });
    expect((await fixture.call<{ intent: string }>('send', { text: 'hello' })).intent).to.equal('greeting');

    const assets = await fixture.call<Asset[]>('assets');
    const wasm = assets.find((a) => a.url.endsWith('/dist/ort-wasm-simd-threaded.wasm'));
    const model = assets.find((a) => a.url.endsWith('/dist/models/assistant-en.onnx'));
    expect(wasm).to.deep.include({ recorded: await sha256Of('/dist/ort-wasm-simd-threaded.wasm') });
    expect(model).to.deep.include({ recorded: await sha256Of('/dist/models/assistant-en.onnx') });

    const mark = await setOffline(true);
    await fixture.reload();
    expect(await fixture.call<Ready>('ready')).to.deep.equal({
      registered: true,
      controlled: true,
      model: 'assistant-en',
    });
    expect((await fixture.call<{ intent: string }>('send', { text: 'what time is it' })).intent).to.equal('time');

    const seen = await requestsSince(mark);
    expect(
      seen.filter((r) => !r.dropped),
      'nothing reached the server',
    ).to.deep.equal([]);
    const paths = seen.map((r) => new URL(r.path, location.href).pathname);
    expect(paths, 'the page itself was asked for (network first), and failed').to.include(
      '/test/browser/offline/frame.html',
    );
    // The library, wasm and model: cache first. (The browser may check the service worker script for an update.)
    expect(paths.filter((p) => p.startsWith('/dist/') && p !== '/dist/confidant-sw.js')).to.deep.equal([]);
  });
});
