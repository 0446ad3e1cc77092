/**
 * Real answers the keyboard-mash letter model, the look-alike rule and the markdown reading must
 * leave alone (src/nlu/runtime/junk.ts, markup.ts; src/dialogue/junk-turn.ts): names with long
 * consonant runs, a request naming such a name, short acronyms and chat or pinyin initials, Greek
 * letters used as symbols, and a markdown link to a page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { junkKind, keyboardMash, understoodText } from '../../../src/nlu/runtime/junk.ts';
import { junkAction } from '../../../src/dialogue/junk-turn.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';

const slot: DialogueState['pending'] = {
  type: 'slot',
  slot: 'text',
  question: 'What should I remind you about?',
  asks: 1,
};

test('names written with a capital and long consonant runs are names, not mash', () => {
  for (const name of [
    'Rothschild',
    'Nietzsche',
    'Mkrtchyan',
    'Knightsbridge',
    'Hirschfeld',
    'Schwarzschild',
    'Albrechtsberger',
    'Cwmbran',
  ]) {
    assert.equal(keyboardMash(name, true), false, name);
    assert.equal(junkAction(undefined, name, slot, true), undefined, `${name} as a free-text answer`);
  }
  assert.equal(keyboardMash('Tjbyrnx', true), true, 'a capital does not make mash a name');
});

test('a request naming a hard-to-spell name is no mash; mash next to a chat interjection is', () => {
  for (const text of ['call krzysztof', 'text krzysztof', 'email szczepan'])
    assert.equal(keyboardMash(text, true), false, text);
  for (const text of ['hmm zazserth', 'lol fjdkslaa', 'ok bxbnmxm']) assert.equal(keyboardMash(text, true), true, text);
});

test('acronyms, chat forms and pinyin initials of up to four letters answer a free-text question', () => {
  for (const text of [
    'KFC',
    'PDF',
    'TJX',
    'CPK',
    'NVMe',
    'XLSX',
    'lmk',
    'wfh',
    'ok lmk',
    'zfb',
    'dbq',
    'xswl',
    'hxd',
    'buy KFC',
  ])
    assert.equal(junkAction(undefined, text, slot, true), undefined, text);
  // Where the intent model knows none of a turn's words, a short word is still judged by its letters.
  assert.equal(keyboardMash('rjh'), true, 'rjh on a fresh turn');
});

test('words typed again and again are words; punctuation alone does not switch the check off', () => {
  for (const text of ['yesyesyes', 'byebyebye', 'nonono', 'thankthankthank'])
    assert.equal(keyboardMash(text, true), false, text);
  assert.equal(keyboardMash('sivsivsiv', true), true, 'a chunk that is no word, again and again');
  assert.equal(keyboardMash('okoirkl .', true), true, 'a full stop is no number');
  assert.equal(keyboardMash('asdfgh 123', true), false, 'a number may be the answer');
});

test('Greek letters written as units and maths symbols are no spoof', () => {
  for (const text of ['add 50μg vitamin b12', '5μm', '10kΩ resistor', 'what is 2πr', 'Δx', 'σx', 'a 5 µF capacitor'])
    assert.notEqual(junkKind(text), 'spoof', text);
  for (const text of ['ϲlear my list', 'μnlock my phone', 'сlear my list']) assert.equal(junkKind(text), 'spoof', text);
});

test('a markdown link to a web page keeps its address; a javascript: link stays code', () => {
  assert.equal(
    understoodText('remind me to read [this](https://example.com/article)'),
    'remind me to read this https://example.com/article',
  );
  assert.equal(
    understoodText('add **milk** from [shop](http://shop.io/milk)'),
    'add milk from shop http://shop.io/milk',
  );
  assert.equal(understoodText('![cat](https://x.io/cat.png) so cute'), 'cat so cute', 'an image reads as its label');
  assert.equal(junkKind('[milk](javascript:alert(1))'), 'code');
});

test('a code span holding a hyphen between letters or digits is a value, not code', () => {
  for (const [typed, read] of <const>[
    ['`ORD-104233`', 'ORD-104233'],
    ['`2024-05-01`', '2024-05-01'],
    ['`Jean-Luc`', 'Jean-Luc'],
  ]) {
    assert.equal(understoodText(typed), read, typed);
    assert.notEqual(junkKind(typed), 'code', typed);
  }
  for (const text of ['`rm -rf /`', '`ls -la`', '`a - b`']) assert.equal(junkKind(text), 'code', text);
});

test('a free-text answer the intent model called gibberish is judged by its letters as typed', () => {
  for (const text of ['KFC', 'zfb', 'NVMe']) assert.equal(junkAction('gibberish', text, slot, true), undefined, text);
  assert.equal(junkAction('gibberish', 'qwrtpsdf', slot, true), 'out-of-scope');
  assert.equal(junkAction('gibberish', 'KFC', undefined, false), 'out-of-scope', 'no question open: no answer');
});
