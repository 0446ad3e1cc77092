/**
 * Reads a training corpus file for `confidant train`, in any format `parseCorpus` knows:
 * Confidant YAML/JSON, Rasa `nlu.yml`, NLP.js corpus JSON, or the shared dataset schema.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CorpusError } from '../../src/errors.ts';
import { parseCorpus } from '../../src/nlu/corpus/index.ts';
import type { Corpus } from '../../src/nlu/types.ts';

/**
 * Loads `path` as a corpus.
 * @param path the corpus file
 * @returns the corpus
 * @throws {CorpusError} naming the file (and line) when it cannot be read or parsed
 */
export function loadCorpusFile(path: string): Corpus {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new CorpusError(`${path}: cannot read the file`, { cause });
  }
  return parseCorpus(text, { fileName: basename(path) });
}
