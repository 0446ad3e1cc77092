// Hostile and degenerate input never crashes extraction, never hangs, and every offset stays an
// exact slice of the input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileCustomEntities, extractEntities } from '../../../src/nlu/entities/index.ts';

const now = new Date('2026-11-26T10:00:00Z');
const custom = compileCustomEntities([
  {
    type: 'list',
    name: 'city',
    values: [
      { value: 'Amsterdam', synonyms: ['ams'] },
      { value: 'New York', synonyms: ['NYC'] },
    ],
  },
  { type: 'regex', name: 'code', pattern: String.raw`[A-Z]{2}\d{4}` },
]);
const sentence = 'call me tomorrow at 6pm or mail a@b.com, it costs $5 and 15% of 1,000 people in amsterdm. ';

const inputs: Record<string, string> = {
  empty: '',
  whitespace: ' \t\n\r\u00a0\u2003 ',
  '1 MB of sentences': sentence.repeat(Math.ceil(1_000_000 / sentence.length)),
  '1 MB of one letter': 'a'.repeat(1_000_000),
  '1 MB of digits': '9'.repeat(1_000_000),
  'lone surrogates': '\uD800 in 5 minutes \uDC00 NYC \uD83D',
  'control characters': '\u0000\u0001 5 dollars \u0007\u001b[31m at 6pm \u007f',
  'bidi overrides': '\u202Eevil\u202C pay €10 \u2066tomorrow\u2069 \u200F',
  'combining marks': 'e\u0301\u0301\u0301 ten minutes Amste\u0301rdam',
  'only punctuation': '.-@:/$%'.repeat(2000),
  'huge number': '1'.repeat(400) + ' dollars',
};

describe('bad input', () => {
  for (const [name, text] of Object.entries(inputs)) {
    it(`${name}: returns a result in bounded time with exact offsets`, () => {
      const t0 = performance.now();
      const found = extractEntities(text, { now, timeZone: 'Europe/Paris', custom });
      const ms = performance.now() - t0;
      assert.ok(Array.isArray(found));
      for (const e of found) {
        assert.equal(text.slice(e.start, e.end), e.text);
        assert.ok(e.start >= 0 && e.end <= text.length && e.start < e.end);
        if (typeof e.value === 'number') assert.ok(Number.isFinite(e.value), `${e.kind} value ${e.value}`);
      }
      // A generous bound for a shared 2-core CI machine and a cold JIT (chrono-node's first pass over
      // date-dense text takes ~0.4 s, later ones ~10 ms): the point is "no hang", speed is for bench/.
      assert.ok(ms < 5000, `${name} took ${ms.toFixed(0)} ms`);
    });
  }

  it('still finds entities around lone surrogates and bidi controls', () => {
    const kinds = (t: string) =>
      extractEntities(t, { now, timeZone: 'Europe/Paris', custom }).map((e) => [e.kind, e.text]);
    assert.deepEqual(kinds(inputs['lone surrogates'] as string), [
      ['datetime', 'in 5 minutes'],
      ['custom', 'NYC'],
    ]);
    assert.deepEqual(kinds(inputs['bidi overrides'] as string), [
      ['money', '€10'],
      ['date', 'tomorrow'],
    ]);
  });

  it('reads full-width forms typed with a Chinese input method as ASCII, with offsets into the original', () => {
    const text = 'ＳＥＴ　ＴＩＭＥＲ　５　ＭＩＮ ａｔ　７ｐｍ';
    const found = extractEntities(text, { now, timeZone: 'Europe/Paris' });
    assert.deepEqual(
      found.map((e) => [e.kind, e.text, e.value]),
      [
        ['duration', '５　ＭＩＮ', 300_000],
        ['time', 'ａｔ　７ｐｍ', '2026-11-26T19:00:00+01:00'],
      ],
    );
  });

  it('searches only the first maxLength code units', () => {
    const text = `${'x '.repeat(3000)}call 555-123-4567`;
    assert.equal(extractEntities(text, { now }).length, 0);
    assert.equal(extractEntities(text, { now, maxLength: text.length })[0]?.kind, 'phone');
  });

  it('rejects a non-string with TypeError', () => {
    assert.throws(() => extractEntities(42 as unknown as string), TypeError);
    assert.throws(() => extractEntities(null as unknown as string), TypeError);
  });
});
