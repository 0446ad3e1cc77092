/**
 * The intent models trained in place, kept as versions: each version's bytes encrypted in the
 * store's `models` table, and one small index (in the encrypted settings) listing the versions and
 * which one is in use, per language. The index is written in one step after the bytes, so a page
 * closed or reloaded mid-training, or a failed write, leaves the previous version in use; a version
 * whose bytes fail to load is skipped for the one before it. Rollback is `use(id)`.
 *
 * @module
 */
import type { Store } from '../store/index.ts';
import type { ExtensionReport } from '../nlu/training/extend/extension-plan.ts';
import type { ModelInfo } from '../nlu/types.ts';

/** The id of the model the engine starts with (the bundled one, or the host's `model`). */
export const BUILT_IN_MODEL_ID = 'built-in';

/** A model id of the first versions of this library, which kept one trained model under this id. */
const LEGACY_ID = 'active';

/** The settings key of the index. */
const INDEX_KEY = 'models.index';

/** How many trained versions are kept (the one in use always is). */
export const MAX_MODEL_VERSIONS = 5;

/** One model the assistant can use, as `assistant.models.list()` describes it. */
export interface ModelVersion {
  /** Names it in `models.use(id)`; `built-in` is the model the assistant started with. */
  id: string;
  name: string;
  version: string;
  /** The language it answers (a model per language when the assistant routes by language). */
  language: string;
  /** Its intents, without the out-of-scope class. */
  labels: string[];
  bytes: number;
  /** Epoch milliseconds it was trained at (0 for the built-in model). */
  createdAt: number;
  /** True for the model answering its language now. */
  active: boolean;
  /** `extend` when it was trained on top of the built-in model, keeping its intents; `replace` when it knows only its corpus's. */
  mode?: 'extend' | 'replace';
  /** What extending did to the labels (added, overridden, renamed, merged, similar) and its warnings. */
  report?: ExtensionReport;
}

/** The stored index: the trained versions, newest last, and the one in use per language. */
interface VersionIndex {
  versions: Omit<ModelVersion, 'active'>[];
  /** Language → id of the version in use; absent: the built-in model. */
  active: Record<string, string>;
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? tag;

/** Reads the index, taking in the single model earlier versions kept under `active`. */
async function readIndex(store: Store): Promise<VersionIndex> {
  const index = await store.settings().get<VersionIndex>(INDEX_KEY);
  if (index !== undefined && Array.isArray(index.versions)) return index;
  const legacy = await store.getModel(LEGACY_ID);
  if (legacy === undefined) return { versions: [], active: {} };
  const info = (legacy.info ?? {}) as Partial<ModelInfo>;
  const language = primary(typeof info.language === 'string' ? info.language : 'en');
  return {
    versions: [
      {
        id: LEGACY_ID,
        name: info.name ?? 'custom',
        version: info.version ?? '0.0.0',
        language,
        labels: Array.isArray(info.labels) ? info.labels : [],
        bytes: legacy.bytes.length,
        createdAt: legacy.updatedAt,
        mode: 'replace',
      },
    ],
    active: { [language]: LEGACY_ID },
  };
}

/**
 * The stored versions in use, newest choice first per language, then the others newest first: the
 * order in which a starting engine tries them (a version that fails to load gives way to the next).
 * @param store the unlocked store
 * @returns per language, the ids to try in order
 */
export async function versionsToTry(store: Store): Promise<Map<string, string[]>> {
  const index = await readIndex(store);
  const out = new Map<string, string[]>();
  for (const [language, id] of Object.entries(index.active)) {
    const older = index.versions
      .filter(
        (v) =>
          v.language === language &&
          v.id !== id &&
          v.createdAt <= (index.versions.find((x) => x.id === id)?.createdAt ?? 0),
      )
      .reverse()
      .map((v) => v.id);
    out.set(language, [id, ...older]);
  }
  return out;
}

/**
 * Lists the built-in models and the stored versions.
 * @param store the unlocked store
 * @param builtIn the built-in model of each language the engine runs
 * @returns every version, the built-in ones first, then the trained ones oldest first
 */
export async function listVersions(store: Store, builtIn: readonly ModelInfo[]): Promise<ModelVersion[]> {
  const index = await readIndex(store);
  return [
    ...builtIn.map((info) => ({
      id: builtIn.length === 1 ? BUILT_IN_MODEL_ID : `${BUILT_IN_MODEL_ID}-${primary(info.language)}`,
      name: info.name,
      version: info.version,
      language: primary(info.language),
      labels: [...info.labels],
      bytes: info.bytes,
      createdAt: 0,
      active: index.active[primary(info.language)] === undefined,
    })),
    ...index.versions.map((v) => ({ ...v, active: index.active[v.language] === v.id })),
  ];
}

/**
 * Stores a newly trained model as a version and makes it the one in use for its language, then
 * forgets the oldest versions beyond {@link MAX_MODEL_VERSIONS} (never one in use).
 * @param store the unlocked store
 * @param bytes the model file
 * @param version its description (without `id`, `createdAt`, `active`)
 * @returns the stored version
 */
export async function addVersion(
  store: Store,
  bytes: Uint8Array,
  version: Omit<ModelVersion, 'id' | 'createdAt' | 'active'>,
): Promise<ModelVersion> {
  const index = await readIndex(store);
  const createdAt = Math.max(Date.now(), ...index.versions.map((v) => v.createdAt + 1));
  const id = `model-${createdAt.toString(36)}`;
  const entry = { ...version, language: primary(version.language), id, createdAt };
  await store.putModel(id, bytes, { name: entry.name, version: entry.version, language: entry.language });
  const versions = [...index.versions, entry];
  const active = { ...index.active, [entry.language]: id };
  const inUse = new Set(Object.values(active));
  const kept = versions.filter((v, i) => inUse.has(v.id) || i >= versions.length - MAX_MODEL_VERSIONS);
  await store.settings().set(INDEX_KEY, { versions: kept, active } satisfies VersionIndex);
  const keptIds = new Set(kept.map((v) => v.id));
  // The bytes of forgotten versions (and of any left by an interrupted write) go last: the index no longer names them.
  for (const stale of await store.listModels()) if (!keptIds.has(stale)) await store.deleteModel(stale);
  return { ...entry, active: true };
}

/**
 * Makes a version the one in use for its language (`built-in` ids: the built-in model).
 * @param store the unlocked store
 * @param id the version
 * @param builtInLanguages the languages of the built-in models, for `built-in` ids
 * @returns the language it answers and its stored id (`undefined` for a built-in model)
 * @throws {RangeError} naming the id when there is no such version
 */
export async function setActiveVersion(
  store: Store,
  id: string,
  builtInLanguages: readonly string[],
): Promise<{ language: string; id: string | undefined }> {
  const index = await readIndex(store);
  const languages = builtInLanguages.map(primary);
  const builtIn =
    id === BUILT_IN_MODEL_ID && languages.length > 0
      ? languages[0]
      : languages.find((l) => id === `${BUILT_IN_MODEL_ID}-${l}`);
  const version = index.versions.find((v) => v.id === id);
  if (builtIn === undefined && version === undefined) {
    const known = [BUILT_IN_MODEL_ID, ...index.versions.map((v) => v.id)];
    throw new RangeError(`No model version "${id}" (known: ${known.join(', ')})`);
  }
  const language = builtIn ?? (version as { language: string }).language;
  const active = { ...index.active };
  if (builtIn !== undefined) delete active[language];
  else active[language] = id;
  await store.settings().set(INDEX_KEY, { versions: index.versions, active } satisfies VersionIndex);
  return { language, id: builtIn === undefined ? id : undefined };
}
