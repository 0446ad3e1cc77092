/**
 * The decrypted content of a backup, checked before any of it is used. A backup authenticates its
 * content under the backup passphrase, not its author: a file someone else made (and shared with
 * its passphrase) is as hostile as any input. So every record is checked for the shape the store
 * writes — ids, finite timestamps, roles, text, bytes — and anything else refuses the whole file
 * with a typed error, before a single record is sealed or written.
 *
 * @module
 */
import { decodeValue } from '../crypto/codec.ts';
import { CryptoError } from '../errors.ts';
import type { HistoryMessage } from './types.ts';

/** What a backup holds, as `exportBackup` writes it. */
export interface BackupPayload {
  format: 'confidant-backup';
  conversations: { id: string; title: string; createdAt: number; updatedAt: number }[];
  messages: HistoryMessage[];
  dialogueState: { conversationId: string; state: unknown }[];
  settings: { key: string; value: unknown }[];
  skillData: { skillId: string; key: string; value: unknown }[];
  models: { id: string; updatedAt: number; bytes: Uint8Array; info: unknown }[];
}

/** The tables a backup carries. */
export const BACKUP_TABLES = ['conversations', 'messages', 'dialogueState', 'settings', 'skillData', 'models'] as const;

type Check = (value: unknown) => boolean;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
const id: Check = (v) => typeof v === 'string' && v.length > 0 && v.length <= 1024;
const time: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const text: Check = (v) => typeof v === 'string';
const any: Check = () => true;
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);

/** The fields each table's records must have, and how each is checked. */
const SHAPES: Record<(typeof BACKUP_TABLES)[number], Record<string, Check>> = {
  conversations: { id, title: text, createdAt: time, updatedAt: time },
  messages: {
    id,
    conversationId: id,
    role: (v) => v === 'user' || v === 'assistant',
    text,
    createdAt: time,
    meta: any,
  },
  dialogueState: { conversationId: id, state: any },
  settings: { key: id, value: any },
  skillData: { skillId: id, key: id, value: any },
  models: { id, updatedAt: time, bytes: (v) => v instanceof Uint8Array, info: any },
};
const OPTIONAL: Partial<Record<(typeof BACKUP_TABLES)[number], Record<string, Check>>> = {
  messages: { meta: optional(any) },
};

const bad = (why: string, cause?: unknown) =>
  new CryptoError(`The backup holds no valid Confidant data: ${why}`, { code: 'format', cause });

/**
 * Decodes and checks a decrypted backup.
 * @param bytes what `decryptBackup` returned
 * @returns the payload, every record of the expected shape
 * @throws {CryptoError} code `format` for anything else, naming the first bad table and record
 */
export function readBackupPayload(bytes: Uint8Array): BackupPayload {
  let payload: unknown;
  try {
    payload = decodeValue(bytes);
  } catch (cause) {
    throw bad('it cannot be decoded', cause);
  }
  if (!isRecord(payload) || payload['format'] !== 'confidant-backup') throw bad('no backup format marker');
  for (const table of BACKUP_TABLES) {
    const rows = payload[table];
    if (!Array.isArray(rows)) throw bad(`${table} is not a list`);
    const shape = SHAPES[table];
    const optionalFields = OPTIONAL[table] ?? {};
    rows.forEach((row, i) => {
      if (!isRecord(row)) throw bad(`${table}[${i}] is not a record`);
      for (const [field, check] of Object.entries(shape)) {
        const value = row[field];
        if (value === undefined && field in optionalFields) continue;
        if (!check(value)) throw bad(`${table}[${i}].${field} is missing or of the wrong kind`);
      }
    });
  }
  return payload as unknown as BackupPayload;
}
