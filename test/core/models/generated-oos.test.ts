import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatedOos, nearMissOos, withNearMissOos } from '../../../models/generated-oos.ts';
import type { Corpus } from '../../../src/nlu/types.ts';

// In-scope requests whose nouns (timer, alarm clock, bank account) the near misses reuse; each appears
// often enough (the generator keeps nouns seen at least five times).
const inScope = [
  ...Array.from({ length: 6 }, (_, i) => `set a timer for ${i + 2} minutes`),
  ...Array.from({ length: 6 }, (_, i) => `set the alarm clock for ${i + 5} am`),
  ...Array.from({ length: 6 }, (_, i) => `how much is in my bank account ${i === 0 ? 'now' : `number ${i}`}`),
  'who invented the timer',
];

describe('near-miss out-of-scope questions', () => {
  it('put the in-scope nouns into questions no intent serves, never an in-scope line', () => {
    const questions = nearMissOos(40, inScope);
    assert.ok(questions.length > 20, `only ${questions.length} questions`);
    assert.equal(new Set(questions).size, questions.length);
    assert.ok(!questions.includes('who invented the timer'), 'an in-scope line came back as out of scope');
    for (const noun of ['timer', 'alarm clock', 'bank account'])
      assert.ok(
        questions.some((q) => q.includes(noun)),
        `no question about "${noun}"`,
      );
    // Verbs and function words are no things: "set" (a verb more often than a noun) is never asked about.
    assert.ok(!questions.some((q) => /\bsets?\b/.test(q)), questions.join(' | '));
  });

  it('are seeded', () => {
    assert.deepEqual(nearMissOos(30, inScope, 7), nearMissOos(30, inScope, 7));
    assert.notDeepEqual(nearMissOos(30, inScope, 7), nearMissOos(30, inScope, 8));
  });

  it('are added to a corpus as out-of-scope examples, from its own training utterances', () => {
    const corpus: Corpus = {
      language: 'en',
      train: inScope.map((text) => ({ text, intent: text.includes('timer') ? 'timer' : 'alarm' })),
      outOfScope: ['how do magnets work'],
      entities: [],
    };
    const withQuestions = withNearMissOos(corpus, 10);
    assert.equal(withQuestions.outOfScope?.[0], 'how do magnets work');
    assert.deepEqual(
      withQuestions.outOfScope?.slice(1),
      nearMissOos(
        10,
        corpus.train.map((e) => e.text),
      ),
    );
    assert.equal(withNearMissOos(corpus, 0), corpus);
    assert.equal(withQuestions.train, corpus.train);
  });

  it('differ from the general-knowledge questions, which name WordNet things', () => {
    const general = new Set(generatedOos(200));
    assert.ok(nearMissOos(40, inScope).filter((q) => general.has(q)).length < 5);
  });
});
