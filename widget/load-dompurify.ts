/**
 * Loads DOMPurify, the sanitizer used where the browser has no HTML Sanitizer API of its own.
 * Kept in its own module so the script-tag build can swap it for a loader of the file copied next
 * to `confidant.iife.js` (the IIFE format cannot split chunks), and browsers with the platform
 * sanitizer never download it.
 *
 * @module
 */

import type * as DOMPurify from 'dompurify';

/** Imports DOMPurify's ES module. */
export const loadDomPurify = (): Promise<typeof DOMPurify> => import('dompurify');
