/**
 * Round 12 (issue 15), English classes from en-train-10's failures (people at work between tasks), each with
 * own sentences: a sum with the talk of the job around it (counted nouns, "for the two vans", "quick one"),
 * "a dozen", marks out of a total as a percentage, a percentage charged on an amount, a number then the last
 * result ("300 plus that"); list items with the talk around them in other Englishes ("in shopping list", "the
 * red ones", "got already", "the list of shopping", "I am not need X, take out"); conversions of a height or a
 * weight said in two units ("5 foot 8"), of bare degrees, and into a short unit after "in" ("in kg"); a name,
 * a word to spell or a timer's length with a clause after it ("I am called Marek, please to remember it",
 * "spell xylophone then, I'll learn it", "timer 15, laundry").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbols } from '../../../src/skills/builtin/calculator.ts';
import { evaluateExpression } from '../../../src/skills/builtin/expression.ts';
import { parseListRequest } from '../../../src/skills/builtin/list-parse.ts';
import { parseConversion } from '../../../src/skills/builtin/conversion.ts';
import { createSpellingSkill } from '../../../src/skills/builtin/spelling.ts';
import type { DialogueSlot } from '../../../src/dialogue/types.ts';
import { createHarness } from '../dialogue/harness.ts';

/** The value of a spoken sum, or undefined when it is not read. */
function value(text: string): number | undefined {
  const s = toSymbols(text);
  return s === undefined ? undefined : evaluateExpression(s);
}

describe('a sum with the talk of the job around it', () => {
  it('counted nouns between the numbers and their operator', () => {
    assert.equal(value('36 trays times 8 racks, how many is that'), 288);
    assert.equal(value('what do 14 crates plus 9 crates make'), 23);
  });

  it('a count of what the sum is for, or a "one" that counts nothing, is no term of it', () => {
    assert.equal(value('120 plus 64 for the two vans'), 184);
    assert.equal(value('what is 9 times 12, just a quick one'), 108);
    assert.equal(value('318 minus 40 across the four wards'), 278);
    // "for the 3 of us" may share the sum out: not cut, the sum is asked about as before; so may a count after
    // a verb that shares ("split 900 across the three sites" is not read as 900 alone).
    assert.equal(toSymbols('60 plus 30 for the 3 of us'), undefined);
    assert.notEqual(toSymbols('split 900 across the three sites'), '900');
  });

  it('units are no counted nouns: a sum of mixed units is not read (asked about, as before)', () => {
    assert.equal(toSymbols("what's 5 hours plus 45 minutes"), undefined);
    assert.equal(toSymbols("what's 2 weeks minus 3 days"), undefined);
    assert.equal(toSymbols('5 kilos plus 300 grams'), undefined);
  });

  it('any unit the conversion skill knows is no counted noun, nor a span of decades', () => {
    // Units outside the money and measure words the calculator names itself: still no sum of their figures.
    assert.equal(toSymbols('what is 4 pints plus 2 gallons'), undefined);
    assert.equal(toSymbols('3 yards minus 20 inches'), undefined);
    assert.equal(toSymbols('2 tonnes plus 300 kilos'), undefined);
    assert.equal(toSymbols('7 centimetres plus 4 millimetres'), undefined);
    assert.equal(toSymbols('2 centuries minus 5 decades'), undefined);
    assert.equal(toSymbols('6 tablespoons times 3 cups'), undefined);
    // Counted nouns still are: the class stays.
    assert.equal(value('12 pallets times 40 cartons'), 480);
  });

  it('dozens', () => {
    assert.equal(value('half a dozen times 7'), 42);
    assert.equal(value('whats a dozen plus 5, muffin tins'), 17);
    assert.equal(value('4 dozen minus 10'), 38);
  });

  it('a mark out of a total, as a percentage or bare', () => {
    assert.equal(value('what is 18 out of 24 as a percentage'), 75);
    assert.equal(value('42 out of 50 in percent for Zoe'), 84);
    assert.equal(value('3 out of 4'), 0.75);
  });

  it('a percentage charged on an amount; "add … on" still raises it', () => {
    assert.equal(value('what is 15 percent VAT on 300'), 45);
    assert.equal(value("what's 10% service charge on 80"), 8);
    assert.equal(value('add 10% on 80'), 88);
  });
});

describe('the next step on a sum at work', () => {
  it('a number then the last result, and the next mark read as the first was', async () => {
    const h = await createHarness();
    await h.say('what is 12 percent tax on 500', 'calculator');
    const total = await h.say('so 500 plus that comes to?', 'calculator');
    assert.match(total.reply.text, /\b560\b/);
    const less = await h.say('and 1000 minus that', 'calculator');
    assert.match(less.reply.text, /\b440\b/);
    const h2 = await createHarness();
    const first = await h2.say("what's 27 out of 30 as a percentage for Sam", 'calculator');
    assert.match(first.reply.text, /\b90\b/);
    const next = await h2.say('and 24 out of 30 for Ava', 'calculator');
    assert.match(next.reply.text, /\b80\b/);
  });

  it('a step with a count of what it is for continues the sum', async () => {
    const h = await createHarness();
    await h.say('300 plus 120 for the two deliveries', 'calculator');
    const r = await h.say('times 2 for both shops', 'calculator');
    assert.match(r.reply.text, /\b840\b/);
  });
});

describe('list items with the talk around them', () => {
  const add = (text: string) => parseListRequest(text).add;
  const remove = (text: string) => parseListRequest(text).remove;

  it('a list named without its article, or as "the list of shopping"', () => {
    assert.deepEqual(add('kindly add jeera and rice in shopping list'), ['jeera', 'rice']);
    assert.deepEqual(add('i like to put in the list of shopping tomatoes and garlic'), ['tomatoes', 'garlic']);
    assert.deepEqual(add('grocery list. teabags'), ['teabags']);
  });

  it('which kind of the item just named is no item of its own; alone it is', () => {
    assert.deepEqual(add('add 6 apples, the green ones'), ['6 apples']);
    assert.deepEqual(add('put bin liners on the list, the heavy duty kind'), ['bin liners']);
    assert.deepEqual(add('add the small ones'), ['small ones']);
  });

  it('"got already", "I am not need X, take out": the item taken off, and nothing else', () => {
    assert.deepEqual(remove('remove the milo, got already'), ['milo']);
    assert.deepEqual(remove('take the sugar off, already have some'), ['sugar']);
    assert.deepEqual(remove('i am not need butter, take out'), ['butter']);
  });
});

describe('conversions as they are said at work', () => {
  it('a height or a weight in two units is one amount of the smaller', () => {
    assert.deepEqual(parseConversion('she is 5 foot 6, how much is that in cm'), {
      amount: 66,
      from: 'inch',
      to: 'centimeter',
    });
    assert.deepEqual(parseConversion('6 feet 1 inches to metres'), { amount: 73, from: 'inch', to: 'meter' });
    assert.deepEqual(parseConversion('what is 12 stone 3 in kilos'), { amount: 171, from: 'pound', to: 'kilogram' });
    // 14 inches do not fit under a foot: no two-unit amount.
    assert.equal(parseConversion('5 foot 14 in cm').amount, 5);
  });

  it('degrees said bare are the scale not asked for', () => {
    assert.deepEqual(parseConversion('how much is 25 degree in fahrenheit'), {
      amount: 25,
      from: 'celsius',
      to: 'fahrenheit',
    });
    assert.deepEqual(parseConversion('whats 98 degrees in celsius, is that a fever'), {
      amount: 98,
      from: 'fahrenheit',
      to: 'celsius',
    });
  });

  it('a short unit after "in" is the one asked for, with talk between', () => {
    assert.deepEqual(parseConversion('the bag is 40 pounds, what is that in kg'), {
      amount: 40,
      from: 'pound',
      to: 'kilogram',
    });
  });
});

describe('a value with a clause of talk after it', () => {
  it('"I am called X", and a name corrected with why after a comma', async () => {
    const h = await createHarness();
    const r = await h.say('I am called Marek, please to remember it', 'change_user_name');
    assert.equal(r.understanding.slots['name'], 'Marek');
    const h2 = await createHarness();
    await h2.say('call me Sam from now', 'change_user_name');
    const fixed = await h2.say('actually Samantha, the full name', 'change_user_name');
    assert.equal(fixed.understanding.slots['name'], 'Samantha');
    // A capitalized name alone after a comma is still the one meant.
    const h3 = await createHarness();
    await h3.say('call me Kat', 'change_user_name');
    const c = await h3.say('sorry with a C, Cat', 'change_user_name');
    assert.equal(c.understanding.slots['name'], 'Cat');
  });

  it('"I am called" with a particle is the verb, no name', async () => {
    for (const text of [
      'I am called back for a second interview on Friday',
      "i'm called in to cover a shift tonight",
    ]) {
      const h = await createHarness();
      const r = await h.say(text, 'change_user_name');
      assert.equal(r.understanding.slots['name'], undefined, text);
    }
  });

  it('a word to spell with why after a comma', async () => {
    const h = await createHarness();
    const r = await h.say("spell xylophone then, I'll learn it", 'spelling');
    assert.equal(r.understanding.slots['word'], 'xylophone');
    // A clause that asks for the next word is no reason: "thanks" before it is no word to spell.
    const slot = createSpellingSkill(() => 0).slots?.find((x) => x.name === 'word') as DialogueSlot;
    const text = 'thanks, and how about mischievous';
    const cue = { type: 'follow-up' as const, rest: text };
    assert.notEqual(slot.extract?.({ text, entities: [], slots: { word: 'necessary' }, answer: false, cue }), 'thanks');
  });

  it('"timer 15" is fifteen minutes; "cancel timer 2" names a timer', async () => {
    const h = await createHarness();
    const r = await h.say('right. timer 15, laundry', 'timer');
    assert.equal(r.understanding.slots['duration'], 900_000);
    const h2 = await createHarness();
    await h2.say('set a timer for 10 minutes', 'timer');
    const c = await h2.say('cancel timer 2', 'timer');
    assert.notEqual(c.understanding.slots['duration'], 120_000);
  });

  it('a question about a numbered timer is no length', async () => {
    for (const text of ['and timer 3?', 'so what about timer 3', 'what is on timer 3']) {
      const h = await createHarness();
      await h.say('set a timer for 10 minutes', 'timer');
      await h.say('and another for 25 minutes', 'timer');
      await h.say('and one more for 4 minutes', 'timer');
      const r = await h.say(text, 'timer');
      assert.notEqual(r.understanding.slots['duration'], 180_000, text);
    }
  });
});

describe('a reminder with why after its time', () => {
  it('the clause after the time is no part of the task', async () => {
    const h = await createHarness();
    const r = await h.say('remind me to ring grandad at 6 in the evening, his anniversary', 'reminder_update');
    assert.equal(r.understanding.slots['task'], 'ring grandad');
    // A task said after the time keeps its own commas.
    const h2 = await createHarness();
    const r2 = await h2.say('remind me at 6 to buy milk, eggs and bread', 'reminder_update');
    assert.equal(r2.understanding.slots['task'], 'buy milk, eggs and bread');
  });

  it('a list or a name after the comma is part of the task, not why', async () => {
    const cases: [string, string][] = [
      ['remind me to get flour on saturday, sugar and butter', 'sugar and butter'],
      ['remind me to feed the cats at 8, the two upstairs', 'upstairs'],
      ['remind me to collect the boys at 4, Tom and Ravi', 'Ravi'],
      ['remind me to text Priya at 9, Jo as well', 'Jo as well'],
    ];
    for (const [text, kept] of cases) {
      const h = await createHarness();
      const r = await h.say(text, 'reminder_update');
      assert.match(String(r.understanding.slots['task']), new RegExp(kept), text);
    }
  });
});
