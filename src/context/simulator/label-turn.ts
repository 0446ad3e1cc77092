/**
 * Turns a simulated turn's gold decision into the context model's training labels, over the very
 * candidates and slots the runtime computed for that turn, and into the outputs a perfect model
 * would give — which the simulator hands to the runtime's own `decideAction`, so the dialogue goes
 * on exactly as it would with that model, and the labels mean what the runtime does with them.
 *
 * @module
 */
import type { DialogueState } from '../../dialogue/types.ts';
import { COMMANDS, type TurnFeatures, type DialogueCommand } from '../dialogue-features.ts';
import type { ContextOutputs } from '../decide.ts';
import type { GoldDecision } from './user-simulator.ts';

/** Labels of one turn; a head without a label is not trained on it. */
export interface ContextLabels {
  command?: number;
  switch?: 0 | 1;
  intent?: number;
  slot?: number;
}

/** The labels, and the outputs of a model that would predict them. */
export interface LabelledTurn {
  command: DialogueCommand;
  labels: ContextLabels;
  outputs: ContextOutputs;
}

const CARRYING: ReadonlySet<DialogueCommand> = new Set(['fill_slot', 'correct_slot', 'follow_up', 'confirm', 'deny']);

function oneHot(n: number, at: number | undefined): Float32Array {
  const v = new Float32Array(n);
  if (at !== undefined && at >= 0 && at < n) v[at] = 1;
  else if (n > 0) v.fill(1 / n);
  return v;
}

/**
 * Labels a turn.
 * @param state the state the turn was decided in
 * @param f the turn's features
 * @param gold what the simulated user meant
 * @returns the labels, or `undefined` when the gold decision cannot be expressed over these candidates
 */
export function labelTurn(state: DialogueState, f: TurnFeatures, gold: GoldDecision): LabelledTurn | undefined {
  let command = gold.command;
  const task = state.task;
  let intent: number | undefined;
  if (command === 'start_task' || command === 'small_talk') {
    intent = f.candidates.findIndex((c) => c.intent === gold.intent);
    // Not ranked, or nothing but the context model speaks for it (no evidence: `decide.ts` never starts
    // it): the fallback. Round 11's retrains read "行 谢谢 顺便提醒我九点开会" with only a yes ranked as the
    // reminder, which nothing else pointed to, and so out of scope.
    if ((intent < 0 || f.candidates[intent]?.evidence === false) && gold.orElse !== undefined)
      return labelTurn(state, f, gold.orElse);
    if (intent < 0) {
      // An intent the intent model did not rank and no skill answers cannot be chosen: out of scope is right.
      if (command === 'small_talk') return undefined;
      command = 'out_of_scope';
      intent = undefined;
    }
  } else if (CARRYING.has(command) && command !== 'confirm' && command !== 'deny') {
    if (task === undefined) return undefined;
    intent = f.candidates.findIndex((c) => c.intent === task.intent);
    if (intent < 0) return undefined;
  }
  let slot: number | undefined;
  if (gold.slot !== undefined && (command === 'fill_slot' || command === 'correct_slot' || command === 'follow_up')) {
    slot = f.slots.findIndex((s) => s.slot.name === gold.slot);
    if (slot < 0) {
      if (command === 'fill_slot') return undefined;
      slot = undefined;
    }
  }
  let switched: 0 | 1 | undefined;
  if (task !== undefined || state.pending !== undefined) {
    if (CARRYING.has(command)) switched = 0;
    else if (command === 'out_of_scope') switched = 1;
    else if (command === 'start_task')
      switched = task !== undefined && f.candidates[intent!]!.skill?.id === task.skillId ? 0 : 1;
  }
  const ci = COMMANDS.indexOf(command);
  const labels: ContextLabels = { command: ci };
  if (switched !== undefined) labels.switch = switched;
  if (intent !== undefined) labels.intent = intent;
  if (slot !== undefined) labels.slot = slot;
  return {
    command,
    labels,
    outputs: {
      command: oneHot(COMMANDS.length, ci),
      switch: switched ?? 0.5,
      intent: oneHot(f.candidates.length, intent),
      slot: oneHot(f.slots.length, slot),
    },
  };
}
