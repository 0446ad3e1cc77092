// The bundled Chinese model behind the default English one (issue 13): chosen per utterance by
// language, loaded on the first Chinese turn, in an in-thread assistant in plain Node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, type Assistant } from '../../../src/index.ts';

let assistant: Assistant;
before(async () => {
  assistant = await createAssistant({ worker: false, storage: 'memory', timeZone: 'Europe/Paris' });
});
after(() => assistant.dispose());

test('a Chinese utterance is understood by the Chinese model, an English one by the English model', async () => {
  assert.equal(assistant.model.name, 'assistant-en');
  const zh = await assistant.send('现在几点了');
  assert.equal(zh.understanding.intent, 'time');
  const traditional = await assistant.send('現在幾點了？');
  assert.equal(traditional.understanding.intent, 'time', 'traditional characters are folded to simplified');
  const en = await assistant.send('what time is it');
  assert.equal(en.understanding.intent, 'time');
});

test("the engine's model says each utterance's language; a language neither model knows is out of scope", async () => {
  const zh = await assistant.classify('给我讲个笑话');
  assert.deepEqual([zh.intent, zh.lang], ['tell_joke', 'zh']);
  const en = await assistant.classify('tell me a joke');
  assert.deepEqual([en.intent, en.lang], ['tell_joke', 'en']);
  const fr = await assistant.classify('quelle heure est-il maintenant');
  assert.deepEqual([fr.intent, fr.outOfScope, fr.lang], [null, true, 'und']);
});
