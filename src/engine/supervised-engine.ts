/**
 * Keeps an engine Worker alive: when the Worker ends without being disposed (terminated by the
 * browser, crashed, out of memory), a new one is started and given the same listener and the same
 * `init` arguments, and calls made meanwhile wait for it. The calls that were in flight reject with
 * `WorkerError` code `terminated`; the assistant retries a turn once with the same message ids, so
 * a turn is stored once whether the first Worker died before or after writing it (see `send` in
 * `./local-engine.ts`).
 *
 * @module
 */
import { engineMethods, type Engine } from './contract.ts';
import { WorkerError } from '../errors.ts';

/** Starts one engine Worker, telling `onTerminated` if it ends on its own. @internal */
export type EngineStarter = (onTerminated: () => void) => Engine;

/** Restarts at most this many times in a row without a successful start in between. */
const MAX_RESTARTS = 3;

/**
 * An `Engine` backed by a Worker that is restarted when it dies.
 * @param start starts a Worker and connects to it (`connectWorkerEngine(startWorker(url), …)`)
 * @param onRestart told each time a new Worker was started and initialized (or failed to)
 * @internal
 */
export function createSupervisedEngine(
  start: EngineStarter,
  onRestart?: (outcome: { ok: boolean; error?: unknown }) => void,
): Engine {
  let disposed = false;
  let initArgs: Parameters<Engine['init']> | undefined;
  let listener: Parameters<Engine['setListener']>[0] = null;
  let restarts = 0;
  let current: Engine;
  // Resolves when `current` may take calls: at once, and after each restart's init.
  let ready: Promise<void> = Promise.resolve();
  // No restart under way: calls go straight through. Waiting on the settled `ready` anyway cost a
  // microtask, enough for the widget's render of the user's message to run before the turn was posted.
  let restarting = false;

  const launch = (): Engine => {
    const engine: Engine = start(() => {
      if (disposed || engine !== current) return;
      restart();
    });
    return engine;
  };
  const restart = () => {
    restarting = true;
    if (++restarts > MAX_RESTARTS) {
      ready = Promise.reject(new WorkerError('The engine Worker kept ending: not restarted', { code: 'terminated' }));
      ready.catch(() => undefined);
      return;
    }
    current = launch();
    const next = current;
    ready = (async () => {
      await next.setListener(listener);
      if (initArgs !== undefined) await next.init(...initArgs);
      restarts = 0;
    })();
    // A failed start keeps `restarting`: calls then wait on `ready` to get its rejection.
    ready.then(
      () => {
        restarting = false;
        onRestart?.({ ok: true });
      },
      (error: unknown) => onRestart?.({ ok: false, error }),
    );
  };
  current = launch();

  const forward =
    (name: keyof Engine) =>
    (...args: unknown[]): Promise<unknown> => {
      if (name === 'init') initArgs = args as Parameters<Engine['init']>;
      if (name === 'setListener') listener = args[0] as typeof listener;
      // `init` and `setListener` go to the Worker of the moment; the rest wait for a restart to finish.
      return restarting && name !== 'init' && name !== 'setListener' && name !== 'dispose'
        ? ready.then(() => forward(name)(...args))
        : (current[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  const engine = Object.fromEntries(Object.keys(engineMethods).map((name) => [name, forward(name as keyof Engine)]));
  return {
    ...(engine as unknown as Engine),
    async dispose() {
      disposed = true;
      await current.dispose();
    },
  };
}
