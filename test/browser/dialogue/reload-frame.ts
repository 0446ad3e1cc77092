/**
 * The reload fixture's script: starts an assistant (engine in its Worker, history in IndexedDB)
 * on the database named by `?db=`, and leaves the promise on `window.assistantReady`.
 */
import { createAssistant, type Assistant } from '../../../src/index.ts';

const databaseName = new URLSearchParams(location.search).get('db');
if (databaseName === null) throw new Error('reload-frame.html needs ?db=<database name>');
(window as Window & { assistantReady?: Promise<Assistant> }).assistantReady = createAssistant({ databaseName });
