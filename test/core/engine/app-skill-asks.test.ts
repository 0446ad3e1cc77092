// An app skill that asks its own question (`ask: { question, slot }`, the pattern app developers copy from
// demo/app.ts) gets the answer, and its intent's next requests are still its own: neither the answered
// question nor one left open by another request turns them out of scope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAssistant, type SkillDefinition } from '../../../src/index.ts';

const parcels: Record<string, string> = { '553120': 'out for delivery', '553121': 'waiting at the depot' };

const tracker: SkillDefinition = {
  id: 'test.tracker',
  version: '1.0.0',
  intents: ['order_status'],
  execute(ctx) {
    const id = /\d{6}/.exec(ctx.text)?.[0] ?? /\d{6}/.exec(String(ctx.slots.order ?? ''))?.[0];
    const state = id === undefined ? undefined : parcels[id];
    if (id === undefined || state === undefined) {
      const question = 'What is the order number?';
      return { text: question, ask: { question, slot: 'order' } };
    }
    return `Order ${id} is ${state}.`;
  },
};

test('an app skill that asks keeps its intent after the answer and after an interruption', async () => {
  const model = new Uint8Array(readFileSync(new URL('../../../demo/acme-store.ext.onnx', import.meta.url)));
  const assistant = await createAssistant({ worker: false, storage: 'memory', model, skills: [tracker] });
  try {
    const turn = async (text: string) => {
      const r = await assistant.send(text);
      return { text: r.text, intent: r.understanding.intent, action: r.understanding.action };
    };
    assert.deepEqual(await turn('where is my order at the moment'), {
      text: 'What is the order number?',
      intent: 'order_status',
      action: 'new-intent',
    });
    assert.equal((await turn('553121')).text, 'Order 553121 is waiting at the depot.');
    // Right after the answered question: the same intent, with its number this time, then without.
    assert.deepEqual(await turn('where is my order 553120 at the moment'), {
      text: 'Order 553120 is out for delivery.',
      intent: 'order_status',
      action: 'new-intent',
    });
    assert.equal((await turn('where is my order at the moment')).text, 'What is the order number?');
    // Another request while the question is open re-asks it; the intent asked again is still understood.
    const aside = await turn('what time is it');
    assert.equal(aside.intent, 'time');
    assert.match(aside.text, /What is the order number\?$/);
    const again = await turn('where is my order at the moment');
    assert.deepEqual([again.text, again.intent], ['What is the order number?', 'order_status']);
    assert.equal((await turn('ORD-553120')).text, 'Order 553120 is out for delivery.');
  } finally {
    await assistant.dispose();
  }
});
