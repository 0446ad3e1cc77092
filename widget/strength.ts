/**
 * Passphrase strength, estimated with zxcvbn-ts (Dropbox's zxcvbn, kept up in TypeScript): it scores
 * what an attacker's guesses would find — common passwords, dictionary words, keyboard patterns,
 * dates, repeats — rather than counting character classes. Its dictionaries weigh hundreds of
 * kilobytes, so this module is loaded only when a passphrase form is first shown (see
 * `load-strength.ts`); the shell never carries it.
 *
 * @module
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/**
 * The strength of a passphrase, from 0 (guessed in seconds) to 4 (beyond any practical attack).
 * @param passphrase what the user typed
 * @param userInputs words an attacker would try first (the site's name, the user's name)
 */
export function estimateStrength(passphrase: string, userInputs: readonly string[] = []): 0 | 1 | 2 | 3 | 4 {
  // zxcvbn's cost grows with length; what follows the first 100 characters adds only strength.
  return estimator.check(passphrase.slice(0, 100), [...userInputs]).score;
}
