/**
 * The engine Worker's entry (built as `dist/confidant-worker.js`): runs the in-thread engine inside
 * a dedicated Worker. The transport, both ends, is `src/engine/worker-transport.ts`.
 *
 * @module
 */
import { createLocalEngine } from '../src/engine/local-engine.ts';
import { exposeEngine } from '../src/engine/worker-transport.ts';

// The trainer chunk takes the code it shares with the Worker from this module, by this URL (an app's bundler
// may have renamed the file; see `relocatableWorkerChunks` in rollup.config.mjs).
(globalThis as { __confidantWorkerUrl?: string }).__confidantWorkerUrl = import.meta.url;
exposeEngine(createLocalEngine);
