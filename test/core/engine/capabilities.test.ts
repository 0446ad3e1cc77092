// Replies that say what the assistant can do come from the skills registered whose intents the model in
// use knows (issue 12): the app's own skills are named, and after a training that replaced the model the
// built-in skills it no longer reaches are not advertised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAssistant, defineSkill } from '../../../src/index.ts';

const file = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));

test('"what can you do?" lists the app skills and the built-in ones the model reaches', async () => {
  const hours = defineSkill({
    id: 'acme.hours',
    version: '1.0.0',
    intents: ['store_hours'],
    description: 'tell you our opening hours',
    execute: () => 'We are open 9 to 6.',
  });
  const returns = defineSkill({ id: 'acme.returns', version: '1.0.0', intents: ['return_item'], execute: () => 'ok' });
  const assistant = await createAssistant({
    worker: false,
    storage: 'memory',
    slotTagger: false,
    model: file('../../../demo/acme-store.ext.onnx'),
    skills: [hours, returns],
  });
  try {
    const reply = await assistant.send('what can you do');
    assert.equal(reply.understanding.intent, 'what_can_i_ask_you');
    assert.match(reply.text, /tell you our opening hours/);
    assert.match(reply.text, /help with "return item"/);
    assert.match(reply.text, /set timers/);
    assert.ok((reply.quickReplies ?? []).length > 0);
  } finally {
    await assistant.dispose();
  }
});

test('after a training that replaces the model, the fallback replies stop suggesting the skills it no longer reaches', async () => {
  const assistant = await createAssistant({
    worker: false,
    storage: 'memory',
    slotTagger: false,
    model: file('../../fixtures/nlu/tiny-uint8.onnx'),
    // With its replay pack, a model trained to replace it learns from its utterances what is none of the
    // corpus's intents (else any text lands on one of two intents).
    modelReplay: file('../../fixtures/nlu/tiny-uint8.replay.json'),
  });
  try {
    const before = await assistant.send('qwertyuiop asdfgh');
    assert.equal(before.understanding.intent, null);
    assert.match(before.text, /tell jokes/);
    await assistant.models.train(
      'intents:\n  store_hours: [when are you open, store hours, opening times]\n  return_item: [return this, refund please, send it back]\n',
      { replace: true },
    );
    const after = await assistant.send('qwertyuiop asdfgh');
    assert.equal(after.understanding.intent, null);
    assert.doesNotMatch(after.text, /tell jokes|chat a little/);
  } finally {
    await assistant.dispose();
  }
});
