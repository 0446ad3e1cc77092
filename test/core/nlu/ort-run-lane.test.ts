// ONNX Runtime Web's wasm backend must never have two runs in flight (src/nlu/runtime/ort-runtime.ts):
// runAlone chains every run of the realm, whichever session, and a failed run does not stall the rest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runAlone } from '../../../src/nlu/runtime/ort-runtime.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { loadSlotTagger } from '../../../src/nlu/tagger/slot-tagger.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runAlone', () => {
  it('starts a run only once the one before it has settled, in call order', async () => {
    const log: string[] = [];
    const job =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await tick();
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([runAlone(job('a')), runAlone(job('b', true)), runAlone(job('c'))]);
    assert.deepEqual(log, ['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
  });

  it('keeps the intent model and the tagger, asked at once, answering as when asked one by one', async () => {
    const model = await loadIntentModel(new URL('../../../models/assistant-en.onnx', import.meta.url).pathname);
    const tagger = await loadSlotTagger(new URL('../../../models/slots-default.onnx', import.meta.url).pathname);
    try {
      const texts = [
        'what is the weather in paris tomorrow',
        'set a timer for 10 minutes',
        'remind me to call mom at 5pm',
      ];
      const alone = [];
      for (const text of texts) alone.push([(await model.classify(text)).intents, await tagger.tag(text)]);
      const together = await Promise.all(
        texts.map(async (text) => {
          const [nlu, spans] = await Promise.all([model.classify(text), tagger.tag(text)]);
          return [nlu.intents, spans];
        }),
      );
      assert.deepEqual(together, alone);
    } finally {
      await model.dispose();
      await tagger.dispose();
    }
  });
});
