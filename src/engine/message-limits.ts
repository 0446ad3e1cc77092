/**
 * The documented bound on what one message may hold. A chat turn is a sentence or a short paragraph;
 * the bound keeps a pasted book from being classified, encrypted, stored and then laid out again on
 * every visit (1 MiB of text froze a tab for 24 s in the widget, issue 16). The engine refuses a
 * longer message with a typed error before anything is stored; the widget's composer counts toward
 * the same constant.
 *
 * @module
 */
import { InputError } from '../errors.ts';

/**
 * The longest message `send` accepts, in UTF-16 code units (what `text.length` counts and what an
 * HTML `maxlength` counts): 10,000, about four pages of English or Chinese text.
 */
export const MAX_MESSAGE_LENGTH = 10_000;

/**
 * Refuses a message longer than {@link MAX_MESSAGE_LENGTH}.
 * @param text the message
 * @throws {InputError} code `too-long`, naming both lengths
 */
export function checkMessageLength(text: string): void {
  if (text.length > MAX_MESSAGE_LENGTH)
    throw new InputError(
      `The message is ${text.length} characters long; the most one message may hold is ${MAX_MESSAGE_LENGTH}`,
      'too-long',
    );
}
