/**
 * People's dialogues as training material for the context model (`confidant train-context
 * --train-dialogues`): each dialogue, in the dialogue sets' format, is played through the real stack
 * as `eval-dialogues` plays it, with a policy that acts on the turn's gold decision (derived from its
 * expectation and the state: `src/context/simulator/gold-turn.ts`). The state each turn is made in
 * is therefore the one the expected history leads to, and each turn is recorded with the features
 * the runtime computed and the labels of its gold decision, exactly as a simulated turn is.
 *
 * A fixed share of the dialogues (by dialogue, seeded) is held out: it never trains and measures
 * how well the model does on people's phrasing it has not seen.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decideAction } from '../../src/context/decide.ts';
import { dialogueFeatures } from '../../src/context/dialogue-features.ts';
import { goldReadings, type TurnExpectation } from '../../src/context/simulator/gold-turn.ts';
import { labelTurn } from '../../src/context/simulator/label-turn.ts';
import { smallTalkIntents } from '../../src/context/simulator/simulate.ts';
import type { DialogueAction, DialoguePolicy, PolicyInput } from '../../src/dialogue/types.ts';
import { createRng } from '../../src/nlu/training/rng.ts';
import { OOS_LABEL } from '../../src/nlu/types.ts';
import { exampleOf, type SimulatedSet } from './context-data.ts';
import { evalDialogues, type DialogueEvalReport, type DialogueSpec } from './eval-dialogues.ts';

/** Share of each file's dialogues held out from training (a DEV slice of unseen phrasing). */
export const HELD_OUT_SHARE = 0.2;
/** The seed of the held-out draw: fixed, so the slice is the same in every run and in `bench:context`. */
export const HELD_OUT_SEED = 20261206;

/** One file of dialogues split into the part that trains and the part held out. */
export interface DialogueSplit {
  file: string;
  train: DialogueSpec[];
  heldOut: DialogueSpec[];
}

/**
 * Reads a dialogue file and splits it by dialogue, seeded by the file's name: `HELD_OUT_SHARE` of its
 * dialogues (rounded) are held out.
 * @param file a JSON file in the dialogue sets' format
 * @returns the split
 * @throws {TypeError} when the file is not an array of dialogues
 */
export function splitDialogueFile(file: string): DialogueSplit {
  const specs: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(specs)) throw new TypeError(`${file}: expected an array of dialogues`);
  let seed = HELD_OUT_SEED;
  for (const ch of basename(file)) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
  const order = createRng(seed).shuffle(specs.map((_, i) => i));
  const held = new Set(order.slice(0, Math.round(specs.length * HELD_OUT_SHARE)));
  const all = specs as DialogueSpec[];
  return { file, train: all.filter((_, i) => !held.has(i)), heldOut: all.filter((_, i) => held.has(i)) };
}

/** The intent a dialogue action acts on, as `performAction` reports it (before a skill refines it). */
function actedIntent(action: DialogueAction): string {
  switch (action.type) {
    case 'cancel':
      return 'cancel';
    case 'confirm':
      return 'yes';
    case 'deny':
      return 'no';
    case 'out-of-scope':
      return OOS_LABEL;
    default:
      return action.intent;
  }
}

/** The action that keeps the expected history when no reading can be labelled over the turn's candidates. */
function fallbackAction(input: PolicyInput, expect: TurnExpectation): DialogueAction {
  const e = expect.intent;
  const task = input.state.task;
  const pending = input.state.pending;
  if (e === OOS_LABEL) return { type: 'out-of-scope', confidence: 1 };
  if (task?.intent === e && pending?.type === 'slot')
    return { type: 'fill-slot', intent: e, slot: pending.slot, confidence: 1 };
  const skill = input.skills.find((s) => s.intents.includes(e));
  return skill === undefined
    ? { type: 'unsupported', intent: e, confidence: 1 }
    : { type: 'new-intent', intent: e, skillId: skill.id, confidence: 1 };
}

/** Labelled turns of played dialogues, and how the gold play scored (the derivation's own check). */
export interface ReplayedDialogues {
  set: SimulatedSet;
  /** Turns no reading could be labelled for (played with a fallback action, not recorded). */
  skipped: number;
  /** The gold play scored as `eval-dialogues` scores: near 100% when the derivation is right. */
  report: DialogueEvalReport;
}

/**
 * Plays dialogues with their gold decisions and records each turn's features and labels.
 * @param name a name for the dialogues (errors and reports)
 * @param specs the dialogues
 * @param options `model`: an intent model file (default: the shipped ones, routed by language)
 * @returns the labelled turns and the gold play's scores
 */
export async function replayDialogues(
  name: string,
  specs: readonly DialogueSpec[],
  options: { model?: string } = {},
): Promise<ReplayedDialogues> {
  const set: SimulatedSet = { examples: [], acts: [], languages: [] };
  let expect: TurnExpectation = { intent: OOS_LABEL };
  let skipped = 0;
  const policy: DialoguePolicy = (input) => {
    const f = dialogueFeatures(input);
    const smallTalk = smallTalkIntents(input.skills);
    for (const gold of goldReadings(input, f, expect, smallTalk)) {
      const labelled = labelTurn(input.state, f, gold);
      if (labelled === undefined) continue;
      const decided = decideAction(input.state, f, labelled.outputs);
      if (decided.command !== labelled.command || actedIntent(decided.action) !== expect.intent) continue;
      set.examples.push(exampleOf(f, labelled.labels));
      set.acts.push(`human-${labelled.command}`);
      set.languages.push(/\p{Script=Han}/u.test(input.text) ? 'zh' : 'en');
      return decided.action;
    }
    skipped++;
    return fallbackAction(input, expect);
  };
  const report = await evalDialogues(
    { name, specs },
    {
      policy,
      beforeTurn: (turn) => (expect = turn.expect),
      ...(options.model === undefined ? {} : { model: options.model }),
    },
  );
  return { set, skipped, report };
}
