/**
 * `Intl` formatters and collators made once per locale and options, not once per call: the one
 * cache of them, for the language packs (`lang/format.ts`), the skills and the time-zone arithmetic
 * of the entity extractor (`nlu/entities/time-zone.ts`). Creating one costs far more than formatting
 * with a kept one in V8 (it loads the locale's ICU data). A reply with a number, a clock time or a
 * list comparison made several on every turn (the calculator's "It comes to 12", the list's
 * "5 items", "It's 4:27 AM"): `npm run bench:dialogue`'s turn mix.
 *
 * A formatter's output depends only on its locale, its options and what it formats (every caller
 * here names its time zone, so none depends on the platform's zone at creation), so a kept one
 * formats exactly as a fresh one. A locale or option `Intl` refuses throws as before, and is not kept.
 *
 * @module
 */

/** The most formatters of each kind kept; locales and zones come from callers, so the caches are bounded. */
const LIMIT = 64;

/**
 * Keeps `made` under `key` in `kept`, emptied first when it holds {@link LIMIT} entries: the one bound of
 * every formatter cache (this module's, and the time-zone arithmetic's by zone).
 * @returns `made`
 */
export function keepBounded<K, V>(kept: Map<K, V>, key: K, made: V): V {
  if (kept.size >= LIMIT) kept.clear();
  kept.set(key, made);
  return made;
}

function cached<O extends object, F>(make: (locale: string | undefined, options: O) => F) {
  const kept = new Map<string, F>();
  return (locale: string | undefined, options: O): F => {
    // Callers build their options in a fixed key order: equal options give equal keys. No locale
    // (the platform's) is null, apart from '' (which `Intl` refuses).
    const key = JSON.stringify([locale ?? null, options]);
    return kept.get(key) ?? keepBounded(kept, key, make(locale, options));
  };
}

/**
 * `new Intl.NumberFormat(locale, options)`, made once per locale and options.
 * @throws {RangeError} when `Intl` refuses the locale or an option
 */
export const numberFormat = cached(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);

/**
 * `new Intl.DateTimeFormat(locale, options)`, made once per locale and options (give `timeZone`:
 * without it the format would keep the platform's zone of when it was made).
 * @throws {RangeError} when `Intl` refuses the locale, the zone or an option
 */
export const dateTimeFormat = cached(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);

/**
 * `new Intl.Collator(locale, options)`, made once per locale and options: `a.localeCompare(b,
 * locale, options)` is `collator(locale, options).compare(a, b)` (ECMA-402 §19.1.1), without a
 * collator made on each call.
 * @throws {RangeError} when `Intl` refuses the locale or an option
 */
export const collator = cached((locale, options: Intl.CollatorOptions) => new Intl.Collator(locale, options));
