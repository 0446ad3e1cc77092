// The loading bar on a host that compresses (as README "Serving it" asks): the test server's `/__compressed/`
// route (test/browser/test-server-plugin.mjs) sends gzip or brotli with the Content-Length of the compressed
// bytes, and Chromium hands the body over decoded. The bar must never say "100%" while bytes are still coming,
// nor jump back: one bar for the files that load side by side. The same against the build, whose baked sizes
// give a percentage on such a host: test/browser/dist/compressed-progress.test.ts.
import { expect } from '@esm-bundle/chai';
import { loadVerifiedAsset } from '../../../src/engine/asset-cache.ts';
import type { Assistant, ProgressEvent } from '../../../src/index.ts';
import { ChatController } from '../../../widget/chat-controller.ts';
import { checkHonestProgress as checkHonest } from '../../fixtures/engine/progress-checks.ts';
import { percentsOf, watchBarTexts } from '../bar-texts.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { mount, part, parts } from './helpers.ts';

const file = 'models/assistant-en.onnx';
const lengthOf = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;

describe('loading progress on a host that compresses', () => {
  for (const encoding of ['gzip', 'br']) {
    it(`${encoding}: no file is said to be all in before it is; a known size is every event's total`, async () => {
      const url = `/__compressed/${file}?encoding=${encoding}`;
      const size = await lengthOf(`/__compressed/${file}?encoding=none`);
      const head = await fetch(url);
      expect(head.headers.get('content-encoding')).to.equal(encoding);
      expect(Number(head.headers.get('content-length'))).to.be.below(size * 0.9, 'the wire carries fewer bytes');
      await head.arrayBuffer();

      const unknown: ProgressEvent[] = [];
      const bytes = await loadVerifiedAsset(url, { cacheStorage: null, onProgress: (e) => unknown.push(e) });
      expect(bytes.length).to.equal(size);
      const progress = checkHonest(unknown, size);
      expect(progress.slice(0, -1).every((e) => e.total === 0)).to.equal(true, 'unknown, not the compressed length');

      const known: ProgressEvent[] = [];
      await loadVerifiedAsset(url, { cacheStorage: null, size, onProgress: (e) => known.push(e) });
      expect(checkHonest(known, size).every((e) => e.total === size)).to.equal(true);
    });
  }

  it('the bar sums the files loading side by side; none while a size is unknown, nor once all bytes are in', async () => {
    const assistant = createScriptedAssistant(undefined, { extras: { status: 'starting' } });
    const el = await mount(assistant, { open: '' });
    const bar = async (progress: ProgressEvent) => {
      assistant.emit({ type: 'progress', progress });
      await el.updateComplete;
      return part(el, 'progress').textContent?.trim();
    };
    expect(await bar({ status: 'initiate', file: 'a.wasm' })).to.equal('Loading the assistant…');
    expect(await bar({ status: 'initiate', file: 'b.onnx' })).to.equal('Loading the assistant…');
    // b.onnx's size is not known yet: a percentage of a.wasm alone would fall back when it is.
    expect(await bar({ status: 'progress', file: 'a.wasm', loaded: 30, total: 300 })).to.equal(
      'Loading the assistant…',
    );
    expect(await bar({ status: 'progress', file: 'b.onnx', loaded: 10, total: 100 })).to.equal(
      'Loading the assistant… 10%',
    );
    expect(await bar({ status: 'progress', file: 'a.wasm', loaded: 300, total: 300 })).to.equal(
      'Loading the assistant… 78%',
    );
    expect(await bar({ status: 'done', file: 'a.wasm' })).to.equal('Loading the assistant… 78%');
    // All bytes in: the engine compiles and starts, which no percentage measures.
    expect(await bar({ status: 'progress', file: 'b.onnx', loaded: 100, total: 100 })).to.equal(
      'Loading the assistant…',
    );
    // A file of unknown size (0) on the way: no percentage until it is in.
    expect(await bar({ status: 'progress', file: 'c.onnx', loaded: 5, total: 0 })).to.equal('Loading the assistant…');
  });

  it("a new load counts only its own files: an earlier load's are not in the bar", async () => {
    const first = createScriptedAssistant(undefined, { extras: { status: 'starting' } });
    const el = await mount(first, { open: '' });
    const bar = async (assistant: typeof first, event: Parameters<typeof first.emit>[0]) => {
      assistant.emit(event);
      await el.updateComplete;
      return parts(el, 'progress')[0]?.textContent?.trim();
    };
    const wasm = { type: 'progress', progress: { status: 'progress', file: 'a.wasm', loaded: 300, total: 300 } };
    const model = { type: 'progress', progress: { status: 'progress', file: 'b.onnx', loaded: 25, total: 100 } };
    // Ready, then the same assistant starts again (another model): only b.onnx is loading.
    await bar(first, wasm);
    expect(await bar(first, { type: 'status', status: 'ready' })).to.equal(undefined, 'no bar once ready');
    await bar(first, { type: 'status', status: 'starting' });
    expect(await bar(first, model)).to.equal('Loading the assistant… 25%');

    // The app swaps in another assistant while the first was still loading.
    await bar(first, wasm);
    const second = createScriptedAssistant(undefined, { extras: { status: 'starting' } });
    el.assistant = second;
    await el.updateComplete;
    expect(await bar(second, model)).to.equal('Loading the assistant… 25%');
  });

  it("the element's own load, started again after a failure, counts only its own files", () => {
    const host = { addController() {}, requestUpdate() {} } as unknown as ConstructorParameters<
      typeof ChatController
    >[0];
    const chat = new ChatController(host);
    chat.setStatus('loading');
    chat.onProgress({ status: 'progress', file: 'a.wasm', loaded: 300, total: 1000 });
    chat.setStatus('failed');
    // "Try again", e.g. with the wasm now cached: the model alone downloads.
    chat.setStatus('loading');
    chat.onProgress({ status: 'progress', file: 'b.onnx', loaded: 10, total: 100 });
    expect(chat.progress).to.equal(0.1);
  });

  it('an element loading its engine from a compressing host shows no percentage: nothing is baked in the sources', async () => {
    // The source tree is hundreds of modules: room to see the engine's files among them.
    performance.setResourceTimingBufferSize(5000);
    let ready!: Promise<unknown>;
    const el = await mount(
      undefined,
      { load: 'eager', 'assets-base': '/__compressed/', open: '' },
      document.body,
      (e) => {
        e.assistantOptions = { worker: false, storage: 'memory' };
        ready = new Promise((resolve) => e.addEventListener('confidant-ready', resolve, { once: true }));
      },
    );
    // The downloads take seconds: the first bytes come well after the first render.
    const bar = watchBarTexts(el);
    try {
      await ready;
      bar.stop();
      expect(bar.seen.length, 'the bar was shown').to.be.above(0);
      // No size is known (the build bakes them; the compressed Content-Length is not one): no percentage at
      // all, rather than a wrong one. The build's percentages: test/browser/dist/compressed-progress.test.ts.
      expect(percentsOf(bar.seen), `bar texts: ${bar.seen.join(' | ')}`).to.deep.equal([]);
      const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      expect(loaded).to.include('/__compressed/ort-wasm-simd-threaded.wasm');
      expect(loaded).to.include('/__compressed/models/assistant-en.onnx');
    } finally {
      bar.stop();
      await (el.assistant as Assistant | undefined)?.dispose();
    }
  });
});
