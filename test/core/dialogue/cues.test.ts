import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cueOf, isCorrection, isFollowUp, stripCue } from '../../../src/dialogue/cues.ts';

describe('turn openers', () => {
  it('recognize follow-up and correction openers and strip them for the extractors', () => {
    assert.ok(isFollowUp('and in Paris?'));
    assert.ok(isFollowUp('what about tomorrow?'));
    assert.ok(isCorrection('no, I meant 7pm'));
    assert.ok(isCorrection('actually make it 10 minutes'));
    assert.ok(!isCorrection('what time is it'));
    assert.equal(stripCue('no, I meant 7pm'), '7pm');
    assert.equal(stripCue('and in Paris?'), 'in Paris?');
    assert.equal(stripCue('what about tomorrow?'), 'tomorrow?');
    assert.deepEqual(cueOf('and eggs'), { type: 'follow-up', rest: 'eggs' });
    assert.equal(cueOf('set a timer'), undefined);
  });
});
