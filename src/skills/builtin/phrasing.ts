/**
 * The random choice the built-in skills share to vary their replies. The words themselves, and
 * how numbers, lists and durations are said, are the language packs' (src/lang).
 *
 * @module
 */

/** A source of uniform numbers in [0, 1), injected so replies and dice are reproducible in tests. */
export type Random = () => number;

/**
 * Picks one item uniformly.
 * @param items a non-empty list
 * @param random the injected random source
 * @returns one of `items`
 */
export function pick<T>(items: readonly T[], random: Random): T {
  const i = Math.min(items.length - 1, Math.max(0, Math.floor(random() * items.length)));
  return items[i]!;
}
