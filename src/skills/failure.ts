/**
 * What of a skill's failure may be written to the audit log: the error's class name when it is a
 * standard or Confidant one, and the code of Confidant's own errors; nothing else. An error's
 * message is never kept, because a skill can put anything in it (the user's words, a token).
 *
 * @module
 */
import { ConfidantError, PermissionError, errorClasses } from '../errors.ts';

/**
 * Error names kept as they are; any other name (a skill can set any) is recorded as `Error`, so
 * not even one word of the user's can be smuggled into the log through it.
 */
const KNOWN_NAMES: ReadonlySet<string> = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'AbortError',
  'TimeoutError',
  'NetworkError',
  'DataCloneError',
  'SecurityError',
  'NotAllowedError',
  'InvalidReplyError',
  ...Object.keys(errorClasses),
]);
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * The audit detail of a thrown value: `{ error: <class name>, code?: <code> }`.
 * @internal
 */
export function failureDetail(error: unknown): Record<string, string> {
  let name = 'unknown';
  let code: string | undefined;
  try {
    if (error instanceof Error || (typeof error === 'object' && error !== null)) {
      const n = (error as { name?: unknown }).name;
      const c = (error as { code?: unknown }).code;
      name = typeof n === 'string' && KNOWN_NAMES.has(n) ? n : 'Error';
      // Codes only from Confidant's own errors (set by the runtime, fetch, webhook and LLM code).
      if (
        typeof c === 'string' &&
        CODE.test(c) &&
        (error instanceof ConfidantError || Object.hasOwn(errorClasses, name))
      )
        code = c;
    } else name = typeof error;
  } catch {
    // A hostile getter: keep `unknown`.
  }
  return code === undefined ? { error: name } : { error: name, code };
}

/**
 * `true` for a `PermissionError`, also when it crossed a realm and came back as a plain `Error`
 * with that name (comlink, the sandbox's message channel).
 * @internal
 */
export function isPermissionError(error: unknown): boolean {
  if (error instanceof PermissionError) return true;
  if (error instanceof ConfidantError) return error.code === 'permission';
  try {
    return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PermissionError';
  } catch {
    return false;
  }
}
