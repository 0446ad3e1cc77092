/**
 * Turns corpus text (YAML or JSON) into plain data plus a way back from a data path to a line
 * number, so every format parser can report `line N: ...` without walking YAML nodes itself.
 *
 * YAML is parsed with the failsafe schema (every scalar is a string: no `yes` → `true`, no
 * `1.10` → `1.1`), unique keys, no merge keys and a cap on alias expansion ("billion laughs").
 *
 * @module
 */

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { CorpusError } from '../../errors.ts';
import { jsonErrorLine } from './json-error.ts';

/** A path into the parsed data: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

const YAML_OPTIONS = { schema: 'failsafe', uniqueKeys: true, merge: false, strict: true, version: '1.2' } as const;
const MAX_ALIASES = 100;
// Keys that would reach Object.prototype if anyone ever copied them into a plain object.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parsed corpus text. */
export class CorpusSource {
  readonly data: unknown;
  readonly fileName: string | undefined;
  readonly #text: string;
  #doc: Document | undefined;
  #lines: LineCounter | undefined;

  private constructor(text: string, data: unknown, fileName: string | undefined, doc?: Document, lines?: LineCounter) {
    this.#text = text;
    this.data = data;
    this.fileName = fileName;
    this.#doc = doc;
    this.#lines = lines;
  }

  /** Parses YAML (JSON is YAML too: used for small JSON files, to catch duplicate keys). */
  static yaml(text: string, fileName?: string): CorpusSource {
    const lines = new LineCounter();
    const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line;
      throw new CorpusError(
        `${suffixed(`malformed ${fileName?.endsWith('.json') ? 'JSON' : 'YAML'}: ${err.message.split(/ at line \d+/)[0]}`, fileName)}`,
        { ...(line === undefined ? {} : { line }), cause: err },
      );
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (cause) {
      throw new CorpusError(suffixed(`YAML aliases expand too much (${(cause as Error).message})`, fileName), {
        cause,
      });
    }
    return new CorpusSource(text, data, fileName, doc, lines);
  }

  /** Parses JSON with `JSON.parse` (fast for multi-MB datasets); lines are found lazily on error. */
  static json(text: string, fileName?: string): CorpusSource {
    try {
      return new CorpusSource(text, JSON.parse(text), fileName);
    } catch (cause) {
      const line = jsonErrorLine(text);
      throw new CorpusError(suffixed(`malformed JSON: ${(cause as Error).message}`, fileName), {
        ...(line === undefined ? {} : { line }),
        cause,
      });
    }
  }

  /** The 1-based line of the map key (or sequence item) at `path`, when it can be found. */
  lineOf(path: DataPath): number | undefined {
    const found = this.#find(path);
    const start = (found?.key ?? found?.node)?.range?.[0];
    return start === undefined ? undefined : this.#lines?.linePos(start).line;
  }

  /** For a literal block scalar (`examples: |`), the line of its first content line; else its own line. */
  blockFirstLine(path: DataPath): number | undefined {
    const found = this.#find(path);
    const node = found?.node;
    const start = node?.range?.[0];
    if (start === undefined) return this.lineOf(path);
    const line = this.#lines?.linePos(start).line;
    return line !== undefined && isScalar(node) && node.type === 'BLOCK_LITERAL' ? line + 1 : line;
  }

  /** A `CorpusError` naming the line of `path` (or `line`) and the file. */
  error(message: string, at?: DataPath | number, cause?: unknown): CorpusError {
    const line = typeof at === 'number' ? at : at ? this.lineOf(at) : undefined;
    return new CorpusError(suffixed(message, this.fileName), {
      ...(line === undefined ? {} : { line }),
      ...(cause === undefined ? {} : { cause }),
    });
  }

  /** The own entries of a map, refusing keys that could pollute prototypes. */
  entries(value: unknown, path: DataPath): [string, unknown][] {
    if (!isRecord(value)) throw this.error(`expected a mapping at ${describe(path)}`, path);
    const out: [string, unknown][] = [];
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw this.error(`the key "${key}" is not allowed`, [...path, key]);
      out.push([key, value[key]]);
    }
    return out;
  }

  #find(
    path: DataPath,
  ):
    | {
        node: { range?: readonly number[] | null | undefined } | null | undefined;
        key?: { range?: readonly number[] | null | undefined };
      }
    | undefined {
    if (!this.#doc) {
      // JSON parsed fast: only now, on an error path, pay for a positioned parse.
      this.#lines = new LineCounter();
      this.#doc = parseDocument(this.#text, { ...YAML_OPTIONS, uniqueKeys: false, lineCounter: this.#lines });
    }
    let node: unknown = this.#doc.contents;
    let key: { range?: readonly number[] | null | undefined } | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === String(seg));
        if (!pair) return undefined;
        key = pair.key as typeof key;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(seg)];
        key = undefined;
      } else return undefined;
    }
    return { node: (node ?? undefined) as { range?: readonly number[] | null }, ...(key ? { key } : {}) };
  }
}

/** Whether `value` is a plain mapping (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `intents.greet[2]`-style text for messages. */
function describe(path: DataPath): string {
  return path.length === 0
    ? 'the top level'
    : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function suffixed(message: string, fileName: string | undefined): string {
  return fileName ? `${message} (in ${fileName})` : message;
}
