/**
 * Voice dictation around a number (dictation.ts; issue 15, round 11). A take-back in any slot kind ("at 7 no 8", "ten
 * seconds I mean ten minutes"), a filler between a day and its time ("thursday uh at 4", "friday like at
 * noon"), the homophones of a count before a unit ("a too hour timer"). Own sentences; parsers on the
 * entities, values through the dialogue stack with a scripted intent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { readDictation } from '../../../src/nlu/entities/dictation.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

/** The entities of `text` as [kind, text, value]. */
function ents(text: string): [string, string, unknown][] {
  return extractEntities(text, { now: NOW, timeZone: ZONE }).map((e) => [e.kind, e.text, e.value]);
}

describe('a take-back between two numbers keeps the second', () => {
  it('in a clock time, with or without its minutes or half of the day', () => {
    assert.deepEqual(ents('get me up at 6 no 7 on saturday'), [
      ['datetime', 'at 6 no 7 on saturday', '2026-11-28T07:00:00+01:00'],
    ]);
    assert.deepEqual(
      ents('ring the alarm at five fifteen sorry five forty tomorrow morning')[0]?.[2],
      '2026-11-27T05:40:00+01:00',
    );
    assert.deepEqual(ents('ping me at 2 no 3 pm about the parcel')[0]?.[2], '2026-11-26T15:00:00+01:00');
  });

  it('in a length, its unit corrected too', () => {
    assert.deepEqual(ents('a timer for thirty seconds i mean thirty minutes'), [
      ['duration', 'thirty minutes', 1_800_000],
    ]);
    assert.deepEqual(ents('nudge me in five sorry fifteen minutes')[0]?.[2], '2026-11-26T10:15:00+01:00');
  });

  it('leaves "no" and "sorry" alone when no number follows', () => {
    assert.deepEqual(ents('3 no sugar please'), [['number', '3', 3]]);
    assert.deepEqual(ents('sorry 5 minutes late'), [['duration', '5 minutes', 300_000]]);
    assert.equal(readDictation('two tickets no thanks'), 'two tickets no thanks');
  });

  it('a number after "no"/"sorry" that counts something is content, not a take-back', () => {
    assert.deepEqual(ents('get me up at 5 no one else will')[0], ['time', 'at 5', '2026-11-27T05:00:00+01:00']);
    assert.deepEqual(ents('a timer for 20 minutes no one touch the oven')[0], ['duration', '20 minutes', 1_200_000]);
    assert.deepEqual(ents('remind me at 3 sorry one more thing bring the charger')[0]?.[1], 'at 3');
    assert.deepEqual(ents('remind me at 8 actually 3 things')[0]?.[2], '2026-11-27T08:00:00+01:00');
    assert.deepEqual(ents('friday at 9 actually 12 guests are coming')[0]?.[2], '2026-11-27T09:00:00+01:00');
  });

  it('"no one"/"sorry one" before at, on, in the, to or and is a pronoun, not "one" meant', () => {
    for (const [said, time] of [
      ['get me up at 7 no one in the flat is awake by then', '2026-11-27T07:00:00+01:00'],
      ['ping me at 4 no one at reception picks up after that', '2026-11-26T16:00:00+01:00'],
      ['remind me at 6 sorry one on the guest list cancelled', '2026-11-26T18:00:00+01:00'],
      ['remind me at 5 no one to drive me there', '2026-11-26T17:00:00+01:00'],
      ['remind me at 3 no one and no dog in the car', '2026-11-26T15:00:00+01:00'],
    ]) {
      assert.equal(readDictation(said!), said, said);
      assert.deepEqual(ents(said!)[0]?.[2], time, said);
    }
    assert.deepEqual(ents('a timer for 15 minutes no one at the door gets it'), [
      ['duration', '15 minutes', 900_000],
      ['number', 'one', 1],
    ]);
  });

  it('"one" alone is meant before its half of the day or its unit', () => {
    assert.equal(ents('ping me at 2 no one pm')[0]?.[2], '2026-11-26T13:00:00+01:00');
    assert.deepEqual(ents('a timer for five minutes sorry one minute'), [['duration', 'one minute', 60_000]]);
  });

  it('reads the take-back away with spaces, keeping the length of the text', () => {
    const said = 'okay so um set it for 4 no wait 5 like at noon';
    assert.equal(readDictation(said), 'okay so    set it for           5      at noon');
  });

  it('reads thousands of fillers or take-backs in bounded time', () => {
    for (const said of ['um '.repeat(1400), '5 sorry '.repeat(512), '7 no '.repeat(820)]) {
      const start = performance.now();
      extractEntities(said, { now: NOW, timeZone: ZONE });
      // main: ~0.1-1.3 s on these at load 15; the reading must not add a quadratic pass of its own.
      assert.ok(performance.now() - start < 5000, `${(performance.now() - start).toFixed(0)} ms`);
    }
  });
});

describe('a spoken filler between a day and its time', () => {
  it('"uh", "um", "like" before the time join it to the day', () => {
    assert.deepEqual(ents('thursday uh at 4 pm is the meeting')[0]?.[2], '2026-11-26T16:00:00+01:00');
    assert.deepEqual(ents('saturday like at noon')[0]?.[2], '2026-11-28T12:00:00+01:00');
    assert.deepEqual(ents('a timer for like 8 minutes'), [['duration', '8 minutes', 480_000]]);
  });

  it('"like" as a verb stays', () => {
    assert.equal(readDictation("i'd like at least two"), "i'd like at least two");
    assert.equal(readDictation('they like 3 sugars'), 'they like 3 sugars');
    assert.equal(readDictation('the kids like at least 2 biscuits'), 'the kids like at least 2 biscuits');
    assert.equal(readDictation('cats like 3 naps a day'), 'cats like 3 naps a day');
  });

  it('"like" goes only after a day, a part of one or a preposition of time, even after a filler', () => {
    assert.equal(readDictation('friday um like at 9'), 'friday         at 9');
    assert.equal(readDictation('in like ten minutes'), 'in      ten minutes');
  });
});

describe('homophones of a count before a unit', () => {
  it('"too"/"to" after a/for/in are two, "for for" is four', () => {
    assert.deepEqual(ents('a too hour parking timer'), [['duration', 'too hour', 7_200_000]]);
    assert.deepEqual(ents('put on a to minute timer'), [['duration', 'to minute', 120_000]]);
    assert.deepEqual(ents('timer for for minutes'), [['duration', 'for minutes', 240_000]]);
  });

  it('"in for hours" is the idiom, never four hours from now', () => {
    assert.deepEqual(ents('the team is in for hours of overtime'), []);
  });

  it('"to" and "for" elsewhere are what they are', () => {
    assert.deepEqual(ents('go to bed in ten minutes')[0]?.[1], 'in ten minutes');
    assert.deepEqual(ents('walk for an hour'), [['duration', 'an hour', 3_600_000]]);
    assert.deepEqual(ents('listen to ten minutes of jazz'), [['duration', 'ten minutes', 600_000]]);
  });
});

describe('dictated slots through the dialogue', () => {
  it('a reminder with a take-back in its time keeps the task whole', async () => {
    const h = await createHarness();
    const r = await h.say('remind me to move the car in ten no twenty minutes', 'reminder_update');
    assert.equal(r.understanding.slots['when'], '2026-11-26T10:20:00+01:00');
    assert.equal(r.understanding.slots['task'], 'move the car');
  });

  it('"no one"/"sorry one" in a reminder or a sum keeps the time and the numbers said', async () => {
    const h = await createHarness();
    const r = await h.say('remind me at 5 sorry one on the rota is off sick', 'reminder_update');
    assert.equal(r.understanding.slots['when'], '2026-11-26T17:00:00+01:00');
    const h2 = await createHarness();
    const sum = await h2.say('what is 7 plus 5 no one at work could do it', 'calculator');
    assert.match(sum.reply.text, /\b12\b/);
    assert.doesNotMatch(sum.reply.text, /\b8\b/);
  });

  it('a filler said inside the task is no part of it; words that hold one are kept', async () => {
    const h = await createHarness();
    const r = await h.say('remind me at 2 no 3 pm to text um Priya', 'reminder_update');
    assert.equal(r.understanding.slots['task'], 'text Priya');
    const h2 = await createHarness();
    const r2 = await h2.say('remind me to erm, hum the anthem for Umar at 4', 'reminder_update');
    assert.equal(r2.understanding.slots['task'], 'hum the anthem for Umar');
  });

  it('a timer answer with a take-back', async () => {
    const h = await createHarness();
    await h.say('start a timer', 'timer');
    const r = await h.say('uh four no six minutes', 'timer');
    assert.equal(r.understanding.slots['duration'], 360_000);
  });
});

describe('a spoken hour before its day, and minutes to the hour said alone', () => {
  it('"for six tomorrow" after an alarm cue, "for five forty tomorrow" with its minutes', () => {
    assert.deepEqual(
      ents('put an alarm on for five tomorrow, the ferry leaves early')[0]?.[2],
      '2026-11-27T05:00:00+01:00',
    );
    assert.deepEqual(ents('make one for seven twenty tomorrow then')[1]?.[2], '2026-11-27T07:20:00+01:00');
  });

  it('a count before a day stays a count', () => {
    assert.deepEqual(ents('a table for four tomorrow'), [
      ['number', 'four', 4],
      ['date', 'tomorrow', '2026-11-27'],
    ]);
  });

  it('"five to eight" answers an alarm; a range, a sum or a score is no time', async () => {
    const h = await createHarness();
    await h.say('I need waking up on saturday', 'alarm');
    const r = await h.say('twenty five to eight please', 'alarm');
    assert.equal(r.understanding.slots['time'], '2026-11-28T07:35:00+01:00');
    assert.deepEqual(
      ents('we are open from ten to six').map((e) => e[0]),
      ['number', 'number'],
    );
    assert.deepEqual(
      ents('add five to nine').map((e) => e[0]),
      ['number', 'number'],
    );
    assert.deepEqual(
      ents('they lost twenty to eight').map((e) => e[0]),
      ['number', 'number'],
    );
    assert.deepEqual(
      ents('remind me that five to eight kids are staying over').map((e) => e[0]),
      ['number', 'number'],
    );
    assert.deepEqual(
      ents('remind me to order ten to twelve chairs').map((e) => e[0]),
      ['number', 'number'],
    );
  });

  it('a range, a score or odds after "remind me" is no time; a clock word right before one governs it', () => {
    for (const said of [
      'remind me the bakery is open from ten to six',
      'remind me we lost twenty to nine',
      'remind me the odds were ten to one',
      'remind me the final score was five to seven',
    ]) {
      assert.deepEqual(
        ents(said).map((e) => e[0]),
        ['number', 'number'],
        said,
      );
    }
    assert.equal(ents('wake me up twenty to seven')[0]?.[2], '2026-11-27T06:40:00+01:00');
    assert.equal(ents('move it to ten to six')[0]?.[2], '2026-11-27T05:50:00+01:00');
    assert.equal(ents('remind me at ten to six')[0]?.[2], '2026-11-26T17:50:00+01:00');
  });
});
