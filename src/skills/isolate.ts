/**
 * Runs one `execute` so that nothing it does can hold up the assistant: a throw, a promise that
 * never settles, an iterator that stops yielding, or a result that is not a reply all end in an
 * outcome within the timeout. (A synchronous endless loop cannot be interrupted in the same thread;
 * code that might do that belongs in a sandbox, whose Worker is torn down when a call does not end,
 * not in the engine's Worker.)
 *
 * @module
 */
import type { SkillReply, SkillResult } from './types.ts';
import { MAX_REPLY_CHARS, asyncIteratorOf, normalizeReply } from './normalize.ts';

/** How a run ended. `error` keeps the thrown value for the caller's audit code (never its message). */
export type IsolatedOutcome =
  | { outcome: 'ok'; reply: SkillReply; streamed: boolean }
  | { outcome: 'error'; error: unknown }
  | { outcome: 'invalid' }
  | { outcome: 'timeout' }
  | { outcome: 'aborted' };

/** Options of {@link runIsolated}. */
export interface IsolateOptions {
  timeoutMs: number;
  /** The caller's signal: aborting it ends the run with `aborted` at once. */
  signal: AbortSignal;
  /** Aborted (with a `TimeoutError`) when the run times out, so the skill's own requests stop. */
  controller: AbortController;
  onDelta?: ((text: string) => void) | undefined;
}

const TIMEOUT = Symbol('timeout');
const ABORTED = Symbol('aborted');

/**
 * Calls `execute` and waits for its result, racing every await against the timeout and the signal.
 *
 * @param execute calls the skill (may throw synchronously)
 * @returns the outcome; never rejects and never outlives `timeoutMs` (plus a turn of the event loop)
 */
export async function runIsolated(
  execute: () => SkillResult | Promise<SkillResult>,
  options: IsolateOptions,
): Promise<IsolatedOutcome> {
  const { signal, controller, onDelta } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<typeof TIMEOUT | typeof ABORTED>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), options.timeoutMs);
    onAbort = () => resolve(ABORTED);
    if (signal.aborted) resolve(ABORTED);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const race = <T>(p: Promise<T>) => Promise.race([p, guard]);
  const stop = (o: IsolatedOutcome): IsolatedOutcome => {
    if (o.outcome === 'timeout') controller.abort(new DOMException('The skill timed out', 'TimeoutError'));
    else if (o.outcome === 'aborted') controller.abort(signal.reason);
    return o;
  };

  try {
    let result: unknown;
    try {
      result = await race(Promise.resolve().then(execute));
    } catch (error) {
      return stop({ outcome: 'error', error });
    }
    if (result === TIMEOUT) return stop({ outcome: 'timeout' });
    if (result === ABORTED) return stop({ outcome: 'aborted' });

    let iterator: AsyncIterator<unknown> | undefined;
    try {
      iterator = asyncIteratorOf(result);
      if (iterator === undefined) return { outcome: 'ok', reply: normalizeReply(result), streamed: false };
    } catch {
      // InvalidReplyError, or a hostile getter or Proxy trap throwing while the result is read.
      return stop({ outcome: 'invalid' });
    }

    const it = iterator;
    const close = () =>
      void Promise.resolve()
        .then(() => it.return?.())
        .catch(() => undefined);
    let text = '';
    for (;;) {
      let step: unknown;
      try {
        step = await race(Promise.resolve().then(() => it.next()));
      } catch (error) {
        return stop({ outcome: 'error', error });
      }
      if (step === TIMEOUT || step === ABORTED) {
        close();
        return stop({ outcome: step === TIMEOUT ? 'timeout' : 'aborted' });
      }
      let done: unknown;
      let value: unknown;
      try {
        ({ done, value } = step as IteratorResult<unknown>);
      } catch {
        close();
        return stop({ outcome: 'invalid' });
      }
      if (done === true) break;
      if (typeof value !== 'string' || text.length + value.length > MAX_REPLY_CHARS) {
        close();
        return stop({ outcome: 'invalid' });
      }
      text += value;
      try {
        onDelta?.(value);
      } catch {
        // A broken listener is the host's problem, not the skill's: keep streaming.
      }
    }
    if (text.trim() === '') return stop({ outcome: 'invalid' });
    return { outcome: 'ok', reply: { text }, streamed: true };
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}
