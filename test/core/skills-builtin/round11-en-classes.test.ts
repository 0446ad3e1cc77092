/**
 * Round 11 (issue 15), English classes from en-train-9's failures, each with own sentences: prices said in two
 * units ("two pounds fifty"), dictated sums ("what's for times six", "nine no eleven times three"), a tax or a
 * charge on top of the last result; the talk around a dictated slot value (a list item, a name, a word to spell).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbols } from '../../../src/skills/builtin/calculator.ts';
import { parseListRequest } from '../../../src/skills/builtin/list-parse.ts';
import { evaluateExpression } from '../../../src/skills/builtin/expression.ts';
import { createHarness } from '../dialogue/harness.ts';

/** The value of a spoken sum, or undefined when it is not read. */
function value(text: string): number | undefined {
  const s = toSymbols(text);
  return s === undefined ? undefined : evaluateExpression(s);
}

describe('sums as they are dictated', () => {
  it('a price in pounds and pence, dollars and cents is one amount', () => {
    assert.equal(value('what is six times four pounds twenty'), 25.2);
    assert.equal(value('eleven dollars and 5 cents times 2'), 22.1);
    assert.equal(value('3 quid 99 plus 2 quid 50'), 6.49);
  });

  it('a price said before the operator is one amount too; a percentage after it is not its pence', () => {
    assert.equal(value('what is 2 pounds 40 times 5'), 12);
    assert.equal(toSymbols('what is 4 pounds 20 percent of'), undefined);
  });

  it('a take-back, a filler and the homophone of a number', () => {
    assert.equal(value('whats nine no eleven times three'), 33);
    assert.equal(value('uh what is for times nine'), 36);
    assert.equal(value('whats eight divided by too'), 4);
    assert.equal(value('what is 6 plus 3 no one told me'), 9);
  });

  it('a tax or a charge on top of the last result, a discount off it', async () => {
    const h = await createHarness();
    await h.say('what is 3 times 15 pounds', 'calculator');
    const vat = await h.say('and add 20 percent vat on top', 'calculator');
    assert.match(vat.reply.text, /\b54\b/);
    const h2 = await createHarness();
    await h2.say('what is 40 times 2', 'calculator');
    const off = await h2.say('with 25 percent off', 'calculator');
    assert.match(off.reply.text, /\b60\b/);
  });
});

describe('the talk around a dictated slot value', () => {
  it('a list item keeps no filler, no "then"/"actually" and no "back" before "off"', () => {
    assert.deepEqual(parseListRequest('put uh dish soap on the shopping list').add, ['dish soap']);
    assert.deepEqual(parseListRequest('add crackers and cheese to the list actually').add, ['crackers', 'cheese']);
    assert.deepEqual(parseListRequest('take the yoghurt back off then').remove, ['yoghurt']);
  });

  it('a name ends before "by the way" / "actually"', async () => {
    const h = await createHarness();
    const r = await h.say('my name is Ruairi by the way', 'change_user_name');
    assert.equal(r.understanding.slots['name'], 'Ruairi');
    const h2 = await createHarness();
    const r2 = await h2.say("my name's Aoife actually", 'change_user_name');
    assert.equal(r2.understanding.slots['name'], 'Aoife');
  });

  it('a word to spell answered with the request around it, or with what says which word', async () => {
    const h = await createHarness();
    await h.say('can you help me spell something', 'spelling');
    const r = await h.say('alright spell rhythm for me', 'spelling');
    assert.equal(r.understanding.slots['word'], 'rhythm');
    const h2 = await createHarness();
    await h2.say('i need a word spelled', 'spelling');
    const r2 = await h2.say('separate, like the word separate', 'spelling');
    assert.equal(r2.understanding.slots['word'], 'separate');
  });
});
