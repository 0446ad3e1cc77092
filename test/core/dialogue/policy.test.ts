import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCancel, isCorrection, isFollowUp, isNo, isYes, stripCue } from '../../../src/dialogue/cues.ts';
import { decideTurn, isAnswerShaped } from '../../../src/dialogue/policy.ts';
import { emptyState } from '../../../src/dialogue/state.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';
import { createBuiltinSkills } from '../../../src/skills/builtin/index.ts';
import { NOW, nluOf, seeded } from './harness.ts';

const skills = createBuiltinSkills({ random: seeded(1) });

function withTask(
  intent: string,
  skillId: string,
  slots: Record<string, unknown> = {},
  pending?: DialogueState['pending'],
): DialogueState {
  const state = emptyState();
  state.turn = 3;
  state.task = {
    intent,
    skillId,
    text: '…',
    slots: Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, { value: v, turn: 2, at: 0 }])),
    turn: 2,
    at: 0,
  };
  if (pending !== undefined) state.pending = pending;
  return state;
}

const decide = (
  text: string,
  intent: string | null,
  state: DialogueState,
  confidence = 0.9,
  intents?: { intent: string; score: number }[],
) => {
  const nlu = nluOf(text, intent, confidence);
  if (intents !== undefined) nlu.intents = intents;
  return decideTurn({ nlu, state, skills, text, now: NOW });
};

describe('keyword cues', () => {
  it('recognize whole-utterance cancels, yeses and nos', () => {
    for (const t of ['cancel', 'Never mind.', 'forget it', 'oh, never mind then', 'stop', 'no, cancel that'])
      assert.ok(isCancel(t), t);
    for (const t of ['cancel my reservation', 'stop the music please now loud']) assert.ok(!isCancel(t), t);
    for (const t of ['yes', 'Yeah!', 'sure, go ahead', 'yes please', 'ok']) assert.ok(isYes(t), t);
    for (const t of ['no', 'nope', 'no thanks', "don't"]) assert.ok(isNo(t), t);
    assert.ok(!isYes('yes I want to book a flight'));
    assert.ok(!isNo('no, I meant 7pm'));
  });

  it('recognize follow-up and correction openers and strip them', () => {
    assert.ok(isFollowUp('and in Paris?'));
    assert.ok(isFollowUp('what about tomorrow?'));
    assert.ok(isCorrection('no, I meant 7pm'));
    assert.ok(isCorrection('actually make it 10 minutes'));
    assert.ok(!isCorrection('what time is it'));
    assert.equal(stripCue('no, I meant 7pm'), '7pm');
    assert.equal(stripCue('and in Paris?'), 'in Paris?');
    assert.equal(stripCue('what about tomorrow?'), 'tomorrow?');
  });
});

describe('decideTurn', () => {
  it('takes a new request from the model when there is no context', () => {
    assert.deepEqual(decide('set a timer for 5 minutes', 'timer', emptyState()), {
      type: 'new-intent',
      intent: 'timer',
      skillId: 'builtin.timer',
      confidence: 0.9,
    });
  });

  it('says unsupported for a known intent without a skill, out-of-scope for nothing', () => {
    assert.equal(decide('book a flight to Rome', 'book_flight', emptyState()).type, 'unsupported');
    assert.equal(decide('blorp', null, emptyState()).type, 'out-of-scope');
  });

  it('cancels on a cancel cue whatever the model says', () => {
    const state = withTask(
      'timer',
      'builtin.timer',
      {},
      { type: 'slot', slot: 'duration', question: 'For how long?', asks: 1 },
    );
    assert.equal(decide('never mind', 'oos', state).type, 'cancel');
    assert.equal(decide('quiet now', 'cancel', state, 0.8).type, 'cancel');
  });

  it('answers a pending confirmation with yes/no cues or the model', () => {
    const state = withTask(
      'shopping_list_update',
      'builtin.shopping-list',
      { clear: true },
      { type: 'confirm', question: 'Clear?' },
    );
    assert.equal(decide('yep', null, state).type, 'confirm');
    assert.equal(decide('that would be great', 'yes', state).type, 'confirm');
    assert.equal(decide('nope', 'no', state).type, 'deny');
  });

  it('fills a pending slot with an answer the model does not recognize', () => {
    const state = withTask(
      'timer',
      'builtin.timer',
      {},
      { type: 'slot', slot: 'duration', question: 'For how long?', asks: 1 },
    );
    assert.deepEqual(decide('ten minutes', null, state), {
      type: 'fill-slot',
      intent: 'timer',
      slot: 'duration',
      confidence: 0.9,
    });
  });

  it('treats an unusable answer as a wrong answer (so the manager re-asks), and a confident new request as a switch', () => {
    const state = withTask(
      'timer',
      'builtin.timer',
      {},
      { type: 'slot', slot: 'duration', question: 'For how long?', asks: 1 },
    );
    assert.equal(decide('banana', null, state).type, 'fill-slot');
    assert.deepEqual(decide('what time is it in Tokyo', 'time', state, 0.95), {
      type: 'new-intent',
      intent: 'time',
      skillId: 'builtin.time',
      confidence: 0.95,
    });
    assert.equal(decide('no', 'no', state).type, 'deny');
  });

  it('keeps the active intent for a follow-up that names one of its slots', () => {
    const state = withTask('time', 'builtin.time', {});
    assert.deepEqual(decide('and in Paris?', 'oos', state), {
      type: 'follow-up',
      intent: 'time',
      slots: ['place'],
      confidence: 0.9,
    });
    const date = withTask('date', 'builtin.date', {});
    assert.deepEqual(decide('what about tomorrow?', 'date', date), {
      type: 'follow-up',
      intent: 'date',
      slots: ['date'],
      confidence: 0.9,
    });
    const calc = withTask('calculator', 'builtin.calculator', { expression: '15% * 80' });
    assert.deepEqual(decide('and of 120?', null, calc), {
      type: 'follow-up',
      intent: 'calculator',
      slots: ['expression'],
      confidence: 0.9,
    });
  });

  it('continues a task with a bare fragment only when the model is unsure', () => {
    const state = withTask('time', 'builtin.time', {});
    assert.equal(decide('Tokyo?', null, state).type, 'follow-up');
    assert.equal(decide('Tokyo?', 'travel_suggestion', state, 0.3).type, 'follow-up');
    assert.equal(decide('flights to Tokyo', 'book_flight', state, 0.9).type, 'unsupported');
  });

  it('treats "no, I meant …" as a correction of the last task', () => {
    const state = withTask('alarm', 'builtin.alarm', { time: '2026-11-26T18:00:00+01:00' });
    assert.deepEqual(decide('no, I meant 7pm', 'no', state), {
      type: 'correction',
      intent: 'alarm',
      slots: ['time'],
      confidence: 0.9,
    });
  });

  it('lets a long, confident request win over a follow-up cue', () => {
    const state = withTask('time', 'builtin.time', {});
    const action = decide(
      'and can you also tell me how to book flights to Paris next week',
      'book_flight',
      state,
      0.95,
    );
    assert.equal(action.type, 'unsupported');
  });

  it('uses yes/no cues when the model calls a short answer out of scope', () => {
    assert.deepEqual(decide('yep', null, emptyState()), {
      type: 'new-intent',
      intent: 'yes',
      skillId: 'builtin.small-talk',
      confidence: 0.9,
    });
  });

  it('takes an answer-shaped reply as the answer even when the model is sure of something else', () => {
    const timer = withTask(
      'timer',
      'builtin.timer',
      {},
      { type: 'slot', slot: 'duration', question: 'For how long?', asks: 1 },
    );
    assert.equal(decide('an hour and a half', 'damaged_card', timer, 0.89).type, 'fill-slot');
    const reminder = withTask(
      'reminder_update',
      'builtin.reminders',
      {},
      { type: 'slot', slot: 'task', question: 'What about?', asks: 1 },
    );
    assert.equal(decide('to pick up the dry cleaning', 'todo_list_update', reminder, 0.91).type, 'fill-slot');
    assert.equal(decide('what is on my to do list today', 'todo_list', reminder, 0.95).type, 'new-intent');
    assert.ok(isAnswerShaped('for ten minutes', nluOf('for ten minutes', null).entities));
    assert.ok(
      !isAnswerShaped('set a timer for ten minutes please', nluOf('set a timer for ten minutes please', null).entities),
    );
  });

  it('lets a correction win over the model\'s "cancel"', () => {
    const state = withTask('alarm', 'builtin.alarm', { time: '2026-11-27T06:30:00+01:00' });
    assert.equal(decide('actually make it 7am', 'cancel', state, 0.75).type, 'correction');
    assert.equal(decide('quiet now', 'cancel', state, 0.75).type, 'cancel');
  });

  it('sends "cancel my alarm" to the alarm skill when the model ranks it next', () => {
    const ranked = [
      { intent: 'cancel', score: 0.6 },
      { intent: 'alarm', score: 0.3 },
    ];
    assert.deepEqual(decide('cancel my alarm', 'cancel', emptyState(), 0.6, ranked), {
      type: 'new-intent',
      intent: 'alarm',
      skillId: 'builtin.alarm',
      confidence: 0.3,
    });
    assert.equal(
      decide('cancel my alarm', 'cancel', emptyState(), 0.6, [{ intent: 'cancel', score: 0.9 }]).type,
      'cancel',
    );
  });

  it('uses the active task as a prior when the model cannot place a turn', () => {
    const state = withTask('timer', 'builtin.timer', { duration: 600_000 });
    const ranked = [
      { intent: 'pto_balance', score: 0.46 },
      { intent: 'time', score: 0.24 },
      { intent: 'timer', score: 0.14 },
    ];
    assert.deepEqual(decide('how much time is left on my timer', null, state, 0.46, ranked), {
      type: 'new-intent',
      intent: 'timer',
      skillId: 'builtin.timer',
      confidence: 0.14,
    });
    assert.equal(decide('how much time is left on my timer', null, emptyState(), 0.46, ranked).type, 'out-of-scope');
  });

  it('lets a skill answer when the model only hesitates between its intents, or the words back it', () => {
    const split = [
      { intent: 'shopping_list', score: 0.51 },
      { intent: 'shopping_list_update', score: 0.48 },
    ];
    assert.deepEqual(decide('please empty my shopping list', null, emptyState(), 0.51, split), {
      type: 'new-intent',
      intent: 'shopping_list',
      skillId: 'builtin.shopping-list',
      confidence: 0.99,
    });
    const calc = [
      { intent: 'calculator', score: 0.7 },
      { intent: 'plug_type', score: 0.08 },
    ];
    assert.equal(decide('what is five plus seven', null, emptyState(), 0.7, calc).type, 'new-intent');
    const unsure = [
      { intent: 'alarm', score: 0.37 },
      { intent: 'reminder_update', score: 0.3 },
    ];
    assert.equal(decide('good morning', null, emptyState(), 0.37, unsure).type, 'out-of-scope', 'no majority');
    const noEvidence = [
      { intent: 'calculator', score: 0.6 },
      { intent: 'oos', score: 0.3 },
    ];
    assert.equal(
      decide('how are exponents taught', null, emptyState(), 0.6, noEvidence).type,
      'out-of-scope',
      'majority but nothing to calculate',
    );
  });
});
