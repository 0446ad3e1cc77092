import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mashOos, withMashOos } from '../../../models/mash-oos.ts';
import type { Corpus } from '../../../src/nlu/types.ts';

describe('keyboard-mash and reaction out-of-scope lines', () => {
  it('give distinct mash and reactions, never an in-scope line', () => {
    const lines = mashOos(200, 'en', ['haha', 'lol']);
    assert.equal(lines.length, 200);
    assert.equal(new Set(lines).size, lines.length);
    assert.ok(!lines.includes('haha') && !lines.includes('lol'), 'an in-scope line came back as out of scope');
    // Reactions (a known interjection, maybe stretched) and mash (one run of letters, no doubled vowel).
    assert.ok(
      lines.some((l) => /^(hm+|lmao+|ugh+|omg+|hehe+)\b/i.test(l)),
      lines.slice(0, 20).join(' | '),
    );
    assert.ok(
      lines.some((l) => /^[a-z]{3,}$/.test(l) && !/[aeiou]{2}/.test(l)),
      lines.slice(0, 20).join(' | '),
    );
  });

  it('draw Chinese random strings from the corpus characters, and Chinese reactions', () => {
    const inScope = ['我想知道今天的天气怎么样', '帮我定个五分钟的闹钟'];
    const lines = mashOos(120, 'zh', inScope);
    const chars = new Set([...inScope.join('')]);
    // Strings of 5–9 of the corpus's own characters (the reactions use others: 哈, 嗯, 笑 …).
    const han = lines.filter((l) => /^\p{Script=Han}{5,9}$/u.test(l) && [...l].every((c) => chars.has(c)));
    assert.ok(han.length > 10, `only ${han.length} random Han strings`);
    assert.ok(lines.some((l) => l.startsWith('哈哈')));
  });

  it('are seeded', () => {
    assert.deepEqual(mashOos(50, 'en', [], 3), mashOos(50, 'en', [], 3));
    assert.notDeepEqual(mashOos(50, 'en', [], 3), mashOos(50, 'en', [], 4));
  });

  it('are added to a corpus as out-of-scope examples, in its language', () => {
    const corpus: Corpus = {
      language: 'zh',
      train: [{ text: '帮我定个五分钟的闹钟', intent: 'timer' }],
      outOfScope: ['天空为什么是蓝色的'],
      entities: [],
    };
    const out = withMashOos(corpus, 30);
    assert.equal(out.outOfScope?.length, 31);
    assert.equal(out.outOfScope?.[0], '天空为什么是蓝色的');
    assert.deepEqual(out.train, corpus.train);
    assert.equal(withMashOos(corpus, 0), corpus);
  });
});
