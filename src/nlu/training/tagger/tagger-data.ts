/**
 * Annotated examples → what the tagger trains on: tokens, feature ids, gold BIO tags, the label
 * set, and the vocabulary (the feature buckets seen often enough get an embedding row).
 *
 * @module
 */
import { CorpusError } from '../../../errors.ts';
import { bioLabels, spansToTags } from '../../tagger/bio.ts';
import { tokenFeatureIds, type TaggerFeaturizerConfig } from '../../tagger/token-features.ts';
import { tokenizeWithOffsets, type Token } from '../../tagger/tokens.ts';
import type { SlotSpan, TrainingExample } from '../../types.ts';

/** One example ready for the network. */
export interface TaggerExample {
  text: string;
  tokens: Token[];
  /** `[tokens, features]` bucket ids. */
  ids: Int32Array;
  /** Gold tag per token. */
  tags: Int32Array;
  /** The annotated spans, for span-level evaluation. */
  spans: SlotSpan[];
}

/**
 * The slot names annotated anywhere in `examples`.
 * @param examples annotated examples
 * @returns the sorted names
 */
export function slotNamesOf(examples: readonly TrainingExample[]): string[] {
  const names = new Set<string>();
  for (const e of examples) for (const s of e.slots ?? []) names.add(s.entity);
  return [...names].sort();
}

/**
 * Checks an example's spans (in range, non-empty, not overlapping) and tokenizes it.
 * @param example the example
 * @param config the featurizer
 * @param labelIndex label → index
 * @returns the prepared example
 * @throws {CorpusError} on a span outside the text or overlapping another
 */
export function prepareTaggerExample(
  example: TrainingExample,
  config: TaggerFeaturizerConfig,
  labelIndex: ReadonlyMap<string, number>,
): TaggerExample {
  const spans = [...(example.slots ?? [])].sort((a, b) => a.start - b.start);
  let lastEnd = 0;
  for (const s of spans) {
    if (!(
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.end > s.start &&
      s.end <= example.text.length
    ))
      throw new CorpusError(`slot ${s.entity} [${s.start}, ${s.end}) is outside "${example.text.slice(0, 60)}"`);
    if (s.start < lastEnd)
      throw new CorpusError(`slot ${s.entity} overlaps another slot in "${example.text.slice(0, 60)}"`);
    lastEnd = s.end;
  }
  const tokens = tokenizeWithOffsets(example.text, config.locale, config.maxChars);
  return {
    text: example.text,
    tokens,
    ids: tokenFeatureIds(tokens, config),
    tags: spansToTags(tokens, spans, labelIndex),
    spans,
  };
}

/**
 * The embedding rows: every bucket seen at least `minCount` times in training gets one (row 0 is
 * padding and everything unseen), so the table holds what was learned and nothing else.
 * @param examples the training examples
 * @param config the featurizer
 * @param minCount the fewest occurrences that earn a row
 * @returns the bucket → row map and the row count
 */
export function buildRemap(
  examples: readonly TaggerExample[],
  config: TaggerFeaturizerConfig,
  minCount: number,
): { remap: Int32Array; rows: number } {
  const counts = new Map<number, number>();
  for (const e of examples) for (const id of e.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const remap = new Int32Array(config.buckets);
  let rows = 1;
  for (const [id, n] of [...counts].sort((a, b) => a[0] - b[0])) if (n >= minCount && id !== 0) remap[id] = rows++;
  return { remap, rows };
}

/**
 * The labels and their index for a set of slot names.
 * @param names slot names
 */
export function labelSetOf(names: readonly string[]): { labels: string[]; index: Map<string, number> } {
  const labels = bioLabels(names);
  return { labels, index: new Map(labels.map((l, i) => [l, i])) };
}
