/**
 * The engine Worker's entry (built as `dist/confidant-worker.js`): runs the in-thread engine inside
 * a dedicated Worker. The transport, both ends, is `src/engine/worker-transport.ts`.
 *
 * @module
 */
import { createLocalEngine } from '../src/engine/local-engine.ts';
import { exposeEngine } from '../src/engine/worker-transport.ts';

exposeEngine(createLocalEngine);
