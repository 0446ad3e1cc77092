/**
 * The engine's store, and what happens when its database is deleted under it (another tab, the
 * browser's "clear site data", a test): what it held is gone for every tab, so the engine starts
 * over on a new database, as on a first visit, and says so with a `storage-error` event (code
 * `deleted`). A turn caught in it is answered again there, once (with `retry`, so nothing the first
 * attempt stored is stored twice). Without this, Dexie would quietly reopen an empty database and
 * the engine would write records sealed with a key whose record is gone: unreadable forever.
 *
 * @module
 */
import { openStore, type Store } from '../store/index.ts';
import { StorageError } from '../errors.ts';
import type { EngineEvent, EngineOptions, EngineStatus } from './types.ts';
import type { EngineState } from './local-engine.ts';

/** What the reopener needs from the engine. @internal */
export interface ReopenHooks {
  /** The engine's state, or `undefined` before `init` and after `dispose`. */
  current(): EngineState | undefined;
  emit(event: EngineEvent): void;
  setStatus(s: EngineState, status: EngineStatus): void;
  /** Stops the services that used the old store. */
  restart(s: EngineState): Promise<void>;
  /** Starts them on the new one (unlocked). */
  activate(s: EngineState): Promise<void>;
}

/** The engine's store opener, with recovery from a deleted database. @internal */
export function createStoreReopener(hooks: ReopenHooks) {
  let reopening: Promise<void> | undefined;
  let reopenings = 0;

  const open = (options: EngineOptions): Promise<Store> =>
    openStore({
      ...(options.databaseName === undefined ? {} : { name: options.databaseName }),
      ...(options.storage === undefined ? {} : { storage: options.storage }),
      ...(options.encryption === undefined ? {} : { encryption: options.encryption }),
      onError: (e) =>
        hooks.emit({ type: 'storage-error', code: e.code, recordId: e.recordId, table: e.table, message: e.message }),
      onDeleted: () => void reopen().catch(() => undefined),
    });

  const reopen = (): Promise<void> =>
    (reopening ??= (async () => {
      const s = hooks.current();
      if (s === undefined) return;
      reopenings++;
      await hooks.restart(s);
      hooks.setStatus(s, 'starting');
      await s.store.close().catch(() => undefined);
      s.store = await open(s.options);
      hooks.emit({
        type: 'storage-error',
        code: 'deleted',
        table: '*',
        recordId: '',
        message: 'The database was deleted by another tab or by the browser: history starts again',
      });
      if (s.store.locked) hooks.setStatus(s, 'locked');
      else await hooks.activate(s);
    })().finally(() => (reopening = undefined)));

  /**
   * Runs a turn; if the database went away during it (its `deleted` error, or the services stopped
   * under it by a reopen), waits for the new store and runs `again` once.
   */
  async function retrying<T>(first: () => Promise<T>, again: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await reopening;
    const generation = reopenings;
    try {
      return await first();
    } catch (error) {
      const deleted = error instanceof StorageError && error.code === 'deleted';
      if ((!deleted && generation === reopenings) || signal.aborted) throw error;
      // Reopen unless that already happened (or is happening) for this deletion.
      await (generation === reopenings ? reopen() : reopening);
      return again();
    }
  }

  return { open, retrying };
}
