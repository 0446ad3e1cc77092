/**
 * The audit log's sealed head: a copy of the last entry's sequence and hash, and of where the
 * chain starts, kept in the `meta` table and written in the same transaction as every append.
 * The copy is sealed with the data key (AES-GCM) and its clear `seq` and `hash` are bound into the
 * additional authenticated data, so it cannot be forged or edited without the key. With it the log
 * vouches for both of its ends by itself: entries cut off the tail leave the head pointing past
 * the end, entries cut off the front leave the chain starting somewhere the head does not say.
 *
 * What it cannot catch alone is a rollback of the whole database to an earlier copy (an old head
 * together with the log it sealed): that is what a host-kept anchor (`auditHead()`) is for.
 *
 * @module
 */
import { LockedError } from '../errors.ts';
import type { BackendTx } from './backend.ts';
import type { AuditRow } from './schema.ts';
import type { Sealer } from './sealer.ts';

/** The `meta` key of the head record. */
export const HEAD_KEY = 'audit-head';

/**
 * The version of entries written next to a sealed head. It is part of the hashed content, so a
 * "head era" entry cannot pass for an older one and the head cannot be deleted unnoticed.
 */
export const SEALED_HEAD_VERSION = 2;

/** Where a chain starts: the genesis entry (seq 1, all-zero prev), or the `erase` entry that restarted it. */
export interface ChainStart {
  seq: number;
  prev: string;
}

/** What the head vouches for. */
export interface SealedHead {
  /** The last entry's sequence and hash. */
  seq: number;
  hash: string;
  /** The first entry the log must still hold. */
  first: ChainStart;
}

/** The stored head record: the clear copy for quick reads, the sealed one for trust. */
export interface HeadRow {
  key: typeof HEAD_KEY;
  seq: number;
  hash: string;
  value: Uint8Array;
}

/** The head as found in the store: none, one that authenticates, or one that does not (tampered). */
export type HeadState =
  { kind: 'none' } | { kind: 'valid'; head: SealedHead; row: HeadRow } | { kind: 'invalid'; row: HeadRow };

const bound = (seq: number, hash: string) => [seq, hash] as const;

/** Seals a head record (outside any transaction: WebCrypto must not run inside one). */
export async function sealHead(sealer: Sealer, head: SealedHead): Promise<HeadRow> {
  const value = await sealer.seal('meta', HEAD_KEY, 'value', head, bound(head.seq, head.hash));
  return { key: HEAD_KEY, seq: head.seq, hash: head.hash, value };
}

/** Reads the head record inside a transaction (no decryption). */
export function readHeadRow(tx: BackendTx): Promise<HeadRow | undefined> {
  return tx.get<HeadRow>('meta', HEAD_KEY);
}

/**
 * Opens a head record: it is valid only when it authenticates and its sealed copy agrees with
 * the clear one. A locked store's error propagates (that is not tampering).
 */
export async function openHead(sealer: Sealer, row: HeadRow | undefined): Promise<HeadState> {
  if (row === undefined) return { kind: 'none' };
  try {
    const head = await sealer.open<SealedHead>('meta', HEAD_KEY, 'value', row.value, bound(row.seq, row.hash));
    const ok =
      head.seq === row.seq &&
      head.hash === row.hash &&
      typeof head.first?.seq === 'number' &&
      typeof head.first.prev === 'string';
    return ok ? { kind: 'valid', head, row } : { kind: 'invalid', row };
  } catch (error) {
    if (error instanceof LockedError) throw error;
    return { kind: 'invalid', row };
  }
}

/** Whether an entry was written next to a sealed head (see {@link SEALED_HEAD_VERSION}). */
export function isSealedEra(row: Pick<AuditRow, 'v'>): boolean {
  return row.v === SEALED_HEAD_VERSION;
}
