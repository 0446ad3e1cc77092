/**
 * "Did you mean …?" for names a developer types: option names, intent names. Errors that say what to
 * do list the closest valid names (issue 10.5, 10.6).
 *
 * @module
 */
import { editDistance } from './nlu/entities/list-matcher.ts';

const normalize = (name: string) => name.toLowerCase().replace(/[\s._-]+/g, '_');
const tokens = (name: string) => normalize(name).split('_').filter(Boolean);

/**
 * The valid names closest to `name`: those within a few edits (typos: `storag` → `storage`,
 * `order.status` → `order_status`), then those sharing a word (`book_table` → `book_hotel`), at most `limit`.
 * @internal
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 5): string[] {
  const target = normalize(name);
  const words = new Set(tokens(name));
  const max = Math.max(2, Math.floor(target.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(target, normalize(candidate), max);
    if (distance <= max) scored.push({ candidate, score: distance });
    else if (tokens(candidate).some((w) => w.length > 2 && words.has(w))) scored.push({ candidate, score: max + 1 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** `; did you mean "a", "b"?` or nothing, to end an error message with. @internal */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closestNames(name, candidates, 3);
  return close.length === 0 ? '' : `; did you mean ${close.map((c) => JSON.stringify(c)).join(', ')}?`;
}
