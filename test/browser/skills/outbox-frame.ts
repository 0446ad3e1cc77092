/**
 * The outbox fixture's script: an assistant with its engine in a Worker (the default), history in
 * IndexedDB on the database named by `?db=`, and one webhook skill with an outbox posting to
 * `?hook=`; it grants the skill's network permission when asked (as a user clicking Allow), and
 * leaves the assistant on `window.assistantReady`.
 */
import { createAssistant, type Assistant } from '../../../src/index.ts';
import { defineWebhookSkill } from '../../../src/entries/skills.ts';

const params = new URLSearchParams(location.search);
const databaseName = params.get('db');
const hook = params.get('hook');
if (databaseName === null || hook === null) throw new Error('outbox-frame.html needs ?db=<database>&hook=<url>');

const orders = defineWebhookSkill({
  id: 'acme.orders',
  version: '1.0.0',
  intents: ['order_status'],
  url: hook,
  idempotent: true,
  outbox: true,
  retries: 1,
  backoffMs: 20,
  attemptTimeoutMs: 3000,
});

// `?online=<channel>`: the engine runs in test/fixtures/worker/online-worker.ts, whose `online` event the test fires.
const online = params.get('online');
const onlineWorker = new URL('../../fixtures/worker/online-worker.ts', import.meta.url);
onlineWorker.searchParams.set('channel', online ?? '');
(window as Window & { assistantReady?: Promise<Assistant> }).assistantReady = createAssistant({
  databaseName,
  skills: [orders],
  ...(online === null ? {} : { worker: new Worker(onlineWorker, { type: 'module' }) }),
}).then((assistant) => {
  assistant.on('permission-request', (request) => void request.respond(true));
  return assistant;
});
