/**
 * Text search over the encrypted history. Searching ciphertext without leaking an index means
 * decrypting it; to keep that fast over 100,000 messages the global search reads the search packs
 * (`search-packs.ts`: a few hundred ciphertexts of 500 messages each) and decrypts only the messages
 * no pack covers yet, in batches, then packs those for next time. A search within one conversation
 * decrypts that conversation's messages in batches. Runs where the store runs (the engine's Worker),
 * reports progress, and is cancellable with an `AbortSignal`.
 *
 * @module
 */
import { abortReason } from '../errors.ts';
import { checkId, openMessages, type StoreContext } from './context.ts';
import { conversationRange } from './pager.ts';
import type { MessageRow } from './schema.ts';
import { deletePacks, openPack, readSnapshot, writePacks, type PackEntry } from './search-packs.ts';
import type { HistoryMessage, SearchOptions } from './types.ts';

const DEFAULT_BATCH = 2000;
const PACKS_PER_BATCH = 8;

/** Lowercased words of a query; a message matches when its text contains every one. */
function terms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/u)
    .filter((t) => t.length > 0);
}

interface Scan {
  words: string[];
  batch: number;
  options: SearchOptions;
  total: number;
  scanned: number;
  hits: PackEntry[];
}

function step(scan: Scan, entries: readonly PackEntry[], counted: number): void {
  const { signal, onProgress } = scan.options;
  if (signal?.aborted === true) throw abortReason(signal);
  for (const e of entries) {
    const text = e[3].toLowerCase();
    if (scan.words.every((w) => text.includes(w))) scan.hits.push(e);
  }
  scan.scanned += counted;
  onProgress?.({
    status: 'progress',
    scanned: scan.scanned,
    total: Math.max(scan.total, scan.scanned),
    matches: scan.hits.length,
  });
}

async function decryptRows(ctx: StoreContext, scan: Scan, rows: readonly MessageRow[]): Promise<PackEntry[]> {
  const out: PackEntry[] = [];
  for (let i = 0; i < rows.length; i += scan.batch) {
    const slice = rows.slice(i, i + scan.batch);
    const entries = (await openMessages(ctx.sealer, slice)).map((m): PackEntry => [
      m.id,
      m.conversationId,
      m.createdAt,
      m.text,
    ]);
    step(scan, entries, slice.length);
    out.push(...entries);
  }
  return out;
}

async function scanAll(ctx: StoreContext, scan: Scan, retried: boolean): Promise<void> {
  const snapshot = await readSnapshot(ctx);
  scan.total = snapshot.packs.reduce((n, p) => n + p.count, 0) + snapshot.gaps.reduce((n, g) => n + g.length, 0);
  const failed: string[] = [];
  for (let i = 0; i < snapshot.packs.length; i += PACKS_PER_BATCH) {
    const batch = snapshot.packs.slice(i, i + PACKS_PER_BATCH);
    const opened = await Promise.all(batch.map((p) => openPack(ctx, p)));
    opened.forEach((entries, j) =>
      entries === undefined ? failed.push((batch[j] as { id: string }).id) : step(scan, entries, entries.length),
    );
  }
  if (failed.length > 0 && !retried) {
    // A pack failed authentication (reported): drop it and search again, reading its messages one by one.
    await deletePacks(ctx, failed);
    Object.assign(scan, { scanned: 0, hits: [] });
    return scanAll(ctx, scan, true);
  }
  const gaps: PackEntry[][] = [];
  for (const rows of snapshot.gaps) gaps.push(await decryptRows(ctx, scan, rows));
  await writePacks(
    ctx,
    snapshot.generation,
    gaps,
    gaps.map((g, i) => g.length === snapshot.gaps[i]?.length),
  );
}

/**
 * Searches messages, newest first.
 * @throws {TypeError} when `query` is not a string.
 * @throws {RangeError} for a bad `batchSize` or `limit`.
 * @throws the signal's reason when aborted.
 */
export async function searchMessages(
  ctx: StoreContext,
  query: string,
  options: SearchOptions = {},
): Promise<HistoryMessage[]> {
  if (typeof query !== 'string') throw new TypeError('query must be a string');
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const limit = options.limit ?? Infinity;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError('batchSize must be a positive integer');
  if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  const { conversationId, signal } = options;
  if (conversationId !== undefined) checkId(conversationId, 'conversationId');
  signal?.throwIfAborted();
  ctx.keys.key();
  const words = terms(query);
  if (words.length === 0) return [];

  const scan: Scan = { words, batch, options, total: 0, scanned: 0, hits: [] };
  if (conversationId === undefined) {
    await scanAll(ctx, scan, false);
  } else {
    const rows = await ctx.backend.transaction('r', ['messages'], (tx) =>
      tx.query<MessageRow>('messages', { ...conversationRange(conversationId), reverse: false }),
    );
    scan.total = rows.length;
    await decryptRows(ctx, scan, rows);
  }
  const hits = scan.hits
    .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? 1 : -1))
    .slice(0, Number.isFinite(limit) ? limit : undefined);
  // Hits carry text only: the messages themselves (role, meta) are read and authenticated again.
  const out: HistoryMessage[] = [];
  for (let i = 0; i < hits.length; i += batch) {
    if (signal?.aborted === true) throw abortReason(signal);
    const ids = hits.slice(i, i + batch).map((h) => h[0]);
    const rows = await ctx.backend.transaction('r', ['messages'], (tx) => tx.bulkGet<MessageRow>('messages', ids));
    out.push(
      ...(await openMessages(
        ctx.sealer,
        rows.filter((r): r is MessageRow => r !== undefined),
      )),
    );
  }
  return out;
}
