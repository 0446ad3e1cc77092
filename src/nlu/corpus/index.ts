/**
 * Training corpora: Confidant's own YAML/JSON format and imports of Rasa NLU YAML, NLP.js corpus
 * JSON and the shared dataset schema, all parsed into the normalized `Corpus`.
 *
 * @module
 */

export { parseCorpus, type CorpusFormat, type ParseCorpusOptions } from './parse-corpus.ts';
export { parseDataset, type Dataset } from './dataset-format.ts';
