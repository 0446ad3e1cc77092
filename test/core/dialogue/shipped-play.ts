/**
 * Plays dialogues through the shipped intent, context and tagger models, as `eval-dialogues` plays
 * them: for tests of classes that are decisions of the whole stack, not of one rule.
 */
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_CONTEXT_MODEL,
  loadEvalIntentModel,
  openDialogueSession,
} from '../../../bin/commands/eval-dialogues.ts';
import { loadContextModel } from '../../../src/context/context-model.ts';
import { createContextPolicy } from '../../../src/context/context-policy.ts';
import { CONTEXT_SPEC } from '../../../src/context/dialogue-features.ts';
import { engineAssets } from '../../../src/engine/assets.ts';
import { loadSlotTagger } from '../../../src/nlu/tagger/slot-tagger.ts';

/** One played turn: the reply's text and the intent acted on. */
export interface PlayedTurn {
  text: string;
  intent: string | null;
}

/**
 * Loads the shipped models once and returns a player: each call plays one dialogue from an empty store.
 * @returns the player
 */
export async function shippedPlayer(): Promise<(...turns: string[]) => Promise<PlayedTurn[]>> {
  const model = await loadEvalIntentModel();
  const policy = createContextPolicy(await loadContextModel(DEFAULT_CONTEXT_MODEL, { expect: CONTEXT_SPEC }));
  const tagger = await loadSlotTagger(fileURLToPath(engineAssets['slots-default'].here()));
  return async (...turns) => {
    const session = await openDialogueSession(model, { policy, tagger });
    const out: PlayedTurn[] = [];
    for (const t of turns) {
      const { reply, understanding } = await session.send(t);
      out.push({ text: reply.text, intent: understanding.intent });
    }
    await session.store.close();
    return out;
  };
}
