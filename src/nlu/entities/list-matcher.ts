/**
 * Typo-tolerant phrase matching for list entities: each value and synonym is a token phrase;
 * tokens match exactly (case and accents folded) or within a Damerau-Levenshtein distance of 1 for
 * words of 5+ letters and 2 for 9+. Fuzzy neighbours of a typed word come from a SymSpell-style
 * deletion index over every phrase word (memoized per word), so lookup cost does not grow with
 * the size of the lists.
 * Phrases in scripts written without spaces (Chinese, Japanese, Thai...) match as exact substrings.
 * Hand-written: fuzzy-search libraries score whole strings against each other, not phrases at
 * token offsets, and would cost more bytes than this index.
 *
 * @module
 */

import { emit, tokenize, type ScanContext, type Token } from './scan.ts';

/** One list entity, already validated. */
export interface ListSource {
  name: string;
  values: ReadonlyArray<{ value: string; synonyms: readonly string[] }>;
}

interface Phrase {
  name: string;
  value: string;
  tokens: string[];
  /** Letters in the phrase, for the confidence of a fuzzy match. */
  chars: number;
}

/** The compiled lists: call {@link ListIndex.match} once per utterance. */
export interface ListIndex {
  match(ctx: ScanContext): void;
}

// Longer "words" (a pasted hash, a run of letters) are not typos of a list value: matching them
// fuzzily would cost O(length²) deletions.
const MAX_FUZZY_WORD = 40;

const NO_SPACE_SCRIPT_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** How many edits a word of this length tolerates. */
export function allowedEdits(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Builds the phrase and deletion indexes for `lists`. */
export function compileLists(lists: readonly ListSource[]): ListIndex {
  const byFirst = new Map<string, Phrase[]>();
  const deletes = new Map<string, string[]>();
  const substrings: { text: string; name: string; value: string }[] = [];
  const vocabulary = new Set<string>();
  for (const list of lists) {
    for (const { value, synonyms } of list.values) {
      for (const surface of new Set([value, ...synonyms])) {
        if (NO_SPACE_SCRIPT_RE.test(surface)) {
          substrings.push({ text: surface.normalize('NFC'), name: list.name, value });
          continue;
        }
        const tokens = tokenize(surface).map((t) => t.norm);
        const first = tokens[0];
        if (first === undefined) continue;
        const phrase = { name: list.name, value, tokens, chars: tokens.join('').length };
        const bucket = byFirst.get(first);
        if (bucket) bucket.push(phrase);
        else byFirst.set(first, [phrase]);
        for (const word of tokens) {
          if (vocabulary.has(word)) continue;
          vocabulary.add(word);
          if (!/\d/.test(word) && word.length <= MAX_FUZZY_WORD)
            for (const key of deletionsOf(word, allowedEdits(word))) addTo(deletes, key, word);
        }
      }
    }
  }
  // Utterances reuse the same words ("play", "with", "tomorrow"): remembering each word's fuzzy
  // candidates makes the deletion lookups a one-time cost per word. Bounded by clearing.
  const memo = new Map<string, Map<string, number>>();
  const none = new Map<string, number>();
  const fuzzy = (word: string): Map<string, number> => {
    if (deletes.size === 0 || word.length < 4 || word.length > MAX_FUZZY_WORD || /\d/.test(word)) return none;
    let found = memo.get(word);
    if (!found) {
      if (memo.size >= 4096) memo.clear();
      memo.set(word, (found = fuzzyCandidates(word, deletes)));
    }
    return found;
  };
  return { match: (ctx) => matchAll(ctx, byFirst, fuzzy, substrings) };
}

/** A folded word's vocabulary neighbours within their allowed edits, with the distance. */
type Fuzzy = (word: string) => Map<string, number>;

function matchAll(
  ctx: ScanContext,
  byFirst: Map<string, Phrase[]>,
  fuzzy: Fuzzy,
  substrings: readonly { text: string; name: string; value: string }[],
): void {
  const { tokens, text } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    const exact = byFirst.get(tok.norm);
    if (exact) for (const p of exact) tryPhrase(ctx, p, i, 0, fuzzy);
    else {
      for (const [word, edits] of fuzzy(tok.norm)) {
        for (const p of byFirst.get(word) ?? []) tryPhrase(ctx, p, i, edits, fuzzy);
      }
    }
  }
  for (const s of substrings) {
    for (let at = text.indexOf(s.text); at >= 0; at = text.indexOf(s.text, at + s.text.length)) {
      emit(ctx, 'custom', at, at + s.text.length, s.value, { name: s.name });
    }
  }
}

function tryPhrase(ctx: ScanContext, p: Phrase, i: number, firstEdits: number, fuzzy: Fuzzy): void {
  let edits = firstEdits;
  for (let k = 1; k < p.tokens.length; k++) {
    const tok = ctx.tokens[i + k];
    const prev = ctx.tokens[i + k - 1] as Token;
    if (!tok || !phraseGap(ctx.text, prev.end, tok.start)) return;
    const want = p.tokens[k] as string;
    if (tok.norm === want) continue;
    const d = fuzzy(tok.norm).get(want); // every phrase word is in the deletion index
    if (d === undefined) return;
    edits += d;
  }
  const start = (ctx.tokens[i] as Token).start;
  const end = (ctx.tokens[i + p.tokens.length - 1] as Token).end;
  const confidence = edits === 0 ? 1 : Math.max(0.5, Math.round((1 - edits / Math.max(p.chars, 1)) * 1000) / 1000);
  emit(ctx, 'custom', start, end, p.value, { name: p.name, confidence });
}

/** Words of a phrase may be separated by spaces, a hyphen, an apostrophe or a period ("St. Louis"). */
function phraseGap(text: string, from: number, to: number): boolean {
  if (to - from > 3 || to === from) return false;
  for (let i = from; i < to; i++) if (!" \t\u00a0-.'’".includes(text[i] as string)) return false;
  return true;
}

function fuzzyCandidates(word: string, deletes: Map<string, string[]>): Map<string, number> {
  const found = new Map<string, number>();
  for (const key of deletionsOf(word, word.length >= 7 ? 2 : 1)) {
    for (const candidate of deletes.get(key) ?? []) {
      if (found.has(candidate)) continue;
      const max = allowedEdits(candidate);
      const d = editDistance(word, candidate, max);
      if (d <= max) found.set(candidate, d);
    }
  }
  return found;
}

/** The word and every string made by deleting up to `depth` characters from it. */
function deletionsOf(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(del)) {
          out.add(del);
          next.push(del);
        }
      }
    }
    frontier = next;
  }
  return out;
}

function addTo(map: Map<string, string[]>, key: string, word: string): void {
  // Each vocabulary word is indexed once and its deletions are distinct: no duplicates to check.
  const words = map.get(key);
  if (words) words.push(word);
  else map.set(key, [word]);
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), giving up
 * as soon as it must exceed `max`: returns `max + 1` then.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length] as number, max + 1);
}
