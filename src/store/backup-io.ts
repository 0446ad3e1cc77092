/**
 * Export to and import from a passphrase-protected backup file (see `crypto/backup.ts`). Export
 * decrypts a consistent snapshot (one read transaction) and seals it under the backup passphrase;
 * import decrypts, re-seals every record under this store's data key and merges: a record already
 * present (same id, or same namespace and key) is kept and the copy skipped, so importing twice
 * duplicates nothing.
 *
 * @module
 */
import { decryptBackup, encryptBackup } from '../crypto/backup.ts';
import { encodeValue } from '../crypto/codec.ts';
import { PBKDF2_DEFAULT_ITERATIONS, assertIterations, assertPassphrase } from '../crypto/keyring.ts';
import type { BackendTx } from './backend.ts';
import { BACKUP_TABLES, readBackupPayload, type BackupPayload } from './backup-payload.ts';
import { messageBinding, openMessages, type MessageBody, type StoreContext } from './context.ts';
import type { ConversationRow, MessageRow } from './schema.ts';
import { dropPacks } from './search-packs.ts';
import { SKIPPED } from './sealer.ts';
import type { ImportResult } from './types.ts';

type Row = Record<string, unknown> & { [field: string]: Uint8Array | string | number };
const DATA_TABLES = BACKUP_TABLES;
type Payload = BackupPayload;

/**
 * Settings under this prefix are skill permission grants (`skills/consent.ts`): a backup may come
 * from anywhere, so the grants it brings are marked and the user confirms each before first use.
 */
export const IMPORT_CONFIRMED_PREFIX = 'skills.grants.';

function markImported(key: string, value: unknown): unknown {
  if (!key.startsWith(IMPORT_CONFIRMED_PREFIX) || typeof value !== 'object' || value === null) return value;
  return { ...value, imported: true };
}

/** Creates the export/import part of a store. */
export function createBackupIo(ctx: StoreContext) {
  const { backend, sealer, audit } = ctx;
  const opened = async <T>(rows: Row[], open: (r: Row) => Promise<T | typeof SKIPPED>) =>
    (await Promise.all(rows.map(open))).filter((x): x is Awaited<T> => x !== SKIPPED);

  async function snapshot(): Promise<Payload> {
    ctx.keys.key();
    const raw = (await backend.transaction('r', DATA_TABLES, async (tx) =>
      Object.fromEntries(await Promise.all(DATA_TABLES.map(async (t) => [t, await tx.query<Row>(t)] as const))),
    )) as Record<(typeof DATA_TABLES)[number], Row[]>;
    const open = <T>(
      t: (typeof DATA_TABLES)[number],
      id: string | string[],
      field: string,
      r: Row,
      bound?: (string | number)[],
    ) => sealer.tryOpen<T>(t, id, field, r[field] as Uint8Array, bound);
    return {
      format: 'confidant-backup',
      conversations: await opened(raw.conversations, async (r) => {
        const title = await open<string>('conversations', r['id'] as string, 'title', r, [r['createdAt'] as number]);
        return title === SKIPPED
          ? SKIPPED
          : { id: r['id'] as string, title, createdAt: r['createdAt'] as number, updatedAt: r['updatedAt'] as number };
      }),
      messages: await openMessages(sealer, raw.messages as unknown as MessageRow[]),
      dialogueState: await opened(raw.dialogueState, async (r) => {
        const state = await open('dialogueState', r['conversationId'] as string, 'state', r);
        return state === SKIPPED ? SKIPPED : { conversationId: r['conversationId'] as string, state };
      }),
      settings: await opened(raw.settings, async (r) => {
        const value = await open('settings', r['key'] as string, 'value', r);
        return value === SKIPPED ? SKIPPED : { key: r['key'] as string, value };
      }),
      skillData: await opened(raw.skillData, async (r) => {
        const value = await open('skillData', [r['skillId'] as string, r['key'] as string], 'value', r);
        return value === SKIPPED ? SKIPPED : { skillId: r['skillId'] as string, key: r['key'] as string, value };
      }),
      models: await opened(raw.models, async (r) => {
        const bound = [r['updatedAt'] as number];
        const [bytes, info] = await Promise.all([
          open<Uint8Array>('models', r['id'] as string, 'bytes', r, bound),
          open('models', r['id'] as string, 'info', r, bound),
        ]);
        return bytes === SKIPPED || info === SKIPPED
          ? SKIPPED
          : { id: r['id'] as string, updatedAt: r['updatedAt'] as number, bytes, info };
      }),
    };
  }

  /** Bad options throw synchronously (TypeError, RangeError), before any work starts. */
  function exportBackup(passphrase: string, options: { iterations?: number } = {}): Promise<Uint8Array> {
    assertPassphrase(passphrase);
    const iterations = options.iterations ?? PBKDF2_DEFAULT_ITERATIONS;
    assertIterations(iterations);
    return exportChecked(passphrase, iterations);
  }

  async function exportChecked(passphrase: string, iterations: number): Promise<Uint8Array> {
    const payload = await snapshot();
    const file = await encryptBackup(encodeValue(payload), passphrase, iterations);
    await audit.append({
      type: 'export',
      detail: { conversations: payload.conversations.length, messages: payload.messages.length, bytes: file.length },
    });
    return file;
  }

  async function importBackup(file: Uint8Array, passphrase: string): Promise<ImportResult> {
    assertPassphrase(passphrase);
    if (!(file instanceof Uint8Array)) throw new TypeError('A backup is a Uint8Array');
    ctx.keys.key();
    // Checked whole before anything is sealed or written (see ./backup-payload.ts).
    const payload = readBackupPayload(await decryptBackup(file, passphrase));
    // Seal everything first; the merge (skip what exists) happens inside the write transaction.
    const rows = {
      conversations: await Promise.all(
        payload.conversations.map(async (c): Promise<ConversationRow> => ({
          id: c.id,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
          title: await sealer.seal('conversations', c.id, 'title', c.title, [c.createdAt]),
        })),
      ),
      messages: await sealer
        .sealMany(
          'messages',
          'body',
          payload.messages.map((m) => ({
            id: m.id,
            bound: messageBinding(m),
            value: (m.meta === undefined
              ? { r: m.role, t: m.text }
              : { r: m.role, t: m.text, m: m.meta }) satisfies MessageBody,
          })),
        )
        .then((bodies) =>
          payload.messages.map((m, i): MessageRow => ({
            id: m.id,
            conversationId: m.conversationId,
            createdAt: m.createdAt,
            body: bodies[i] as Uint8Array,
          })),
        ),
      dialogueState: await Promise.all(
        payload.dialogueState.map(async (d) => ({
          conversationId: d.conversationId,
          updatedAt: Date.now(),
          state: await sealer.seal('dialogueState', d.conversationId, 'state', d.state),
        })),
      ),
      settings: await Promise.all(
        payload.settings.map(async (s) => ({
          key: s.key,
          value: await sealer.seal('settings', s.key, 'value', markImported(s.key, s.value)),
        })),
      ),
      skillData: await Promise.all(
        payload.skillData.map(async (s) => ({
          skillId: s.skillId,
          key: s.key,
          value: await sealer.seal('skillData', [s.skillId, s.key], 'value', s.value),
        })),
      ),
      models: await Promise.all(
        payload.models.map(async (m) => ({
          id: m.id,
          updatedAt: m.updatedAt,
          bytes: await sealer.seal('models', m.id, 'bytes', m.bytes, [m.updatedAt]),
          info: await sealer.seal('models', m.id, 'info', m.info, [m.updatedAt]),
        })),
      ),
    };
    const keyOf: Record<(typeof DATA_TABLES)[number], (r: Row) => string | string[]> = {
      conversations: (r) => r['id'] as string,
      messages: (r) => r['id'] as string,
      dialogueState: (r) => r['conversationId'] as string,
      settings: (r) => r['key'] as string,
      skillData: (r) => [r['skillId'] as string, r['key'] as string],
      models: (r) => r['id'] as string,
    };
    const total = DATA_TABLES.reduce((n, t) => n + rows[t].length, 0);
    const { result } = await audit.withAudit(
      { type: 'import', detail: { records: total } },
      [...DATA_TABLES, 'searchPacks', 'meta'],
      async (tx) => {
        await dropPacks(tx);
        const added = { conversations: 0, messages: 0, dialogueState: 0, settings: 0, skillData: 0, models: 0 };
        for (const t of DATA_TABLES) {
          const list = rows[t] as unknown as Row[];
          const existing = await tx.bulkGet(t, list.map(keyOf[t]));
          const fresh = list.filter((_, i) => existing[i] === undefined);
          await tx.bulkPut(t, fresh);
          added[t] = fresh.length;
          if (t === 'messages') await touchConversations(tx, fresh as unknown as MessageRow[]);
        }
        return { added, skipped: total - Object.values(added).reduce((a, b) => a + b, 0) };
      },
    );
    return result;
  }

  /** Moves `updatedAt` of conversations that just received newer messages, so listing order stays right. */
  async function touchConversations(tx: BackendTx, messages: MessageRow[]): Promise<void> {
    const newest = new Map<string, number>();
    for (const m of messages)
      newest.set(m.conversationId, Math.max(newest.get(m.conversationId) ?? -Infinity, m.createdAt));
    const ids = [...newest.keys()];
    const convs = await tx.bulkGet<ConversationRow>('conversations', ids);
    const bumped = convs.flatMap((c, i) =>
      c !== undefined && c.updatedAt < (newest.get(ids[i] as string) ?? 0)
        ? [{ ...c, updatedAt: newest.get(c.id) as number }]
        : [],
    );
    await tx.bulkPut('conversations', bumped);
  }

  return { exportBackup, importBackup };
}
