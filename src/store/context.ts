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

/** Two lowercase hex digits of each byte value. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * `n` new message ids: UUIDv7s (RFC 9562), whose first 48 bits are the time in milliseconds, so new
 * messages sort after older ones by primary key. The search packs rely on it to stay valid on the
 * fast path (`search-packs.ts`); the time is no secret, `createdAt` is stored in the clear anyway.
 * One `getRandomValues` call and a hex table serve the whole batch: per id, the old byte-by-byte
 * `toString(16)` cost as much as encrypting the message (`npm run bench:store -- --profile`).
 */
export function newMessageIds(n: number, now = Date.now()): string[] {
  const random = new Uint8Array(n * 10);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let i = 0; i < random.length; i += 65_536) crypto.getRandomValues(random.subarray(i, i + 65_536));
  let time = '';
  for (let i = 5, t = now; i >= 0; i--, t = Math.floor(t / 256)) time = HEX[t % 256] + time;
  const head = `${time.slice(0, 8)}-${time.slice(8)}-`;
  const ids: string[] = new Array(n);
  const h = (i: number) => HEX[random[i] as number] as string;
  for (let k = 0, o = 0; k < n; k++, o += 10) {
    // Version 7 in the high nibble of byte 6, variant 0b10 in the top bits of byte 8 (RFC 9562 §5.7).
    ids[k] =
      `${head}${HEX[0x70 | ((random[o] as number) & 0x0f)] as string}${h(o + 1)}-${HEX[0x80 | ((random[o + 2] as number) & 0x3f)] as string}${h(o + 3)}-${h(o + 4)}${h(o + 5)}${h(o + 6)}${h(o + 7)}${h(o + 8)}${h(o + 9)}`;
  }
  return ids;
}

/** A new message id (see {@link newMessageIds}). */
export function newMessageId(now = Date.now()): string {
  return newMessageIds(1, now)[0] as string;
}

/**
 * Checks an id given by a caller.
 * @throws {TypeError} unless it is a non-empty string.
 */
export function checkId(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${what} must be a non-empty string`);
}
