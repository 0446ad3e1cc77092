// Custom entities: typo-tolerant lists with synonyms, and regexes checked for catastrophic
// backtracking before use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileCustomEntities, compileSafeRegex, extractEntities } from '../../../src/nlu/entities/index.ts';
import type { CustomEntityDefinition } from '../../../src/nlu/types.ts';

const defs: CustomEntityDefinition[] = [
  {
    type: 'list',
    name: 'city',
    values: [
      { value: 'New York', synonyms: ['NYC', 'the big apple'] },
      { value: 'Amsterdam', synonyms: [] },
      { value: 'San Francisco', synonyms: ['Frisco', 'SF'] },
      { value: 'Paris', synonyms: [] },
      { value: 'Zürich', synonyms: [] },
      { value: '東京', synonyms: ['とうきょう'] },
    ],
  },
  { type: 'regex', name: 'order', pattern: String.raw`ORD-\d{6}` },
];
const custom = compileCustomEntities(defs);

function cities(text: string): [string, unknown, number | undefined][] {
  return extractEntities(text, { custom, timeZone: 'UTC' })
    .filter((e) => e.kind === 'custom')
    .map((e) => {
      assert.equal(text.slice(e.start, e.end), e.text);
      return [e.text, e.value, e.confidence];
    });
}

describe('list entities', () => {
  it('matches values and synonyms case-insensitively, returning the canonical value', () => {
    assert.deepEqual(cities('fly me to new york'), [['new york', 'New York', 1]]);
    assert.deepEqual(cities('NYC or The Big Apple?'), [
      ['NYC', 'New York', 1],
      ['The Big Apple', 'New York', 1],
    ]);
    assert.deepEqual(cities('from zurich to paris'), [
      ['zurich', 'Zürich', 1],
      ['paris', 'Paris', 1],
    ]);
  });
  it('tolerates typos by word length: 1 edit from 5 letters, 2 from 9, none below', () => {
    const [[text, value, confidence]] = cities('a trip to Amsterdm') as [[string, unknown, number]];
    assert.deepEqual([text, value], ['Amsterdm', 'Amsterdam']);
    assert.ok(confidence > 0.8 && confidence < 1, `confidence ${confidence}`);
    assert.deepEqual(cities('to san fransisco')[0]?.slice(0, 2), ['san fransisco', 'San Francisco']);
    assert.deepEqual(cities('pairs in spring')[0]?.slice(0, 2), ['pairs', 'Paris'], 'a transposition is one edit');
    assert.deepEqual(cities('new yrok'), [], 'four-letter words must match exactly');
    assert.deepEqual(cities('anstrdmm'), [], 'three edits are too many');
  });
  it('finds phrases in scripts without spaces and keeps UTF-16 offsets after emoji', () => {
    assert.deepEqual(cities('我想去東京旅游'), [['東京', '東京', 1]]);
    const text = '🍕🍕 to nyc';
    const [e] = extractEntities(text, { custom, timeZone: 'UTC' });
    assert.deepEqual([e?.start, e?.end, e?.value], [8, 11, 'New York']);
  });
  it('caches the compiled form per definitions array', () => {
    assert.equal(compileCustomEntities(defs), custom);
    assert.deepEqual(
      extractEntities('to NYC', { custom: defs }).map((e) => e.value),
      ['New York'],
    );
  });
  it('rejects malformed definitions with TypeError', () => {
    const bad: unknown[] = [
      [{ type: 'list', values: [] }],
      [{ type: 'list', name: 'x', values: 'a,b' }],
      [{ type: 'list', name: 'x', values: [{ value: '', synonyms: [] }] }],
      [{ type: 'list', name: 'x', values: [{ value: 'a', synonyms: [1] }] }],
      [{ type: 'fuzzy', name: 'x' }],
    ];
    for (const d of bad) assert.throws(() => compileCustomEntities(d as CustomEntityDefinition[]), TypeError);
  });
});

describe('regex entities', () => {
  it('matches and reports the matched text as value', () => {
    assert.deepEqual(
      extractEntities('where is ord-123456 and ORD-654321?', { custom }).map((e) => [e.name, e.text, e.value]),
      [
        ['order', 'ord-123456', 'ord-123456'],
        ['order', 'ORD-654321', 'ORD-654321'],
      ],
    );
  });
  it('rejects patterns that can backtrack catastrophically, with the reason', () => {
    const unsafe: [string, RegExp][] = [
      ['(a+)+$', /nested quantifier/],
      ['(a|a)*b', /same character/],
      ['(a|ab)*c', /same character/],
      [String.raw`(\w+\s?)*x`, /nested quantifier/],
      [String.raw`(.*a){20}`, /nested quantifier/],
      [String.raw`\d+\d+x`, /two unbounded repeats/],
      [String.raw`\w+\s*\w+!`, /two unbounded repeats/],
      [String.raw`(a)\1`, /backreference/],
      [String.raw`(?<x>a)\k<x>`, /backreference/],
      ['(?=a+)b', /lookaround/],
      ['a{1,5000}', /above 1000/],
    ];
    for (const [pattern, reason] of unsafe) {
      assert.throws(
        () => compileSafeRegex(pattern),
        (e: unknown) => e instanceof TypeError && reason.test(e.message),
        pattern,
      );
    }
    assert.throws(() => compileSafeRegex('x*'), /empty string/);
    assert.throws(() => compileSafeRegex('(unclosed'), /Invalid regular expression/);
    assert.throws(() => compileSafeRegex('abc', 'gm'), /flags/);
  });
  it('accepts common safe patterns', () => {
    for (const p of [
      String.raw`ORD-\d{6}`,
      String.raw`\b[A-Z]{2}\d{4}\b`,
      '(?:foo|bar)+',
      String.raw`[\w.+-]+@[\w-]+\.\w+`,
      String.raw`(\d{1,3}\.){3}\d{1,3}`,
    ]) {
      assert.ok(compileSafeRegex(p) instanceof RegExp, p);
    }
  });
  it('runs a safe regex over 100 KB quickly, and a quadratic-ish one in bounded time', () => {
    const chunk = 'lorem ipsum ORD-123456 dolor sit amet, ';
    const text = chunk.repeat(Math.ceil(100_000 / chunk.length));
    let t0 = performance.now();
    const found = extractEntities(text, { custom, maxLength: text.length, timeZone: 'UTC' }).filter(
      (e) => e.kind === 'custom',
    );
    const safeMs = performance.now() - t0;
    assert.equal(found.length, Math.ceil(100_000 / chunk.length));
    assert.ok(found.every((e) => text.slice(e.start, e.end) === 'ORD-123456'));
    assert.ok(safeMs < 3000, `100 KB took ${safeMs} ms`);
    // `[a-z]+@` passes the checks but is quadratic on a long run without "@": windows bound it.
    const greedy = compileCustomEntities([{ type: 'regex', name: 'g', pattern: '[a-z]+@' }]);
    t0 = performance.now();
    extractEntities('a'.repeat(100_000), { custom: greedy, maxLength: 100_000, timeZone: 'UTC' });
    assert.ok(performance.now() - t0 < 3000);
  });
});
