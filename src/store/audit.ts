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
 * @module
 */
import { GENESIS_HASH, chainHash } from '../crypto/hash.ts';
import { StorageError } from '../errors.ts';
import type { Backend, BackendTx } from './backend.ts';
import { platformErrorName } from './platform-errors.ts';
import type { AuditRow, TableName } from './schema.ts';
import { SKIPPED, type Sealer } from './sealer.ts';
import type { AuditEntry, AuditHead, AuditInput } from './types.ts';

const MAX_DETAIL_VALUE = 200;
const MAX_RETRIES = 10;

/** The audit log of one store. */
export interface AuditLog {
  /** Runs `body` and appends `input` in the same transaction (retrying both if another tab appended first). */
  withAudit<T>(
    input: AuditInput,
    tables: readonly TableName[],
    body: (tx: BackendTx) => Promise<T>,
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

/** Creates the audit log over a backend. */
export function createAuditLog(backend: Backend, sealer: Sealer): AuditLog {
  const bound = (r: Pick<AuditRow, 'at' | 'type' | 'prev' | 'hash'>) => [r.at, r.type, r.prev, r.hash];
  const lastRow = (tx: BackendTx) =>
    tx.query<AuditRow>('audit', { index: ':id', reverse: true, limit: 1 }).then((r) => r[0]);

  async function head(): Promise<AuditHead> {
    const last = await backend.transaction('r', ['audit'], lastRow);
    return last === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: last.seq, hash: last.hash };
  }

  async function prepare(input: Required<AuditInput>): Promise<{ row: AuditRow; entry: AuditEntry }> {
    const { seq: last, hash: prev } = await head();
    const at = Date.now();
    const seq = last + 1;
    const hash = await chainHash(prev, { seq, at, type: input.type, detail: input.detail });
    const clear = { seq, at, type: input.type, prev, hash };
    const detail = await sealer.seal('audit', seq, 'detail', input.detail, bound(clear));
    return { row: { ...clear, detail }, entry: { ...clear, detail: input.detail } };
  }

  async function withAudit<T>(input: AuditInput, tables: readonly TableName[], body: (tx: BackendTx) => Promise<T>) {
    const checked = checkAuditInput(input);
    for (let attempt = 0; ; attempt++) {
      const { row, entry } = await prepare(checked);
      try {
        const result = await backend.transaction('rw', [...new Set([...tables, 'audit' as const])], async (tx) => {
          const result = await body(tx);
          await tx.add('audit', row).catch((e: unknown) => {
            throw platformErrorName(e) === 'ConstraintError' || (e instanceof StorageError && e.code === 'constraint')
              ? new AuditConflict(e)
              : e;
          });
          return result;
        });
        return { result, entry };
      } catch (e) {
        // IndexedDB may abort with the raw ConstraintError rather than our rethrown marker.
        const conflict = e instanceof AuditConflict || (e instanceof StorageError && e.code === 'constraint');
        if (!conflict || attempt >= MAX_RETRIES) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
  }

  async function verify(anchor?: AuditHead): Promise<number> {
    const rows = await backend.transaction('r', ['audit'], (tx) => tx.query<AuditRow>('audit'));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as AuditRow;
      const before = rows[i - 1];
      if (before !== undefined && (row.seq !== before.seq + 1 || row.prev !== before.hash)) return i;
      try {
        const detail = await sealer.open('audit', row.seq, 'detail', row.detail, bound(row));
        if ((await chainHash(row.prev, { seq: row.seq, at: row.at, type: row.type, detail })) !== row.hash) return i;
      } catch {
        return i;
      }
      if (anchor !== undefined && row.seq === anchor.seq && row.hash !== anchor.hash) return i;
    }
    // An anchor past the end means entries were cut off the tail: the first missing one is bad.
    if (anchor !== undefined && anchor.seq > 0 && !rows.some((r) => r.seq === anchor.seq)) return rows.length;
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
