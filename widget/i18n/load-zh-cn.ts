/**
 * Loads the Simplified Chinese catalogue. Kept in its own module so the script-tag build can swap it
 * for a loader of `confidant-zh-CN.js`, built next to `confidant.iife.js` (the IIFE format cannot
 * split chunks), as it does for DOMPurify.
 *
 * @module
 */
import type * as ZhCN from './zh-CN.ts';

/** Imports `zh-CN.ts`. */
export const loadZhCN = (): Promise<typeof ZhCN> => import('./zh-CN.ts');
