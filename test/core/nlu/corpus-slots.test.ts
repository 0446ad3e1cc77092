// Annotated spans survive corpus parsing in every format that has them: they train the slot tagger.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusError } from '../../../src/errors.ts';
import { parseCorpus, parseDataset } from '../../../src/nlu/corpus/index.ts';
import type { TrainingExample } from '../../../src/nlu/types.ts';

/** Each slot as `entity=text` (the span read back from the stripped text), with its value when it differs. */
function spans(e: TrainingExample | undefined): string[] {
  assert.ok(e !== undefined);
  return (e.slots ?? []).map(
    (s) => `${s.entity}=${e.text.slice(s.start, s.end)}${s.value === undefined ? '' : `:${s.value}`}`,
  );
}

function failsOn(text: string, line: number, message: RegExp): void {
  assert.throws(
    () => parseCorpus(text, { fileName: 'bad.yml' }),
    (e: unknown) => e instanceof CorpusError && e.line === line && message.test(e.message),
  );
}

describe('slot annotations are kept as spans', () => {
  it('Rasa: [text](entity), the synonym shorthand, the JSON and list forms; offsets in the stripped text', () => {
    const corpus = parseCorpus(
      [
        'nlu:',
        '- intent: weather',
        '  examples: |',
        '    - what is the weather in [New York](city) tomorrow',
        '    - [NYC](city:New York) and [Zürich 🇨🇭]{"entity": "city"} forecast',
        '    - fly to [Berlin][{"entity": "city", "role": "to"}]',
        '    - no annotation here',
      ].join('\n'),
    );
    const [a, b, c, d] = corpus.train;
    assert.equal(a?.text, 'what is the weather in New York tomorrow');
    assert.deepEqual(spans(a), ['city=New York']);
    assert.equal(b?.text, 'NYC and Zürich 🇨🇭 forecast');
    assert.deepEqual(spans(b), ['city=NYC:New York', 'city=Zürich 🇨🇭']);
    assert.deepEqual(spans(c), ['city=Berlin']);
    assert.equal(d?.slots, undefined);
    // Annotated values still become list entities (matched without a tagger).
    assert.ok(corpus.entities.some((e) => e.type === 'list' && e.name === 'city'));
  });

  it('Confidant YAML: the same inline forms, and the normalized JSON round-trips', () => {
    const corpus = parseCorpus(
      [
        'language: zh',
        'intents:',
        '  weather:',
        '    - 明天[北京](city)的天气',
        '    - weather in [Paris](city) please',
        '  lists:',
        '    - add [eggs](item) and [oat milk](item) to my list',
      ].join('\n'),
    );
    assert.deepEqual(spans(corpus.train[0]), ['city=北京']);
    assert.equal(corpus.train[0]?.text, '明天北京的天气');
    assert.deepEqual(spans(corpus.train[2]), ['item=eggs', 'item=oat milk']);
    const again = parseCorpus(JSON.stringify(corpus));
    assert.deepEqual(again.train, corpus.train);
  });

  it('the dataset schema keeps slots and checks them', () => {
    const ds = parseDataset(
      JSON.stringify({
        splits: {
          train: [
            {
              text: 'play jazz by Miles',
              intent: 'play',
              slots: [{ start: 5, end: 9, entity: 'genre', value: 'jazz' }],
            },
          ],
          test: [{ text: 'hi', intent: 'greet' }],
        },
      }),
    );
    assert.deepEqual(spans(ds.splits['train']?.[0]), ['genre=jazz']);
    assert.equal(ds.splits['test']?.[0]?.slots, undefined);
    const bad = (slot: object) =>
      assert.throws(
        () =>
          parseDataset(
            `{"splits": {"train": [\n{"text": "play jazz", "intent": "p",\n "slots": [${JSON.stringify(slot)}]}]}}`,
            { fileName: 'd.json' },
          ),
        (e: unknown) => e instanceof CorpusError && e.line === 3 && /slot #1/.test(e.message),
      );
    bad({ start: 5, end: 99, entity: 'genre' });
    bad({ start: 5, end: 9, entity: '' });
    bad({ start: 5, end: 9, entity: 'genre', value: 'rock' });
  });

  it('malformed annotations are CorpusErrors naming their line', () => {
    failsOn(
      'nlu:\n- intent: a\n  examples: |\n    - ok [x](e)\n    - bad [x]{"entity": 3}\n',
      5,
      /needs an "entity" string/,
    );
    failsOn('nlu:\n- intent: a\n  examples: |\n    - bad [x]{"entity": oops}\n', 4, /not valid JSON/);
    failsOn('intents:\n  a:\n    - fine\n    - bad [x](:v)\n', 4, /no entity name/);
    failsOn(
      '{"train": [\n {"text": "hi there", "intent": "a",\n  "slots": [{"start": 3, "end": 50, "entity": "x"}]}]}',
      2,
      /slot #1 needs integer offsets/,
    );
  });
});
