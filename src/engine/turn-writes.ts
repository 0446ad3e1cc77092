/**
 * The engine's turn writes, behind the reply: a turn's reply is shown as soon as it is decided, and
 * its messages and dialogue state are written after it, in the order the turns were decided. Each
 * write is one encryption round and one IndexedDB transaction (it was two transactions, ~5 ms on a
 * quiet 2-core machine, 15 ms and more under load): on the critical path it was most of a warm turn (issue 14).
 *
 * Nothing is lost and nothing is stored out of order: writes run one after another; the turn's
 * promise settles only once its write did, and rejects with the write's error, which the engine also
 * reports as a `storage-error` event. A turn decided on a conversation's dialogue state that was
 * never stored (the in-memory copy after a failed write) is refused too, so the store never holds a
 * state built on messages it does not have: every failure starts a new epoch of its conversation,
 * and a write whose turn began in an earlier epoch rejects without writing.
 *
 * @module
 */
import { StorageError } from '../errors.ts';

/** The write-behind queue of one engine. @internal */
export interface TurnWrites {
  /** The conversation's epoch now: taken when a turn starts, handed to {@link TurnWrites.write}. */
  epoch(conversationId: string): number;
  /**
   * Runs `write` after every write queued before it.
   * @param conversationId the conversation the turn belongs to
   * @param epoch what {@link TurnWrites.epoch} said when the turn started
   * @param write the turn's write
   * @returns what `write` returns; rejects with its error, or with a `StorageError` (the failed
   *   write's code, that error as `cause`) when a write of the conversation failed since `epoch`
   */
  write<T>(conversationId: string, epoch: number, write: () => Promise<T>): Promise<T>;
  /** Runs `task` in the queue's order, whatever failed before (what a failed turn still keeps). */
  after<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once every write queued so far has settled (reads, erase, lock and dispose wait for it). */
  settled(): Promise<void>;
}

/**
 * Creates the write queue.
 * @param onFailed told once per failed write, after the epoch moved on: forget the in-memory
 *   dialogue state of the conversation, and report the error
 * @internal
 */
export function createTurnWrites(onFailed: (conversationId: string, error: unknown) => void): TurnWrites {
  let tail: Promise<unknown> = Promise.resolve();
  const epochs = new Map<string, { epoch: number; error: unknown }>();

  const after = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    epoch: (conversationId) => epochs.get(conversationId)?.epoch ?? 0,
    write: (conversationId, epoch, write) =>
      after(async () => {
        const failed = epochs.get(conversationId);
        try {
          if (failed !== undefined && failed.epoch !== epoch) {
            const code = (failed.error as { code?: unknown } | null)?.code;
            throw new StorageError('Not stored: an earlier turn of this conversation could not be stored', {
              code: typeof code === 'string' ? code : 'storage',
              cause: failed.error,
            });
          }
          return await write();
        } catch (error) {
          epochs.set(conversationId, { epoch: (failed?.epoch ?? 0) + 1, error });
          onFailed(conversationId, error);
          throw error;
        }
      }),
    after,
    settled: () => tail.then(() => undefined),
  };
}
