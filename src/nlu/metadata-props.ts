/**
 * Reading a Confidant model's `metadata_props` (strings, JSON for structured values, under the
 * `confidant.` prefix) with one error for every missing or malformed key: shared by the intent
 * and the context model formats.
 *
 * @module
 */
import { ModelLoadError } from '../errors.ts';

/** The prefix of every Confidant metadata key. */
export const METADATA_PREFIX = 'confidant.';

/** Typed access to one model's metadata; every failure is a `ModelLoadError` naming the model. */
export interface MetadataReader {
  /** Throws `Not a Confidant <kind> model: <why>`. */
  fail(why: string): never;
  /** The string under `confidant.<key>`; fails when missing. */
  get(key: string): string;
  /** The JSON under `confidant.<key>`; fails when missing or not JSON. */
  json(key: string): unknown;
  /** Whether `confidant.<key>` is present. */
  has(key: string): boolean;
}

/**
 * Creates a reader over a model's metadata.
 * @param props the model's `metadata_props`
 * @param source where the model came from, named in errors
 * @param kind what the model should be, for the message (`intent`, `context`)
 * @returns the reader
 */
export function metadataReader(props: Map<string, string>, source: string, kind: string): MetadataReader {
  const fail = (why: string): never => {
    throw new ModelLoadError(`Not a Confidant ${kind} model: ${why}`, source);
  };
  const get = (key: string): string =>
    props.get(METADATA_PREFIX + key) ?? fail(`metadata ${METADATA_PREFIX + key} is missing`);
  return {
    fail,
    get,
    json(key) {
      const text = get(key);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return fail(`metadata ${METADATA_PREFIX + key} is not valid JSON`);
      }
    },
    has: (key) => props.has(METADATA_PREFIX + key),
  };
}
