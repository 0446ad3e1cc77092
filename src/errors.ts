/**
 * Confidant's error classes: one base with a stable `code` and the standard `cause`, and a
 * small flat set of subclasses, one per layer (after Dexie's `DexieError`).
 *
 * Bad options are not `ConfidantError`s: they throw the standard `TypeError` / `RangeError`
 * synchronously. Platform errors (IndexedDB, WebCrypto, ONNX Runtime) are mapped once, at
 * the edge that calls the platform, and the original is kept as `cause`.
 *
 * @module
 */

/** Options accepted by every Confidant error constructor. */
export interface ConfidantErrorOptions {
  /** The underlying error, kept as the standard `Error.cause`. */
  cause?: unknown;
  /** A more specific machine-readable code than the class default. */
  code?: string;
}

/**
 * The base class of every error Confidant raises on purpose.
 *
 * @example
 * ```ts
 * try { await assistant.send(text); }
 * catch (e) { if (e instanceof ConfidantError && e.code === 'quota') showStorageFull(); }
 * ```
 */
export class ConfidantError extends Error {
  /** A stable, machine-readable code, e.g. `model-load`, `quota`, `wrong-passphrase`. */
  readonly code: string;

  constructor(message: string, options: ConfidantErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'confidant';
  }

  /** The class name, looked up by identity so it survives minification (bundles mangle `constructor.name`). */
  override get name(): string {
    return errorNameOf(this);
  }
}

/** A model could not be loaded: missing, truncated, corrupt or of the wrong shape. */
export class ModelLoadError extends ConfidantError {
  /** Where the model came from (a URL, a path, or `bytes`). */
  readonly source: string;
  constructor(message: string, source: string, options: ConfidantErrorOptions = {}) {
    super(`${message} (model: ${source})`, { code: 'model-load', ...options });
    this.source = source;
  }
}

/** Running a loaded model failed. */
export class InferenceError extends ConfidantError {
  constructor(message: string, options: ConfidantErrorOptions = {}) {
    super(message, { code: 'inference', ...options });
  }
}

/** A training corpus is malformed: names the file and line where it can. */
export class CorpusError extends ConfidantError {
  /** 1-based line of the problem, when known. */
  readonly line: number | undefined;
  constructor(message: string, options: ConfidantErrorOptions & { line?: number } = {}) {
    super(options.line === undefined ? message : `line ${options.line}: ${message}`, { code: 'corpus', ...options });
    this.line = options.line;
  }
}

/** IndexedDB or the memory store failed; `code` is e.g. `quota`, `unavailable`, `closed`. */
export class StorageError extends ConfidantError {
  constructor(message: string, options: ConfidantErrorOptions = {}) {
    super(message, { code: 'storage', ...options });
  }
}

/** Encryption, decryption or key handling failed; `code` `auth` means a record failed authentication. */
export class CryptoError extends ConfidantError {
  constructor(message: string, options: ConfidantErrorOptions = {}) {
    super(message, { code: 'crypto', ...options });
  }
}

/** The passphrase did not unwrap the data key. Nothing was changed. */
export class WrongPassphraseError extends CryptoError {
  constructor(options: ConfidantErrorOptions = {}) {
    super('The passphrase is wrong', { code: 'wrong-passphrase', ...options });
  }
}

/** The store is locked (passphrase mode) and must be unlocked first. */
export class LockedError extends CryptoError {
  constructor(options: ConfidantErrorOptions = {}) {
    super('The store is locked: unlock it with the passphrase first', { code: 'locked', ...options });
  }
}

/** A skill threw, timed out, or returned something that is not a reply. */
export class SkillError extends ConfidantError {
  /** The id of the skill at fault. */
  readonly skillId: string;
  constructor(message: string, skillId: string, options: ConfidantErrorOptions = {}) {
    super(`${message} (skill: ${skillId})`, { code: 'skill', ...options });
    this.skillId = skillId;
  }
}

/** A skill reached for something its manifest does not declare, or the user refused it. */
export class PermissionError extends ConfidantError {
  constructor(message: string, options: ConfidantErrorOptions = {}) {
    super(message, { code: 'permission', ...options });
  }
}

/** The Worker could not start, crashed, or was terminated. */
export class WorkerError extends ConfidantError {
  constructor(message: string, options: ConfidantErrorOptions = {}) {
    super(message, { code: 'worker', ...options });
  }
}

/** The codes of {@link InputError}. */
export const inputErrorCodes = {
  /** A message is longer than `MAX_MESSAGE_LENGTH`. */
  tooLong: 'too-long',
  /** A string holds a lone surrogate (it cannot be encoded as UTF-8 without changing it). */
  malformedUnicode: 'malformed-unicode',
} as const;

/** The code of an {@link InputError}. */
export type InputErrorCode = (typeof inputErrorCodes)[keyof typeof inputErrorCodes];

/**
 * Something the user typed was refused before it was used: a message over the documented maximum
 * length, or a passphrase that is not well-formed Unicode. Nothing was stored or changed.
 */
export class InputError extends ConfidantError {
  declare readonly code: InputErrorCode;
  constructor(message: string, code: InputErrorCode, options: Omit<ConfidantErrorOptions, 'code'> = {}) {
    super(message, { ...options, code });
  }
}

/** The platform lacks something Confidant needs (e.g. WebCrypto, WebAssembly). */
export class UnsupportedError extends ConfidantError {
  constructor(message: string, options: ConfidantErrorOptions = {}) {
    super(message, { code: 'unsupported', ...options });
  }
}

/**
 * Every error class by name, so a transport can rebuild the right class on the other side.
 * @internal
 */
export const errorClasses = {
  ConfidantError,
  ModelLoadError,
  InferenceError,
  CorpusError,
  StorageError,
  CryptoError,
  WrongPassphraseError,
  LockedError,
  SkillError,
  PermissionError,
  WorkerError,
  UnsupportedError,
  InputError,
} as const;

/** The name of one of Confidant's error classes. */
export type ConfidantErrorName = keyof typeof errorClasses;

/** The registered name of an error's class (its nearest registered ancestor for a host's own subclass). @internal */
export function errorNameOf(error: ConfidantError): ConfidantErrorName {
  let proto: object | null = Object.getPrototypeOf(error);
  while (proto !== null) {
    for (const [name, Class] of Object.entries(errorClasses))
      if (Class.prototype === proto) return name as ConfidantErrorName;
    proto = Object.getPrototypeOf(proto);
  }
  return 'ConfidantError';
}

/** The error an `AbortSignal` carries, or a standard `AbortError` when it has none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}
