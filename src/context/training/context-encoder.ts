/**
 * Embeds featurized turns for the forward pass (`EncodedTurn`), and runs the network on them
 * without dropout: what validation, the in-memory predictor and the SGD benchmark use.
 *
 * @module
 */
import type { ContextFeatures, ContextOutput } from '../context-features.ts';
import { bagInto, createTrace, forwardContext, type ContextWeights, type EncodedTurn } from './context-network.ts';

/** Runs fixed weights on featurized turns. */
export interface ContextRunner {
  /** The turn embedded (candidate bags are cached by ids array: the weights must not change meanwhile). */
  encode(features: ContextFeatures): EncodedTurn;
  /** The network's outputs for the turn (fresh arrays). */
  run(features: ContextFeatures): ContextOutput;
}

/**
 * Creates a runner over `w`. Candidate descriptions repeat from turn to turn (the same
 * arrays, from a `TextIdCache`), so their bags are computed once.
 * @param w the weights; they must not change while the runner is used
 * @returns the runner
 */
export function createContextRunner(w: ContextWeights): ContextRunner {
  const dim = w.shape.dim;
  const bags = new WeakMap<Int32Array, Float32Array>();
  const bagOf = (ids: Int32Array): Float32Array => {
    let bag = bags.get(ids);
    if (bag === undefined) {
      bag = new Float32Array(dim);
      bagInto(w, ids, bag);
      bags.set(ids, bag);
    }
    return bag;
  };
  const trace = createTrace(w.shape);
  const encode = (f: ContextFeatures): EncodedTurn => {
    const u = new Float32Array(dim);
    const c = new Float32Array(dim);
    bagInto(w, f.utterance, u);
    bagInto(w, f.context, c);
    return {
      u,
      c,
      state: f.state,
      candBags: f.candTokens.map(bagOf),
      candFeats: f.candFeats,
      slotBags: f.slotTokens.map(bagOf),
      slotFeats: f.slotFeats,
    };
  };
  return {
    encode,
    run(f) {
      forwardContext(w, encode(f), trace);
      return {
        command: trace.command.slice(),
        switch: trace.switchProb,
        intent: trace.cand.probs.slice(0, trace.cand.count),
        slot: trace.slot.probs.slice(0, trace.slot.count),
      };
    },
  };
}
