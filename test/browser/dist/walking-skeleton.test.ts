// The walking skeleton against the built bundles (run by `npm run test:dist` after `npm run build`):
// `dist/confidant.iife.js` loaded by a plain <script> tag finds its Worker, ONNX Runtime's wasm and the
// default model next to itself; and the ESM build `dist/confidant.js` answers through its Worker chunk.
import { expect } from '@esm-bundle/chai';
import type * as Core from '../../../src/index.ts';
import { findCanaries } from '../../fixtures/store/canary-scan.ts';
import { dumpOnceStored, helloThroughTheElement } from '../e2e/skeleton-steps.ts';
import { loadScript } from './load-script.ts';

describe('walking skeleton (dist/confidant.iife.js by a <script> tag)', () => {
  const databaseName = `skeleton-dist-${crypto.randomUUID()}`;
  let el: HTMLElement | undefined;
  after(async () => {
    await (el as unknown as { assistant?: { dispose(): Promise<void> } } | undefined)?.assistant?.dispose();
    el?.remove();
    indexedDB.deleteDatabase(databaseName);
  });

  it('defines the element, answers "hello" through its Worker, and stores only ciphertext', async () => {
    await loadScript('/dist/confidant.iife.js');
    expect(customElements.get('confidant-assistant'), 'the script defines the element').to.be.a('function');
    el = document.createElement('confidant-assistant');
    const { reply, userText } = await helloThroughTheElement(el, databaseName);
    expect(reply.understanding.intent).to.equal('greeting');
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(loaded).to.include('/dist/confidant-worker.js', 'the Worker came from next to the script');
    expect(loaded.every((path) => !path.includes('node_modules/onnxruntime-web')), 'nothing from the source tree').to.equal(true);
    expect(loaded, 'no app skills, no skills runtime').not.to.include('/dist/confidant-skills.js');

    const dump = await dumpOnceStored(databaseName);
    expect(dump['messages']!.length).to.be.at.least(2);
    expect(findCanaries(dump, [userText, reply.text])).to.deep.equal([]);
  });
});

describe('dist/confidant.iife.js with an app skill', () => {
  it('fetches confidant-skills.js to serve the skill from the page, and the skill answers', async () => {
    if (!customElements.get('confidant-assistant')) await loadScript('/dist/confidant.iife.js');
    const el = document.createElement('confidant-assistant');
    el.assistantOptions = {
      storage: 'memory',
      skills: [{ id: 'test.orders', version: '1.0.0', intents: ['order_status'], execute: () => ({ text: 'Shipped.' }) }],
    };
    el.setAttribute('load', 'eager');
    const ready = new Promise((resolve) => el.addEventListener('confidant-ready', resolve, { once: true }));
    document.body.append(el);
    try {
      await ready;
      const reply = await (el.assistant as unknown as Core.Assistant).send('where is my order');
      expect(reply.text).to.equal('Shipped.');
      const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      expect(loaded).to.include('/dist/confidant-skills.js');
    } finally {
      await (el.assistant as unknown as Core.Assistant | undefined)?.dispose();
      el.remove();
    }
  });
});

describe('the ESM build (dist/confidant.js)', () => {
  it('createAssistant() runs the engine in its Worker chunk and answers', async () => {
    const { createAssistant, ConfidantError } = (await import('/dist/confidant.js' as string)) as typeof Core;
    const assistant = await createAssistant({ storage: 'memory' });
    try {
      const reply = await assistant.send('what time is it');
      expect(reply.understanding.intent).to.equal('time');
      expect(assistant.model.name).to.equal('assistant-en');
      // Errors keep their class and name across the Worker boundary of the minified Worker bundle.
      const error = await assistant.store.importBackup(new Uint8Array([1, 2, 3]), 'passphrase').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ConfidantError);
      expect((error as Error).name).to.match(/^(Crypto|Storage|Confidant)Error$/);
    } finally {
      await assistant.dispose();
    }
  });

  it('trains in its Worker: the trainer arrives as confidant-train.js, apart from the Worker', async () => {
    const { createAssistant } = (await import('/dist/confidant.js' as string)) as typeof Core;
    const assistant = await createAssistant({ storage: 'memory' });
    // A YAML corpus: the corpus parser travels in confidant-train.js too. It extends the bundled model
    // (the default), whose replay pack is fetched from dist/models/; its order_status replaces the base's.
    const corpus = [
      'confidant: 1',
      'name: plants',
      'intents:',
      '  water_plant: [how often should I water my fern, when do I water the cactus, watering schedule for orchids]',
      '  order_status: { override: true, examples: [where is my plant order, has my order shipped, when will my order arrive] }',
    ].join('\n');
    try {
      const info = await assistant.models.train(corpus);
      expect(info.mode).to.equal('extend');
      expect(info.labels).to.include.members(['water_plant', 'order_status', 'time']);
      expect(assistant.model.name).to.equal('plants');
    } finally {
      await assistant.dispose();
    }
  });
});
