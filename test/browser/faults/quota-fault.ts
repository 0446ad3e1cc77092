/**
 * The page's side of test/browser/faults/quota-worker.ts: an assistant whose engine Worker's disk the
 * test fills and empties (BroadcastChannel `quota-fault`), on a fresh database removed afterwards.
 */
import { createAssistant, type Assistant } from '../../../src/index.ts';

/** What a quota-fault test holds. */
export interface QuotaFault {
  databaseName: string;
  /** The assistant, once `start` resolved. */
  assistant: Assistant;
  /** Starts the assistant on the instrumented Worker. */
  start(): Promise<void>;
  /** Fills (`true`) or empties the disk, and lets the Worker hear it. */
  disk(full: boolean): Promise<void>;
  /** Empties the disk, disposes of the assistant and deletes its database. */
  stop(): Promise<void>;
}

/** Sets up a quota fault on a database named from `prefix`. */
export function quotaFault(prefix: string): QuotaFault {
  const channel = new BroadcastChannel('quota-fault');
  const fault: QuotaFault = {
    databaseName: `${prefix}-${crypto.randomUUID()}`,
    assistant: undefined as unknown as Assistant,
    async start() {
      const worker = new Worker(new URL('./quota-worker.ts', import.meta.url), { type: 'module' });
      fault.assistant = await createAssistant({ databaseName: fault.databaseName, worker });
    },
    async disk(full) {
      channel.postMessage({ full });
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async stop() {
      await fault.disk(false);
      channel.close();
      await fault.assistant?.dispose();
      indexedDB.deleteDatabase(fault.databaseName);
    },
  };
  return fault;
}
