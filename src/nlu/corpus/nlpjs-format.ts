/**
 * Import of NLP.js corpus JSON, as `NlpManager.addCorpus()` / `Nlp.addCorpus()` read it:
 *
 * ```json
 * { "name": "Corpus", "locale": "en-US",
 *   "data": [{ "intent": "greetings.hello", "utterances": ["hello", "hi @hero"], "answers": ["Hey!"] }],
 *   "entities": { "hero": { "options": { "spiderman": ["spiderman", "spider-man"] } },
 *                 "email": "/\\b\\S+@\\S+\\b/gi", "code": { "regex": ["/[A-Z]{3}\\d{3}/"] } } }
 * ```
 *
 * The multi-domain form (`domains: [{ locale, data, entities }]`) is read too when every domain has
 * the same language. `answers`, `slotFilling`, `contextData` and `trim` entities are not intent
 * data and are skipped. `@entity` placeholders in utterances are filled with the entity's option
 * values in turn, so the classifier sees real words. The intent `None` becomes `outOfScope`.
 *
 * @module
 */

import type { Corpus, CustomEntityDefinition } from '../types.ts';
import { CorpusBuilder } from './builder.ts';
import { isRecord, type CorpusSource, type DataPath } from './source.ts';

type Located<T> = { value: T; line: number | undefined };

/** Parses an NLP.js corpus. @throws {CorpusError} naming the line of the first problem. */
export function parseNlpjsCorpus(src: CorpusSource): Corpus {
  const top = src.data as Record<string, unknown>;
  src.entries(top, []);
  const parts: { data: unknown; entities: unknown; locale: unknown; path: DataPath }[] = [];
  if (Array.isArray(top['domains'])) {
    if (top['entities'] !== undefined) parts.push({ data: [], entities: top['entities'], locale: undefined, path: [] });
    top['domains'].forEach((d: unknown, i) => {
      src.entries(d, ['domains', i]);
      const dom = d as Record<string, unknown>;
      parts.push({ data: dom['data'], entities: dom['entities'], locale: dom['locale'], path: ['domains', i] });
    });
  } else parts.push({ data: top['data'], entities: top['entities'], locale: top['locale'], path: [] });

  let language: Located<string> | undefined;
  const b = new CorpusBuilder(src, ['None']);
  const defs: Located<CustomEntityDefinition>[] = [];
  for (const part of parts) {
    if (part.locale !== undefined) {
      if (typeof part.locale !== 'string' || part.locale.length < 2)
        throw src.error('"locale" must be a language tag such as "en-US"', [...part.path, 'locale']);
      const lang = part.locale.slice(0, 2).toLowerCase(); // NLP.js itself keys languages by the first two letters
      const line = src.lineOf([...part.path, 'locale']);
      if (language && language.value !== lang)
        throw src.error(`a corpus mixes languages "${language.value}" (line ${language.line}) and "${lang}"`, line);
      language ??= { value: lang, line };
    }
    if (part.entities !== undefined) defs.push(...entityDefs(src, part.entities, [...part.path, 'entities']));
  }
  if (!language) throw src.error('an NLP.js corpus needs a "locale"', ['locale']);
  for (const d of defs) b.addEntity(d.value, d.line);
  const fillers = new Map<string, string[]>();
  for (const { value: d } of defs) {
    if (d.type === 'list') fillers.set(d.name, [...(fillers.get(d.name) ?? []), ...d.values.map((v) => v.value)]);
  }
  for (const part of parts) {
    const dataPath = [...part.path, 'data'];
    if (!Array.isArray(part.data)) throw src.error('"data" must be a list of { intent, utterances }', dataPath);
    part.data.forEach((item: unknown, i) => {
      const p = [...dataPath, i];
      src.entries(item, p);
      const rec = item as Record<string, unknown>;
      const utterances = rec['utterances'] ?? [];
      if (!Array.isArray(utterances)) throw src.error('"utterances" must be a list of strings', [...p, 'utterances']);
      b.addIntent(
        rec['intent'],
        src.lineOf([...p, 'intent']) ?? src.lineOf(p),
        utterances.map((u: unknown, k) => ({
          text: typeof u === 'string' ? fillPlaceholders(u, fillers, k) : u,
          line: src.lineOf([...p, 'utterances', k]),
        })),
      );
    });
  }
  return b.build({ language: language.value, name: typeof top['name'] === 'string' ? top['name'] : undefined });
}

function entityDefs(src: CorpusSource, value: unknown, path: DataPath): Located<CustomEntityDefinition>[] {
  const out: Located<CustomEntityDefinition>[] = [];
  for (const [name, raw] of src.entries(value, path)) {
    const p = [...path, name];
    const line = src.lineOf(p);
    const entity = typeof raw === 'string' ? { regex: raw } : raw;
    if (!isRecord(entity)) throw src.error(`entity "${name}" must be a regex string or { options, regex }`, p);
    if (entity['options'] !== undefined) {
      const values = src.entries(entity['options'], [...p, 'options']).map(([option, synonyms]) => {
        if (!Array.isArray(synonyms))
          throw src.error(`option "${option}" of entity "${name}" must list its texts`, [...p, 'options', option]);
        return { value: option, synonyms: synonyms as string[] };
      });
      out.push({ value: { type: 'list', name, values }, line });
    }
    const regexes =
      entity['regex'] === undefined ? [] : Array.isArray(entity['regex']) ? entity['regex'] : [entity['regex']];
    regexes.forEach((r: unknown, i) => {
      const at = Array.isArray(entity['regex']) ? src.lineOf([...p, 'regex', i]) : line;
      if (typeof r !== 'string' || r.trim() === '')
        throw src.error(`regex of entity "${name}" must be a non-empty string`, at);
      out.push({ value: { type: 'regex', name, ...slashRegex(src, r, at) }, line: at });
    });
  }
  return out;
}

/** NLP.js writes regexes as `/source/flags` strings; `g` is implied, `i` and `u` are kept. */
function slashRegex(src: CorpusSource, text: string, line: number | undefined): { pattern: string; flags: string } {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(text.trim());
  if (!m) return { pattern: text, flags: '' };
  const flags = (m[2] as string).replace(/g/g, '');
  if (!/^[iu]*$/.test(flags)) throw src.error(`regex ${text} uses flags "${flags}": only i and u are supported`, line);
  return { pattern: m[1] as string, flags };
}

/** "hi @hero" → "hi spiderman": the k-th utterance uses the k-th option value, for variety. */
function fillPlaceholders(text: string, fillers: ReadonlyMap<string, string[]>, k: number): string {
  return text.replace(/(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_][\p{L}\p{N}_.-]*)/gu, (all, name: string) => {
    const values = fillers.get(name);
    return values?.length ? (values[k % values.length] as string) : all;
  });
}
