/**
 * `confidant-assistant/offline`: the page side of Confidant's optional service worker (`dist/confidant-sw.js`).
 * See docs/offline.md.
 * @module
 */
export { registerOfflineSupport } from './register.ts';
export type { OfflineSupportOptions } from './register.ts';
