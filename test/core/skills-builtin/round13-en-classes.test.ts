/**
 * Round 13 (issue 15), English classes from en-train-12's failures (students, travellers, texting, Australian and
 * New Zealand English), each with own sentences: list items and words to spell with stance words or emoji after
 * them ("obviously", "ngl", "😭", "to it lol", "the british way"); a reminder's task that ends on its verb's
 * particle ("turn the heating on"); energy units (calories, kilojoules); a conversion said in full with talk
 * after it that names another domain ("… for the hire car", "… the cookbook is american"), which the intent
 * model reads as that domain.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseListRequest, splitItems } from '../../../src/skills/builtin/list-parse.ts';
import { parseConversion } from '../../../src/skills/builtin/conversion.ts';
import { createCalculatorSkill, toSymbols } from '../../../src/skills/builtin/calculator.ts';
import type { DialogueSlot } from '../../../src/dialogue/types.ts';
import { convert, unitByAlias } from '../../../src/skills/builtin/units.ts';
import { convertsUnits, simplifyTurn } from '../../../src/lang/en/en-turn-acts.ts';
import { createHarness } from '../dialogue/harness.ts';
import { shippedPlayer } from '../dialogue/shipped-play.ts';

describe('slot values with stance words or emoji after them', () => {
  it('list items lose "obviously", "ngl", "tbh", emoji and "to it lol"', () => {
    assert.deepEqual(splitItems('oat milk obviously'), ['oat milk']);
    assert.deepEqual(splitItems('paper towels ngl'), ['paper towels']);
    assert.deepEqual(splitItems('dog food, obviously'), ['dog food']);
    assert.deepEqual(parseListRequest('add oat milk 😭').add, ['oat milk']);
    assert.deepEqual(parseListRequest('add call the dentist to it lol').add, ['call the dentist']);
    assert.deepEqual(parseListRequest('put walk the dog on it haha').add, ['walk the dog']);
    assert.deepEqual(parseListRequest('add hummus to the list tbh').add, ['hummus']);
    // Words of the item itself stay.
    assert.deepEqual(parseListRequest('add real ale and honest bread').add, ['real ale', 'honest bread']);
  });

  it('a word to spell loses emoji, stance words and which spelling is meant', async () => {
    for (const [said, word] of [
      ['and rhythm 😭', 'rhythm'],
      ['and labour the british way too', 'labour'],
      ['and honour the canadian way', 'honour'],
      ['and mischievous ngl', 'mischievous'],
      ['spell theatre in british english pls', 'theatre'],
    ]) {
      const h = await createHarness();
      await h.say('how do you spell necessary', 'spelling');
      const r = await h.say(said!, 'spelling');
      assert.equal(r.understanding.slots['word'], word, said);
    }
  });

  it('reads a word after a long run of emoji in linear time', async () => {
    const h = await createHarness();
    await h.say('how do you spell necessary', 'spelling');
    const start = performance.now();
    await h.say(`and rhythm ${'😭 '.repeat(3000)}`, 'spelling');
    // The reply itself is not the point (the text is long): the emoji are read once, not backtracked over.
    assert.ok(performance.now() - start < 5000, `${(performance.now() - start).toFixed(0)} ms`);
  });

  it("a reminder's task keeps its verb's particle at the end; a time after it still leaves none", async () => {
    for (const [said, task] of [
      ['remind me tomorrow at 8 to turn the heating on', 'turn the heating on'],
      ['remind me at 9pm to put the bins out', 'put the bins out'],
      ['remind me at 7 to switch the oven off', 'switch the oven off'],
      ['remind me to call mum at 6', 'call mum'],
      ['remind me to water the plants on friday', 'water the plants'],
    ]) {
      const h = await createHarness();
      const r = await h.say(said!, 'reminder_update');
      assert.equal(r.understanding.slots['task'], task, said);
    }
  });

  it('a particle before a time said after it stays; a bare "at" or time word at the end goes', async () => {
    for (const [said, task, time] of [
      // The time brings its own preposition, or is one that "on" / "in" does not take.
      ['remind me to leave the porch light on at 7pm', 'leave the porch light on', 'T19:00'],
      ['remind me to put my coat on at 2', 'put my coat on', 'T14:00'],
      ['remind me to turn the dishwasher on tomorrow', 'turn the dishwasher on', '2026-11-27'],
      ['remind me to sign off in an hour', 'sign off', 'T11:00'],
      ['remind me to put the chicken in tonight', 'put the chicken in', 'T22:00'],
      // The word before the time is the time's own.
      ['remind me to send the form by monday', 'send the form', '2026-11-30'],
      // Nothing after it: "at" dangles.
      ['remind me to drop the parcel off at', 'drop the parcel off', undefined],
      ['remind me to ring the vet at', 'ring the vet', undefined],
    ] as const) {
      const h = await createHarness();
      const r = await h.say(said, 'reminder_update');
      assert.equal(r.understanding.slots['task'], task, said);
      if (time === undefined) assert.equal(r.understanding.slots['when'], undefined, said);
      else assert.ok(String(r.understanding.slots['when']).includes(time), `${said}: ${r.understanding.slots['when']}`);
    }
  });
});

describe('sums shared out and steps said as verbs', () => {
  const slot = createCalculatorSkill(() => 0).slots?.find((x) => x.name === 'expression') as DialogueSlot;
  const step = (previous: string, text: string) =>
    slot.extract?.({ text, entities: [], slots: { expression: previous }, answer: false });

  it('an amount shared out with its money noun and who shares it', () => {
    assert.equal(toSymbols('split 186 dollars between 4 of us'), '186 / 4');
    assert.equal(toSymbols('split 90 bucks 3 ways'), '90 / 3');
    assert.equal(toSymbols('divide 240 by the 4 of us'), '240 / 4');
    assert.equal(toSymbols('share the 120 among 3 people'), '120 / 3');
    assert.equal(toSymbols('split £75 between 3 mates'), '75 / 3');
    // A count of what a sum is for without a verb that shares stays asked about, as before.
    assert.equal(toSymbols('60 plus 30 for the 3 of us'), undefined);
  });

  it('the last result shared out, or taken from or added to by a verb', () => {
    assert.equal(step('45 + 60', 'split that between 3 people'), '(45 + 60) / 3');
    assert.equal(step('45 + 60', 'ok divide it by the 4 of us'), '(45 + 60) / 4');
    assert.equal(step('45 + 60', 'split it 3 ways'), '(45 + 60) / 3');
    assert.equal(step('45 + 60', 'now take away 12 for the parking fine'), '(45 + 60) - 12');
    assert.equal(step('45 + 60', 'knock off 5'), '(45 + 60) - 5');
    assert.equal(step('45 + 60', 'add 20 for the delivery'), '(45 + 60) + 20');
  });

  it('sums of food energy are sums; mixed units stay asked about', () => {
    const value = (t: string) => toSymbols(t);
    assert.equal(value('450 kcals times 2'), '450 * 2');
    assert.equal(value('what is 300 cals plus 450'), '300 + 450');
    assert.equal(value('250 calories times 3'), '250 * 3');
    assert.equal(value('2 gallons plus 3 quarts'), undefined);
  });

  it('a new power of the same base', () => {
    assert.equal(step('2 ^ 10', 'and to the power of 16?'), '2 ^ 16');
    assert.equal(step('3 ^ 4', 'what about to the power of 5'), '3 ^ 5');
    // Not a power: the result goes on.
    assert.equal(step('5 + 5', 'and squared'), '(5 + 5) ^2');
  });
});

describe('conversions said in full with talk after them', () => {
  it('reads energy: calories (food kilocalories), kilojoules, joules, kWh', () => {
    assert.deepEqual(parseConversion('convert 300 calories to kilojoules'), {
      amount: 300,
      from: 'kilocalorie',
      to: 'kilojoule',
    });
    assert.deepEqual(parseConversion('2000 kj in kcal'), { amount: 2000, from: 'kilojoule', to: 'kilocalorie' });
    const kj = convert(300, unitByAlias('calories')!, unitByAlias('kj')!);
    assert.ok(kj !== undefined && Math.abs(kj - 1255.2) < 0.01, String(kj));
    assert.equal(convert(1, unitByAlias('calorie')!, unitByAlias('km')!), undefined);
  });

  it('knows the shape: amount and both units first, any talk after', () => {
    const shape = (t: string) => convertsUnits(simplifyTurn(t));
    for (const t of [
      '60 mph in km/h, hired a car in florida',
      '350 f to c, the cookbook is from the states',
      "what's 2 cups in ml for this baking recipe",
      'ok convert 500 calories to kilojoules for my diet app',
    ])
      assert.ok(shape(t), t);
    for (const t of [
      'how many calories in a banana',
      'find me a recipe for 4 people',
      'rent a car for 3 days',
      // Units of two dimensions do not convert.
      '200 m in seconds was my relay leg',
      '3 kg in weeks is my goal',
    ])
      assert.ok(!shape(t), t);
  });
});

// The shipped intent, context and tagger models, played as `eval-dialogues` plays them.
let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

describe('conversions said in full with talk after them (shipped models)', () => {
  it('are conversions whatever domain the talk names', async () => {
    const [car] = await play('60 mph in km/h, hired a car in florida');
    assert.equal(car!.intent, 'measurement_conversion');
    assert.match(car!.text, /96/);
    const [oven] = await play('350 f to c, the cookbook is from the states');
    assert.equal(oven!.intent, 'measurement_conversion');
    assert.match(oven!.text, /176/);
    const [food] = await play('convert 500 calories to kilojoules for my diet app');
    assert.equal(food!.intent, 'measurement_conversion');
    assert.match(food!.text, /2,092/);
  });

  it('leave the domains themselves alone', async () => {
    const [cal] = await play('how many calories in a banana');
    assert.notEqual(cal!.intent, 'measurement_conversion');
    const [car] = await play('rent a car for 3 days in miami');
    assert.notEqual(car!.intent, 'measurement_conversion');
    const [tz] = await play("what's 3pm in tokyo");
    assert.notEqual(tz!.intent, 'measurement_conversion');
  });
});
