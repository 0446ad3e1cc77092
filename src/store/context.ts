/**
 * What the parts of an open store share: the backend, the key manager, the sealer, the audit log.
 *
 * @module
 */
import type { AuditLog } from './audit.ts';
import type { Backend } from './backend.ts';
import type { KeyManager } from './key-manager.ts';
import type { MessageRow } from './schema.ts';
import { SKIPPED, type Sealer } from './sealer.ts';
import type { HistoryMessage } from './types.ts';

export { newMessageId, newMessageIds } from './message-ids.ts';

/** The shared parts of one open store. */
export interface StoreContext {
  /** Database name (bound into every ciphertext). */
  db: string;
  backend: Backend;
  keys: KeyManager;
  sealer: Sealer;
  audit: AuditLog;
}

/** What a message's sealed `body` holds: role, text and meta, encrypted together (one AES-GCM call per message). */
export interface MessageBody {
  r: 'user' | 'assistant';
  t: string;
  m?: unknown;
}

/** The clear fields a message's ciphertext is bound to: moving it to another conversation or time fails. */
export function messageBinding(row: Pick<MessageRow, 'conversationId' | 'createdAt'>): [string, number] {
  return [row.conversationId, row.createdAt];
}

/** Decrypts message rows in parallel, dropping (and reporting) those that fail authentication. */
export async function openMessages(sealer: Sealer, rows: readonly MessageRow[]): Promise<HistoryMessage[]> {
  const bodies = await sealer.openMany<MessageBody>(
    'messages',
    'body',
    rows.map((row) => ({ id: row.id, sealed: row.body, bound: messageBinding(row) })),
  );
  const out: HistoryMessage[] = [];
  rows.forEach((row, i) => {
    const body = bodies[i];
    if (body === undefined || body === SKIPPED) return;
    const message: HistoryMessage = {
      id: row.id,
      conversationId: row.conversationId,
      role: body.r,
      text: body.t,
      createdAt: row.createdAt,
    };
    if (body.m !== undefined) message.meta = body.m;
    out.push(message);
  });
  return out;
}

/**
 * Checks an id given by a caller.
 * @throws {TypeError} unless it is a non-empty string.
 */
export function checkId(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${what} must be a non-empty string`);
}
