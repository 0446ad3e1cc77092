// Clock times as people say them ("half past five", "quarter to 6", "8 tonight"), read by the
// spoken-time parser added to chrono, on a fixed clock: Thursday 2026-11-26 10:00 UTC (11:00 in Paris).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from '../../../src/nlu/entities/index.ts';

const now = new Date('2026-11-26T10:00:00Z');

/** The one date/time entity of `text`, as [text, value]. */
function when(text: string): [string, unknown] | undefined {
  const found = extractEntities(text, { now, timeZone: 'Europe/Paris' }).filter((e) =>
    ['time', 'datetime', 'date'].includes(e.kind),
  );
  assert.ok(found.length <= 1, `${text}: ${JSON.stringify(found)}`);
  return found[0] === undefined ? undefined : [found[0].text, found[0].value];
}

describe('spoken clock times', () => {
  it('reads "half past", "quarter to", "ten past" with word or digit hours, next occurrence', () => {
    assert.deepEqual(when('wake me at half past six'), ['at half past six', '2026-11-27T06:30:00+01:00']);
    // An hour from 1 to 4 said without its half of the day is the afternoon's (round 10: dates.ts).
    assert.deepEqual(when('remind me at quarter to 5'), ['at quarter to 5', '2026-11-26T16:45:00+01:00']);
    assert.deepEqual(when('ten past seven in the morning please'), [
      'ten past seven in the morning',
      '2026-11-27T07:10:00+01:00',
    ]);
    assert.deepEqual(when('a quarter to twelve at night'), [
      'a quarter to twelve at night',
      '2026-11-26T23:45:00+01:00',
    ]);
    assert.deepEqual(when('20 minutes past 6 pm'), ['20 minutes past 6 pm', '2026-11-26T18:20:00+01:00']);
  });

  it("reads an alarm's bare hour after 'alarm for', never a length, an amount or a count of things", () => {
    // 11:00 in Paris: 7 is next at 07:00 tomorrow, 12 at noon today.
    assert.deepEqual(when('set an alarm for 7'), ['for 7', '2026-11-27T07:00:00+01:00']);
    assert.deepEqual(when('can you set an alarm for 12 please'), ['for 12', '2026-11-26T12:00:00+01:00']);
    assert.deepEqual(when('alarm for 6 tomorrow')?.[1], '2026-11-27T06:00:00+01:00');
    assert.equal(when('set an alarm for 10 minutes')?.[1], undefined);
    assert.equal(when('book an alarm for 2 people'), undefined);
    assert.equal(when('i need 7 alarms'), undefined);
  });

  it('takes the half of the day from the words after the hour', () => {
    assert.deepEqual(when('8 tonight'), ['8 tonight', '2026-11-26T20:00:00+01:00']);
    assert.deepEqual(when('at 6 in the evening'), ['at 6 in the evening', '2026-11-26T18:00:00+01:00']);
    assert.deepEqual(when('seven in the morning please'), ['seven in the morning', '2026-11-27T07:00:00+01:00']);
    assert.deepEqual(when('five thirty pm'), ['five thirty pm', '2026-11-26T17:30:00+01:00']);
    assert.deepEqual(when('2 at night'), ['2 at night', '2026-11-27T02:00:00+01:00']);
  });

  it('joins the time to a day said next to it', () => {
    assert.deepEqual(when('Tomorrow at half past nine in the morning'), [
      'Tomorrow at half past nine in the morning',
      '2026-11-27T09:30:00+01:00',
    ]);
    assert.deepEqual(when('set one for quarter to six tomorrow morning'), [
      'for quarter to six tomorrow morning',
      '2026-11-27T05:45:00+01:00',
    ]);
    assert.deepEqual(when('remind me at seven tomorrow to call'), ['at seven tomorrow', '2026-11-27T07:00:00+01:00']);
  });

  it('reads a spoken hour after "at" or before "o\'clock" only', () => {
    assert.deepEqual(when('at five thirty please'), ['at five thirty', '2026-11-27T05:30:00+01:00']);
    assert.deepEqual(when("six o'clock"), ["six o'clock", '2026-11-27T06:00:00+01:00']);
    assert.equal(when('look at one of them'), undefined);
    assert.equal(when('I have five cats'), undefined);
    assert.equal(when('add 8 to 12 please'.replace('12', 'twelve')), undefined);
  });

  it('reads the British "half 8" as 8:30, alone or after at/for, never "half 8 cups" or "half an hour"', () => {
    assert.deepEqual(when('half 8'), ['half 8', '2026-11-27T08:30:00+01:00']);
    assert.deepEqual(when('half 8 tonight'), ['half 8 tonight', '2026-11-26T20:30:00+01:00']);
    assert.deepEqual(when('could you set an alarm for half 6 tomorrow morning'), [
      'half 6 tomorrow morning',
      '2026-11-27T06:30:00+01:00',
    ]);
    assert.deepEqual(when('reminder for saturday at half 8 in the morning to go')?.[1], '2026-11-28T08:30:00+01:00');
    assert.equal(when('half 8 cups of flour'), undefined);
    assert.equal(when('what is half 8'), undefined);
  });

  it('does not read "half past" as the past', () => {
    assert.deepEqual(when('half past 3'), ['half past 3', '2026-11-26T15:30:00+01:00']);
  });
});
