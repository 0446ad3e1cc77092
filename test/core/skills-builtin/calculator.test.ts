import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbols } from '../../../src/skills/builtin/calculator.ts';
import { CalcError, evaluateExpression } from '../../../src/skills/builtin/expression.ts';
import { wordsToDigits } from '../../../src/skills/builtin/number-words.ts';
import { createHarness } from '../dialogue/harness.ts';

const reason = (source: string): string | undefined => {
  try {
    evaluateExpression(source);
    return undefined;
  } catch (e) {
    assert.ok(e instanceof CalcError, `expected CalcError, got ${String(e)}`);
    return e.reason;
  }
};

describe('evaluateExpression', () => {
  it('follows precedence and associativity', () => {
    assert.equal(evaluateExpression('2 + 3 * 4'), 14);
    assert.equal(evaluateExpression('10 - 4 - 3'), 3);
    assert.equal(evaluateExpression('2 ^ 3 ^ 2'), 512);
    assert.equal(evaluateExpression('100 / 10 / 5'), 2);
    assert.equal(evaluateExpression('7 x 7'), 49);
    assert.equal(evaluateExpression('6 ÷ 4'), 1.5);
    assert.equal(evaluateExpression('2 ** 10'), 1024);
  });

  it('handles parentheses, implicit multiplication and unary minus', () => {
    assert.equal(evaluateExpression('(2 + 3) * 4'), 20);
    assert.equal(evaluateExpression('2(3 + 4)'), 14);
    assert.equal(evaluateExpression('-2 ^ 2'), -4);
    assert.equal(evaluateExpression('(-2) ^ 2'), 4);
    assert.equal(evaluateExpression('3 - -2'), 5);
    assert.equal(evaluateExpression('-(1 + 2)'), -3);
    assert.equal(evaluateExpression('√81 + 1'), 10);
    assert.equal(evaluateExpression('5!'), 120);
    assert.equal(evaluateExpression('1,000 + 1'), 1001);
  });

  it('reads % as hundredths, and relative to the left side of + and -', () => {
    assert.equal(evaluateExpression('15% * 80'), 12);
    assert.equal(evaluateExpression('80 + 15%'), 92);
    assert.equal(evaluateExpression('279 - 30%'), 195.3);
    assert.equal(evaluateExpression('50%'), 0.5);
  });

  it('refuses what has no answer, with a reason', () => {
    assert.equal(reason('1 / 0'), 'division-by-zero');
    assert.equal(reason('1 / (2 - 2)'), 'division-by-zero');
    assert.equal(reason(''), 'empty');
    assert.equal(reason('2 +'), 'syntax');
    assert.equal(reason('(1 + 2'), 'syntax');
    assert.equal(reason('1 2'), 'syntax');
    assert.equal(reason('hello'), 'syntax');
    assert.equal(reason('√-4'), 'domain');
    assert.equal(reason('2.5!'), 'domain');
    assert.equal(reason('10 ^ 400'), 'too-large');
    assert.equal(reason('('.repeat(40) + '1' + ')'.repeat(40)), 'syntax');
    assert.equal(reason('1+'.repeat(150) + '1'), 'syntax');
  });
});

describe('spoken arithmetic', () => {
  it('turns number words into digits', () => {
    assert.equal(wordsToDigits('twenty-five plus seven'), '25 plus 7');
    assert.equal(wordsToDigits('a hundred and five'), '105');
    assert.equal(wordsToDigits('one thousand two hundred'), '1200');
    assert.equal(wordsToDigits('set a timer'), 'set a timer');
  });

  it('rewrites common phrasings into symbols', () => {
    assert.equal(toSymbols("what's 15% of 80?"), '15% * 80');
    assert.equal(toSymbols('what is 15 percent of 80'), '15% * 80');
    assert.equal(toSymbols('can you tell me what 30% off 279 is'), '279 - 30%');
    assert.equal(toSymbols('what is an 18 percent tip on 20 dollars'), '18% * 20');
    assert.equal(toSymbols('please add 456 and 781 for me'), '456 + 781');
    assert.equal(toSymbols('what is the sum of 3 plus 5'), '3 + 5');
    assert.equal(toSymbols('subtract 3 from 10'), '10 - 3');
    assert.equal(toSymbols('what is 8 factorial'), '8 !');
    assert.equal(toSymbols('square root of 81'), '√81');
    assert.equal(toSymbols('five times six divided by three'), '5 * 6 / 3');
    assert.equal(toSymbols('what is 2 to the power of 8'), '2 ^ 8');
    assert.equal(toSymbols('what is the meaning of life'), undefined);
  });

  it('finds the sum among words around it, never a date or a phone number', () => {
    assert.equal(toSymbols('sorry lol whats 144 divided by 12'), '144 / 12');
    assert.equal(toSymbols('wats 6 x 7 again'), '6 * 7');
    assert.equal(toSymbols('My son asked me this and I could not answer: what is 144 divided by 12?'), '144 / 12');
    assert.equal(toSymbols('What do you get if you add 325 and 478'), '325 + 478');
    assert.equal(toSymbols('whats 9 squared lol'), '9 ^2');
    assert.equal(toSymbols('split 96 between 4 people'), '96 / 4');
    assert.equal(toSymbols('remind me on 2026-12-01'), undefined);
    assert.equal(toSymbols('call 555-1234'), undefined);
    assert.equal(toSymbols('i have 3 kids'), undefined);
  });
});

describe('calculator skill', () => {
  it('answers, follows up and stays polite on nonsense', async () => {
    const h = await createHarness();
    assert.match((await h.say('what is 7 x 7', 'calculator')).reply.text, /\b49\b/);
    assert.match((await h.say('times 2?', null)).reply.text, /\b98\b/);
    assert.match((await h.say('what is 5 divided by 0', 'calculator')).reply.text, /Dividing by zero isn't defined/);
    assert.match((await h.say('what is 5 plus plus', 'calculator')).reply.text, /couldn't work that out/);
    const ask = await h.say('can you do some maths', 'calculator');
    assert.equal(ask.reply.expectsAnswer, true);
    assert.match((await h.say('12 times 12', null)).reply.text, /\b144\b/);
  });

  it('uses the result again when a step names it ("add 8 to it", "multiply that by 7", "double that")', async () => {
    const h = await createHarness();
    assert.match((await h.say('whats 6 x 7', 'calculator')).reply.text, /\b42\b/);
    assert.match((await h.say('ok add 8 to it', 'calculator')).reply.text, /\b50\b/);
    assert.match((await h.say('now double that', 'calculator')).reply.text, /\b100\b/);
    assert.match((await h.say('and if you divide that by 4?', 'calculator')).reply.text, /\b25\b/);
  });

  it('chains percentages on a number and split shares, with a word after the fragment', async () => {
    const h = await createHarness();
    assert.match((await h.say('put 15 percent on top of 60', 'calculator')).reply.text, /\b69\b/);
    assert.match((await h.say('and for 80 instead', 'calculator')).reply.text, /\b92\b/);
    assert.match((await h.say('take 10% off that', 'calculator')).reply.text, /\b82\.8\b/);
    assert.match((await h.say('12% of 400', 'calculator')).reply.text, /\b48\b/);
    assert.match((await h.say('what about of 150 then', 'calculator')).reply.text, /\b18\b/);
    assert.match((await h.say('ok halve that', 'calculator')).reply.text, /\b9\b/);
    assert.match((await h.say('split 120 among 5 of us', 'calculator')).reply.text, /\b24\b/);
    assert.match((await h.say('and among 8?', 'calculator')).reply.text, /\b15\b/);
    assert.match((await h.say('add 5% onto 200', 'calculator')).reply.text, /\b210\b/);
  });
});
