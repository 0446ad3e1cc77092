/**
 * Round 12 (issue 15), English loose clock times from en-train-10's failures, with own sentences: "four-ish",
 * "middayish", "half seven the morra", a 24-hour clock in hours ("tomorrow 14 hours"), a bare hour with the
 * afternoon named elsewhere ("at 3 for the afternoon staff briefing").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { NOW, ZONE } from '../dialogue/harness.ts';

/** The date and time entities of `text` as [text, value] (now: Thursday 26 November 2026, 10:00 in Paris). */
function times(text: string): [string, unknown][] {
  return extractEntities(text, { now: NOW, timeZone: ZONE })
    .filter((e) => e.kind === 'time' || e.kind === 'datetime' || e.kind === 'date')
    .map((e) => [e.text, e.value]);
}

describe('loose clock times', () => {
  it('an hour with "-ish" is that hour, read as "at" it is; a count with "-ish" is no time', () => {
    assert.deepEqual(times("remind me to phone the garage four-ish if i'm free"), [
      ['four-ish', '2026-11-26T16:00:00+01:00'],
    ]);
    assert.deepEqual(times('remind me middayish to take my tablets'), [['middayish', '2026-11-26T12:00:00+01:00']]);
    assert.deepEqual(times('remind me around 5ish to lock up'), [['around 5ish', '2026-11-26T17:00:00+01:00']]);
    assert.deepEqual(times('we need ten-ish chairs for the hall'), []);
    // Digits with "-ish" only after at/by/around…: counts otherwise.
    assert.deepEqual(times('i need 6ish for the party'), []);
    assert.deepEqual(times('the kids are 4ish'), []);
  });

  it('"half seven the morra" is 7:30 tomorrow; "in the morn" is no day', () => {
    assert.deepEqual(times('wake me half seven the morra'), [['half seven the morra', '2026-11-27T07:30:00+01:00']]);
    assert.deepEqual(times('the van comes in the morn'), []);
    assert.deepEqual(times('remind me to call the florist on the morn of the wedding'), []);
  });

  it('a 24-hour clock in hours after a day or "at"; a length stays a length', () => {
    assert.deepEqual(times('remind me tomorrow 14 hours to send the invoice'), [
      ['tomorrow 14 hours', '2026-11-27T14:00:00+01:00'],
    ]);
    assert.deepEqual(times('the call is at 16 hours'), [['at 16 hours', '2026-11-26T16:00:00+01:00']]);
    assert.deepEqual(times('the stew needs 9 hours'), []);
    assert.deepEqual(times('only 2 hours left on the shift'), []);
    // After "at", only an afternoon hour or one with its zero; never in a turn about a timer; not after today.
    assert.deepEqual(times('check the wound at 4 hours'), []);
    assert.deepEqual(times('set a timer at 2 hours'), []);
    assert.deepEqual(times('set a timer at 14 hours'), []);
    assert.deepEqual(times('i worked today 9 hours'), [['today', '2026-11-26']]);
    assert.deepEqual(times('the meeting is at 09 hours tomorrow')[0]?.[1], '2026-11-27T09:00:00+01:00');
  });

  it("a bare hour with the afternoon named elsewhere in the sentence is the afternoon's", () => {
    // The afternoon is no time of its own beside it.
    assert.deepEqual(times('remind me at 3 for the afternoon staff briefing'), [['at 3', '2026-11-26T15:00:00+01:00']]);
    // Past 6 the morning reading stays: a reminder at 11 about the evening meeting rings at 11.
    assert.deepEqual(times('remind me at 11 about the evening meeting')[0], ['at 11', '2026-11-26T11:00:00+01:00']);
    // An alarm's hour keeps its reading (the nearer of the two, as on main).
    assert.notEqual(
      times('wake me at 5 so i can revise before the afternoon exam')[0]?.[1],
      '2026-11-26T17:00:00+01:00',
    );
    assert.notEqual(times('wake me at 6 so I can prep for the evening service')[0]?.[1], '2026-11-26T18:00:00+01:00');
    // Another half of the day said keeps chrono's reading.
    assert.deepEqual(times('remind me at 9 tomorrow morning about the afternoon shift')[0], [
      'at 9 tomorrow morning',
      '2026-11-27T09:00:00+01:00',
    ]);
  });
});
