/**
 * The encrypted key-value namespaces (settings, one per skill) and the model store. Keys are
 * identifiers chosen by code (`theme`, `reminders`) and are stored in the clear so they can be
 * looked up; values — the user's data — are sealed, bound to their namespace and key. Skills
 * must not put user content in keys.
 *
 * @module
 */
import { checkId, type StoreContext } from './context.ts';
import { SKIPPED } from './sealer.ts';
import type { KeyValueStore, StoredModel } from './types.ts';

interface SettingRow {
  key: string;
  value: Uint8Array;
}
interface SkillRow {
  skillId: string;
  key: string;
  value: Uint8Array;
}
interface ModelRow {
  id: string;
  updatedAt: number;
  bytes: Uint8Array;
  info: Uint8Array;
}

/** The settings namespace. */
export function settingsStore(ctx: StoreContext): KeyValueStore {
  const { backend, sealer } = ctx;
  return {
    async get<T>(key: string): Promise<T | undefined> {
      checkId(key, 'key');
      ctx.keys.key();
      const row = await backend.transaction('r', ['settings'], (tx) => tx.get<SettingRow>('settings', key));
      if (row === undefined) return undefined;
      const value = await sealer.tryOpen<T>('settings', key, 'value', row.value);
      return value === SKIPPED ? undefined : value;
    },
    async set(key, value) {
      checkId(key, 'key');
      const sealed = await sealer.seal('settings', key, 'value', value);
      await backend.transaction('rw', ['settings'], (tx) => tx.put('settings', { key, value: sealed }));
    },
    async delete(key) {
      checkId(key, 'key');
      ctx.keys.key();
      await backend.transaction('rw', ['settings'], (tx) => tx.delete('settings', key));
    },
    async keys() {
      ctx.keys.key();
      return (await backend.transaction('r', ['settings'], (tx) => tx.query<SettingRow>('settings'))).map((r) => r.key);
    },
  };
}

/** The namespace of one skill. */
export function skillStore(ctx: StoreContext, skillId: string): KeyValueStore {
  checkId(skillId, 'skillId');
  const { backend, sealer } = ctx;
  // Arrays sort after strings in IndexedDB, so [skillId, []] is above every [skillId, key].
  const range = { index: ':id', lower: [skillId, ''], upper: [skillId, []] };
  return {
    async get<T>(key: string): Promise<T | undefined> {
      checkId(key, 'key');
      ctx.keys.key();
      const row = await backend.transaction('r', ['skillData'], (tx) => tx.get<SkillRow>('skillData', [skillId, key]));
      if (row === undefined) return undefined;
      const value = await sealer.tryOpen<T>('skillData', [skillId, key], 'value', row.value);
      return value === SKIPPED ? undefined : value;
    },
    async set(key, value) {
      checkId(key, 'key');
      const sealed = await sealer.seal('skillData', [skillId, key], 'value', value);
      await backend.transaction('rw', ['skillData'], (tx) => tx.put('skillData', { skillId, key, value: sealed }));
    },
    async delete(key) {
      checkId(key, 'key');
      ctx.keys.key();
      await backend.transaction('rw', ['skillData'], (tx) => tx.delete('skillData', [skillId, key]));
    },
    async keys() {
      ctx.keys.key();
      return (await backend.transaction('r', ['skillData'], (tx) => tx.query<SkillRow>('skillData', range))).map(
        (r) => r.key,
      );
    },
  };
}

/** The model store: bytes and description sealed separately (bytes take the codec's binary fast path). */
export function modelStore(ctx: StoreContext) {
  const { backend, sealer } = ctx;
  return {
    async putModel(id: string, bytes: Uint8Array, info?: unknown): Promise<void> {
      checkId(id, 'id');
      if (!(bytes instanceof Uint8Array)) throw new TypeError('Model bytes must be a Uint8Array');
      const updatedAt = Date.now();
      const [sealedBytes, sealedInfo] = await Promise.all([
        sealer.seal('models', id, 'bytes', bytes, [updatedAt]),
        sealer.seal('models', id, 'info', info, [updatedAt]),
      ]);
      await ctx.audit.withAudit({ type: 'model-put', detail: { id, bytes: bytes.length } }, ['models'], (tx) =>
        tx.put('models', { id, updatedAt, bytes: sealedBytes, info: sealedInfo }),
      );
    },
    async getModel(id: string): Promise<StoredModel | undefined> {
      checkId(id, 'id');
      ctx.keys.key();
      const row = await backend.transaction('r', ['models'], (tx) => tx.get<ModelRow>('models', id));
      if (row === undefined) return undefined;
      const [bytes, info] = await Promise.all([
        sealer.tryOpen<Uint8Array>('models', id, 'bytes', row.bytes, [row.updatedAt]),
        sealer.tryOpen<unknown>('models', id, 'info', row.info, [row.updatedAt]),
      ]);
      if (bytes === SKIPPED || info === SKIPPED) return undefined;
      return info === undefined
        ? { id, bytes, updatedAt: row.updatedAt }
        : { id, bytes, info, updatedAt: row.updatedAt };
    },
    async listModels(): Promise<string[]> {
      ctx.keys.key();
      return (await backend.transaction('r', ['models'], (tx) => tx.query<ModelRow>('models'))).map((r) => r.id);
    },
    async deleteModel(id: string): Promise<void> {
      checkId(id, 'id');
      await ctx.audit.withAudit({ type: 'model-delete', detail: { id } }, ['models'], (tx) => tx.delete('models', id));
    },
  };
}
