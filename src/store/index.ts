/**
 * The encrypted history store.
 *
 * @module
 */
export { openStore } from './open-store.ts';
export type { OpenStoreOptions } from './open-store.ts';
export type {
  AdminStore,
  AuditEntry,
  AuditHead,
  AuditInput,
  AuditType,
  HistoryMessage,
  HistoryStore,
  ImportResult,
  KeyValueStore,
  NewMessage,
  SearchOptions,
  SearchProgress,
  Store,
  StoreErrorEvent,
  StoreWarning,
  StoredModel,
} from './types.ts';
export { SCHEMA_VERSION } from './schema.ts';
