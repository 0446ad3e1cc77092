/**
 * Parses workflow YAML defensively with the `yaml` package, before anything is turned into data:
 *
 * - aliases are refused outright (a workflow never needs them, and they are what a billion-laughs
 *   bomb is made of), so nothing is ever expanded;
 * - merge keys (`<<`) and keys that mean something to JavaScript objects (`__proto__`,
 *   `constructor`, `prototype`) are refused, with their line and column;
 * - only the YAML 1.2 core tags are accepted (no `!!binary`, `!!set`, custom tags);
 * - size, depth and node count are bounded.
 *
 * Data is never produced with `toJS()`: the schema reader walks these checked nodes itself and
 * builds null-prototype records, so `Object.prototype` cannot be touched whatever the file says.
 *
 * @module
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';

/** A problem at an offset of the YAML source. @internal */
export class YamlProblem extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/** The largest workflow file accepted. */
export const MAX_WORKFLOW_BYTES = 256 * 1024;
const MAX_NODES = 10_000;
const MAX_DEPTH = 40;
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', '<<']);
const CORE_TAGS: ReadonlySet<string> = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Parses and checks YAML text.
 * @param lines filled with line starts, to turn a problem's offset into line and column
 * @throws {YamlProblem} for a syntax error or anything refused above
 */
export function parseSafeYaml(text: string, lines: LineCounter): Document.Parsed {
  if (text.length > MAX_WORKFLOW_BYTES)
    throw new YamlProblem(`the workflow is larger than ${MAX_WORKFLOW_BYTES} bytes`, 0);
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
    version: '1.2',
    strict: true,
  });
  const first = doc.errors[0];
  if (first !== undefined)
    throw new YamlProblem(first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), first.pos[0]);
  const warning = doc.warnings[0];
  if (warning !== undefined) throw new YamlProblem(warning.message.split('\n')[0]!, warning.pos[0]);

  let nodes = 0;
  const offsetOf = (n: { range?: [number, number, number] | null | undefined }) => n.range?.[0] ?? 0;
  visit(doc, {
    Node(_key, node, path) {
      if (++nodes > MAX_NODES) throw new YamlProblem(`the workflow has more than ${MAX_NODES} nodes`, offsetOf(node));
      // `path` lists the ancestors: the document, then a collection and a pair per level.
      if (path.length > 2 * MAX_DEPTH) throw new YamlProblem('the workflow nests too deeply', offsetOf(node));
      if (isAlias(node))
        throw new YamlProblem(`aliases (*${node.source}) are not allowed in workflows`, offsetOf(node));
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag))
        throw new YamlProblem(`the tag ${node.tag} is not allowed`, offsetOf(node));
      return undefined;
    },
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || typeof key.value !== 'string') {
        throw new YamlProblem(
          'every key must be a plain string',
          key !== null && typeof key === 'object' ? offsetOf(key) : 0,
        );
      }
      if (FORBIDDEN_KEYS.has(key.value)) {
        throw new YamlProblem(
          key.value === '<<' ? 'merge keys (<<) are not allowed in workflows' : `the key "${key.value}" is not allowed`,
          offsetOf(key),
        );
      }
      return undefined;
    },
  });
  if (!isMap(doc.contents))
    throw new YamlProblem('a workflow is a mapping with id, version, intents and steps', offsetOf(doc.contents ?? {}));
  return doc;
}

/** Type guards re-exported for the schema reader. @internal */
export { LineCounter, isMap, isPair, isScalar, isSeq };
