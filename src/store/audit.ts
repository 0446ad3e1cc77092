/**
 * The tamper-evident audit log: each entry commits, through SHA-256, to the previous entry's hash
 * and to its own canonical content, so editing, removing or reordering an entry breaks the chain
 * from that entry on. Entries hold identifiers and counts, never message content; their detail is
 * sealed like any other record, and their hash is computed over the clear canonical form.
 *
 * Appends race between tabs: an entry is prepared (hash and seal, outside any transaction) for
 * `seq = head + 1` and added with `add`, which fails if another tab took that `seq` first; then it
 * is prepared again on the new head. An operation and its entry share one transaction, so an
 * administrative change is never left unaudited.
 *
 * The log vouches for its own ends (issue 16): the chain must start at genesis (or at the `erase`
 * entry that restarted it), and a sealed copy of the head (`audit-head.ts`), written in the same
 * transaction as each entry, says where it starts and ends. Cutting entries off either end,
 * deleting, reordering or editing them, deleting or replaying the head: `verify` finds each.
 *
 * @module
 */
import { GENESIS_HASH, chainHash } from '../crypto/hash.ts';
import { LockedError, StorageError } from '../errors.ts';
import {
  SEALED_HEAD_VERSION,
  isSealedEra,
  openHead,
  readHeadRow,
  sealHead,
  type ChainStart,
  type HeadRow,
} from './audit-head.ts';
import type { Backend, BackendTx } from './backend.ts';
import { platformErrorName } from './platform-errors.ts';
import type { AuditRow, TableName } from './schema.ts';
import { SKIPPED, type Sealer } from './sealer.ts';
import type { AuditEntry, AuditHead, AuditInput } from './types.ts';

const MAX_DETAIL_VALUE = 200;
/** How long an append keeps retrying while other connections append first (each conflict is their progress). */
const RETRY_FOR_MS = 30_000;

/** The audit log of one store. */
export interface AuditLog {
  /** Runs `body` and appends `input` in the same transaction (retrying both if another tab appended first). */
  withAudit<T>(
    input: AuditInput,
    tables: readonly TableName[],
    body: (tx: BackendTx) => Promise<T>,
    options?: AppendOptions,
  ): Promise<{ result: T; entry: AuditEntry }>;
  append(input: AuditInput): Promise<AuditEntry>;
  list(): Promise<AuditEntry[]>;
  verify(anchor?: AuditHead): Promise<number>;
  head(): Promise<AuditHead>;
}

/** Thrown inside a transaction when the prepared `seq` was taken: the whole transaction is retried. */
class AuditConflict extends StorageError {
  constructor(cause: unknown) {
    super('Another connection appended to the audit log first', { code: 'audit-conflict', cause });
  }
}

/**
 * Checks an audit input: a known shape, primitive detail values, short strings.
 * @throws {TypeError}
 */
export function checkAuditInput(input: AuditInput): Required<AuditInput> {
  if (typeof input?.type !== 'string' || input.type.length === 0) throw new TypeError('An audit entry needs a type');
  const detail = input.detail ?? {};
  for (const [k, v] of Object.entries(detail)) {
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v))
      throw new TypeError(`Audit detail "${k}" must be a primitive`);
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`Audit detail "${k}" must be finite`);
    // A cap keeps message-sized text out of the log; identifiers and origins fit.
    if (typeof v === 'string' && v.length > MAX_DETAIL_VALUE)
      throw new TypeError(`Audit detail "${k}" is longer than ${MAX_DETAIL_VALUE} characters`);
  }
  return { type: input.type, detail: { ...detail } };
}

/** Options of one append. */
export interface AppendOptions {
  /** The body clears the log (an erase): the new entry starts the chain again, linked to the old head. */
  restart?: boolean;
}

/** What an append is based on: the entry it follows, where the chain starts, and whether to write the head. */
interface Basis {
  seq: number;
  prev: string;
  first: ChainStart | undefined;
  /** The head record the transaction expects to find (compared by `seq` and `hash`), or none. */
  expected: HeadRow | undefined;
  /** False when the head is missing or invalid while it should be there: the evidence is left as it is. */
  writeHead: boolean;
}

/** Creates the audit log over a backend. */
export function createAuditLog(backend: Backend, sealer: Sealer): AuditLog {
  const bound = (r: Pick<AuditRow, 'at' | 'type' | 'prev' | 'hash'>) => [r.at, r.type, r.prev, r.hash];
  const edgeRow = (tx: BackendTx, reverse: boolean) =>
    tx.query<AuditRow>('audit', { index: ':id', reverse, limit: 1 }).then((r) => r[0]);
  const hashOf = (row: Omit<AuditRow, 'detail' | 'hash'>, detail: unknown) =>
    chainHash(row.prev, {
      seq: row.seq,
      at: row.at,
      type: row.type,
      detail,
      ...(row.v === undefined ? {} : { v: row.v }),
    });

  async function head(): Promise<AuditHead> {
    const { headRow, last } = await backend.transaction('r', ['audit', 'meta'], async (tx) => ({
      headRow: await readHeadRow(tx),
      last: await edgeRow(tx, true),
    }));
    if (headRow !== undefined && (last === undefined || headRow.seq >= last.seq))
      return { seq: headRow.seq, hash: headRow.hash };
    return last === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: last.seq, hash: last.hash };
  }

  /**
   * Decides what the next entry follows. The sealed head is the authority: a log whose tail was
   * cut, or whose head was replayed, gets its next entry after the head's hash, so the break stays
   * visible instead of being papered over by a new, consistent-looking chain.
   */
  async function basis(restart: boolean): Promise<Basis> {
    const { headRow, first, last, sealedEra } = await backend.transaction('r', ['audit', 'meta'], async (tx) => {
      const last = await edgeRow(tx, true);
      return {
        headRow: await readHeadRow(tx),
        first: await edgeRow(tx, false),
        last,
        sealedEra: last !== undefined && isSealedEra(last),
      };
    });
    const state = await openHead(sealer, headRow);
    const lastSeq = last?.seq ?? 0;
    if (state.kind === 'valid') {
      const { head: h } = state;
      return { seq: Math.max(h.seq, lastSeq), prev: h.hash, first: h.first, expected: headRow, writeHead: true };
    }
    const prev = last?.hash ?? GENESIS_HASH;
    if (state.kind === 'invalid' || sealedEra) {
      // A head that fails authentication, or one deleted under a sealed-era log: keep the evidence.
      return { seq: lastSeq, prev, first: undefined, expected: headRow, writeHead: false };
    }
    // No head yet: a new log, or one written before heads were sealed, which is adopted as it is.
    const start = first === undefined || restart ? undefined : { seq: first.seq, prev: first.prev };
    return { seq: lastSeq, prev, first: start, expected: undefined, writeHead: true };
  }

  async function prepare(input: Required<AuditInput>, restart: boolean) {
    const base = await basis(restart);
    const at = Date.now();
    const seq = base.seq + 1;
    const clear = { seq, at, type: input.type, prev: base.prev, v: SEALED_HEAD_VERSION };
    const hash = await hashOf(clear, input.detail);
    const detail = await sealer.seal('audit', seq, 'detail', input.detail, bound({ ...clear, hash }));
    const first = restart || base.first === undefined ? { seq, prev: base.prev } : base.first;
    const headRow = base.writeHead ? await sealHead(sealer, { seq, hash, first }) : undefined;
    const entry: AuditEntry = { seq, at, type: input.type, prev: base.prev, hash, detail: input.detail };
    return { row: { ...clear, hash, detail } satisfies AuditRow, entry, headRow, expected: base.expected };
  }

  // Appends of this connection go one at a time: they would only race each other for the same
  // `seq` and retry. Only other connections (tabs) can still conflict.
  let queue: Promise<unknown> = Promise.resolve();
  async function withAudit<T>(
    input: AuditInput,
    tables: readonly TableName[],
    body: (tx: BackendTx) => Promise<T>,
    options: AppendOptions = {},
  ): Promise<{ result: T; entry: AuditEntry }> {
    const checked = checkAuditInput(input);
    const run = queue.then(() => appendWith(checked, tables, body, options));
    queue = run.catch(() => undefined);
    return run;
  }

  async function appendWith<T>(
    checked: Required<AuditInput>,
    tables: readonly TableName[],
    body: (tx: BackendTx) => Promise<T>,
    options: AppendOptions,
  ): Promise<{ result: T; entry: AuditEntry }> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const { row, entry, headRow, expected } = await prepare(checked, options.restart === true);
      try {
        const all = [...new Set([...tables, 'audit' as const, 'meta' as const])];
        const result = await backend.transaction('rw', all, async (tx) => {
          // Another connection appended since `prepare` read the head: prepare again on the new one.
          const now = await readHeadRow(tx);
          if (now?.seq !== expected?.seq || now?.hash !== expected?.hash) throw new AuditConflict(undefined);
          const result = await body(tx);
          await tx.add('audit', row).catch((e: unknown) => {
            throw platformErrorName(e) === 'ConstraintError' || (e instanceof StorageError && e.code === 'constraint')
              ? new AuditConflict(e)
              : e;
          });
          if (headRow !== undefined) await tx.put('meta', headRow);
          return result;
        });
        return { result, entry };
      } catch (e) {
        // IndexedDB may abort with the raw ConstraintError rather than our rethrown marker.
        const conflict = e instanceof AuditConflict || (e instanceof StorageError && e.code === 'constraint');
        // A conflict means another connection's append went through, so retrying always makes
        // progress; the bound is time, not a count, which a busy machine (or tab) would exhaust.
        if (!conflict || Date.now() - started > RETRY_FOR_MS) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
      }
    }
  }

  async function verify(anchor?: AuditHead): Promise<number> {
    const { rows, headRow } = await backend.transaction('r', ['audit', 'meta'], async (tx) => ({
      rows: await tx.query<AuditRow>('audit'),
      headRow: await readHeadRow(tx),
    }));
    const state = await openHead(sealer, headRow);
    const sealedEra = rows.some(isSealedEra);
    // Everything deleted, with the head kept or an anchor to compare: the first missing entry is the first one.
    if (rows.length === 0) return state.kind === 'none' && (anchor === undefined || anchor.seq === 0) ? -1 : 0;
    const first = rows[0] as AuditRow;
    // The chain must start at genesis, or at the erase entry that restarted it…
    const startsWell = (first.seq === 1 && first.prev === GENESIS_HASH) || first.type === 'erase';
    // …and exactly where the sealed head says it starts.
    if (!startsWell) return 0;
    if (state.kind === 'valid' && (first.seq !== state.head.first.seq || first.prev !== state.head.first.prev))
      return 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as AuditRow;
      const before = rows[i - 1];
      if (before !== undefined && (row.seq !== before.seq + 1 || row.prev !== before.hash)) return i;
      // Once entries are written next to a sealed head, every later one is too.
      if (before !== undefined && isSealedEra(before) && !isSealedEra(row)) return i;
      try {
        const detail = await sealer.open('audit', row.seq, 'detail', row.detail, bound(row));
        if ((await hashOf(row, detail)) !== row.hash) return i;
      } catch (error) {
        if (error instanceof LockedError) throw error;
        return i;
      }
      if (anchor !== undefined && row.seq === anchor.seq && row.hash !== anchor.hash) return i;
      // A head older than the log (replayed): the first entry it does not vouch for is bad.
      if (state.kind === 'valid' && row.seq > state.head.seq) return i;
    }
    const last = rows[rows.length - 1] as AuditRow;
    if (state.kind === 'invalid' || (state.kind === 'none' && sealedEra)) return rows.length;
    // The head points past the end: entries were cut off the tail.
    if (state.kind === 'valid' && (last.seq !== state.head.seq || last.hash !== state.head.hash)) return rows.length;
    if (anchor !== undefined && anchor.seq > 0 && !rows.some((r) => r.seq === anchor.seq)) {
      // An anchor from before an erase: the erase entry must link to it when it was the last one erased.
      if (anchor.seq < first.seq) return anchor.seq === first.seq - 1 && first.prev !== anchor.hash ? 0 : -1;
      // An anchor past the end means entries were cut off the tail: the first missing one is bad.
      return rows.length;
    }
    return -1;
  }

  return {
    withAudit,
    async append(input) {
      return (await withAudit(input, [], async () => undefined)).entry;
    },
    async list() {
      const rows = await backend.transaction('r', ['audit'], (tx) => tx.query<AuditRow>('audit'));
      const out: AuditEntry[] = [];
      for (const row of rows) {
        const detail = await sealer.tryOpen<AuditEntry['detail']>('audit', row.seq, 'detail', row.detail, bound(row));
        if (detail !== SKIPPED)
          out.push({
            seq: row.seq,
            at: row.at,
            type: row.type as AuditEntry['type'],
            prev: row.prev,
            hash: row.hash,
            detail,
          });
      }
      return out;
    },
    verify,
    head,
  };
}
