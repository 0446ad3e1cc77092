/**
 * Synchronous validation of `createAssistant` options: malformed options throw the standard
 * `TypeError` / `RangeError` before anything starts (after Dexie and onnxruntime-web).
 * @internal
 */
import type { AssistantOptions } from './assistant-types.ts';
import { checkHostSkillIds } from './skills/manifest.ts';
import { didYouMean } from './closest-names.ts';

/** Every option `createAssistant` takes: a typo is refused with the closest name instead of silently ignored. */
const OPTION_NAMES: Record<keyof AssistantOptions, true> = {
  model: true,
  modelSha256: true,
  contextModel: true,
  contextModelSha256: true,
  modelReplay: true,
  slotTagger: true,
  slotTaggerSha256: true,
  uiLang: true,
  wasmUrl: true,
  wasmSha256: true,
  assetsBase: true,
  assetUrls: true,
  storage: true,
  databaseName: true,
  encryption: true,
  timeZone: true,
  lang: true,
  appSkills: true,
  worker: true,
  skills: true,
  onProgress: true,
  signal: true,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Throws `TypeError` or `RangeError` for the first malformed option. @internal */
export function validateAssistantOptions(options: AssistantOptions): void {
  if (!isObject(options)) throw new TypeError('createAssistant(options): options must be an object');
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(OPTION_NAMES, key))
      throw new TypeError(
        `createAssistant(options): unknown option ${JSON.stringify(key)}${didYouMean(key, Object.keys(OPTION_NAMES))}`,
      );
  }
  const {
    model,
    contextModel,
    worker,
    storage,
    encryption,
    skills,
    onProgress,
    databaseName,
    timeZone,
    wasmUrl,
    signal,
  } = options;
  for (const [name, source] of [
    ['model', model],
    ['contextModel', contextModel],
  ] as const) {
    if (
      source !== undefined &&
      typeof source !== 'string' &&
      !(source instanceof URL) &&
      !(source instanceof ArrayBuffer) &&
      !(source instanceof Uint8Array)
    ) {
      throw new TypeError(`options.${name} must be a URL, a string, an ArrayBuffer or a Uint8Array`);
    }
  }
  if (
    worker !== undefined &&
    typeof worker !== 'boolean' &&
    !(typeof Worker === 'function' && worker instanceof Worker)
  ) {
    throw new TypeError('options.worker must be a boolean or a Worker');
  }
  if (worker === true && typeof Worker !== 'function') {
    throw new TypeError('options.worker is true but this platform has no Worker: pass worker: false');
  }
  if (storage !== undefined && storage !== 'indexeddb' && storage !== 'memory') {
    throw new RangeError(`options.storage must be 'indexeddb' or 'memory', not ${JSON.stringify(storage)}`);
  }
  if (encryption !== undefined) {
    if (!isObject(encryption) || (encryption.mode !== 'device' && encryption.mode !== 'passphrase')) {
      throw new RangeError("options.encryption.mode must be 'device' or 'passphrase'");
    }
    if (
      encryption.mode === 'passphrase' &&
      encryption.passphrase !== undefined &&
      typeof encryption.passphrase !== 'string'
    ) {
      throw new TypeError('options.encryption.passphrase must be a string');
    }
  }
  if (skills !== undefined && !Array.isArray(skills)) throw new TypeError('options.skills must be an array');
  if (skills !== undefined) checkHostSkillIds(skills, 'options.skills');
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw new TypeError('options.onProgress must be a function');
  if (databaseName !== undefined && (typeof databaseName !== 'string' || databaseName.length === 0)) {
    throw new TypeError('options.databaseName must be a non-empty string');
  }
  if (timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: String(timeZone) });
    } catch (cause) {
      throw new RangeError(`options.timeZone is not an IANA time zone: ${String(timeZone)}`, { cause });
    }
  }
  for (const key of ['lang', 'uiLang'] as const) {
    const tag = options[key];
    if (tag !== undefined && (typeof tag !== 'string' || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)))
      throw new TypeError(`options.${key} must be a BCP 47 language tag such as 'en' or 'zh-CN'`);
  }
  if (wasmUrl !== undefined && typeof wasmUrl !== 'string') throw new TypeError('options.wasmUrl must be a string');
  if (options.assetsBase !== undefined && (typeof options.assetsBase !== 'string' || options.assetsBase === ''))
    throw new TypeError(
      'options.assetsBase must be a non-empty string: the URL of the folder holding the files of dist/',
    );
  for (const key of ['modelSha256', 'contextModelSha256', 'wasmSha256'] as const) {
    const digest = options[key];
    if (digest !== undefined && (typeof digest !== 'string' || !/^[0-9a-f]{64}$/i.test(digest))) {
      throw new TypeError(`options.${key} must be a SHA-256 digest: 64 hex digits`);
    }
  }
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new TypeError('options.signal must be an AbortSignal');
}
