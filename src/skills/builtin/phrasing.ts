/**
 * Small helpers the built-in skills share to write varied, natural replies.
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

/**
 * Joins words the way people write a list: "milk", "milk and eggs", "milk, eggs and bread".
 * @param items the words
 * @param conjunction @default 'and'
 */
export function listJoin(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * "1 minute", "2 minutes".
 * @param n the count
 * @param word the singular
 * @param plural @default word + 's'
 */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? word : pluralWord}`;
}

/**
 * Formats a number for reading: up to 6 significant decimals, no exponent for everyday sizes,
 * thousands grouped ("1,234.5").
 * @param n a finite number
 * @param lang BCP 47 tag @default 'en'
 */
export function formatNumber(n: number, lang = 'en'): string {
  if (Object.is(n, -0)) n = 0;
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-6)) return n.toExponential(4).replace(/\.?0+e/, 'e');
  return new Intl.NumberFormat(lang, { maximumFractionDigits: abs >= 1 ? 4 : 6 }).format(n);
}

/**
 * Speaks a duration in milliseconds: "10 minutes", "1 hour and 30 minutes", "45 seconds".
 * @param ms a positive duration
 */
export function formatDuration(ms: number): string {
  let s = Math.round(ms / 1000);
  const parts: string[] = [];
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  for (const [size, name] of units) {
    if (s >= size) {
      const n = Math.floor(s / size);
      parts.push(plural(n, name));
      s -= n * size;
    }
  }
  return parts.length === 0 ? 'less than a second' : listJoin(parts);
}

/** Capitalizes the first letter of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
