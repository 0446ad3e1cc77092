// The engine reads markup as its text and starts nothing on junk, while the stored message keeps
// what was typed (createAssistant({ worker: false }) in plain Node, default models).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, type Assistant } from '../../../src/index.ts';

let assistant: Assistant;
before(async () => {
  assistant = await createAssistant({ worker: false, storage: 'memory', timeZone: 'Europe/Paris' });
});
after(() => assistant.dispose());

test('"call me <b>bob</b>" sets the name Bob; the history keeps the markup as typed', async () => {
  const reply = await assistant.send('call me <b>bob</b>');
  assert.equal(reply.understanding.intent, 'change_user_name');
  assert.equal(reply.understanding.slots['name'], 'Bob');
  const [, user] = await assistant.store.history(undefined, { limit: 2 });
  assert.equal(user!.text, 'call me <b>bob</b>');
});

test('markup, code and lone letters start nothing: an honest "didn\'t get that"', async () => {
  for (const text of ['<script>alert(1)</script>', 'DROP TABLE users;', 'null', 'k', '{{7*7}}']) {
    const reply = await assistant.send(text);
    assert.equal(reply.understanding.action, 'out-of-scope', text);
    assert.equal(reply.understanding.intent, null, text);
    assert.equal(reply.expectsAnswer ?? false, false, text);
  }
  const [, user] = await assistant.store.history(undefined, { limit: 2 });
  assert.equal(user!.text, '{{7*7}}', 'junk is stored as typed');
});
