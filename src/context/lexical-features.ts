/**
 * Zero-shot lexical features between a candidate's description and a turn's text: how many of
 * the description's content words the turn uses, exactly or nearly (character trigrams). They
 * let the context model score a candidate it has never been trained on (a new skill, an unseen
 * SGD service) from its words alone, and `describeIntent` builds that description from a
 * manifest or schema the same way everywhere.
 *
 * @module
 */
import { normalizeText } from '../nlu/runtime/normalize.ts';
import { tokenize } from '../nlu/runtime/featurizer.ts';

/**
 * English function words that say nothing about which task is meant ("find *a* restaurant *in*
 * the city"). Other languages' words pass through: a language with its own list can pass it.
 */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of in on at to for from by with about into over and or but if is are was were be been am do does ' +
    'did i me my you your we our it its this that these those there here what which who whom whose when where ' +
    'how can could would should will shall may might must have has had not no so than then too very just some ' +
    'any as up out please want like need get'
  ).split(' '),
);

/** Identifiers already turned into words (see {@link humanizeName}). */
const humanized = new Map<string, string>();

/**
 * Turns an identifier into words: `FindRestaurants` → `find restaurants`, `party_size` →
 * `party size`, `getWeatherNow2` → `get weather now 2`.
 * @param name an intent, slot or skill identifier
 * @returns lower-case words separated by single spaces
 */
export function humanizeName(name: string): string {
  let words = humanized.get(name);
  if (words === undefined) {
    words = name
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .replace(/(\p{L})(\p{N})/gu, '$1 $2')
      .replace(/[_\-.:/]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    // Every turn humanizes the name of each of its ~50 candidates (four Unicode regex passes each,
    // ~90 µs a turn in a profile of the everyday mix): names come from a few manifests, so keep them.
    // Bounded: a host that registers skills at run time cannot grow this without end.
    if (humanized.size > 4096) humanized.clear();
    humanized.set(name, words);
  }
  return words;
}

/** What describes an intent: its identifier, an optional description and its slots' names. */
export interface IntentDescription {
  name: string;
  description?: string;
  slots?: readonly string[];
}

/**
 * The text a candidate intent is described by, built the same way for skill manifests and for
 * SGD schemas: name words, description, slot names (`find restaurants. find a restaurant of a
 * particular cuisine in a city. cuisine, city, price range`).
 * @param intent the intent's name, description and slot names
 * @returns the description text
 */
export function describeIntent(intent: IntentDescription): string {
  const parts = [humanizeName(intent.name)];
  if (intent.description !== undefined && intent.description.trim() !== '') parts.push(intent.description.trim());
  if (intent.slots !== undefined && intent.slots.length > 0) parts.push(intent.slots.map(humanizeName).join(', '));
  return parts.join('. ');
}

/** Light normalization of a word: a plural `s` (and `es` after a sibilant) is removed. */
function stem(word: string): string {
  if (word.length > 4 && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The content words of a text: normalized, segmented (`Intl.Segmenter`, so Chinese works),
 * stemmed lightly, function words dropped, each once.
 * @param text any text
 * @param locale BCP 47 locale for segmentation @default 'en'
 * @param stopWords words to drop @default ENGLISH_FUNCTION_WORDS
 * @returns the distinct content words
 */
export function contentWords(text: string, locale = 'en', stopWords = ENGLISH_FUNCTION_WORDS): string[] {
  const words = new Set<string>();
  for (const token of tokenize(normalizeText(humanizeIdentifiers(text)), locale)) {
    if (stopWords.has(token)) continue;
    words.add(stem(token));
  }
  return [...words];
}

/** Splits `snake_case` and `camelCase` identifiers inside free text, leaving other words alone. */
function humanizeIdentifiers(text: string): string {
  return text.replace(/\S*(?:_|\p{Ll}\p{Lu})\S*/gu, (w) => humanizeName(w));
}

function trigrams(word: string): Set<string> {
  const s = `<${word}>`;
  const out = new Set<string>();
  const chars = Array.from(s);
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

/** Dice coefficient of two trigram sets. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** How much of a description a text covers; each in [0, 1]. */
export interface LexicalOverlap {
  /** Share of the description's content words that the text has (after light stemming). */
  words: number;
  /** Mean over the description's content words of the best character-trigram Dice with a word of the text (near matches: "reserve" ~ "reservation"). */
  fuzzy: number;
}

/**
 * Measures how much of `description` the `text` uses.
 * @param description the candidate's description (or any text whose words are looked for)
 * @param text the turn (or the assistant's last utterance)
 * @param locale BCP 47 locale for segmentation @default 'en'
 * @returns the overlap; both 0 when the description has no content word
 * @example
 * ```ts
 * lexicalOverlap('reserve a table at a restaurant', 'book me a table, a reservation for two');
 * // → { words: 0.33…, fuzzy: … }
 * ```
 */
export function lexicalOverlap(description: string, text: string, locale = 'en'): LexicalOverlap {
  return overlapOfWords(contentWords(description, locale), contentWords(text, locale));
}

/**
 * {@link lexicalOverlap} on content words already extracted (by {@link contentWords}): for
 * callers that score one turn against many descriptions, or one description on many turns.
 * @param wanted the description's content words
 * @param have the text's content words
 * @returns the overlap; both 0 when `wanted` is empty
 */
export function overlapOfWords(wanted: readonly string[], have: readonly string[]): LexicalOverlap {
  if (wanted.length === 0) return { words: 0, fuzzy: 0 };
  const haveSet = new Set(have);
  let haveTrigrams: Set<string>[] | undefined;
  let exact = 0;
  let fuzzy = 0;
  for (const w of wanted) {
    if (haveSet.has(w)) {
      exact++;
      fuzzy++;
      continue;
    }
    haveTrigrams ??= have.map(trigrams);
    const t = trigrams(w);
    let best = 0;
    for (const h of haveTrigrams) best = Math.max(best, dice(t, h));
    fuzzy += best;
  }
  return { words: exact / wanted.length, fuzzy: fuzzy / wanted.length };
}
