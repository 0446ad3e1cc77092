// Dates, times and durations relative to a fixed `now` (Thursday 2026-11-26 10:00 UTC) in two
// zones, and the Intl-based time-zone arithmetic under them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import {
  assertTimeZone,
  formatDateTime,
  instantOf,
  nextClockTime,
  offsetMinutes,
  wallTimeAt,
} from '../../../src/nlu/entities/time-zone.ts';

const now = new Date('2026-11-26T10:00:00Z');

function ents(text: string, timeZone = 'Europe/Paris'): [string, string, unknown][] {
  return extractEntities(text, { now, timeZone }).map((e) => {
    assert.equal(text.slice(e.start, e.end), e.text);
    return [e.kind, e.text, e.value];
  });
}

describe('dates and times (chrono-node, in the given zone)', () => {
  it('reads "tomorrow at 6pm" as 18:00 local in Paris and in New York', () => {
    assert.deepEqual(ents('remind me tomorrow at 6pm'), [['datetime', 'tomorrow at 6pm', '2026-11-27T18:00:00+01:00']]);
    assert.deepEqual(ents('remind me tomorrow at 6pm', 'America/New_York'), [
      ['datetime', 'tomorrow at 6pm', '2026-11-27T18:00:00-05:00'],
    ]);
  });
  it('reads "in 10 minutes" from the instant now', () => {
    assert.deepEqual(ents('in 10 minutes'), [['datetime', 'in 10 minutes', '2026-11-26T11:10:00+01:00']]);
    assert.deepEqual(ents('in 10 minutes', 'America/New_York'), [
      ['datetime', 'in 10 minutes', '2026-11-26T05:10:00-05:00'],
    ]);
  });
  it('reads dates, weekdays and ranges as ISO dates and intervals', () => {
    assert.deepEqual(ents('next friday'), [['date', 'next friday', '2026-12-04']]);
    assert.deepEqual(ents('on 2026-12-01'), [['date', '2026-12-01', '2026-12-01']]);
    assert.deepEqual(ents('from monday to friday'), [['date', 'monday to friday', '2026-11-30/2026-12-04']]);
    assert.deepEqual(ents('what did I do last monday'), [['date', 'last monday', '2026-11-23']]);
  });
  it('reads the fixed-day holidays as their next date, with a time when one is said', () => {
    assert.deepEqual(ents('what day is christmas'), [['date', 'christmas', '2026-12-25']]);
    assert.deepEqual(ents('and new years day'), [['date', 'new years day', '2027-01-01']]);
    assert.deepEqual(ents("party on new year's eve"), [['date', "new year's eve", '2026-12-31']]);
    assert.deepEqual(ents('halloween'), [['date', 'halloween', '2027-10-31']]);
    assert.deepEqual(ents('remind me on christmas eve at 6pm'), [
      ['datetime', 'christmas eve at 6pm', '2026-12-24T18:00:00+01:00'],
    ]);
    assert.deepEqual(ents('the christmasy mood'), []);
  });
  it('resolves a bare time to its next occurrence and a day part to today', () => {
    assert.deepEqual(ents('wake me at 7am'), [['time', 'at 7am', '2026-11-27T07:00:00+01:00']]);
    assert.deepEqual(ents('at 15:30'), [['time', 'at 15:30', '2026-11-26T15:30:00+01:00']]);
    assert.deepEqual(ents('this evening'), [['datetime', 'this evening', '2026-11-26T20:00:00+01:00']]);
  });
  it('uses the offset of the target date across a DST change', () => {
    assert.deepEqual(ents('on July 4 at 6pm'), [['datetime', 'July 4 at 6pm', '2027-07-04T18:00:00+02:00']]);
    assert.deepEqual(ents('on July 4 at 6pm', 'America/New_York'), [
      ['datetime', 'July 4 at 6pm', '2027-07-04T18:00:00-04:00'],
    ]);
  });
  it('honours an explicit zone in the text', () => {
    assert.deepEqual(ents('call at 6pm EST'), [['time', 'at 6pm EST', '2026-11-27T00:00:00+01:00']]);
  });
  it('does not read "sat" or "sun" as weekdays in lower case', () => {
    assert.deepEqual(ents('I sat in the sun'), []);
  });
  it('rejects an unknown zone and an invalid date with RangeError', () => {
    assert.throws(() => extractEntities('tomorrow', { timeZone: 'Mars/Olympus' }), RangeError);
    assert.throws(() => extractEntities('tomorrow', { now: new Date('nope') }), RangeError);
  });
});

describe('durations (milliseconds)', () => {
  const MIN = 60_000;
  it('reads numbers with units, in digits and words', () => {
    assert.deepEqual(ents('set a timer for ten minutes'), [['duration', 'ten minutes', 10 * MIN]]);
    assert.deepEqual(ents('for 1.5 hours'), [['duration', '1.5 hours', 90 * MIN]]);
    assert.deepEqual(ents('a 10-minute break'), [['duration', '10-minute', 10 * MIN]]);
    assert.deepEqual(ents('90 sec'), [['duration', '90 sec', 90_000]]);
  });
  it('adds compound durations and halves', () => {
    assert.deepEqual(ents('2 hours and 15 minutes'), [['duration', '2 hours and 15 minutes', 135 * MIN]]);
    assert.deepEqual(ents('an hour and a half'), [['duration', 'an hour and a half', 90 * MIN]]);
    assert.deepEqual(ents('half an hour'), [['duration', 'half an hour', 30 * MIN]]);
    assert.deepEqual(ents('one and a half hours'), [['duration', 'one and a half hours', 90 * MIN]]);
    assert.deepEqual(ents('a quarter of an hour'), [['duration', 'a quarter of an hour', 15 * MIN]]);
  });
  it('reads compact forms', () => {
    assert.deepEqual(ents('1h30'), [['duration', '1h30', 90 * MIN]]);
    assert.deepEqual(ents('2h 45min'), [['duration', '2h 45min', 165 * MIN]]);
    assert.deepEqual(ents('2m30s'), [['duration', '2m30s', 150_000]]);
  });
  it('leaves decades, metres and lone "s" alone', () => {
    assert.deepEqual(
      ents('music of the 90s').filter(([k]) => k === 'duration'),
      [],
    );
    assert.deepEqual(
      ents('5 m long').filter(([k]) => k === 'duration'),
      [],
    );
  });
});

describe('time-zone arithmetic (Intl only)', () => {
  it('computes offsets and ISO strings', () => {
    assert.equal(offsetMinutes(now.getTime(), 'Europe/Paris'), 60);
    assert.equal(offsetMinutes(now.getTime(), 'Asia/Kolkata'), 330);
    assert.equal(formatDateTime(now.getTime(), 'America/New_York'), '2026-11-26T05:00:00-05:00');
  });
  it("a bare clock time's next occurrence: the nearer of its readings, today or tomorrow; 24 is midnight", () => {
    const next = (hours: [number, ...number[]], minute: number, at: string) =>
      formatDateTime(nextClockTime(hours, minute, new Date(at), 'Europe/Paris') ?? NaN, 'Europe/Paris');
    // 11:00 in Paris: 3 is 15:00 today; at 16:00 it is 3:00 tomorrow.
    assert.equal(next([3, 15], 30, '2026-11-26T10:00:00Z'), '2026-11-26T15:30:00+01:00');
    assert.equal(next([3, 15], 30, '2026-11-26T15:00:00Z'), '2026-11-27T03:30:00+01:00');
    // A time that has just passed is tomorrow's, never now's.
    assert.equal(next([11], 0, '2026-11-26T10:00:00Z'), '2026-11-27T11:00:00+01:00');
    assert.equal(next([24], 0, '2026-11-26T10:00:00Z'), '2026-11-27T00:00:00+01:00');
    // 2:30 falls in the spring-forward gap: read as 3:30, as instantOf reads it, and nearer than 14:30.
    assert.equal(next([2, 14], 30, '2026-03-29T00:30:00Z'), '2026-03-29T03:30:00+02:00');
  });
  it('a zone that skipped a day has no next reading: no time, and no throw (Samoa, 30 December 2011)', () => {
    const now = new Date('2011-12-30T09:45:00Z');
    assert.equal(nextClockTime([23], 0, now, 'Pacific/Apia'), undefined);
    const kinds = extractEntities('夜里十一点', { now, timeZone: 'Pacific/Apia' }).map((e) => e.kind);
    assert.ok(!kinds.includes('time'), kinds.join());
  });
  it('maps a spring-forward gap forward and picks the earlier instant in a fall-back overlap', () => {
    const wall = { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 };
    assert.equal(formatDateTime(instantOf(wall, 'Europe/Paris'), 'Europe/Paris'), '2026-03-29T03:30:00+02:00');
    const overlap = { ...wall, month: 10, day: 25 };
    assert.equal(formatDateTime(instantOf(overlap, 'Europe/Paris'), 'Europe/Paris'), '2026-10-25T02:30:00+02:00');
  });
  it('reads zones in turn as a fresh Intl formatter does; an unknown zone between them changes nothing', () => {
    const fresh = (ms: number, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      }).formatToParts(ms);
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return [get('year'), get('month'), get('day'), get('hour'), get('minute')];
    };
    const zones = ['Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 86_400_000 + 3_600_000 + 60_000) {
      for (const timeZone of zones) {
        const w = wallTimeAt(ms, timeZone);
        assert.deepEqual([w.year, w.month, w.day, w.hour, w.minute], fresh(ms, timeZone), `${timeZone} at ${ms}`);
      }
      assert.throws(() => assertTimeZone('Mars/Olympus'), /Unknown time zone "Mars\/Olympus"/);
    }
    assert.throws(() => assertTimeZone(''), RangeError);
  });
});
