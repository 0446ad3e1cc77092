// The engine's slot tagger: loaded by default, its spans in `classify`, replaceable, and a bad
// replacement refused with ModelLoadError while the previous tagger keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAssistant, ModelLoadError } from '../../../src/index.ts';

const shipped = new Uint8Array(readFileSync(new URL('../../../models/slots-default.onnx', import.meta.url)));

test('the bundled tagger adds slot entities; a corrupt replacement is refused and the previous one keeps working', async () => {
  const assistant = await createAssistant({ worker: false, storage: 'memory' });
  try {
    const places = async () =>
      (await assistant.classify('what time is it in Lima')).entities
        .filter((e) => e.kind === 'slot')
        .map((e) => [e.name, e.text]);
    assert.deepEqual(await places(), [['place', 'Lima']]);

    const corrupt = shipped.slice();
    corrupt[corrupt.length >> 1] = (corrupt[corrupt.length >> 1] as number) ^ 0xff;
    await assert.rejects(
      assistant.models.setSlotTagger(corrupt),
      (e: unknown) => e instanceof ModelLoadError && /bytes/.test(e.message),
    );
    await assert.rejects(
      assistant.models.setSlotTagger('/nowhere/slots.onnx'),
      (e: unknown) => e instanceof ModelLoadError && e.message.includes('/nowhere/slots.onnx'),
    );
    // An intent model is not a tagger.
    await assert.rejects(
      assistant.models.setSlotTagger(new URL('../../../models/assistant-en.onnx', import.meta.url)),
      (e: unknown) => e instanceof ModelLoadError && /Not a Confidant slot tagger/.test(e.message),
    );
    assert.deepEqual(await places(), [['place', 'Lima']], 'the previous tagger still answers');

    const info = await assistant.models.setSlotTagger(shipped);
    assert.deepEqual(info?.entities, ['item', 'name', 'place', 'task', 'word']);
    assert.equal(await assistant.models.setSlotTagger(null), null);
    assert.deepEqual(await places(), [], 'no tagger, no slot entities');
  } finally {
    await assistant.dispose();
  }
});

test('slotTagger: false starts without a tagger; a bad slotTagger option fails the start with ModelLoadError', async () => {
  const plain = await createAssistant({ worker: false, storage: 'memory', slotTagger: false });
  try {
    const nlu = await plain.classify('what time is it in Lima');
    assert.ok(nlu.entities.every((e) => e.kind !== 'slot'));
  } finally {
    await plain.dispose();
  }
  await assert.rejects(
    createAssistant({ worker: false, storage: 'memory', slotTagger: new Uint8Array([8, 1, 2]) }),
    (e: unknown) => e instanceof ModelLoadError,
  );
});
