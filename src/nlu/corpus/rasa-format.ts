/**
 * Import of Rasa NLU training data (`nlu.yml`, format versions 2.x and 3.x): `intent` items with
 * `examples` (a `|` block of `- ` bullets, or a list of `{ text, metadata }`), inline entity
 * annotations, `synonym`, `lookup` and `regex` items. Other top-level keys of a Rasa project file
 * (`rules`, `stories`, `responses`) are ignored.
 *
 * Mapping: annotated spans stay on their examples as `slots` (they train the slot tagger), and
 * annotated entity values and lookup tables also become list entities (matched directly, so a
 * model without a tagger still finds the values it was shown), synonyms
 * join the lists that hold their value (synonyms no list holds form a list named `synonym`),
 * regexes become regex entities (case-sensitive, as Rasa's default), and the `out_of_scope`
 * intent becomes `outOfScope` examples.
 *
 * @module
 */

import type { Corpus } from '../types.ts';
import { CorpusBuilder, type LocatedText } from './builder.ts';
import { addListValue, applySynonyms, slotSpansOf, stripAnnotations, type ListTable } from './rasa-annotations.ts';
import { isRecord, type CorpusSource, type DataPath } from './source.ts';

const KINDS = ['intent', 'synonym', 'lookup', 'regex'] as const;

/** Parses Rasa NLU YAML. @throws {CorpusError} naming the line of the first problem. */
export function parseRasaNlu(src: CorpusSource): Corpus {
  src.entries(src.data, []);
  const nlu = (src.data as Record<string, unknown>)['nlu'];
  if (!Array.isArray(nlu)) throw src.error('"nlu" must be a list of intent, synonym, lookup and regex items', ['nlu']);
  const b = new CorpusBuilder(src, ['out_of_scope']);
  const lists: ListTable = new Map();
  const listLines = new Map<string, number | undefined>();
  const synonyms: { value: string; texts: string[] }[] = [];
  const regexes: { name: string; pattern: string; line: number | undefined }[] = [];
  nlu.forEach((item: unknown, i) => {
    const path = ['nlu', i];
    src.entries(item, path);
    const rec = item as Record<string, unknown>;
    const kinds = KINDS.filter((k) => rec[k] !== undefined);
    if (kinds.length !== 1) throw src.error(`an nlu item needs exactly one of ${KINDS.join(', ')}`, path);
    const kind = kinds[0] as (typeof KINDS)[number];
    const name = rec[kind];
    if (typeof name !== 'string' || name.trim() === '')
      throw src.error(`"${kind}" needs a non-empty name`, [...path, kind]);
    const examples = exampleLines(src, rec['examples'], [...path, 'examples']);
    const line = src.lineOf([...path, kind]);
    if (kind === 'intent') {
      b.addIntent(
        name,
        line,
        examples.map((e) => {
          let stripped;
          try {
            stripped = stripAnnotations(e.text);
          } catch (cause) {
            throw src.error((cause as Error).message, e.line, cause);
          }
          for (const a of stripped.annotations) {
            addListValue(lists, a.entity, a.value, a.text);
            if (!listLines.has(a.entity)) listLines.set(a.entity, e.line);
          }
          return { text: stripped.text, line: e.line, slots: slotSpansOf(stripped.annotations) };
        }),
      );
    } else if (kind === 'lookup') {
      if (examples.length === 0) throw src.error(`lookup table "${name}" has no entries`, line);
      for (const e of examples) addListValue(lists, name.trim(), e.text);
      if (!listLines.has(name.trim())) listLines.set(name.trim(), line);
    } else if (kind === 'synonym') {
      if (examples.length === 0) throw src.error(`synonym "${name}" has no examples`, line);
      synonyms.push({ value: name, texts: examples.map((e) => e.text) });
    } else {
      if (examples.length === 0) throw src.error(`regex "${name}" has no patterns`, line);
      for (const e of examples) regexes.push({ name: name.trim(), pattern: e.text, line: e.line });
    }
  });
  for (const s of synonyms) {
    if (!applySynonyms(lists, s.value, s.texts)) {
      for (const t of s.texts) addListValue(lists, 'synonym', s.value, t);
    }
  }
  const regexNames = new Set(regexes.map((r) => r.name));
  for (const [name, values] of lists) {
    if (regexNames.has(name)) continue; // annotated examples of a regex entity are samples, not a list
    const def = {
      type: 'list' as const,
      name,
      values: [...values].map(([value, syn]) => ({ value, synonyms: [...syn] })),
    };
    b.addEntity(def, listLines.get(name));
  }
  for (const r of regexes)
    b.addEntity({ type: 'regex', name: r.name, pattern: r.pattern, flags: unicodeOk(r.pattern) ? 'u' : '' }, r.line);
  return b.build({});
}

/** Example lines of an item: a `- ` bullet block (lines counted inside it) or a list of strings / `{ text }`. */
function exampleLines(src: CorpusSource, value: unknown, path: DataPath): { text: string; line: number | undefined }[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) {
    return value.map((v: unknown, i): LocatedText & { text: string } => {
      const text = isRecord(v) ? v['text'] : v;
      if (typeof text !== 'string') throw src.error('an example must be a string or { text }', [...path, i]);
      return { text: text.trim(), line: src.lineOf([...path, i]) };
    });
  }
  if (typeof value !== 'string') throw src.error('"examples" must be a "|" block of "- " lines', path);
  const first = src.blockFirstLine(path);
  const out: { text: string; line: number | undefined }[] = [];
  value.split('\n').forEach((raw, k) => {
    const line = first === undefined ? undefined : first + k;
    const t = raw.trim();
    if (t === '') return;
    if (!t.startsWith('-'))
      throw src.error(`expected an example line starting with "- ", got "${t.slice(0, 40)}"`, line);
    const text = t.slice(1).trim();
    if (text === '') throw src.error('empty example', line);
    out.push({ text, line });
  });
  return out;
}

/** Rasa writes Python regexes; most are valid JS with the `u` flag, some (`\-` outside a class) only without. */
function unicodeOk(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
