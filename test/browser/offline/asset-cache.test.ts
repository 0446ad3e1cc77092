// The engine's verified asset cache in real Chromium (src/engine/asset-cache.ts), on the cache-first
// path that the built bundles take with their baked digests: here the host gives the model and wasm
// URLs with their SHA-256 (`modelSha256`, `wasmSha256`). A reload does not ask the network for
// either; a cached copy whose bytes no longer match (one byte flipped on disk) is evicted and
// refetched while online, and refused — never run — while offline.
import { expect } from '@esm-bundle/chai';
import { openFixture, requestsSince, setOffline, sha256Of, type Fixture, type Ready } from './fixture.ts';

interface Asset {
  url: string;
  recorded: string | null;
  actual: string;
}

const MODEL = '/models/assistant-en.onnx?variant=digest';
const WASM = '/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm?variant=digest';

describe('verified asset cache (cache first, with digests)', () => {
  let fixture: Fixture | undefined;
  after(async () => {
    await setOffline(false);
    await fixture?.call('cleanup').catch(() => undefined);
    fixture?.close();
  });

  it('serves the wasm and model from Cache Storage, evicts a corrupted copy, and refuses it offline', async () => {
    const modelSha256 = await sha256Of(MODEL);
    const wasmSha256 = await sha256Of(WASM);
    fixture = await openFixture({
      db: `asset-cache-${crypto.randomUUID()}`,
      model: MODEL,
      wasm: WASM,
      modelSha256,
      wasmSha256,
    });
    expect((await fixture.call<Ready>('ready')).model).to.equal('assistant-en');
    expect((await fixture.call<{ intent: string }>('send', { text: 'hello' })).intent).to.equal('greeting');
    const assets = await fixture.call<Asset[]>('assets');
    const modelUrl = assets.find((a) => a.url.endsWith(MODEL))!.url;
    const ours = (requests: { path: string }[]) => requests.filter((r) => r.path === MODEL || r.path === WASM);
    const entry = async (url: string) => (await fixture!.call<Asset[]>('assets')).find((a) => a.url === url);
    expect(
      assets
        .filter((a) => a.url.includes('variant=digest'))
        .map((a) => a.recorded)
        .sort(),
    ).to.deep.equal([modelSha256, wasmSha256].sort());

    // A reload with both cached: no request for either.
    let mark = await setOffline(false);
    await fixture.reload();
    expect((await fixture.call<Ready>('ready')).model).to.equal('assistant-en');
    expect(ours(await requestsSince(mark)), 'served from Cache Storage').to.deep.equal([]);
    expect((await fixture.call<{ intent: string }>('send', { text: 'what time is it' })).intent).to.equal('time');

    // One byte flipped in the cached model: evicted, refetched, verified, cached again.
    await fixture.call('corrupt', { url: modelUrl });
    expect((await entry(modelUrl))!.actual).to.not.equal(modelSha256);
    mark = await setOffline(false);
    await fixture.reload();
    expect((await fixture.call<Ready>('ready')).model).to.equal('assistant-en');
    expect(
      ours(await requestsSince(mark)).map((r) => r.path),
      'only the model was fetched again',
    ).to.deep.equal([MODEL]);
    expect(await entry(modelUrl)).to.deep.include({ recorded: modelSha256, actual: modelSha256 });

    // Corrupted again, and offline: the engine refuses to start rather than run unverified bytes.
    await fixture.call('corrupt', { url: modelUrl });
    await setOffline(true);
    await fixture.reload();
    const refused = await fixture.call('ready').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(refused?.name).to.equal('ModelLoadError');
    expect(refused?.message).to.contain(modelUrl);
    expect(await entry(modelUrl), 'the corrupted copy was evicted').to.equal(undefined);
    await setOffline(false);
  });
});
