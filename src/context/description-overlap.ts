/**
 * Zero-shot lexical evidence for the context model: how much of a turn's wording appears in a
 * candidate's description, by words (lightly stemmed, stop words dropped) and by character
 * bigrams (which also work for Chinese, written without spaces). These are the explicit overlap
 * features CONTEXT-DESIGN.md asks for next to the learned embedding products: they let a skill no
 * training dialogue ever showed still win a turn that uses its words.
 *
 * Not `lexicalOverlap` of `./lexical-features.ts` (the SGD benchmark's): that one measures how much
 * of a description a text covers, with trigram matching per word; this one how much of the *turn*
 * a description explains (a short "cancel it" is all explained by a description that says
 * "cancel"), on every candidate of every turn, so descriptions are prepared once and cached.
 *
 * @module
 */
import { normalizeText } from '../nlu/runtime/normalize.ts';

/** Words too common to say which intent is meant. */
const STOP: ReadonlySet<string> = new Set(
  (
    'a an the to of for in on at by with and or is are was be am do does did can could would will shall should ' +
    'i me my we our you your it its this that these those what whats how which who when where please pls ' +
    'hey hi ok okay so just some any one now then there here about from up out as if not no yes'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}']+/gu;
const HAN = /\p{Script=Han}/u;

/** Lower-cased content words with a light English stem ("timers" → "timer", "setting" → "sett"). */
function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalizeText(text, 300).match(WORD) ?? []) {
    const w = raw.replace(/'s$/, '').replace(/'/g, '');
    if (w === '' || STOP.has(w) || HAN.test(w)) continue;
    out.push(w.length > 4 ? w.replace(/(?:ing|ed|es|s)$/, '') : w.replace(/s$/, ''));
  }
  return out;
}

/** Character bigrams inside each run of letters or digits (Chinese runs included). */
function charBigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of normalizeText(text, 300).match(WORD) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** A description prepared once for repeated overlap checks. */
export interface LexicalProfile {
  words: ReadonlySet<string>;
  bigrams: ReadonlySet<string>;
}

const profiles = new Map<string, LexicalProfile>();

/**
 * The words and bigrams of a description, cached (descriptions come from a handful of manifests).
 * @param text a candidate's description
 */
export function profileOf(text: string): LexicalProfile {
  let p = profiles.get(text);
  if (p === undefined) {
    p = { words: new Set(contentWords(text)), bigrams: charBigrams(text) };
    // Bounded: a host that registers skills at run time cannot grow this without end.
    if (profiles.size > 4096) profiles.clear();
    profiles.set(text, p);
  }
  return p;
}

/** A turn prepared once per turn. */
export interface TurnWords {
  words: readonly string[];
  bigrams: ReadonlySet<string>;
}

/** The words and bigrams of a turn. */
export function turnWords(text: string): TurnWords {
  return { words: contentWords(text), bigrams: charBigrams(text) };
}

/**
 * Overlap of a turn with a description.
 * @returns `words`: share of the turn's content words found in the description; `bigrams`: share
 *   of the turn's character bigrams found there (both 0 for an empty turn)
 */
export function overlap(turn: TurnWords, profile: LexicalProfile): { words: number; bigrams: number } {
  let w = 0;
  for (const word of turn.words) if (profile.words.has(word)) w++;
  let b = 0;
  for (const gram of turn.bigrams) if (profile.bigrams.has(gram)) b++;
  return {
    words: turn.words.length === 0 ? 0 : w / turn.words.length,
    bigrams: turn.bigrams.size === 0 ? 0 : b / turn.bigrams.size,
  };
}

/**
 * The words part of {@link overlap} alone, for a profile whose bigrams are not read (an intent's name).
 * @param turn the turn's words
 * @param profile the description's profile
 * @returns the share of the turn's content words in the profile (0 when the turn has none)
 */
export function wordOverlap(turn: TurnWords, profile: LexicalProfile): number {
  if (turn.words.length === 0) return 0;
  let w = 0;
  for (const word of turn.words) if (profile.words.has(word)) w++;
  return w / turn.words.length;
}
