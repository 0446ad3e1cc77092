/**
 * Classes of round 10 (issue 15), from the failed turns of people's English dialogues at home (en-train-7):
 * conversions said inside a longer sentence or turned round, ... Sentences are our own.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseConversion } from '../../../src/skills/builtin/conversion.ts';
import { shippedPlayer } from '../dialogue/shipped-play.ts';

let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

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
