/**
 * Classes of round 9 (issue 15), from the failed turns of people's English dialogues (en-train-6): clock
 * times said loosely by learners and around a hedge ("at 5 and half in the evening", "alarm on 9 hour",
 * "move to 8 and 10", "after lunch, maybe 2:15"), and the talk after a value read from one shared table
 * ("add dish soap thank you hehe"; the word to spell: round9-en-acts.test.ts). Sentences are our own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { NOW, ZONE } from '../dialogue/harness.ts';
import { parseListRequest } from '../../../src/skills/builtin/list-parse.ts';

/** The time entities of `text` as [text, value]. */
function times(text: string): [string, unknown][] {
  return extractEntities(text, { now: NOW, timeZone: ZONE })
    .filter((e) => e.kind === 'time' || e.kind === 'datetime')
    .map((e) => [e.text, e.value]);
}

describe('clock times said loosely', () => {
  it('"H and half" / "H and MM" with a part of the day after, after at/by or a clock cue', () => {
    assert.deepEqual(times('wake me at 5 and half in the evening'), [
      ['5 and half in the evening', '2026-11-26T17:30:00+01:00'],
    ]);
    assert.deepEqual(times('ok move to 8 and 10 pls'), [['8 and 10', '2026-11-27T08:10:00+01:00']]);
    assert.deepEqual(times('no, make it 9 and 45'), [['9 and 45', '2026-11-27T09:45:00+01:00']]);
  });

  it('"and" between two numbers stays a sum or an amount without a clock cue', () => {
    assert.deepEqual(times('what is 8 and 10 together'), []);
    assert.deepEqual(times('she turned 9 and a half'), []);
  });

  it('an alarm "on 9 hour" is 9 o\'clock; an alarm "for 2 hours" stays a length', () => {
    assert.deepEqual(times('set the alarm on 9 hour please'), [['on 9 hour', '2026-11-27T09:00:00+01:00']]);
    assert.deepEqual(times('can you put the alarm at 6 hour tomorrow'), [
      ['at 6 hour tomorrow', '2026-11-27T06:00:00+01:00'],
    ]);
    assert.deepEqual(times('alarm for 2 hours'), []);
  });

  it('a time said after "after lunch" is the afternoon\'s (12 to 6 only)', () => {
    assert.deepEqual(times('hmm after lunch, maybe 2:15'), [['after lunch, maybe 2:15', '2026-11-26T14:15:00+01:00']]);
    assert.deepEqual(times('after lunchtime around 4ish'), [
      ['after lunchtime around 4ish', '2026-11-26T16:00:00+01:00'],
    ]);
    assert.deepEqual(times('after lunch, say 10'), []);
  });
});

describe('talk after a value (one shared table)', () => {
  it('a list item keeps no spelled-out thanks or laugh after it, and a stand-in is no item', () => {
    assert.deepEqual(parseListRequest('add dish soap to my shopping list thank you hehe').add, ['dish soap']);
    assert.deepEqual(parseListRequest('add somethin to the list').add, []);
  });
});
