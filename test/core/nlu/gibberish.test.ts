import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gibberishNegatives } from '../../../src/nlu/training/extend/gibberish.ts';

test('keyboard-mash negatives are distinct letter strings of one or two words, the same for the same seed', () => {
  const a = gibberishNegatives(300, 1);
  assert.equal(a.length, 300);
  assert.equal(new Set(a).size, a.length);
  for (const s of a) assert.match(s, /^[a-z]{3,8}( [a-z]{3,8})?$/);
  assert.deepEqual(gibberishNegatives(300, 1), a);
  assert.notDeepEqual(gibberishNegatives(300, 2), a);
  assert.deepEqual(gibberishNegatives(0, 1), []);
});
