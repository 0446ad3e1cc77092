import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentWords, describeIntent, humanizeName, lexicalOverlap } from '../../../src/context/lexical-features.ts';

test('identifiers become words', () => {
  assert.equal(humanizeName('FindRestaurants'), 'find restaurants');
  assert.equal(humanizeName('party_size'), 'party size');
  assert.equal(humanizeName('getWeatherNow2'), 'get weather now 2');
  assert.equal(humanizeName('GetHTTPResponse'), 'get http response');
  assert.equal(humanizeName('add-to-list'), 'add to list');
});

test('an intent is described by its name words, description and slot names', () => {
  assert.equal(
    describeIntent({ name: 'ReserveRestaurant', description: 'Reserve a table ', slots: ['restaurant_name', 'time'] }),
    'reserve restaurant. Reserve a table. restaurant name, time',
  );
  assert.equal(describeIntent({ name: 'NONE' }), 'none');
});

test('content words drop function words, stem plurals and split identifiers', () => {
  assert.deepEqual(contentWords('Find me the restaurants in a city'), ['find', 'restaurant', 'city']);
  assert.deepEqual(contentWords('party_size of the boxes'), ['party', 'size', 'box']);
  // Chinese is segmented into words, not dropped.
  assert.ok(contentWords('我想订一张桌子', 'zh').length >= 2);
});

test('overlap counts exact words and near ones', () => {
  const exact = lexicalOverlap('reserve a table at a restaurant', 'I want a table at the restaurant');
  assert.equal(exact.words, 2 / 3);
  const near = lexicalOverlap('reserve a table', 'can you make a reservation');
  assert.equal(near.words, 0);
  assert.ok(near.fuzzy > 0.2 && near.fuzzy < 1, String(near.fuzzy));
  const unrelated = lexicalOverlap('play a song', 'what is the weather');
  assert.ok(unrelated.fuzzy < near.fuzzy);
  assert.deepEqual(lexicalOverlap('the a of', 'anything'), { words: 0, fuzzy: 0 });
});
