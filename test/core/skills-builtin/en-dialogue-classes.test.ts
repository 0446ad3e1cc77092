import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitGroceries } from '../../../src/lang/en/en-groceries.ts';
import { parseListRequest } from '../../../src/skills/builtin/list-parse.ts';
import { createHarness } from '../dialogue/harness.ts';

describe('rounding the last result ("round that")', () => {
  it('rounds, up or down, to decimal places or to the nearest ten, and goes on from there', async () => {
    const h = await createHarness();
    assert.match((await h.say('what is 17 divided by 6', 'calculator')).reply.text, /2\.83/);
    assert.match((await h.say('round that', 'calculator')).reply.text, /\b3\b/);
    assert.match((await h.say('what is 17 divided by 6', 'calculator')).reply.text, /2\.83/);
    assert.match((await h.say('can you round it down', 'calculator')).reply.text, /\b2\b/);
    assert.match((await h.say('what is 100 divided by 7', 'calculator')).reply.text, /14\.28/);
    assert.match((await h.say('round the answer to 1 decimal place', 'calculator')).reply.text, /14\.3\b/);
    assert.match((await h.say('times 2', 'calculator')).reply.text, /28\.6\b/);
    assert.match((await h.say('what is 1234 plus 5', 'calculator')).reply.text, /1,239/);
    assert.match((await h.say('round it to the nearest hundred', 'calculator')).reply.text, /1,200/);
  });
});

describe('plain lists of groceries ("milk eggs and cheese")', () => {
  it('splits a run of known groceries and keeps flavours, compounds and unknown words together', () => {
    assert.deepEqual(splitGroceries('milk eggs'), ['milk', 'eggs']);
    assert.deepEqual(splitGroceries('bread bananas onions'), ['bread', 'bananas', 'onions']);
    assert.deepEqual(splitGroceries('chocolate milk eggs'), ['chocolate milk', 'eggs']);
    assert.deepEqual(splitGroceries('peanut butter'), ['peanut butter']);
    assert.deepEqual(splitGroceries('tomato soup'), ['tomato soup']);
    assert.deepEqual(splitGroceries('goat cheese'), ['goat cheese']);
    assert.deepEqual(splitGroceries('call mom'), ['call mom']);
    assert.deepEqual(splitGroceries('2 milk'), ['2 milk']);
  });

  it('reads such a list in a request, and leaves to-dos alone', () => {
    assert.deepEqual(parseListRequest('add milk eggs and cheese to my shopping list').add, ['milk', 'eggs', 'cheese']);
    assert.deepEqual(parseListRequest('i need apples pears and oat milk').add, ['apples', 'pears', 'oat milk']);
    assert.deepEqual(parseListRequest('add pay rent and call the bank to my to do list').add, [
      'pay rent',
      'call the bank',
    ]);
  });

  it('fills a list question with each item of a plain list', async () => {
    const h = await createHarness();
    await h.say('add to my shopping list', 'shopping_list_update');
    const { reply } = await h.say('butter rice and lemons', null);
    assert.match(reply.text, /butter/);
    assert.match(reply.text, /rice/);
    assert.match(reply.text, /lemons/);
    assert.deepEqual(parseListRequest('add butter rice and lemons').add, ['butter', 'rice', 'lemons']);
  });

  it('reads "is the list empty now" as a question, not a clear', () => {
    const asked = parseListRequest('is the list empty now');
    assert.equal(asked.clear, false);
    assert.deepEqual(asked.check, []);
    assert.equal(parseListRequest('empty my shopping list').clear, true);
  });
});
