/**
 * BIO tags: the label set of a slot tagger (`O`, then `B-x`, `I-x` for each slot name x), the
 * mapping between annotated spans and per-token tags, and which tag may follow which (an `I-x`
 * only continues a `B-x` or `I-x`), which both training and decoding enforce.
 *
 * @module
 */
import type { SlotSpan } from '../types.ts';
import type { Token } from './tokens.ts';

/** The tag of tokens outside every span. */
export const OUTSIDE = 'O';

/** A span the tagger found, with offsets into the original text. */
export interface TaggedSpan {
  /** The slot name, e.g. `city`. */
  entity: string;
  start: number;
  /** Exclusive end offset. */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** The model's probability of this exact span (the CRF marginal of its tags), in [0, 1]. */
  confidence: number;
}

/**
 * The BIO labels for slot names: `O`, then `B-name`, `I-name` for each name in sorted order.
 * @param entities slot names (duplicates ignored)
 * @returns the labels
 */
export function bioLabels(entities: Iterable<string>): string[] {
  const names = [...new Set(entities)].sort();
  return [OUTSIDE, ...names.flatMap((n) => [`B-${n}`, `I-${n}`])];
}

/**
 * The slot names of a BIO label list, checking that it is well formed (`O` first, then pairs).
 * @param labels the labels
 * @returns the slot names, or a message saying what is wrong
 */
export function entitiesOfLabels(labels: readonly string[]): string[] | string {
  if (labels[0] !== OUTSIDE) return `the first label must be "${OUTSIDE}"`;
  if (labels.length < 3 || labels.length % 2 !== 1) return 'labels must be O followed by B-/I- pairs';
  const names: string[] = [];
  for (let i = 1; i < labels.length; i += 2) {
    const b = labels[i] as string;
    const name = b.slice(2);
    if (!b.startsWith('B-') || name === '' || labels[i + 1] !== `I-${name}`)
      return `labels ${i} and ${i + 1} must be B-x and I-x`;
    names.push(name);
  }
  return names;
}

/**
 * Whether tag `next` may follow tag `prev` (`-1` for the start of the sentence): `I-x` only after
 * `B-x` or `I-x`. Labels are laid out as by {@link bioLabels}: `O`=0, `B-x`=odd, `I-x`=even.
 */
export function transitionAllowed(prev: number, next: number): boolean {
  if (next === 0 || next % 2 === 1) return true;
  return prev === next || prev === next - 1;
}

/**
 * Per-token tags for annotated spans. A token belongs to a span when it overlaps it; the first
 * such token is `B-`, the others `I-`. Spans whose entity is not in `labels` are ignored.
 *
 * @param tokens the example's tokens
 * @param spans its annotated spans
 * @param labelIndex label → index
 * @returns one tag index per token
 */
export function spansToTags(
  tokens: readonly Token[],
  spans: readonly SlotSpan[],
  labelIndex: ReadonlyMap<string, number>,
): Int32Array {
  const tags = new Int32Array(tokens.length);
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const b = labelIndex.get(`B-${span.entity}`);
    if (b === undefined) continue;
    let first = true;
    tokens.forEach((tok, t) => {
      if (tok.end <= span.start || tok.start >= span.end || tags[t] !== 0) return;
      tags[t] = first ? b : b + 1;
      first = false;
    });
  }
  return tags;
}

/**
 * The spans a tag sequence marks: each `B-x` with the `I-x` after it. Offsets are the tokens'.
 *
 * @param text the original text
 * @param tokens its tokens
 * @param tags one tag index per token (BIO-valid, as Viterbi returns)
 * @param labels the label names
 * @returns the spans, in order, with confidence 1 (the caller fills it in)
 */
export function tagsToSpans(
  text: string,
  tokens: readonly Token[],
  tags: ArrayLike<number>,
  labels: readonly string[],
): { span: TaggedSpan; from: number; to: number }[] {
  const out: { span: TaggedSpan; from: number; to: number }[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tag = tags[t] as number;
    if (tag === 0) continue;
    // A stray I- (only possible without the constraints) starts a span like a B-.
    const b = tag % 2 === 1 ? tag : tag - 1;
    let end = t;
    while (end + 1 < tokens.length && tags[end + 1] === b + 1) end++;
    const start = (tokens[t] as Token).start;
    const stop = (tokens[end] as Token).end;
    const entity = (labels[b] as string).slice(2);
    out.push({ span: { entity, start, end: stop, text: text.slice(start, stop), confidence: 1 }, from: t, to: end });
    t = end;
  }
  return out;
}
