/**
 * Custom entities declared by a corpus: lists of values with synonyms (typo-tolerant) and regular
 * expressions checked for catastrophic backtracking. Compiling once per corpus keeps a classify
 * call to a few map lookups per token.
 *
 * @module
 */

import type { CustomEntityDefinition } from '../types.ts';
import { compileLists, type ListIndex, type ListSource } from './list-matcher.ts';
import { compileSafeRegex } from './regex-safety.ts';
import { emit, type ScanContext } from './scan.ts';

/** Custom entity definitions compiled for matching; pass it as `custom` to `extractEntities`. */
export interface CompiledCustomEntities {
  /** The definitions this was compiled from. */
  readonly definitions: readonly CustomEntityDefinition[];
  /**
   * Adds this corpus's custom entities found in the context to its candidates.
   * @internal
   */
  match(ctx: ScanContext): void;
}

// On inputs longer than one window, regexes run over overlapping windows, so a pattern that is
// quadratic in its input costs O(n · WINDOW) instead of O(n²). Matches are at most WINDOW - STEP long.
const WINDOW = 1024;
const STEP = 512;

const compiledCache = new WeakMap<readonly CustomEntityDefinition[], CompiledCustomEntities>();

/**
 * Validates and compiles custom entity definitions. The result is cached per array, so passing
 * the same `definitions` array to `extractEntities` again costs nothing.
 *
 * @param definitions - list and regex entities, as in `Corpus.entities`.
 * @returns a matcher to pass as the `custom` option of `extractEntities`.
 * @throws {TypeError} when a definition is malformed or a regex is invalid or unsafe (the message
 *   names the entity and the reason).
 * @example
 * ```ts
 * const custom = compileCustomEntities([{ type: 'list', name: 'city', values: [{ value: 'New York', synonyms: ['NYC'] }] }]);
 * extractEntities('fly me to nyc', { custom }); // [{ kind: 'custom', name: 'city', value: 'New York', ... }]
 * ```
 */
export function compileCustomEntities(definitions: readonly CustomEntityDefinition[]): CompiledCustomEntities {
  const cached = compiledCache.get(definitions);
  if (cached) return cached;
  if (!Array.isArray(definitions)) throw new TypeError('Custom entities must be an array of definitions');
  const lists: ListSource[] = [];
  const regexes: { name: string; re: RegExp }[] = [];
  definitions.forEach((def: unknown, i) => {
    const where = `custom entity #${i}`;
    if (typeof def !== 'object' || def === null) throw new TypeError(`${where} is not an object`);
    const d = def as Partial<Record<string, unknown>>;
    if (typeof d['name'] !== 'string' || d['name'].trim() === '')
      throw new TypeError(`${where} needs a non-empty string name`);
    const name = d['name'];
    if (d['type'] === 'list') lists.push({ name, values: checkValues(d['values'], `${where} ("${name}")`) });
    else if (d['type'] === 'regex') {
      if (typeof d['pattern'] !== 'string') throw new TypeError(`${where} ("${name}") needs a string pattern`);
      const flags = d['flags'] === undefined ? 'iu' : d['flags'];
      if (typeof flags !== 'string') throw new TypeError(`${where} ("${name}") has non-string flags`);
      regexes.push({ name, re: compileSafeRegex(d['pattern'], flags) });
    } else
      throw new TypeError(`${where} ("${name}") has type ${JSON.stringify(d['type'])}: expected "list" or "regex"`);
  });
  const index: ListIndex | undefined = lists.length ? compileLists(lists) : undefined;
  const compiled: CompiledCustomEntities = {
    definitions,
    match(ctx) {
      index?.match(ctx);
      for (const { name, re } of regexes) matchRegex(ctx, re, name);
    },
  };
  compiledCache.set(definitions, compiled);
  return compiled;
}

function checkValues(values: unknown, where: string): ListSource['values'] {
  if (!Array.isArray(values)) throw new TypeError(`${where} needs a values array`);
  return values.map((v: unknown, j) => {
    const o = (typeof v === 'object' && v !== null ? v : {}) as Partial<Record<string, unknown>>;
    const value = o['value'];
    if (typeof value !== 'string' || value.trim() === '')
      throw new TypeError(`${where} value #${j} needs a non-empty string value`);
    const synonyms = o['synonyms'] ?? [];
    if (!Array.isArray(synonyms) || !synonyms.every((s) => typeof s === 'string')) {
      throw new TypeError(`${where} value "${value}" has synonyms that are not an array of strings`);
    }
    return { value, synonyms: synonyms.filter((s: string) => s.trim() !== '') };
  });
}

function matchRegex(ctx: ScanContext, re: RegExp, name: string): void {
  const { text } = ctx;
  for (let s = 0; s < text.length; s += STEP) {
    const last = s + WINDOW >= text.length;
    const window = last && s === 0 ? text : text.slice(s, s + WINDOW);
    re.lastIndex = 0;
    for (let m = re.exec(window); m !== null; m = re.exec(window)) {
      if (m[0] === '') {
        re.lastIndex++; // a lookaround-only match: step over it instead of looping
        continue;
      }
      // Each window owns the matches that start in its first STEP characters (the last one owns the rest).
      if (!last && m.index >= STEP) break;
      emit(ctx, 'custom', s + m.index, s + m.index + m[0].length, m[0], { name });
    }
    if (last) break;
  }
}
