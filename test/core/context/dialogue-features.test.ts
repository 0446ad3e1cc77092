import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CANDIDATE_FEATURES,
  dialogueFeatures,
  SLOT_FEATURES,
  STATE_FEATURES,
} from '../../../src/context/dialogue-features.ts';
import { emptyState } from '../../../src/dialogue/state.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';
import { createBuiltinSkills } from '../../../src/skills/builtin/index.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import { NOW, nluOf, seeded } from '../dialogue/harness.ts';

const skills = createBuiltinSkills({ random: seeded(1) });

function timerQuestion(): DialogueState {
  const state = emptyState();
  state.turn = 1;
  state.task = { intent: 'timer', skillId: 'builtin.timer', text: 'set a timer', slots: {}, turn: 1, at: 0 };
  state.pending = { type: 'slot', slot: 'duration', question: 'For how long?', asks: 1 };
  state.recent = [
    { role: 'user', text: 'set a timer', turn: 1 },
    { role: 'assistant', text: 'For how long?', turn: 1 },
  ];
  state.acts = [{ action: 'new-intent', intent: 'timer', skillId: 'builtin.timer', turn: 1 }];
  return state;
}

const feature = (names: readonly string[], values: ArrayLike<number>, name: string) => values[names.indexOf(name)];

describe('dialogueFeatures', () => {
  it('gives one value per named feature, for the state, every candidate and every slot', () => {
    const text = 'ten minutes';
    const f = dialogueFeatures({ nlu: nluOf(text, 'timer'), state: timerQuestion(), skills, text, now: NOW });
    assert.equal(f.state.length, STATE_FEATURES.length);
    for (const c of f.candidates) assert.equal(c.feats.length, CANDIDATE_FEATURES.length, c.intent);
    for (const s of f.slots) assert.equal(s.feats.length, SLOT_FEATURES.length, s.slot.name);
    assert.ok([...f.state, ...f.candidates.flatMap((c) => [...c.feats])].every(Number.isFinite));
    assert.equal(f.context, 'For how long?');
  });

  it('sees the pending question, and whether the turn holds a value for it', () => {
    const state = timerQuestion();
    const answer = dialogueFeatures({ nlu: nluOf('ten minutes', null), state, skills, text: 'ten minutes', now: NOW });
    const other = dialogueFeatures({
      nlu: nluOf('tell me a joke', 'tell_joke'),
      state,
      skills,
      text: 'tell me a joke',
    });
    assert.equal(feature(STATE_FEATURES, answer.state, 'pending_slot'), 1);
    assert.equal(feature(STATE_FEATURES, answer.state, 'pending_kind_duration'), 1);
    assert.equal(feature(STATE_FEATURES, answer.state, 'pending_value_answer'), 1);
    assert.equal(feature(STATE_FEATURES, other.state, 'pending_value_answer'), 0);
    const duration = answer.slots.find((s) => s.slot.name === 'duration')!;
    assert.equal(feature(SLOT_FEATURES, duration.feats, 'pending'), 1);
  });

  it('makes every registered intent a candidate, described from its manifest, and marks the active task', () => {
    const text = 'how much time is left on my timer';
    const f = dialogueFeatures({ nlu: nluOf(text, 'pto_balance'), state: timerQuestion(), skills, text });
    const timer = f.candidates.find((c) => c.intent === 'timer')!;
    assert.match(timer.text, /how much time is left/);
    assert.equal(feature(CANDIDATE_FEATURES, timer.feats, 'task_intent'), 1);
    assert.ok(feature(CANDIDATE_FEATURES, timer.feats, 'word_overlap')! > 0.3);
    // The intent model's own guess, which no skill answers, is a candidate too.
    const pto = f.candidates.find((c) => c.intent === 'pto_balance')!;
    assert.equal(pto.skill, undefined);
    assert.equal(feature(CANDIDATE_FEATURES, pto.feats, 'unanswered'), 1);
    for (const s of skills)
      for (const i of s.intents)
        assert.ok(
          f.candidates.some((c) => c.intent === i),
          i,
        );
  });

  it('reads a skill registered after training from its manifest alone', () => {
    const pizza = defineSkill({
      id: 'acme.pizza',
      version: '1.0.0',
      intents: ['order_pizza'],
      description: 'order pizza',
      intentDescriptions: { order_pizza: 'order a pizza for delivery: size and toppings' },
      slots: [{ name: 'topping', kind: 'text', prompt: 'Which toppings?' }],
      execute: () => 'ok',
    });
    const text = 'can i get a pizza with mushrooms delivered';
    const f = dialogueFeatures({ nlu: nluOf(text, null), state: emptyState(), skills: [pizza, ...skills], text });
    const candidate = f.candidates.find((c) => c.intent === 'order_pizza')!;
    assert.equal(candidate.skill, pizza);
    assert.match(candidate.text, /order pizza \| order a pizza for delivery/);
    assert.match(candidate.text, /topping/);
    assert.ok(feature(CANDIDATE_FEATURES, candidate.feats, 'word_overlap')! > 0);
  });

  it('keeps the last intent as a candidate even when no skill answers it', () => {
    const state = emptyState();
    state.turn = 1;
    state.acts = [{ action: 'unsupported', intent: 'weather', turn: 1 }];
    const text = 'what about tomorrow?';
    const f = dialogueFeatures({ nlu: nluOf(text, 'date'), state, skills, text, now: NOW });
    const weather = f.candidates.find((c) => c.intent === 'weather')!;
    assert.equal(feature(CANDIDATE_FEATURES, weather.feats, 'last_intent'), 1);
  });
});
