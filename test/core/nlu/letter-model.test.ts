import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knownWord, mashScore, mashWord, MASH_SCORE } from '../../../src/nlu/runtime/letter-model.ts';
import { keyboardMash } from '../../../src/nlu/runtime/junk.ts';

test('the letter model scores words above keys hit at random', () => {
  for (const word of ['kiwi', 'milk', 'niunai', 'xiomara', 'kimchi', 'tzatziki', 'dentist', 'gnocchi'])
    assert.ok(mashScore(word) > MASH_SCORE, `${word} ${mashScore(word)}`);
  for (const word of ['rjh', 'iqx', 'okoirkl', 'dsubjpf', 'asdfgh', 'hjkl', 'zqs'])
    assert.ok(mashScore(word) < MASH_SCORE, `${word} ${mashScore(word)}`);
  assert.ok(Number.isNaN(mashScore('')));
  assert.ok(Number.isNaN(mashScore('Milk')), 'the model reads lowercase a-z only');
});

test("the corpus's words are known whatever their letters score; made-up ones mostly are not", () => {
  for (const word of ['tmrw', 'bbq', 'rhythm', 'milk', 'thx']) assert.ok(knownWord(word), word);
  for (const word of ['tmrw', 'bbq', 'rhythm']) assert.equal(mashWord(word), false, word);
  const made = ['qzvkw', 'xjqpt', 'vvqzk', 'wqzjx', 'pqkzv', 'jzxqw', 'zkqvj', 'qxwzp'];
  assert.ok(made.filter(knownWord).length <= 1, 'the filter lets about 1% through');
});

test('short words need stronger evidence: chat forms and acronyms stay words', () => {
  for (const word of ['thnx', 'pfft', 'smh', 'cvs', 'xmas', 'gym', 'pho']) assert.equal(mashWord(word), false, word);
  for (const word of ['rjh', 'iqx', 'zqs']) assert.ok(mashWord(word), word);
});

test('keyboard mash by letters alone: terse answers in every slot are not mash', () => {
  for (const text of ['okoirkl', 'iooipteypy zqs', 'okoirkl dsubjpf', 'nglvgp wxjv lidb'])
    assert.ok(keyboardMash(text, true), text);
  // A short word alone is judged only where the intent model knows no word ("KFC" may answer).
  for (const text of ['rjh', 'iqx']) assert.ok(keyboardMash(text) && !keyboardMash(text, true), text);
  for (const text of ['kiwi', 'niunai', 'tmrw', 'Xu', 'xu', 'gym', 'call mom', 'xmas shopping', 'bbq stuff', 'pho'])
    assert.equal(keyboardMash(text, true), false, text);
});
