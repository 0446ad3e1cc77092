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

test('markdown and invisible characters around an answer: the word is taken, never the markers', async () => {
  await assistant.send('add to my shopping list');
  const item = await assistant.send('**kiwi**');
  assert.deepEqual(item.understanding.slots['add'], ['kiwi']);
  assert.ok(!item.text.includes('*'), item.text);
  await assistant.send('add to my shopping list');
  const hidden = await assistant.send('\u2066mi\u200blk\u2069');
  assert.deepEqual(hidden.understanding.slots['add'], ['milk']);
  await assistant.send('set a timer');
  const timer = await assistant.send('`10 min`');
  assert.equal(timer.understanding.slots['duration'], 600_000);
  const [, user] = await assistant.store.history(undefined, { limit: 2 });
  assert.equal(user!.text, '`10 min`', 'the history keeps what was typed');
});

test('keyboard mash answers no free-text question; a terse real answer does', async () => {
  await assistant.send('remind me');
  const mash = await assistant.send('okoirkl dsubjpf');
  assert.equal(mash.understanding.action, 'out-of-scope');
  const real = await assistant.send('call the dentist');
  assert.equal(real.understanding.slots['task'], 'call the dentist');
  await assistant.send('cancel');
});

test('number words said without digits or commas, inside markup or not, are read as the number', async () => {
  for (const text of ['what is two thousand five hundred plus one', 'what is **two thousand five hundred** plus one']) {
    const reply = await assistant.send(text);
    assert.equal(reply.understanding.intent, 'calculator', text);
    assert.ok(reply.text.includes('2,501'), `${text}: ${reply.text}`);
  }
});

test('fresh keyboard mash starts nothing even where a mash word shares a hashed bucket with a known word', async () => {
  for (const text of ['okoirkl', 'dsubjpf', 'ok aqwqwsx', 'siskx523']) {
    const reply = await assistant.send(text);
    assert.equal(reply.understanding.action, 'out-of-scope', text);
    assert.equal(reply.understanding.nlu.junk, 'gibberish', text);
  }
});
