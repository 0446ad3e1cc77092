/**
 * Rasa's inline entity annotations in training examples, stripped to plain text while the
 * entity values are collected: `[New York](city)`, `[NYC](city:New York)` (Rasa 1 synonym
 * shorthand), `[NY]{"entity": "city", "value": "New York"}` and the list form
 * `[Berlin][{"entity": "city", "role": "from"}, {"entity": "location"}]`.
 *
 * @module
 */

import type { SlotSpan } from '../types.ts';
import { isRecord } from './source.ts';

/** One annotated span: the entity, its canonical value, the text as written and where it is in the stripped text. */
export interface RasaAnnotation {
  entity: string;
  value: string;
  text: string;
  /** UTF-16 offsets of `text` in the stripped example, end exclusive. */
  start: number;
  end: number;
}

// `[text]` followed by `(entity)` / `(entity:value)`, `{json}` or `[{json}, ...]`; all on one line,
// without nesting, so the expression is linear.
const ANNOTATION_RE = /\[([^[\]\n]+)\](?:\(([^()\n]+)\)|(\{[^{}\n]*\})|(\[\s*\{[^\n]*?\}\s*\]))/g;

/**
 * Removes the annotations from one example, keeping where each span lands in the plain text
 * (the slot tagger trains on those spans).
 *
 * @returns the plain text and the annotations found.
 * @throws {Error} with a message for the corpus error when an annotation's JSON is malformed.
 */
export function stripAnnotations(example: string): { text: string; annotations: RasaAnnotation[] } {
  const annotations: RasaAnnotation[] = [];
  // How many code units the annotations before the current match removed, to map offsets.
  let removed = 0;
  const text = example.replace(
    ANNOTATION_RE,
    (
      all: string,
      surface: string,
      short: string | undefined,
      obj: string | undefined,
      list: string | undefined,
      offset: number,
    ) => {
      const start = offset - removed;
      const end = start + surface.length;
      removed += all.length - surface.length;
      if (short !== undefined) {
        const colon = short.indexOf(':');
        const entity = (colon < 0 ? short : short.slice(0, colon)).trim();
        const value = colon < 0 ? surface : short.slice(colon + 1).trim();
        if (!entity) throw new Error(`annotation "[${surface}](${short})" has no entity name`);
        annotations.push({ entity, value: value || surface, text: surface, start, end });
        return surface;
      }
      const json = (obj ?? list) as string;
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        throw new Error(`annotation "[${surface}]${json}" is not valid JSON`);
      }
      for (const a of Array.isArray(parsed) ? parsed : [parsed]) {
        const entity: unknown = isRecord(a) ? a['entity'] : undefined;
        const value: unknown = isRecord(a) ? a['value'] : undefined;
        if (typeof entity !== 'string' || entity.trim() === '')
          throw new Error(`annotation "[${surface}]${json}" needs an "entity" string`);
        if (value !== undefined && typeof value !== 'string')
          throw new Error(`annotation "[${surface}]${json}" has a non-string "value"`);
        annotations.push({ entity: entity.trim(), value: value ?? surface, text: surface, start, end });
      }
      return surface;
    },
  );
  return { text, annotations };
}

/**
 * The annotations of an example as slot spans (the value kept only when it differs from the text).
 * @param annotations from {@link stripAnnotations}
 */
export function slotSpansOf(annotations: readonly RasaAnnotation[]): SlotSpan[] {
  return annotations.map((a) => ({
    start: a.start,
    end: a.end,
    entity: a.entity,
    ...(a.value === a.text ? {} : { value: a.value }),
  }));
}

/** Entity name → canonical value → synonyms, in first-seen order. */
export type ListTable = Map<string, Map<string, Set<string>>>;

/** Records `value` (and `synonym`, when it differs) under `entity`. */
export function addListValue(table: ListTable, entity: string, value: string, synonym?: string): void {
  let values = table.get(entity);
  if (!values) table.set(entity, (values = new Map()));
  let synonyms = values.get(value);
  if (!synonyms) values.set(value, (synonyms = new Set()));
  if (synonym !== undefined && synonym !== value) synonyms.add(synonym);
}

/**
 * Applies a Rasa `synonym:` block: every list that knows the value or one of its synonyms gets the
 * synonyms under the canonical value. Returns false when no list knows any of them.
 */
export function applySynonyms(table: ListTable, value: string, synonyms: readonly string[]): boolean {
  let applied = false;
  for (const values of table.values()) {
    if (!values.has(value) && !synonyms.some((s) => values.has(s))) continue;
    applied = true;
    const merged = values.get(value) ?? new Set<string>();
    for (const s of synonyms) {
      // A synonym that was recorded as a value of its own ("[NYC](city)") folds into the canonical one.
      for (const extra of values.get(s) ?? []) merged.add(extra);
      if (s !== value) values.delete(s);
      if (s !== value) merged.add(s);
    }
    values.set(value, merged);
  }
  return applied;
}
