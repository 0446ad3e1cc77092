// The npm demo ships its intents already trained (demo/acme-store.ext.onnx, an extension of the default
// model): its buttons must work without pressing Train, and the file must still fit the default model
// (after the default model is retrained, `npm run build:demo-model` must be re-run: this test says so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAssistant } from '../../../src/index.ts';

test('the demo model answers the demo page buttons and keeps the default intents', async () => {
  const model = new Uint8Array(readFileSync(new URL('../../../demo/acme-store.ext.onnx', import.meta.url)));
  const assistant = await createAssistant({ worker: false, storage: 'memory', slotTagger: false, model });
  try {
    assert.equal(assistant.model.name, 'acme-store');
    const intent = async (text: string) => (await assistant.classify(text)).intent;
    // The quick replies of demo/app.ts.
    assert.equal(await intent('when are you open'), 'store_hours');
    assert.equal(await intent('I want to return something'), 'return_item');
    assert.equal(await intent('where is order ORD-104233'), 'order_status');
    assert.equal(await intent('what time is it'), 'time');
    assert.equal(await intent('tell me a joke'), 'tell_joke');
  } finally {
    await assistant.dispose();
  }
});
