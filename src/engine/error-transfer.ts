/**
 * Keeps Confidant's error classes intact across the Worker boundary.
 *
 * comlink's built-in `throw` handler rebuilds every error as a plain `Error` (it keeps only
 * `name`, `message` and `stack`), so `instanceof StorageError` and `error.code` would be lost.
 * This module replaces that handler with one that serializes class name, code, the
 * class-specific fields and the `cause` chain, and rebuilds the right class on the other side.
 * It must be registered on both sides: the Worker entry and the client import it.
 *
 * @module
 */
import { transferHandlers, type TransferHandler } from 'comlink';
import { ConfidantError, errorClasses, errorNameOf, type ConfidantErrorName } from '../errors.ts';

/** The structured-cloneable form of an error. @internal */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  /** Class-specific own fields (e.g. `source`, `skillId`, `line`). */
  fields?: Record<string, unknown>;
  cause?: SerializedError | { value: unknown };
  /** The error was a `DOMException` (AbortError, QuotaExceededError, …): rebuilt as one. */
  dom?: boolean;
}

const MAX_CAUSE_DEPTH = 8;

/** Serializes any thrown value. @internal */
export function serializeError(value: unknown, depth = 0): SerializedError | { value: unknown } {
  if (!(value instanceof Error)) {
    // Non-errors (strings, plain objects) are cloned as they are; fall back to a string when not cloneable.
    try {
      return { value: structuredClone(value) };
    } catch {
      return { value: String(value) };
    }
  }
  const out: SerializedError = { name: value.name, message: value.message };
  if (value.stack !== undefined) out.stack = value.stack;
  if (typeof DOMException === 'function' && value instanceof DOMException) out.dom = true;
  if (value instanceof ConfidantError) {
    out.name = errorNameOf(value);
    out.code = value.code;
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === 'code' || key === 'message' || key === 'stack' || key === 'cause') continue;
      fields[key] = (value as unknown as Record<string, unknown>)[key];
    }
    out.fields = fields;
  }
  if (value.cause !== undefined && depth < MAX_CAUSE_DEPTH) out.cause = serializeError(value.cause, depth + 1);
  return out;
}

function isSerializedError(value: SerializedError | { value: unknown }): value is SerializedError {
  return 'name' in value && 'message' in value;
}

/** Rebuilds an error serialized by `serializeError`, with its class when it is one of ours. @internal */
export function deserializeError(data: SerializedError | { value: unknown }): unknown {
  if (!isSerializedError(data)) return data.value;
  const cause = data.cause === undefined ? undefined : deserializeError(data.cause);
  const Class = (errorClasses as Record<string, unknown>)[data.name] as
    (typeof errorClasses)[ConfidantErrorName] | undefined;
  let error: Error;
  if (Class !== undefined) {
    // Rebuild without calling the constructor: subclasses take different arguments and decorate the message.
    error = Object.create(Class.prototype) as Error;
    Object.defineProperty(error, 'message', { value: data.message, writable: true, configurable: true });
    Object.assign(error, data.fields ?? {}, { code: data.code });
  } else if (data.dom === true) {
    error = new DOMException(data.message, data.name);
  } else {
    const Std = { TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError }[data.name] ?? Error;
    error = new Std(data.message);
    if (Std === Error && data.name !== 'Error')
      Object.defineProperty(error, 'name', { value: data.name, configurable: true });
  }
  if (data.stack !== undefined)
    Object.defineProperty(error, 'stack', { value: data.stack, configurable: true, writable: true });
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, configurable: true, writable: true });
  return error;
}

let installed = false;

/** Installs the error-preserving `throw` handler in this realm (idempotent). @internal */
export function installErrorTransfer(): void {
  if (installed) return;
  const original = transferHandlers.get('throw');
  if (original === undefined) throw new Error('comlink has no throw handler to replace');
  // Only comlink's own throw marker is recognized, so keep its `canHandle`.
  const handler: TransferHandler<{ value: unknown }, SerializedError | { value: unknown }> = {
    canHandle: original.canHandle.bind(original) as TransferHandler<{ value: unknown }, unknown>['canHandle'],
    serialize: (thrown) => [serializeError(thrown.value), []],
    deserialize: (data) => {
      throw deserializeError(data);
    },
  };
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
  installed = true;
}
