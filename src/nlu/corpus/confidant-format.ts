/**
 * Confidant's own corpus format, in YAML or JSON:
 *
 * ```yaml
 * confidant: 1                # optional format marker
 * language: en                # BCP 47, default en
 * name: pizza-bot             # optional, written into the model
 * version: 1.0.0              # optional
 * intents:                    # a map of intent → examples ...
 *   greet: [hello, hi there]
 *   order_pizza:
 *     - I want a pizza
 *     - examples: [...]       # (or { examples: [...] })
 *   order_status:             # when extending a model: replaces the base model's intent of that name
 *     override: true          # (or a list of base intents folded into this one: override: [order, order_status])
 *     examples: [where is my order]
 *   weather:                  # slot annotations, as in Rasa: [words](slot) or [words]{"entity": "slot", "value": "…"}
 *     - what is the weather in [Paris](city)
 *     - "[NYC](city:New York) forecast"   # quote a line that starts with "[" (YAML would read a list)
 * # ... or a list: intents: [{ name: greet, examples: [hello] }]
 * entities:
 *   city:                     # a list entity: values are strings or { value, synonyms }
 *     - value: New York
 *       synonyms: [NYC, the big apple]
 *     - Paris
 *   order_id:                 # a regex entity (checked for catastrophic backtracking)
 *     regex: 'ORD-\d{6}'
 *     flags: i                # optional, i and u only
 * outOfScope: [what is the meaning of life]
 * validation:                 # optional held-out examples, same shapes as intents; key oos allowed
 *   greet: [hey]
 * ```
 *
 * Annotated spans are removed from the text and kept as the example's `slots` (they train the
 * slot tagger); a malformed annotation is a `CorpusError` naming its line. The normalized
 * {@link Corpus} itself (`train: [{ text, intent, slots? }]`, `entities` as definitions) is
 * accepted too, so `JSON.stringify(corpus)` parses back to the same corpus.
 *
 * @module
 */

import type { Corpus, CustomEntityDefinition, SlotSpan } from '../types.ts';
import { CorpusBuilder, type LocatedText } from './builder.ts';
import { slotSpansOf, stripAnnotations } from './rasa-annotations.ts';
import { isRecord, type CorpusSource, type DataPath } from './source.ts';

const TOP_KEYS = new Set([
  'confidant',
  'language',
  'name',
  'version',
  'description',
  'intents',
  'train',
  'validation',
  'outOfScope',
  'entities',
]);

/** Parses a Confidant corpus. @throws {CorpusError} naming the line of the first problem. */
export function parseConfidantCorpus(src: CorpusSource): Corpus {
  const top = src.entries(src.data, []);
  const b = new CorpusBuilder(src);
  const meta: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const [key, value] of top) {
    if (!TOP_KEYS.has(key))
      throw src.error(`unknown top-level key "${key}" (expected one of ${[...TOP_KEYS].join(', ')})`, [key]);
    if (key === 'language' || key === 'name' || key === 'version') {
      if (typeof value !== 'string') throw src.error(`"${key}" must be a string`, [key]);
      meta[key] = value;
    }
  }
  const data = src.data as Record<string, unknown>;
  if (data['intents'] === undefined && data['train'] === undefined)
    throw src.error('a Confidant corpus needs "intents" (or "train")');
  if (data['intents'] !== undefined) {
    for (const g of groups(src, data['intents'], ['intents'])) {
      b.addIntent(g.name, g.line, g.examples);
      if (g.override !== undefined) b.addOverride(g.name as string, g.override, g.line);
    }
  }
  if (data['train'] !== undefined) {
    const byIntent = new Map<string, { line: number | undefined; examples: LocatedText[] }>();
    for (const { intent, example } of pairs(src, data['train'], ['train'])) {
      if (typeof intent !== 'string') throw src.error('a "train" item needs a string "intent"', example.line);
      const key = intent;
      const g = byIntent.get(key) ?? { line: example.line, examples: [] };
      g.examples.push(example);
      byIntent.set(key, g);
    }
    for (const [name, g] of byIntent) b.addIntent(name, g.line, g.examples);
  }
  const val = data['validation'];
  if (Array.isArray(val) && val.every((v) => isRecord(v) && 'text' in v)) {
    for (const { intent, example } of pairs(src, val, ['validation'])) b.addValidation(intent, example);
  } else if (val !== undefined) {
    for (const g of groups(src, val, ['validation'])) for (const e of g.examples) b.addValidation(g.name, e);
  }
  if (data['outOfScope'] !== undefined) {
    for (const e of texts(src, data['outOfScope'], ['outOfScope'])) b.addOutOfScope(e);
  }
  if (data['entities'] !== undefined) for (const [def, line] of entities(src, data['entities'])) b.addEntity(def, line);
  return b.build({ language: meta['language'], name: meta['name'], version: meta['version'] });
}

interface Group {
  name: unknown;
  line: number | undefined;
  examples: LocatedText[];
  /** The intent's `override` (see `Corpus.overrides`). */
  override?: unknown;
}

/** The keys an intent given as a mapping may have. */
const INTENT_KEYS = new Set(['name', 'intent', 'examples', 'override']);

/** `{ greet: [..] }`, `{ greet: { examples: [..] } }` or `[{ name: greet, examples: [..] }]`. */
function groups(src: CorpusSource, value: unknown, path: DataPath): Group[] {
  if (Array.isArray(value)) {
    return value.map((item: unknown, i) => {
      const p = [...path, i];
      if (!isRecord(item))
        throw src.error(`${path[0]} entry #${i + 1} must be a mapping with "name" and "examples"`, p);
      checkIntentKeys(src, item, p);
      return {
        name: item['name'] ?? item['intent'],
        line: src.lineOf(p),
        examples: texts(src, item['examples'], [...p, 'examples']),
        ...(item['override'] === undefined ? {} : { override: item['override'] }),
      };
    });
  }
  return src.entries(value, path).map(([name, v]) => {
    const p = [...path, name];
    if (isRecord(v)) checkIntentKeys(src, v, p);
    const list = isRecord(v) ? v['examples'] : v;
    const override = isRecord(v) ? v['override'] : undefined;
    return {
      name,
      line: src.lineOf(p),
      examples: texts(src, list, isRecord(v) ? [...p, 'examples'] : p),
      ...(override === undefined ? {} : { override }),
    };
  });
}

/** An intent mapping with a key it cannot have (a typo of `examples` would otherwise train nothing). */
function checkIntentKeys(src: CorpusSource, item: Record<string, unknown>, path: DataPath): void {
  for (const [key] of src.entries(item, path)) {
    if (!INTENT_KEYS.has(key))
      throw src.error(`unknown key "${key}" in an intent (expected ${[...INTENT_KEYS].join(', ')})`, [...path, key]);
  }
}

function texts(src: CorpusSource, value: unknown, path: DataPath): LocatedText[] {
  if (value === undefined || value === '') return [];
  if (!Array.isArray(value)) throw src.error(`${path.join('.')} must be a list of example texts`, path);
  return value.map((text: unknown, i) => annotated(src, text, src.lineOf([...path, i])));
}

/** An example with its `[words](slot)` annotations removed and kept as slots. */
function annotated(src: CorpusSource, text: unknown, line: number | undefined, slots?: unknown): LocatedText {
  if (typeof text !== 'string') return { text, line };
  let stripped;
  try {
    stripped = stripAnnotations(text);
  } catch (cause) {
    throw src.error((cause as Error).message, line, cause);
  }
  const spans = [...slotSpansOf(stripped.annotations), ...explicitSlots(src, stripped.text, slots, line)];
  return spans.length === 0 ? { text: stripped.text, line } : { text: stripped.text, line, slots: spans };
}

/** The normalized form's `slots: [{ start, end, entity, value? }]`, checked against the text. */
function explicitSlots(src: CorpusSource, text: string, slots: unknown, line: number | undefined): SlotSpan[] {
  if (slots === undefined) return [];
  if (!Array.isArray(slots)) throw src.error('"slots" must be a list of { start, end, entity }', line);
  return slots.map((s: unknown, i) => {
    // YAML is read with the failsafe schema (every scalar a string): offsets may be digit strings.
    const offset = (v: unknown): number =>
      typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
    const start = offset(isRecord(s) ? s['start'] : undefined);
    const end = offset(isRecord(s) ? s['end'] : undefined);
    const entity = isRecord(s) ? s['entity'] : undefined;
    const value = isRecord(s) ? s['value'] : undefined;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length)
      throw src.error(`slot #${i + 1} needs integer offsets 0 <= start < end <= ${text.length}`, line);
    if (typeof entity !== 'string' || entity.trim() === '')
      throw src.error(`slot #${i + 1} needs an "entity" name`, line);
    if (value !== undefined && typeof value !== 'string')
      throw src.error(`slot #${i + 1} has a non-string "value"`, line);
    return { start, end, entity: entity.trim(), ...(value === undefined ? {} : { value }) };
  });
}

function pairs(src: CorpusSource, value: unknown, path: DataPath): { intent: unknown; example: LocatedText }[] {
  if (!Array.isArray(value)) throw src.error(`"${path[0]}" must be a list of { text, intent }`, path);
  return value.map((item: unknown, i) => {
    const p = [...path, i];
    if (!isRecord(item)) throw src.error(`${path[0]} item #${i + 1} must be { text, intent }`, p);
    return { intent: item['intent'], example: annotated(src, item['text'], src.lineOf(p), item['slots']) };
  });
}

function entities(src: CorpusSource, value: unknown): [CustomEntityDefinition, number | undefined][] {
  if (Array.isArray(value)) {
    // The normalized form: definitions as in Corpus.entities.
    return value.map((def: unknown, i) => {
      if (!isRecord(def)) throw src.error(`entities item #${i + 1} must be a definition`, ['entities', i]);
      src.entries(def, ['entities', i]);
      return [def as unknown as CustomEntityDefinition, src.lineOf(['entities', i])];
    });
  }
  return src.entries(value, ['entities']).map(([name, v]) => {
    const p = ['entities', name];
    const line = src.lineOf(p);
    if (isRecord(v) && v['regex'] !== undefined) {
      const def: CustomEntityDefinition = { type: 'regex', name, pattern: v['regex'] as string };
      if (v['flags'] !== undefined) def.flags = v['flags'] as string;
      return [def, line];
    }
    const list = isRecord(v) ? v['values'] : v;
    if (!Array.isArray(list)) throw src.error(`entity "${name}" needs a list of values or a regex`, p);
    const values = list.map((item: unknown, i) => {
      if (typeof item === 'string') return { value: item, synonyms: [] };
      if (isRecord(item)) return { value: item['value'] as string, synonyms: (item['synonyms'] ?? []) as string[] };
      throw src.error(`value #${i + 1} of entity "${name}" must be a string or { value, synonyms }`, [...p, i]);
    });
    return [{ type: 'list', name, values }, line];
  });
}
