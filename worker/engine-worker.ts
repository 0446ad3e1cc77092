/**
 * The engine Worker's entry: runs the in-thread engine inside a dedicated Worker and exposes
 * it with comlink. The client side is `connectWorkerEngine` in `./client.ts`.
 *
 * @module
 */
import { expose } from 'comlink';
import { createLocalEngine } from '../src/engine/local-engine.ts';
import { installErrorTransfer } from './transfer.ts';

installErrorTransfer();
expose(createLocalEngine());
