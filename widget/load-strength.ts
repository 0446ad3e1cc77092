/**
 * Loads the passphrase strength estimator on first use. Kept in its own module so the script-tag
 * build can swap it for a loader of `confidant-strength.js`, copied next to `confidant.iife.js`
 * (the IIFE format cannot split chunks), as it does for DOMPurify.
 *
 * @module
 */

import type * as Strength from './strength.ts';

/** Imports the estimator (`strength.ts`). */
export const loadStrength = (): Promise<typeof Strength> => import('./strength.ts');
