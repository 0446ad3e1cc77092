/**
 * The engine Worker's entry: runs the in-thread engine inside a dedicated Worker and exposes
 * it with comlink. The client side is `connectWorkerEngine` in `./client.ts`.
 *
 * @module
 */
import { expose, proxy } from 'comlink';
import { createLocalEngine } from '../src/engine/local-engine.ts';
import { installErrorTransfer } from './transfer.ts';

installErrorTransfer();
// Callbacks the engine hands back to the page (a remote skill's endpoint) must be proxied, not cloned.
expose(createLocalEngine({ wrapCallback: proxy }));
