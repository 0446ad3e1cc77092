// Every corpus format parses from a fixture into the normalized Corpus, and the real CLINC150
// dataset parses as the trainer will read it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseCorpus, parseDataset } from '../../../src/nlu/corpus/index.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8');
const intents = (c: { train: { intent: string }[] }): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const e of c.train) counts[e.intent] = (counts[e.intent] ?? 0) + 1;
  return counts;
};

describe('Rasa nlu.yml', () => {
  const corpus = parseCorpus(fixture('nlu.yml'), { fileName: 'nlu.yml' });
  it('reads intents and strips every annotation style from the text', () => {
    assert.deepEqual(intents(corpus), { greet: 3, book_flight: 4, check_balance: 2 });
    const flights = corpus.train.filter((e) => e.intent === 'book_flight').map((e) => e.text);
    assert.deepEqual(flights, [
      'fly me to New York',
      'I need a flight to NYC',
      'book a ticket from Berlin to Paris',
      'get me to Frisco on friday',
    ]);
  });
  it('maps out_of_scope to outOfScope and ignores responses', () => {
    assert.deepEqual(corpus.outOfScope, ['tell me a joke', 'what is the meaning of life']);
  });
  it('turns annotations, synonyms and lookups into one list entity, and regexes into regex entities', () => {
    const city = corpus.entities.find((e) => e.name === 'city');
    assert.ok(city?.type === 'list');
    const ny = city.values.find((v) => v.value === 'New York');
    assert.deepEqual(new Set(ny?.synonyms), new Set(['NYC', 'the big apple', 'NY']));
    assert.deepEqual(
      city.values.map((v) => v.value),
      ['New York', 'Berlin', 'Paris', 'San Francisco', 'Amsterdam', 'Lisbon'],
    );
    assert.deepEqual(
      corpus.entities.find((e) => e.name === 'account_number'),
      { type: 'regex', name: 'account_number', pattern: String.raw`\d{10,12}`, flags: 'u' },
    );
    const found = extractEntities('from the big apple to lisbon, account 12345678901', { custom: corpus.entities });
    assert.deepEqual(
      found.filter((e) => e.kind === 'custom').map((e) => [e.name, e.value]),
      [
        ['city', 'New York'],
        ['city', 'Lisbon'],
        ['account_number', '12345678901'],
      ],
    );
  });
});

describe('NLP.js corpus JSON', () => {
  const corpus = parseCorpus(fixture('nlpjs-corpus.json'), { fileName: 'nlpjs-corpus.json' });
  it('reads name, language, intents; fills @entity placeholders; None is out of scope', () => {
    assert.equal(corpus.name, 'Heroes corpus');
    assert.equal(corpus.language, 'en');
    assert.deepEqual(intents(corpus), { 'greetings.hello': 3, 'hero.realname': 3 });
    assert.deepEqual(
      corpus.train.filter((e) => e.intent === 'hero.realname').map((e) => e.text),
      ['what is the real name of spiderman', 'who is ironman really', 'tell me about thor'],
    );
    assert.deepEqual(corpus.outOfScope, ['the sky is purple today']);
  });
  it('reads option entities and /regex/flags strings', () => {
    assert.deepEqual(
      corpus.entities.map((e) => [e.type, e.name]),
      [
        ['list', 'hero'],
        ['regex', 'email'],
        ['regex', 'code'],
      ],
    );
    assert.deepEqual(corpus.entities[1], {
      type: 'regex',
      name: 'email',
      pattern: String.raw`\b[\w.+-]+@[\w-]+\.\w+\b`,
      flags: 'i',
    });
    const found = extractEntities('is spider-man ABC123?', { custom: corpus.entities });
    assert.deepEqual(
      found.map((e) => [e.name, e.value]),
      [
        ['hero', 'spiderman'],
        ['code', 'ABC123'],
      ],
    );
  });
});

describe('Confidant corpus', () => {
  it('reads the YAML form with lists, regexes, outOfScope and validation', () => {
    const c = parseCorpus(fixture('confidant.yaml'), { fileName: 'confidant.yaml' });
    assert.deepEqual([c.language, c.name, c.version], ['en', 'pizza-bot', '1.2.0']);
    assert.deepEqual(intents(c), { greet: 2, order_pizza: 2, check_order: 2 });
    assert.deepEqual(c.outOfScope, ['what is the meaning of life', 'tell me a joke']);
    assert.deepEqual(c.validation, [
      { text: 'hey there', intent: 'greet' },
      { text: 'one pizza please', intent: 'order_pizza' },
      { text: 'how tall is mount everest', intent: 'oos' },
    ]);
    assert.deepEqual(
      c.entities.map((e) => e.name),
      ['size', 'city', 'order_id'],
    );
    assert.deepEqual(
      extractEntities('an XL pizza, order ord-000042', { custom: c.entities }).map((e) => e.value),
      ['large', 'ord-000042'],
    );
  });
  it('reads the JSON form with list-style intents and entity definitions', () => {
    const c = parseCorpus(fixture('confidant.json'), { fileName: 'confidant.json' });
    assert.deepEqual([c.language, c.name], ['fr', 'salutations']);
    assert.deepEqual(intents(c), { saluer: 3, remercier: 2 });
    assert.deepEqual(
      c.entities.map((e) => e.type),
      ['list', 'regex'],
    );
  });
  it('parses a serialized Corpus back to the same corpus', () => {
    const c = parseCorpus(fixture('confidant.yaml'));
    assert.deepEqual(parseCorpus(JSON.stringify(c)), c);
  });
});

describe('dataset schema', () => {
  it('maps train (oos → outOfScope) and val (oos kept as label) from a mini dataset', () => {
    const c = parseCorpus(fixture('mini-dataset.json'), { fileName: 'mini-dataset.json' });
    assert.equal(c.name, 'MINI');
    assert.deepEqual(intents(c), { weather: 2, play_music: 2 });
    assert.deepEqual(c.outOfScope, ['how do I bake bread']);
    assert.deepEqual(
      c.validation?.map((e) => e.intent),
      ['weather', 'oos'],
    );
    assert.deepEqual(parseDataset(fixture('mini-dataset.json')).splits['test']?.length, 3);
  });

  const clinc = new URL('../../../../shared/datasets/clinc150.json', import.meta.url);
  it(
    'parses the real CLINC150 file',
    { skip: existsSync(clinc) ? false : `skipped: ${clinc.pathname} is absent (it lives in ../shared/datasets)` },
    () => {
      const c = parseCorpus(readFileSync(clinc, 'utf8'), { fileName: 'clinc150.json' });
      assert.equal(c.train.length, 15_000);
      assert.equal(Object.keys(intents(c)).length, 150);
      assert.equal(c.outOfScope?.length, 100);
      assert.equal(c.validation?.length, 3_100);
      assert.equal(c.validation?.filter((e) => e.intent === 'oos').length, 100);
      assert.equal(parseDataset(readFileSync(clinc, 'utf8')).splits['test']?.length, 5_500);
    },
  );
});
