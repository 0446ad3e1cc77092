/**
 * The IndexedDB schema and its migrations. Only ids, timestamps and conversation ids are indexed
 * (and stored) in the clear; every sensitive field is an AES-GCM ciphertext (see `sealer.ts`).
 *
 * Record format versions follow schema versions: a record is sealed with the version current when
 * it was written (the envelope binds it in the AAD), and readers accept every version up to
 * {@link SCHEMA_VERSION}, so a migration never has to re-encrypt.
 *
 * @module
 */
import type { Transaction } from 'dexie';

/** The tables of the store. */
export const TABLES = [
  'conversations',
  'messages',
  'dialogueState',
  'settings',
  'skillData',
  'models',
  'audit',
  'keys',
  'searchPacks',
  'meta',
] as const;
/** A table name. */
export type TableName = (typeof TABLES)[number];

/** The current schema (and record format) version. */
export const SCHEMA_VERSION = 2;

/** One schema version: Dexie store specs (`null` deletes a table) and an optional data migration. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Runs inside the upgrade transaction: clear fields only, never WebCrypto (it would outlive the transaction). */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every version so far, oldest first.
 *
 * - 1: first release. Conversations indexed by `createdAt`; messages by `conversationId` and `createdAt`.
 * - 2: conversations listed by `updatedAt` (filled in from their newest message), messages paged by the
 *   compound `[conversationId+createdAt]` index, a `models` table, and the search packs (`search-packs.ts`)
 *   with the `meta` table holding their generation counter.
 */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      conversations: 'id, createdAt',
      messages: 'id, conversationId, createdAt',
      dialogueState: 'conversationId',
      settings: 'key',
      skillData: '[skillId+key], skillId',
      audit: 'seq',
      keys: 'id',
    },
  },
  {
    version: 2,
    stores: {
      conversations: 'id, updatedAt',
      messages: 'id, createdAt, [conversationId+createdAt]',
      models: 'id, updatedAt',
      searchPacks: 'id',
      meta: 'key',
    },
    async upgrade(tx) {
      const newest = new Map<string, number>();
      await tx.table('messages').each((m: { conversationId: string; createdAt: number }) => {
        newest.set(m.conversationId, Math.max(newest.get(m.conversationId) ?? 0, m.createdAt));
      });
      await tx
        .table('conversations')
        .toCollection()
        .modify((c: { id: string; createdAt: number; updatedAt?: number }) => {
          c.updatedAt = Math.max(c.createdAt, newest.get(c.id) ?? 0);
        });
    },
  },
];

/** The primary key path of each table (what the memory backend keys by). */
export const PRIMARY_KEYS: Record<TableName, string | string[]> = {
  conversations: 'id',
  messages: 'id',
  dialogueState: 'conversationId',
  settings: 'key',
  skillData: ['skillId', 'key'],
  models: 'id',
  audit: 'seq',
  keys: 'id',
  searchPacks: 'id',
  meta: 'key',
};

/** Stored record shapes (clear fields and sealed ones). */
export interface ConversationRow {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Sealed title. */
  title: Uint8Array;
}

/** A stored message: only ids and the timestamp in the clear; role, text and meta sealed together in `body`. */
export interface MessageRow {
  id: string;
  conversationId: string;
  createdAt: number;
  body: Uint8Array;
}

/** A stored key record (`id` is always `data`). */
export interface KeyRow {
  id: 'data';
  mode: 'device' | 'passphrase';
  /** The data key wrapped with AES-KW. */
  wrapped: Uint8Array<ArrayBuffer>;
  /** `device` mode: the non-extractable KEK, kept by the browser. */
  kek?: CryptoKey;
  /** `passphrase` mode: PBKDF2 salt and iterations. */
  salt?: Uint8Array<ArrayBuffer>;
  iterations?: number;
  /** `passphrase` mode: the data key wrapped again under each enrolled passkey (`key-manager.ts`). */
  passkeys?: PasskeyWrap[];
  createdAt: number;
  updatedAt: number;
}

/** The data key wrapped under one passkey's PRF output (see `crypto/keyring.ts` `derivePasskeyKek`). */
export interface PasskeyWrap {
  credentialId: Uint8Array<ArrayBuffer>;
  /** What the PRF is evaluated on at unlock. */
  prfSalt: Uint8Array<ArrayBuffer>;
  wrapped: Uint8Array<ArrayBuffer>;
  createdAt: number;
}

/** A stored audit entry: sequence, time, type and hashes in the clear (no content), the detail sealed. */
export interface AuditRow {
  seq: number;
  at: number;
  type: string;
  prev: string;
  hash: string;
  detail: Uint8Array;
  /** 2 for entries written next to a sealed head (`audit-head.ts`); absent on older ones. Hashed. */
  v?: number;
}
