/**
 * The learned dialogue policy: each turn's features go through the context model and its outputs
 * become a dialogue action (`decide.ts`). This is the default policy of the assistant; a host may
 * still pass any `DialoguePolicy` of its own to `createDialogueManager`.
 *
 * @module
 */
import type { DialoguePolicy } from '../dialogue/types.ts';
import { decideAction, type ContextDecision, type ContextOutputs } from './decide.ts';
import { dialogueFeatures, type TurnFeatures } from './dialogue-features.ts';

/** What the policy needs of a context model: one run per turn. */
export interface ContextScorer {
  run(input: TurnFeatures): Promise<ContextOutputs>;
}

/** Options of {@link createContextPolicy}. */
export interface ContextPolicyOptions {
  /** Receives each decision with the model's scores (for `eval-dialogues --verbose` and debugging). */
  onDecision?: (decision: ContextDecision, features: TurnFeatures) => void;
}

/**
 * Creates the dialogue policy that asks a context model.
 * @param model the loaded context model, or a function resolving to it (loaded on first use)
 * @param options a decision listener
 * @returns the policy
 * @example
 * ```ts
 * const policy = createContextPolicy(await loadContextModel(url, { expect: CONTEXT_SPEC }));
 * const dialogue = createDialogueManager({ store, skills, runtime, policy });
 * ```
 */
export function createContextPolicy(
  model: ContextScorer | (() => Promise<ContextScorer>),
  options: ContextPolicyOptions = {},
): DialoguePolicy {
  let loaded: Promise<ContextScorer> | undefined = typeof model === 'function' ? undefined : Promise.resolve(model);
  return async (input) => {
    if (loaded === undefined) {
      loaded = (model as () => Promise<ContextScorer>)();
      // A failed load is tried again on the next turn rather than remembered for ever.
      loaded.catch(() => (loaded = undefined));
    }
    const scorer = await loaded;
    const features = dialogueFeatures(input);
    const decision = decideAction(input.state, features, await scorer.run(features));
    options.onDecision?.(decision, features);
    return decision.action;
  };
}
