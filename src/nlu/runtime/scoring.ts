/**
 * Turns a model's output probabilities into the intent part of an `NluResult`: top-k intents,
 * the out-of-scope decision and the confidence. Shared by the ONNX model and the in-memory
 * predictor so both decide identically.
 *
 * @module
 */
import type { IntentScore } from '../types.ts';

/** What the decision needs to know about the model. */
export interface ScoringContext {
  labels: readonly string[];
  /** The out-of-scope class's label (always the last), or `null`. */
  oosLabel: string | null;
  threshold: number;
}

/** The intent part of a result. */
export interface IntentDecision {
  intent: string | null;
  confidence: number;
  outOfScope: boolean;
  intents: IntentScore[];
}

/** The default number of intents returned. */
export const DEFAULT_TOP_K = 5;

/**
 * Decides the intent from class probabilities. The out-of-scope class is never listed among
 * `intents`; the utterance is out of scope when that class wins or when the best intent's
 * probability is under the threshold.
 * @param probs class probabilities in label order
 * @param ctx labels, out-of-scope label and threshold
 * @param topK how many intents to list (clamped to [0, intents])
 * @returns the decision
 */
export function decideIntent(
  probs: ArrayLike<number>,
  ctx: ScoringContext,
  topK: number = DEFAULT_TOP_K,
): IntentDecision {
  const n = ctx.oosLabel === null ? ctx.labels.length : ctx.labels.length - 1;
  const k = Math.max(1, Math.min(n, Math.floor(Number.isFinite(topK) ? topK : DEFAULT_TOP_K)));
  // Top-k by insertion into a k-long list: k·n comparisons, cheaper than sorting 150 labels for
  // the 5 shown. Ties keep label order (a strict > never moves a later label ahead).
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = probs[i] as number;
    if (order.length === k && !(p > (probs[order[k - 1] as number] as number))) continue;
    let at = order.length === k ? k - 1 : order.length;
    while (at > 0 && p > (probs[order[at - 1] as number] as number)) at--;
    if (order.length === k) order.pop();
    order.splice(at, 0, i);
  }
  const shown = Math.max(0, Math.min(n, Math.floor(Number.isFinite(topK) ? topK : DEFAULT_TOP_K)));
  const intents = order.slice(0, shown).map((i) => ({ intent: ctx.labels[i] as string, score: probs[i] as number }));
  const best = order[0] as number;
  const confidence = Number.isFinite(probs[best]) ? (probs[best] as number) : 0;
  const oosWins = ctx.oosLabel !== null && (probs[n] as number) > confidence;
  const outOfScope = oosWins || confidence < ctx.threshold;
  return { intent: outOfScope ? null : (ctx.labels[best] as string), confidence, outOfScope, intents };
}
