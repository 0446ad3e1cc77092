/**
 * The documented maximum message length the composer counts toward. The engine owns the bound
 * (`MAX_MESSAGE_LENGTH` in `src/engine/message-limits.ts`, on the `integrity` branch): until that is
 * merged, the widget reads it from here, the one place to switch to the public entry's export.
 *
 * @module
 */

/** The longest message the engine accepts, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 10_000;
