/**
 * Round 11 (issue 15), English classes from en-train-9's failures, each with own sentences: prices said in two
 * units ("two pounds fifty"), dictated sums ("what's for times six", "nine no eleven times three"), a tax or a
 * charge on top of the last result.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbols } from '../../../src/skills/builtin/calculator.ts';
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

  it('two numbers after a currency stay two when the sum goes on', () => {
    assert.equal(toSymbols('what is 4 pounds 20 percent of'), undefined);
  });

  it('a take-back, a filler and the homophone of a number', () => {
    assert.equal(value('whats nine no eleven times three'), 33);
    assert.equal(value('uh what is for times nine'), 36);
    assert.equal(value('whats eight divided by too'), 4);
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
