// The built script-tag bundle on a host that compresses (run by `npm run test:dist` after `npm run build`): the
// test server's `/__compressed/dist/` (test/browser/test-server-plugin.mjs) sends brotli or gzip with the
// Content-Length of the compressed bytes. The build baked in the length of every file it ships, so the
// Worker's progress has the true total of each from its first event, and the bar a percentage that grows
// and never says 100% before every byte is in. (In the sources nothing is baked: test/browser/widget/load-progress.test.ts.)
import { expect } from '@esm-bundle/chai';
import type { Assistant, ProgressEvent } from '../../../src/index.ts';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import { percentsOf, watchBarTexts } from '../bar-texts.ts';
import { loadScript } from './load-script.ts';

type Progress = Extract<ProgressEvent, { status: 'progress' }>;

const base = '/__compressed/dist/';
const files = ['ort-wasm-simd-threaded.wasm', 'models/assistant-en.onnx'];

describe('dist/confidant.iife.js on a host that compresses', () => {
  it("reports each file's true length as its total, and a bar that grows to below 100% until all is in", async () => {
    if (!customElements.get('confidant-assistant')) await loadScript('/dist/confidant.iife.js');
    const url = (file: string) => new URL(`${base}${file}`, document.baseURI).href;
    // A copy kept by an earlier run would be read without a download.
    const cache = await caches.open('confidant-assets-v1');
    for (const file of files) await cache.delete(url(file));
    const sizes = await Promise.all(
      files.map(async (file) => (await (await fetch(`/dist/${file}`)).arrayBuffer()).byteLength),
    );
    const head = await fetch(url(files[0]!));
    expect(head.headers.get('content-encoding')).to.be.oneOf(['br', 'gzip']);
    expect(Number(head.headers.get('content-length'))).to.be.below(sizes[0]! / 2);
    await head.arrayBuffer();

    const events: ProgressEvent[] = [];
    const el = document.createElement('confidant-assistant') as ConfidantAssistant;
    el.assistantOptions = { storage: 'memory', onProgress: (e) => events.push(e) };
    el.setAttribute('assets-base', base);
    el.setAttribute('load', 'eager');
    el.setAttribute('open', '');
    const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    document.body.append(el);
    await el.updateComplete;
    const bar = watchBarTexts(el);
    const { seen } = bar;
    try {
      await ready;
      bar.stop();
      files.forEach((file, i) => {
        const progress = events.filter((e): e is Progress => e.status === 'progress' && e.file === url(file));
        expect(progress.length, `${file}: several progress events`).to.be.above(1);
        expect(
          progress.map((e) => e.total),
          `${file}: its length, not the compressed one`,
        ).to.deep.equal(progress.map(() => sizes[i]));
        expect(progress.at(-1)!.loaded).to.equal(sizes[i]);
      });
      const percents = percentsOf(seen);
      expect(percents.length, `a percentage was shown: ${seen.join(' | ')}`).to.be.above(0);
      expect(Math.max(...percents), `bar texts: ${seen.join(' | ')}`).to.be.below(100);
      expect(
        percents.every((p, i) => i === 0 || p >= percents[i - 1]!),
        `no jump back: ${seen.join(' | ')}`,
      ).to.equal(true);
    } finally {
      bar.stop();
      await (el.assistant as Assistant | undefined)?.dispose();
      el.remove();
    }
  });
});
