/**
 * The engine Worker, with its IndexedDB behind test/fixtures/store/instrumented-idb.ts: while the
 * page says the disk is full (BroadcastChannel `quota-fault`), every write raises the platform's own
 * QuotaExceededError at the edge of IndexedDB. (Chromium's DevTools quota override is not enforced
 * on connections that are already open, so it cannot fill the disk in the middle of a turn.)
 */
import { createLocalEngine } from '../../../src/engine/local-engine.ts';
import { exposeEngine } from '../../../src/engine/worker-transport.ts';
import { instrumentIndexedDB, quotaExceeded } from '../../fixtures/store/instrumented-idb.ts';

let full = false;
new BroadcastChannel('quota-fault').onmessage = (event: MessageEvent<{ full: boolean }>) => {
  full = event.data.full;
};
const instrumented = instrumentIndexedDB(indexedDB, () => {
  if (full) throw quotaExceeded();
});
Object.defineProperty(globalThis, 'indexedDB', { value: instrumented, configurable: true });
exposeEngine(createLocalEngine);
