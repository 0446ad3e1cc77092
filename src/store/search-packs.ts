/**
 * Search packs: an encrypted, derived cache that makes text search over a large history fast.
 *
 * Reading and decrypting 100,000 small records costs ~100,000 IndexedDB values and WebCrypto calls,
 * whatever the size of each; a pack holds the searchable fields (`[id, conversationId, createdAt,
 * text]`) of up to {@link PACK_SIZE} consecutive messages (by primary key) under one ciphertext, so a
 * search reads and decrypts a few hundred values instead. Packs are never exported and can always be
 * rebuilt from the messages.
 *
 * Invariant: a pack with range `[id, last]` holds exactly the messages whose ids fall in that range.
 * Every transaction that adds messages deletes the packs their ids fall into (new ids are UUIDv7, so
 * normally none), and every transaction that deletes messages drops all packs; each of them also bumps
 * a generation counter. Packs are built by search from messages read in one snapshot, and written only
 * if the generation has not moved since (another tab may have written in between).
 *
 * @module
 */
import type { BackendTx } from './backend.ts';
import type { StoreContext } from './context.ts';
import type { MessageRow } from './schema.ts';
import { SKIPPED } from './sealer.ts';

/** Messages per pack. */
export const PACK_SIZE = 500;
const GENERATION = 'messages-generation';

/** A stored pack: first and last message id covered, how many, and the sealed entries. */
export interface PackRow {
  id: string;
  last: string;
  count: number;
  entries: Uint8Array;
}

/** One searchable message inside a pack. */
export type PackEntry = [id: string, conversationId: string, createdAt: number, text: string];

/**
 * The generation counter as this store last wrote it: a guess that lets a turn's write bump the
 * counter without waiting for its read (see {@link bumpGeneration}). Never trusted, only checked.
 */
export interface GenerationGuess {
  value?: number;
}

/**
 * Bumps the generation counter; call inside every transaction that changes messages.
 *
 * With a guess, the read and the write of the bumped guess go out together (one round trip to
 * IndexedDB instead of two on every turn): the requests of a transaction run in the order they were
 * made, so the read sees the value before the write. If it is not the guess (another tab wrote
 * messages, the store was erased), the right value is written over it in the same transaction: the
 * counter ends at what it was plus one either way.
 * @param tx the transaction
 * @param guess the value this store last wrote; updated to the value written
 */
export async function bumpGeneration(tx: BackendTx, guess?: GenerationGuess): Promise<void> {
  const read = () => tx.get<{ key: string; value: number }>('meta', GENERATION);
  const write = (value: number) => tx.put('meta', { key: GENERATION, value });
  const guessed = guess?.value;
  const [row] = await Promise.all([read(), guessed === undefined ? undefined : write(guessed + 1)]);
  const value = (row?.value ?? 0) + 1;
  if (guessed === undefined || value !== guessed + 1) await write(value);
  if (guess !== undefined) guess.value = value;
}

/**
 * Keeps packs exact after messages with these (new) ids were written in this transaction.
 * @param guess the generation this store last wrote (see {@link bumpGeneration})
 */
export async function invalidatePacks(tx: BackendTx, ids: readonly string[], guess?: GenerationGuess): Promise<void> {
  // Both at once: each awaited request is a round trip to IndexedDB.
  const [, [lastPack]] = await Promise.all([
    bumpGeneration(tx, guess),
    tx.query<PackRow>('searchPacks', { index: ':id', reverse: true, limit: 1 }),
  ]);
  if (lastPack === undefined) return;
  // Fast path: every id sorts after the last pack (UUIDv7 ids of new messages do).
  const inside = ids.filter((id) => id <= lastPack.last);
  for (const id of inside) {
    const [pack] = await tx.query<PackRow>('searchPacks', { index: ':id', upper: id, reverse: true, limit: 1 });
    if (pack !== undefined && pack.last >= id) await tx.delete('searchPacks', pack.id);
  }
}

/** Drops every pack; call inside transactions that delete messages. */
export async function dropPacks(tx: BackendTx): Promise<void> {
  await bumpGeneration(tx);
  await tx.clear('searchPacks');
}

/** One consistent snapshot: the packs, and the message rows no pack covers (the gaps, in key order). */
export interface PackSnapshot {
  generation: number;
  packs: PackRow[];
  gaps: MessageRow[][];
}

/** Reads the packs and the uncovered messages in one read transaction. */
export function readSnapshot(ctx: StoreContext): Promise<PackSnapshot> {
  return ctx.backend.transaction('r', ['searchPacks', 'messages', 'meta'], async (tx) => {
    const generation = (await tx.get<{ value: number }>('meta', GENERATION))?.value ?? 0;
    const packs = await tx.query<PackRow>('searchPacks');
    const gaps: MessageRow[][] = [];
    let lower: string | undefined;
    for (const bound of [...packs, undefined]) {
      const range = {
        index: ':id',
        ...(lower === undefined ? {} : { lower, lowerOpen: true }),
        ...(bound === undefined ? {} : { upper: bound.id, upperOpen: true }),
      };
      gaps.push(await tx.query<MessageRow>('messages', range));
      lower = bound?.last;
    }
    return { generation, packs, gaps };
  });
}

/** Opens a pack's entries, or reports it (table `searchPacks`) and returns `undefined`. */
export async function openPack(ctx: StoreContext, pack: PackRow): Promise<PackEntry[] | undefined> {
  const entries = await ctx.sealer.tryOpen<PackEntry[]>('searchPacks', pack.id, 'entries', pack.entries, [
    pack.last,
    pack.count,
  ]);
  return entries === SKIPPED ? undefined : entries;
}

/** Deletes packs that failed authentication (they are rebuilt by a later search). */
export async function deletePacks(ctx: StoreContext, ids: string[]): Promise<void> {
  await ctx.backend.transaction('rw', ['searchPacks'], async (tx) => {
    for (const id of ids) await tx.delete('searchPacks', id);
  });
}

/**
 * Seals packs over full runs of {@link PACK_SIZE} decrypted gap messages and writes them, unless the
 * messages changed since the snapshot (generation moved), in which case nothing is written.
 * @param gaps decrypted entries of each gap, in key order (the rows that failed authentication left out)
 * @param complete whether each gap decrypted whole (a gap with a failed record gets no pack over it)
 */
export async function writePacks(
  ctx: StoreContext,
  generation: number,
  gaps: PackEntry[][],
  complete: boolean[],
): Promise<number> {
  const packs: PackRow[] = [];
  await Promise.all(
    gaps.flatMap((entries, g) => {
      if (complete[g] !== true) return [];
      const runs: PackEntry[][] = [];
      for (let i = 0; i + PACK_SIZE <= entries.length; i += PACK_SIZE) runs.push(entries.slice(i, i + PACK_SIZE));
      return runs.map(async (run) => {
        const id = (run[0] as PackEntry)[0];
        const last = (run[run.length - 1] as PackEntry)[0];
        packs.push({
          id,
          last,
          count: run.length,
          entries: await ctx.sealer.seal('searchPacks', id, 'entries', run, [last, run.length]),
        });
      });
    }),
  );
  if (packs.length === 0) return 0;
  return ctx.backend.transaction('rw', ['searchPacks', 'meta'], async (tx) => {
    if (((await tx.get<{ value: number }>('meta', GENERATION))?.value ?? 0) !== generation) return 0;
    await tx.bulkPut('searchPacks', packs);
    return packs.length;
  });
}
