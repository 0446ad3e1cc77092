/**
 * Paged reading of one conversation, newest first, through the `[conversationId+createdAt]` index.
 *
 * A large page is read in a few growing chunks, and the next chunk is already being read while the
 * previous one is decrypted, so IndexedDB and WebCrypto work at the same time. Messages sharing a timestamp are
 * never lost at a chunk boundary: the next chunk starts at that timestamp (inclusive) and skips the
 * ids already read. A record that fails authentication is skipped and the page refilled.
 *
 * @module
 */
import type { KeyRange } from './backend.ts';
import { openMessages, type StoreContext } from './context.ts';
import type { MessageRow } from './schema.ts';
import type { HistoryMessage } from './types.ts';

// The first read is small so decryption starts early; each next one is GROWTH times larger (capped at
// what is still wanted), so a 10,000-message page takes 3 reads (1,000 + 4,000 + 5,000) where fixed
// 500-row chunks took 20: each read is its own transaction, and 20 cost more than their overlap with
// decryption won back (`npm run bench:store -- --profile`, reads: 500×20 read at ~0.36× plain, 3 reads
// or a single one at ~0.45×; the main thread, not IndexedDB, is what a large page waits for).
const FIRST_CHUNK = 1000;
const GROWTH = 4;

/** Where the next chunk starts: strictly before `before`, or at it (inclusive) skipping `seen`. */
interface Cursor {
  before: number | undefined;
  inclusive: boolean;
  seen: Set<string>;
}

/** A range over one conversation's messages, newest first, strictly before `before` when given. */
export function conversationRange(
  conversationId: string,
  before?: number,
  limit?: number,
  inclusive = false,
): KeyRange {
  return {
    index: '[conversationId+createdAt]',
    lower: [conversationId, -Infinity],
    upper: [conversationId, before ?? Infinity],
    upperOpen: before !== undefined && !inclusive,
    reverse: true,
    ...(limit === undefined ? {} : { limit }),
  };
}

/**
 * Reads up to `limit` messages of a conversation created strictly before `before`, newest first.
 * @param chunk rows in the first read (tuning and tests) @internal
 * @param growth how much larger each next read is (tuning and tests) @internal
 */
export async function readPage(
  ctx: StoreContext,
  conversationId: string,
  limit: number,
  before: number | undefined,
  chunk = FIRST_CHUNK,
  growth = GROWTH,
): Promise<HistoryMessage[]> {
  const fetch = (c: Cursor, n: number) =>
    ctx.backend
      .transaction('r', ['messages'], (tx) =>
        tx.query<MessageRow>('messages', conversationRange(conversationId, c.before, n + c.seen.size, c.inclusive)),
      )
      .then((rows) => ({ rows: rows.filter((r) => !c.seen.has(r.id)), full: rows.length === n + c.seen.size }));
  const next = (c: Cursor, rows: MessageRow[]): Cursor => {
    const t = (rows[rows.length - 1] as MessageRow).createdAt;
    const seen = new Set(c.inclusive && c.before === t ? c.seen : []);
    for (const r of rows) if (r.createdAt === t) seen.add(r.id);
    return { before: t, inclusive: true, seen };
  };

  const out: HistoryMessage[] = [];
  let cursor: Cursor = { before, inclusive: false, seen: new Set() };
  let pending: ReturnType<typeof fetch> | undefined = fetch(cursor, Math.min(chunk, limit));
  try {
    while (pending !== undefined) {
      const { rows, full } = await pending;
      pending = undefined;
      if (rows.length === 0) break;
      cursor = next(cursor, rows);
      const wanted = limit - out.length - rows.length;
      chunk = Math.ceil(chunk * growth);
      // Read ahead while this chunk decrypts.
      if (full && wanted > 0) pending = fetch(cursor, Math.min(chunk, wanted));
      out.push(...(await openMessages(ctx.sealer, rows)));
      // Records that failed authentication left the page short: read more to refill it.
      if (pending === undefined && full && out.length < limit)
        pending = fetch(cursor, Math.min(chunk, limit - out.length));
    }
  } finally {
    void pending?.catch(() => undefined);
  }
  return out;
}
