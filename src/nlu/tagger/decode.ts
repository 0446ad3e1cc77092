/**
 * Emissions → spans: the step after the network (ONNX Runtime, or the trainer's in-memory copy).
 * Viterbi with the BIO constraints picks the tags; each span's confidence is the lowest CRF
 * marginal of its tags, so a span the model hesitated over anywhere scores low.
 *
 * @module
 */
import { tagsToSpans, type TaggedSpan } from './bio.ts';
import { tokenMarginals, viterbi, type CrfTransitions } from './crf.ts';
import type { Token } from './tokens.ts';

/**
 * Decodes one utterance's emissions into spans.
 * @param text the original text
 * @param tokens its tokens
 * @param emissions `[tokens.length, labels]` scores
 * @param crf the transitions
 * @param labels the label names
 * @returns the spans in text order
 */
export function decodeSpans(
  text: string,
  tokens: readonly Token[],
  emissions: ArrayLike<number>,
  crf: CrfTransitions,
  labels: readonly string[],
): TaggedSpan[] {
  if (tokens.length === 0) return [];
  const tags = viterbi(emissions, tokens.length, crf);
  const found = tagsToSpans(text, tokens, tags, labels);
  if (found.length === 0) return [];
  const marginals = tokenMarginals(emissions, tokens.length, crf);
  const L = crf.labels;
  return found.map(({ span, from, to }) => {
    let confidence = 1;
    for (let t = from; t <= to; t++)
      confidence = Math.min(confidence, marginals[t * L + (tags[t] as number)] as number);
    return { ...span, confidence: Math.max(0, Math.min(1, confidence)) };
  });
}
