/**
 * What the tests of `decideAction` build by hand (decide.test.ts, zh-round12-acts.test.ts): a turn's
 * features with the built-in skills, the outputs of a model that says given things, and the states of a
 * conversation asking for a slot or just done with a task.
 */
import type { ContextOutputs } from '../../../src/context/decide.ts';
import { COMMANDS, dialogueFeatures, type DialogueCommand } from '../../../src/context/dialogue-features.ts';
import { emptyState } from '../../../src/dialogue/state.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';
import { createBuiltinSkills } from '../../../src/skills/builtin/index.ts';
import { NOW, nluOf, seeded } from '../dialogue/harness.ts';

/** The built-in skills, with a seeded random source. */
export const skills = createBuiltinSkills({ random: seeded(1) });

/** The features of a turn in a state, with the intent model's reading `intent` (none: its own). */
export const featuresOf = (text: string, state: DialogueState, intent: string | null = null) =>
  dialogueFeatures({ nlu: nluOf(text, intent), state, skills, text, now: NOW });

/** Outputs of a model that gives these commands, intents and slots these probabilities, and the rest nothing. */
export function outputs(
  commands: Partial<Record<DialogueCommand, number>>,
  intents: Record<string, number>,
  f: ReturnType<typeof dialogueFeatures>,
  sw = 0.5,
  slots: Record<string, number> = {},
): ContextOutputs {
  return {
    command: COMMANDS.map((c) => commands[c] ?? 0),
    switch: sw,
    intent: f.candidates.map((c) => intents[c.intent] ?? 0),
    slot: f.slots.map((s) => slots[s.slot.name] ?? 0),
  };
}

/** The state while a task's skill asks for one of its slots (turn 1). */
export function asking(intent: string, skillId: string, slot: string, question: string): DialogueState {
  const state = emptyState();
  state.turn = 1;
  state.task = { intent, skillId, text: intent, slots: {}, turn: 1, at: 0 };
  state.pending = { type: 'slot', slot, question, asks: 1 };
  return state;
}

/** The state after a task asked for by `text` (its intent's name when not given) was carried out on turn 1. */
export function finished(
  intent: string,
  skillId: string,
  values: Record<string, unknown>,
  text: string = intent,
): DialogueState {
  const state = emptyState();
  state.turn = 1;
  const slots = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, turn: 1, at: 0 }]));
  state.task = { intent, skillId, text, slots, turn: 1, at: 0 };
  state.acts = [{ turn: 1, intent, skillId, action: 'new-intent' }];
  return state;
}
