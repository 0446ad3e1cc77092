/**
 * The slot tagger's spans as entities of kind `slot`, merged into an `NluResult`: the dialogue
 * layer then reads them like any other entity (`SlotExtractInput.entities`), next to the dates,
 * times and numbers the grammars find.
 *
 * @module
 */
import type { Entity, NluResult } from '../types.ts';
import type { TaggedSpan } from './bio.ts';

/**
 * Adds tagged spans to a result's entities (kept sorted by `start`).
 * @param nlu what the intent model understood
 * @param spans what the tagger found in the same text
 * @returns the result with the spans as `slot` entities
 */
export function withSlotEntities(nlu: NluResult, spans: readonly TaggedSpan[]): NluResult {
  if (spans.length === 0) return nlu;
  const tagged: Entity[] = spans.map((s) => ({
    kind: 'slot',
    name: s.entity,
    text: s.text,
    start: s.start,
    end: s.end,
    value: s.text,
    confidence: s.confidence,
  }));
  return { ...nlu, entities: [...nlu.entities, ...tagged].sort((a, b) => a.start - b.start) };
}
