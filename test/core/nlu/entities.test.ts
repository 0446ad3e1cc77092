// Built-in extractors other than dates: numbers, ordinals, money, percentages, emails, URLs,
// phone numbers, and how overlapping candidates are resolved.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities, type ExtractEntitiesOptions } from '../../../src/nlu/entities/index.ts';

const OPTS: ExtractEntitiesOptions = { now: new Date('2026-11-26T10:00:00Z'), timeZone: 'Europe/Paris' };

/** Extracts, checks every offset against the text, and returns [kind, text, value] triples. */
function ents(text: string, opts: ExtractEntitiesOptions = OPTS): [string, string, unknown][] {
  const found = extractEntities(text, opts);
  for (const e of found) assert.equal(text.slice(e.start, e.end), e.text, `offsets of ${e.kind} "${e.text}"`);
  for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start, 'sorted and non-overlapping');
  return found.map((e) => [e.kind, e.text, e.value]);
}
const only = (text: string, kind: string): [string, unknown][] =>
  ents(text)
    .filter(([k]) => k === kind)
    .map(([, t, v]) => [t, v]);

describe('numbers', () => {
  it('reads digits, grouping, decimals and signs', () => {
    assert.deepEqual(only('I need 42 chairs, 1,000 nails and -3.5 litres', 'number'), [
      ['42', 42],
      ['1,000', 1000],
      ['-3.5', -3.5],
    ]);
    assert.deepEqual(only('5 million people', 'number'), [['5 million', 5e6]]);
  });
  it('reads number words', () => {
    assert.deepEqual(only('twenty one apples and a hundred and five pears', 'number'), [
      ['twenty one', 21],
      ['a hundred and five', 105],
    ]);
    assert.deepEqual(only('two thousand three hundred forty-five', 'number'), [
      ['two thousand three hundred forty-five', 2345],
    ]);
    assert.deepEqual(only('minus seven, three point one four', 'number'), [
      ['minus seven', -7],
      ['three point one four', 3.14],
    ]);
    assert.deepEqual(only('fifteen hundred', 'number'), [['fifteen hundred', 1500]]);
  });
  it('splits "one two" into two numbers and leaves hyphens and versions alone', () => {
    assert.deepEqual(only('one two', 'number'), [
      ['one', 1],
      ['two', 2],
    ]);
    assert.deepEqual(only('covid-19', 'number'), [['19', 19]]);
    assert.deepEqual(only('version 1.2.3', 'number'), []);
    assert.deepEqual(only('a lot of', 'number'), []);
  });
});

describe('ordinals', () => {
  it('reads digit and word ordinals', () => {
    assert.deepEqual(only('the 3rd, the 22nd and the twenty-first', 'ordinal'), [
      ['3rd', 3],
      ['22nd', 22],
      ['twenty-first', 21],
    ]);
    assert.deepEqual(only('my first and one hundredth', 'ordinal'), [
      ['first', 1],
      ['one hundredth', 100],
    ]);
  });
  it('keeps "second" as a unit of time after "a"/"per"', () => {
    assert.deepEqual(only('pick the second one', 'ordinal'), [['second', 2]]);
    assert.deepEqual(ents('wait a second'), [['duration', 'a second', 1000]]);
  });
});

describe('durations as people type them', () => {
  it('reads "n a half", "& a quarter", "half of one hour" and a spoken count of seconds', () => {
    assert.deepEqual(only('set a timer for an hour n a half', 'duration'), [['an hour n a half', 5_400_000]]);
    assert.deepEqual(only('timer for an hour and a quarter for the roast', 'duration'), [
      ['an hour and a quarter', 4_500_000],
    ]);
    assert.deepEqual(only('2 hours & a half', 'duration'), [['2 hours & a half', 9_000_000]]);
    assert.deepEqual(only('half of one hour', 'duration'), [['half of one hour', 1_800_000]]);
    assert.deepEqual(only('give me a thirty second timer', 'duration'), [['thirty second', 30_000]]);
    assert.deepEqual(only('a twenty-second plank', 'duration'), [['twenty-second', 20_000]]);
    assert.deepEqual(only('add 5 more minutes', 'duration'), [['5 more minutes', 300_000]]);
    assert.deepEqual(only('30 extra secs pls', 'duration'), [['30 extra secs', 30_000]]);
  });
  it('keeps "the thirty second" and "twenty second of May" ordinals or dates', () => {
    assert.deepEqual(only('the thirty second', 'duration'), []);
    assert.deepEqual(only('on the twenty second of may', 'duration'), []);
    assert.deepEqual(only('the twenty second one', 'duration'), []);
  });
});

describe('money and percentages', () => {
  it('reads currency symbols, codes and words before or after the amount', () => {
    assert.deepEqual(only('it costs $5, €3.50, 3.50€, 10 euros, USD 20 or twenty bucks', 'money'), [
      ['$5', { amount: 5, currency: 'USD' }],
      ['€3.50', { amount: 3.5, currency: 'EUR' }],
      ['3.50€', { amount: 3.5, currency: 'EUR' }],
      ['10 euros', { amount: 10, currency: 'EUR' }],
      ['USD 20', { amount: 20, currency: 'USD' }],
      ['twenty bucks', { amount: 20, currency: 'USD' }],
    ]);
    assert.deepEqual(only('5 dollars and 50 cents', 'money'), [
      ['5 dollars and 50 cents', { amount: 5.5, currency: 'USD' }],
    ]);
    assert.deepEqual(only('£1,250.99', 'money'), [['£1,250.99', { amount: 1250.99, currency: 'GBP' }]]);
  });
  it('does not read weights or a lone "a$" as money', () => {
    assert.deepEqual(only('5 pounds of flour', 'money'), []);
    assert.deepEqual(only('a$5', 'money'), [['$5', { amount: 5, currency: 'USD' }]]);
  });
  it('reads percentages', () => {
    assert.deepEqual(only('15% off, 15 percent, fifteen per cent, 2.5 %', 'percentage'), [
      ['15%', 15],
      ['15 percent', 15],
      ['fifteen per cent', 15],
      ['2.5 %', 2.5],
    ]);
  });
});

describe('emails, URLs and phone numbers', () => {
  it('reads emails, lower-casing the domain only', () => {
    assert.deepEqual(only('write to John.Doe+tag@Example.COM.', 'email'), [
      ['John.Doe+tag@Example.COM', 'John.Doe+tag@example.com'],
    ]);
    assert.deepEqual(only('a@b', 'email'), []);
  });
  it('reads URLs with and without a scheme and trims sentence punctuation', () => {
    assert.deepEqual(
      only('see https://en.wikipedia.org/wiki/Lisp_(language)). or www.example.org, or docs.python.org/3/', 'url'),
      [
        ['https://en.wikipedia.org/wiki/Lisp_(language)', 'https://en.wikipedia.org/wiki/Lisp_(language)'],
        ['www.example.org', 'https://www.example.org/'],
        ['docs.python.org/3/', 'https://docs.python.org/3/'],
      ],
    );
    assert.deepEqual(only('I did it.it was fun, see readme.md', 'url'), []);
  });
  it('reads phone numbers conservatively', () => {
    assert.deepEqual(only('call +33 6 12 34 56 78, (555) 123-4567 or 555-123-4567', 'phone'), [
      ['+33 6 12 34 56 78', '+33612345678'],
      ['(555) 123-4567', '5551234567'],
      ['555-123-4567', '5551234567'],
    ]);
    assert.deepEqual(only('06 12 34 56 78', 'phone'), [['06 12 34 56 78', '0612345678']]);
    for (const text of ['on 2026-11-26', 'pi is 3.1415926', 'scores 100 200 300 400', '1,000,000', 'room 12-3']) {
      assert.deepEqual(only(text, 'phone'), [], text);
    }
  });
});

describe('overlaps', () => {
  it('keeps the longest span: money over its number, a date over its digits', () => {
    assert.deepEqual(ents('pay $5 on 2026-12-01'), [
      ['money', '$5', { amount: 5, currency: 'USD' }],
      ['date', '2026-12-01', '2026-12-01'],
    ]);
    assert.deepEqual(ents('twenty dollars'), [['money', 'twenty dollars', { amount: 20, currency: 'USD' }]]);
  });
  it('finds nothing in plain text', () => {
    assert.deepEqual(ents('how do i say hello in french'), []);
  });
});
