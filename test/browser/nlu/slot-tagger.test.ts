import { expect } from '@esm-bundle/chai';
import { createAssistant, ModelLoadError } from '../../../src/index.ts';
import { loadSlotTagger } from '../../../src/nlu/tagger/slot-tagger.ts';

const wasmUrl = new URL('/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', location.href).href;
const taggerUrl = new URL('/models/slots-default.onnx', location.href).href;

describe('slot tagger in Chromium (onnxruntime-web wasm)', () => {
  it('runs the shipped tagger: English and Chinese spans with exact offsets, emoji and combining marks kept', async () => {
    const tagger = await loadSlotTagger(taggerUrl, { wasmUrl });
    expect(tagger.info.entities).to.deep.equal(['item', 'name', 'place', 'task', 'word']);
    for (const [text, entity, words] of [
      ['what is the weather in Paris', 'place', 'Paris'],
      ['上海的天气怎么样', 'place', '上海'],
      ['remind me to call mum at 6', 'task', 'call mum'],
      ['🙂 what time is it in Zu\u0308rich', 'place', 'Zu\u0308rich'],
    ] as const) {
      const spans = await tagger.tag(text);
      const span = spans.find((s) => s.entity === entity);
      expect(span?.text, text).to.equal(words);
      expect(text.slice(span!.start, span!.end)).to.equal(words);
    }
    expect(await tagger.tag('')).to.deep.equal([]);
    expect(await tagger.tag('x'.repeat(100_000))).to.be.an('array');
    await tagger.dispose();
  });

  it('refuses a truncated tagger with ModelLoadError naming its URL', async () => {
    const bytes = new Uint8Array(await (await fetch(taggerUrl)).arrayBuffer());
    let error: unknown;
    try {
      await loadSlotTagger(bytes.slice(0, 1000), { wasmUrl });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ModelLoadError);
    error = undefined;
    try {
      await loadSlotTagger(new URL('/models/missing-slots.onnx', location.href).href, { wasmUrl });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ModelLoadError);
    expect((error as Error).message).to.contain('missing-slots.onnx');
  });
});

describe('slot tagger in the Worker engine', () => {
  it('fills a slot from the sentence, and a corrupt replacement is refused while the previous tagger keeps working', async () => {
    const databaseName = `tagger-${crypto.randomUUID()}`;
    const assistant = await createAssistant({ databaseName, storage: 'memory' });
    try {
      const places = async () =>
        (await assistant.classify('what time is it in Lima')).entities
          .filter((e) => e.kind === 'slot')
          .map((e) => e.text);
      expect(await places()).to.deep.equal(['Lima']);
      const bytes = new Uint8Array(await (await fetch(taggerUrl)).arrayBuffer());
      bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0xff;
      let error: unknown;
      try {
        await assistant.models.setSlotTagger(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ModelLoadError);
      expect(await places()).to.deep.equal(['Lima']);
    } finally {
      await assistant.dispose();
    }
  });
});
