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

describe('clock times said loosely: where they are not times (review of round 9)', () => {
  it('"H and MM" after "no", "not" or a task is two amounts, not a time', () => {
    for (const t of [
      'no, the twins are 6 and 11',
      'nope, i need 4 and 25 of them',
      'not 3 and 45, i said',
      'remind me to send 5 and 35 tomorrow',
    ])
      assert.deepEqual(times(t), [], t);
  });

  it('"H and MM" stays a time after a cue that sets or moves a clock, or with a part of the day', () => {
    assert.deepEqual(times('wake me at 6 and 20'), [['6 and 20', '2026-11-27T06:20:00+01:00']]);
    assert.deepEqual(times('meet at 5 and 25 in the evening'), [
      ['5 and 25 in the evening', '2026-11-26T17:25:00+01:00'],
    ]);
  });

  it("a time said around a meal or the day's work is read in the hours the anchor allows", () => {
    assert.deepEqual(times('after dinner, maybe 9'), [['after dinner, maybe 9', '2026-11-26T21:00:00+01:00']]);
    assert.deepEqual(times('after school, around 3:45'), [['after school, around 3:45', '2026-11-26T15:45:00+01:00']]);
    assert.deepEqual(times('after work say 6 pls'), [['after work say 6', '2026-11-26T18:00:00+01:00']]);
    assert.deepEqual(times('before lunch, about 11'), [['before lunch, about 11', '2026-11-26T11:00:00+01:00']]);
    assert.deepEqual(times('after dinner, say 2'), []);
    assert.deepEqual(times('before work, like 10'), []);
  });
});

describe('talk after a value (one shared table)', () => {
  it('a list item keeps no spelled-out thanks or laugh after it, and a stand-in is no item', () => {
    assert.deepEqual(parseListRequest('add dish soap to my shopping list thank you hehe').add, ['dish soap']);
    assert.deepEqual(parseListRequest('add somethin to the list').add, []);
  });
});
