import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { detectLanguage } from '../../../src/nlu/runtime/language-id.ts';
import { routeByLanguage } from '../../../src/nlu/runtime/language-router.ts';
import type { NluResult } from '../../../src/nlu/types.ts';

/**
 * A stand-in model: answers its own name as the intent, knows the words it is given, and tells
 * the language with that evidence, as a loaded model does.
 */
function fakeModel(name: string, language: 'en' | 'zh', words: RegExp): IntentModel & { disposed: boolean } {
  const model = {
    disposed: false,
    info: { name, version: '1', labels: ['a', 'b'], threshold: 0.5, bytes: 1, language },
    metadata: {} as IntentModel['metadata'],
    async classify(text: string): Promise<NluResult> {
      const evidence = { [language]: (t: string) => model.coverage(t) };
      return {
        text,
        intent: name,
        confidence: 1,
        outOfScope: false,
        intents: [],
        entities: [],
        modelVersion: '1',
        lang: detectLanguage(text, { coverage: evidence }).lang,
      };
    },
    coverage(text: string) {
      const tokens = text.split(/\s+/).filter((t) => t !== '');
      return tokens.length === 0 ? Number.NaN : tokens.filter((t) => words.test(t)).length / tokens.length;
    },
    async dispose() {
      model.disposed = true;
    },
  };
  return model;
}

test('each utterance goes to the model of its language, and says which', async () => {
  const en = fakeModel('english', 'en', /^(set|a|timer|what|time|is|it|for|ten|minutes)$/);
  const zh = fakeModel('chinese', 'zh', /\p{Script=Han}/u);
  const router = routeByLanguage({ en, zh });
  assert.equal(router.info.language, 'en+zh');
  const cases: [string, string, string][] = [
    ['set a timer for ten minutes', 'english', 'en'],
    ['现在几点了', 'chinese', 'zh'],
    ['帮我set个timer', 'chinese', 'zh'],
    ['', 'english', 'und'],
    ['12:30', 'english', 'und'],
  ];
  for (const [text, intent, language] of cases) {
    const r = await router.classify(text);
    assert.equal(r.intent, intent, text);
    assert.equal(r.lang, language, text);
  }
  // A language neither model knows: out of scope, never a guess acted upon.
  const french = await router.classify('quelle heure est-il maintenant');
  assert.deepEqual([french.intent, french.outOfScope, french.lang], [null, true, 'und']);
  await router.dispose();
  assert.ok(en.disposed && zh.disposed);
});

test('without a Chinese model, Chinese text goes to the English one (still marked zh); bad options throw', async () => {
  const en = fakeModel('english', 'en', /./);
  const router = routeByLanguage({ en });
  const r = await router.classify('现在几点了');
  assert.equal(r.intent, 'english');
  assert.equal(r.lang, 'zh');
  assert.throws(() => routeByLanguage({ en }, { fallback: 'zh' }), TypeError);
  assert.throws(() => routeByLanguage({} as never), TypeError);
  await assert.rejects(router.classify(42 as unknown as string), TypeError);
});

test('a Chinese model given as a loader is loaded on the first Chinese utterance; a failed load answers out of scope', async () => {
  const en = fakeModel('english', 'en', /^(set|a|timer)$/);
  let loads = 0;
  let fail = true;
  const router = routeByLanguage({
    en,
    zh: async () => {
      loads++;
      if (fail) throw new Error('offline');
      return fakeModel('chinese', 'zh', /\p{Script=Han}/u);
    },
  });
  await router.classify('set a timer');
  assert.equal(loads, 0, 'English users never load the Chinese model');
  const offline = await router.classify('现在几点了');
  assert.equal(loads, 1);
  assert.deepEqual([offline.intent, offline.outOfScope, offline.lang], [null, true, 'zh']);
  fail = false;
  const online = await router.classify('现在几点了');
  assert.deepEqual([online.intent, online.lang, loads], ['chinese', 'zh', 2]);
  await router.classify('明天天气');
  assert.equal(loads, 2, 'loaded once');
  await router.dispose();
});
