/**
 * Stopping timers and alarms as people say it (found using the packed app). The dialogue decisions
 * are scripted where a test is about what the skill does with them; the skills, the store and the
 * scheduler are the real ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DialogueAction } from '../../../src/dialogue/types.ts';
import { scheduleOp } from '../../../src/skills/builtin/timers.ts';
import { createHarness, scripted } from '../dialogue/harness.ts';

const ask = (intent: string): DialogueAction => ({
  type: 'new-intent',
  intent,
  skillId: `builtin.${intent}`,
  confidence: 0.9,
});

describe('a stop with the timer or alarm between "turn" and "off"', () => {
  it('reads "turn the timer off", "switch that alarm off", "turn them both off" as stops', () => {
    for (const text of [
      'turn the timer off',
      'switch that alarm off please',
      'turn them both off',
      'shut it off',
      'turn my alarms off',
    ])
      assert.equal(scheduleOp(text), 'cancel', text);
  });

  it('keeps a timer set to turn something else off a timer to set', () => {
    for (const text of [
      'a timer to turn the oven off',
      'remind me to switch the heating off',
      'timer for turning the hob off',
    ])
      assert.equal(scheduleOp(text), 'set', text);
  });

  it('stops the running timer instead of asking how long', async () => {
    const h = await createHarness({
      policy: scripted({ 'timer for 8 minutes': ask('timer'), 'ok turn the timer off': ask('timer') }),
    });
    await h.say('timer for 8 minutes', 'timer');
    const stop = await h.say('ok turn the timer off', 'timer');
    assert.doesNotMatch(stop.reply.text, /how long/i);
    assert.match(stop.reply.text, /cancelled your timer|timer is off/);
  });
});
