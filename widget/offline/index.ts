/**
 * `confidant-assistant/offline`: the page side of Confidant's optional service worker (`dist/confidant-sw.js`).
 * See README.md, "The whole page offline (optional service worker)".
 * @module
 */
export { registerOfflineSupport } from './register.ts';
export type { OfflineSupportOptions } from './register.ts';
