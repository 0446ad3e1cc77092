/**
 * Classes of round 10 (issue 15), from the failed turns of people's English dialogues at home (en-train-7):
 * lengths of time ("another second timer" is no second, "an hour and 40"), "wake me at 7 hour"; sums said the way a family says them (a price and its discount, an amount shared out, "and a half"); conversions said inside a longer sentence or turned round; clock hours said bare (the afternoon's from 1 to 4, a
 * reminder's till 6), an hour after a part of the day ("saturday evening, 7ish"), a day of the month ("on the 3rd"),
 * a reminder's task ending in the particle "in", and a reminder on a bare day asking its time. Sentences are our own.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseConversion } from '../../../src/skills/builtin/conversion.ts';
import { toSymbols } from '../../../src/skills/builtin/calculator.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { NOW, ZONE } from '../dialogue/harness.ts';
import { shippedPlayer } from '../dialogue/shipped-play.ts';

let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

/** The date and time entities of `text` as [text, value]. */
function times(text: string): [string, unknown][] {
  return extractEntities(text, { now: NOW, timeZone: ZONE })
    .filter((e) => e.kind === 'time' || e.kind === 'datetime' || e.kind === 'date')
    .map((e) => [e.text, e.value]);
}

/** The replies of a dialogue played through the shipped models. */
async function replies(...turns: string[]): Promise<string[]> {
  return (await play(...turns)).map((t) => t.text);
}

describe('conversions said with more around them', () => {
  it('reads the units of a request inside a longer sentence', () => {
    assert.deepEqual(parseConversion('my scales are in grams and the cake wants 8 ounces, how much is that in grams'), {
      amount: 8,
      from: 'ounce',
      to: 'gram',
    });
    assert.deepEqual(parseConversion('how many miles is a 10 km run'), { amount: 10, from: 'kilometer', to: 'mile' });
    assert.deepEqual(parseConversion('and a 3 litre one?'), { amount: 3, from: 'liter' });
    // One- and two-letter units only after a number: "i'm" is no meter.
    assert.deepEqual(parseConversion("i'm not sure, maybe later"), {});
  });

  it('turns the last conversion round, and takes the unit out of an answer with talk after it', async () => {
    const [, back] = await replies(
      'what is 30 celsius in fahrenheit, for the pool',
      'and 50 fahrenheit the other way?',
    );
    assert.match(back ?? '', /10 degrees Celsius/);
    const [ask, answer] = await replies('convert 2 miles for me please', 'into kilometres, it is for my running app');
    assert.match(ask ?? '', /to what/i);
    assert.match(answer ?? '', /3\.21869 kilometers/);
    const [, more] = await replies('how many grams is a 2 pound bag of flour', 'and in ounces for the old recipe');
    assert.match(more ?? '', /32 ounces/);
  });
});

describe('clock hours said bare, and days said loosely (said at 10:00 on Thursday 26 November)', () => {
  it('reads 1 to 4 as the afternoon, and 5 to 6 as the evening only for a reminder that is no alarm', () => {
    assert.deepEqual(times('remind me at 4:45 to collect the dry cleaning'), [
      ['at 4:45', '2026-11-26T16:45:00+01:00'],
    ]);
    assert.deepEqual(times('on saturday at 1 the kids have swimming'), [
      ['on saturday at 1', '2026-11-28T13:00:00+01:00'],
    ]);
    assert.deepEqual(times('wake me from my nap at 3:40'), [['at 3:40', '2026-11-26T15:40:00+01:00']]);
    assert.deepEqual(times('remind me at 5 to feed the cat'), [['at 5', '2026-11-26T17:00:00+01:00']]);
    // An alarm at 5 or 6, a time with its half of the day, and 24-hour writing keep their reading.
    assert.deepEqual(times('set an alarm at 5 please'), [['at 5', '2026-11-27T05:00:00+01:00']]);
    assert.deepEqual(times('remind me at 3 in the morning to check the baby'), [
      ['at 3 in the morning', '2026-11-27T03:00:00+01:00'],
    ]);
    assert.deepEqual(times('remind me at 01:30 to move the car'), [['at 01:30', '2026-11-27T01:30:00+01:00']]);
  });

  it('joins an hour said after a part of the day to it', () => {
    assert.deepEqual(times('saturday evening, 7ish'), [['saturday evening, 7ish', '2026-11-28T19:00:00+01:00']]);
    assert.deepEqual(times('tomorrow morning around 10:15'), [
      ['tomorrow morning around 10:15', '2026-11-27T10:15:00+01:00'],
    ]);
  });

  it('reads "on the 3rd" as the next such day of a month, and not "the 2nd one" or "the 3rd floor"', () => {
    assert.deepEqual(times('the boiler man comes on the 3rd'), [['the 3rd', '2026-12-03']]);
    assert.deepEqual(times('it has to be paid by the 28th'), [['the 28th', '2026-11-28']]);
    assert.deepEqual(times('delete the 2nd one'), []);
    assert.deepEqual(times('she lives on the 3rd floor'), []);
  });

  it('keeps the particle "in" of a task, and asks the time of a reminder on a bare day', async () => {
    const [asked, set] = await replies('remind me to hand the library books in on monday', 'after lunch, say 2');
    assert.match(asked ?? '', /remind you to hand the library books in\?/);
    assert.match(set ?? '', /hand the library books in on Monday, November 30 at 2:00 PM/);
    const [day] = await replies('remind me to let the dog in tonight');
    assert.match(day ?? '', /let the dog in/);
  });
});

describe('sums said at home', () => {
  it('reads a fraction after "and", a price with its discount, and an amount shared out', () => {
    assert.equal(toSymbols('what is three and a half times 6'), '3.5 * 6');
    assert.equal(toSymbols('the trainers were 50 but there is 20% off, how much now'), '50 - 20%');
    assert.equal(toSymbols('the meal came to 150 pounds shared among 5 friends'), '150 / 5');
  });

  it('changes the number of shares or the discount in a follow-up', async () => {
    const [each, more] = await replies('the holiday cottage is 900 split between 3 couples', 'what if 4 couples come');
    assert.match(each ?? '', /300/);
    assert.match(more ?? '', /225/);
    const [, other] = await replies('the sofa was 400 and it is 10% off, what is the price', 'and if it was 15% off');
    assert.match(other ?? '', /340/);
  });
});

describe("lengths of time and a learner's alarm hour", () => {
  /** The duration entities of `text` as [text, value]. */
  const lengths = (text: string): [string, unknown][] =>
    extractEntities(text, { now: NOW, timeZone: ZONE })
      .filter((e) => e.kind === 'duration')
      .map((e) => [e.text, e.value]);

  it('reads "a second" before a noun as the ordinal, and minutes said bare after hours', () => {
    assert.deepEqual(lengths('and a second timer for the pizza, 12 minutes'), [['12 minutes', 720_000]]);
    assert.deepEqual(lengths('hang on a second'), [['a second', 1000]]);
    assert.deepEqual(lengths('the joint needs 2 hours and 40'), [['2 hours and 40', 9_600_000]]);
    assert.deepEqual(lengths('it takes an hour and 2 eggs'), [['an hour', 3_600_000]]);
  });

  it('reads "wake me at N hour" as that clock hour', () => {
    assert.deepEqual(times('please wake me up at 7 hour'), [['at 7 hour', '2026-11-27T07:00:00+01:00']]);
  });
});
