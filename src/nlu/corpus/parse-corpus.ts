/**
 * `parseCorpus`: one entry for every corpus format Confidant reads, detecting the format from
 * the content when it is not given.
 *
 * @module
 */

import { CorpusError } from '../../errors.ts';
import type { Corpus } from '../types.ts';
import { parseConfidantCorpus } from './confidant-format.ts';
import { datasetToCorpus } from './dataset-format.ts';
import { parseNlpjsCorpus } from './nlpjs-format.ts';
import { parseRasaNlu } from './rasa-format.ts';
import { CorpusSource, isRecord } from './source.ts';

/** The corpus formats `parseCorpus` reads. */
export type CorpusFormat = 'confidant' | 'rasa' | 'nlpjs' | 'dataset';

/** Options of {@link parseCorpus}. */
export interface ParseCorpusOptions {
  /** The format; detected from the content when absent. @default detected */
  format?: CorpusFormat;
  /** The file's name, used in error messages (and `.json` / `.yml` hints). @default none */
  fileName?: string;
}

const FORMATS: readonly CorpusFormat[] = ['confidant', 'rasa', 'nlpjs', 'dataset'];
// Above this size JSON is only read by JSON.parse (datasets are megabytes): duplicate keys are
// then not detected, and lines are looked up only for an error.
const FAST_JSON_BYTES = 256 * 1024;

/**
 * Parses a training corpus into Confidant's normalized {@link Corpus}.
 *
 * Formats: Confidant's own YAML/JSON (see `confidant-format.ts`), Rasa NLU YAML (`nlu.yml`),
 * NLP.js corpus JSON, and the `../shared/datasets` JSON schema.
 *
 * @param text - the file's content.
 * @param options - the format (else detected) and the file name for messages.
 * @returns the corpus: training examples, optional validation and out-of-scope examples, entities.
 * @throws {CorpusError} for a malformed file, an intent without examples, a duplicate intent, an
 *   unsafe or invalid regex, or an unknown shape; `line` and the message name the line when known.
 * @throws {TypeError} when `text` is not a string or the format is unknown.
 * @example
 * ```ts
 * const corpus = parseCorpus(await readFile('nlu.yml', 'utf8'), { fileName: 'nlu.yml' });
 * corpus.train.length; // examples, entities stripped of their Rasa annotations
 * ```
 */
export function parseCorpus(text: string, options: ParseCorpusOptions = {}): Corpus {
  if (typeof text !== 'string')
    throw new TypeError(`parseCorpus expects the file's text as a string, got ${typeof text}`);
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    throw new TypeError(`Unknown corpus format "${String(options.format)}": expected one of ${FORMATS.join(', ')}`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from Windows editors
  if (body.trim() === '')
    throw new CorpusError(`the corpus is empty${options.fileName ? ` (in ${options.fileName})` : ''}`);
  const json = /^\s*[{[]/.test(body);
  // JSON is checked strictly first (YAML would forgive a trailing comma); small non-dataset JSON
  // is then read again as YAML, which catches duplicate keys and knows every key's line.
  let src = json ? CorpusSource.json(body, options.fileName) : CorpusSource.yaml(body, options.fileName);
  const format = options.format ?? detect(src);
  if (json && format !== 'dataset' && body.length <= FAST_JSON_BYTES) src = CorpusSource.yaml(body, options.fileName);
  switch (format) {
    case 'confidant':
      return parseConfidantCorpus(src);
    case 'rasa':
      return parseRasaNlu(src);
    case 'nlpjs':
      return parseNlpjsCorpus(src);
    case 'dataset':
      return datasetToCorpus(src);
  }
}

/** Recognizes a format from its distinctive top-level keys. */
function detect(src: CorpusSource): CorpusFormat {
  const d = src.data;
  if (!isRecord(d)) throw src.error('a corpus must be a mapping at the top level (a YAML map or a JSON object)', []);
  if (isRecord(d['splits'])) return 'dataset';
  if (d['nlu'] !== undefined) return 'rasa';
  if (Array.isArray(d['data']) || Array.isArray(d['domains'])) return 'nlpjs';
  if (d['intents'] !== undefined || d['train'] !== undefined || d['confidant'] !== undefined) return 'confidant';
  throw src.error(
    'unrecognized corpus: expected Confidant ("intents"), Rasa ("nlu"), NLP.js ("data") or a dataset ("splits")',
    [],
  );
}
