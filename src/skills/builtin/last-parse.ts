/**
 * A one-entry memo for the built-in skills' text parsers. On every turn the context model's
 * features read the slots of every skill (`src/context/dialogue-features.ts`), and several slots
 * of one skill parse the same text with the same parser: a list skill's four slots each parsed the
 * whole request, twice over for the two lists; the conversion skill's three slots, the dice
 * skill's two, the two clock skills' place slots likewise. Remembering the last text parsed makes
 * that one parse per turn (and per text) instead.
 *
 * Only for pure functions of their text whose results nobody changes: the result is shared by
 * every caller until the next text. A parser whose result leaves the skill (a slot value that the
 * dialogue state keeps) must hand out copies: see `lists.ts`.
 *
 * @module
 */

/**
 * Wraps a pure parser of one string so that calling it again with the same text returns the
 * remembered result.
 * @param parse the parser
 * @returns the memoized parser
 * @example
 * ```ts
 * const parseAny = lastParse((text: string) => parseConversion(text));
 * ```
 */
export function lastParse<T>(parse: (text: string) => T): (text: string) => T {
  let last: { text: string; result: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, result: parse(text) };
    return last.result;
  };
}
