/**
 * Conversations, messages and dialogue state: encrypted before each write, decrypted after each
 * read, paged newest first through the `[conversationId+createdAt]` index.
 *
 * @module
 */
import type { ConversationSummary } from '../engine/types.ts';
import {
  checkId,
  messageBinding,
  newMessageIds,
  openMessages,
  type MessageBody,
  type StoreContext,
} from './context.ts';
import { conversationRange, readPage } from './pager.ts';
import type { ConversationRow, MessageRow, TableName } from './schema.ts';
import { invalidatePacks, type GenerationGuess } from './search-packs.ts';
import { SKIPPED } from './sealer.ts';
import type { AddMessagesOptions, HistoryMessage, NewMessage } from './types.ts';

const DEFAULT_PAGE = 50;
const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The longest conversation title, in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 200;
const PREVIEW_LENGTH = 120;

/** The first line of a message, cut (at a code point) to a preview's length. */
function previewOf(text: string): string {
  const head = text
    .slice(0, PREVIEW_LENGTH * 4)
    .replace(/\s+/g, ' ')
    .trim();
  const cut = Array.from(head.slice(0, PREVIEW_LENGTH + 1));
  return cut.length > PREVIEW_LENGTH ? `${cut.slice(0, PREVIEW_LENGTH - 1).join('')}…` : head;
}

/** Thrown inside a turn's write when a conversation taken as existing is gone: the write starts over. */
class ConversationGone extends Error {}

/** Whether `error` is a {@link ConversationGone}, as the backend passed it on (maybe as a `cause`). */
function isGone(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e instanceof ConversationGone) return true;
    e = e.cause;
  }
  return false;
}

/** Whether two conversation rows are the same, field by field (the sealed title byte by byte). */
function sameRow(a: ConversationRow, b: ConversationRow): boolean {
  const keys = Object.keys(a) as (keyof ConversationRow)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x instanceof Uint8Array && y instanceof Uint8Array)
      return x.length === y.length && x.every((byte, i) => byte === y[i]);
    return x === y;
  });
}

/** Creates the history half of a store. */
export function createHistory(ctx: StoreContext) {
  const { backend, sealer } = ctx;
  // Messages added without a time get a strictly increasing one, so a user message and its reply in
  // the same millisecond keep their order and the paging cursor sees both. One clock for the whole
  // store, not one per conversation: a burst of messages runs a few milliseconds ahead of Date.now(),
  // and a message to another conversation just after must still be the newer one (conversations are
  // listed by their latest message).
  let lastStamp = 0;

  function stamp(m: NewMessage): number {
    if (m.createdAt !== undefined) {
      if (!Number.isFinite(m.createdAt)) throw new TypeError('createdAt must be a finite number');
      return m.createdAt;
    }
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    return lastStamp;
  }

  // Conversations this store wrote messages to, with their rows as it last wrote them: the rows exist,
  // so a turn's write need not look them up first (one IndexedDB transaction fewer per turn), and the
  // updated row is written at once, checked against the row read in the same transaction (one round
  // trip fewer). A stale entry (deleted, retitled or written meanwhile, here or in another tab) only
  // costs that write a correction or the full path: see `addMessages`.
  const seen = new Map<string, ConversationRow>();
  // The search packs' generation counter as this store last wrote it (see search-packs.ts).
  const generation: GenerationGuess = {};

  async function addMessages(
    messages: readonly NewMessage[],
    options: AddMessagesOptions = {},
  ): Promise<HistoryMessage[]> {
    if (!Array.isArray(messages)) throw new TypeError('addMessages takes an array of messages');
    ctx.keys.key();
    const state = options.dialogueState;
    if (state !== undefined) checkId(state.conversationId, 'dialogueState.conversationId');
    if (messages.length === 0 && state === undefined) return [];
    for (const m of messages) {
      checkId(m?.conversationId, 'conversationId');
      if (m.role !== 'user' && m.role !== 'assistant') throw new TypeError(`role must be 'user' or 'assistant'`);
      if (typeof m.text !== 'string') throw new TypeError('text must be a string');
      if (m.id !== undefined && !MESSAGE_ID.test(m.id)) throw new TypeError('id must be a UUID');
    }
    const fresh = newMessageIds(messages.length);
    const messageIds = messages.map((m, i) => m.id ?? (fresh[i] as string));
    const stored: HistoryMessage[] = messages.map((m, i) => ({
      id: messageIds[i] as string,
      conversationId: m.conversationId,
      role: m.role,
      text: m.text,
      createdAt: stamp(m),
      ...(m.meta === undefined ? {} : { meta: m.meta }),
    }));
    const span = new Map<string, { first: number; last: number }>();
    for (const m of stored) {
      const s = span.get(m.conversationId);
      span.set(m.conversationId, {
        first: Math.min(s?.first ?? Infinity, m.createdAt),
        last: Math.max(s?.last ?? -Infinity, m.createdAt),
      });
    }
    const ids = [...span.keys()];
    // Encrypt everything first (in parallel, while the conversations are looked up), then write in one
    // transaction: all or nothing.
    const [bodies, sealedState] = await Promise.all([
      sealer.sealMany(
        'messages',
        'body',
        stored.map((m) => ({
          id: m.id,
          bound: messageBinding(m),
          value: (m.meta === undefined
            ? { r: m.role, t: m.text }
            : { r: m.role, t: m.text, m: m.meta }) satisfies MessageBody,
        })),
      ),
      state === undefined ? undefined : sealer.seal('dialogueState', state.conversationId, 'state', state.state),
    ]);
    const rows: MessageRow[] = stored.map((m, i) => ({
      id: m.id,
      conversationId: m.conversationId,
      createdAt: m.createdAt,
      body: bodies[i] as Uint8Array,
    }));
    /** The write; `lookUp`: first find which conversations the messages start, and seal their titles. */
    const write = async (lookUp: boolean) => {
      const known = lookUp
        ? await backend.transaction('r', ['conversations'], (tx) => tx.bulkGet<ConversationRow>('conversations', ids))
        : ids.map(() => undefined);
      // A message may start a conversation: its (empty) title is sealed now, outside the write.
      const started = new Map<string, ConversationRow>();
      if (lookUp) {
        await Promise.all(
          ids.map(async (id, i) => {
            if (known[i] !== undefined) return;
            const { first } = span.get(id) as { first: number };
            started.set(id, {
              id,
              createdAt: first,
              updatedAt: first,
              title: await sealer.seal('conversations', id, 'title', '', [first]),
            });
          }),
        );
      }
      const tables: TableName[] = rows.length > 0 ? ['messages', 'conversations', 'searchPacks', 'meta'] : [];
      if (state !== undefined) tables.push('dialogueState');
      const touched = (row: ConversationRow): ConversationRow => ({
        ...row,
        updatedAt: Math.max(row.updatedAt, span.get(row.id)?.last ?? 0),
      });
      // Without a look-up, the rows as this store last wrote them, updated: written with the reads below.
      const guessed = lookUp || rows.length === 0 ? [] : ids.map((id) => touched(seen.get(id) as ConversationRow));
      return backend.transaction('rw', tables, async (tx) => {
        // Every request that does not wait for another's result is made at once: in a browser each
        // awaited request is a round trip to IndexedDB, and the turn waits for the last one. The
        // reads were made before the writes, so they see the rows as they were before this transaction.
        const [convs] = await Promise.all([
          rows.length > 0 ? tx.bulkGet<ConversationRow>('conversations', ids) : [],
          rows.length > 0 ? tx.bulkPut('messages', rows) : undefined,
          rows.length > 0 ? invalidatePacks(tx, messageIds, generation) : undefined,
          state === undefined
            ? undefined
            : tx.put('dialogueState', {
                conversationId: state.conversationId,
                updatedAt: Date.now(),
                state: sealedState,
              }),
          guessed.length > 0 ? tx.bulkPut('conversations', guessed) : undefined,
        ]);
        if (rows.length === 0) return [];
        const updated = ids.map((id, i) => {
          const row = convs[i] ?? started.get(id);
          if (row === undefined) {
            // Taken as existing without a look-up, and gone: this transaction aborts, and the write starts over.
            if (!lookUp) throw new ConversationGone(id);
            throw new TypeError(`Conversation ${id} vanished while adding messages; retry`);
          }
          return touched(row);
        });
        // The guess is right unless the row changed since this store last wrote it: then it is written again.
        const wrong = updated.filter((row, i) => guessed[i] === undefined || !sameRow(row, guessed[i]));
        if (wrong.length > 0) await tx.bulkPut('conversations', wrong);
        return updated;
      });
    };
    const skipLookUp = ids.every((id) => seen.has(id));
    let written: ConversationRow[];
    try {
      written = await write(!skipLookUp);
    } catch (error) {
      if (!skipLookUp || !isGone(error)) throw error;
      for (const id of ids) seen.delete(id);
      written = await write(true);
    }
    for (const row of written) seen.set(row.id, row);
    return stored;
  }

  return {
    async createConversation(title = ''): Promise<ConversationSummary> {
      if (typeof title !== 'string') throw new TypeError('title must be a string');
      const id = crypto.randomUUID();
      const createdAt = Date.now();
      const row: ConversationRow = {
        id,
        createdAt,
        updatedAt: createdAt,
        title: await sealer.seal('conversations', id, 'title', title, [createdAt]),
      };
      await backend.transaction('rw', ['conversations'], (tx) => tx.put('conversations', row));
      return { id, title, createdAt, updatedAt: createdAt };
    },

    async listConversations(): Promise<ConversationSummary[]> {
      ctx.keys.key();
      // One read for the list and each conversation's newest message (its preview line).
      const { rows, latest } = await backend.transaction('r', ['conversations', 'messages'], async (tx) => {
        const rows = await tx.query<ConversationRow>('conversations', { index: 'updatedAt', reverse: true });
        const latest = await Promise.all(
          rows.map((r) => tx.query<MessageRow>('messages', conversationRange(r.id, undefined, 1))),
        );
        return { rows, latest: latest.map((found) => found[0]) };
      });
      const [titles, newest] = await Promise.all([
        Promise.all(rows.map((r) => sealer.tryOpen<string>('conversations', r.id, 'title', r.title, [r.createdAt]))),
        openMessages(
          sealer,
          latest.filter((m) => m !== undefined),
        ),
      ]);
      const previews = new Map(newest.map((m) => [m.conversationId, previewOf(m.text)]));
      return rows.flatMap((r, i) => {
        const title = titles[i];
        const preview = previews.get(r.id);
        return title === undefined || title === SKIPPED
          ? []
          : [
              {
                id: r.id,
                title,
                createdAt: r.createdAt,
                updatedAt: r.updatedAt,
                ...(preview === undefined ? {} : { preview }),
              },
            ];
      });
    },

    /**
     * The title of a conversation (`''` when it has none yet), or `undefined` when it does not exist.
     */
    async getTitle(conversationId: string): Promise<string | undefined> {
      checkId(conversationId, 'conversationId');
      ctx.keys.key();
      const row = await backend.transaction('r', ['conversations'], (tx) =>
        tx.get<ConversationRow>('conversations', conversationId),
      );
      if (row === undefined) return undefined;
      const title = await sealer.tryOpen<string>('conversations', row.id, 'title', row.title, [row.createdAt]);
      return title === SKIPPED ? '' : title;
    },

    /**
     * Sets a conversation's title (encrypted like the rest).
     * @throws {TypeError} unless `title` is a string; {RangeError} when it is longer than `MAX_TITLE_LENGTH`
     *   or the conversation does not exist
     */
    async setTitle(conversationId: string, title: string): Promise<void> {
      checkId(conversationId, 'conversationId');
      if (typeof title !== 'string') throw new TypeError('title must be a string');
      if (title.length > MAX_TITLE_LENGTH)
        throw new RangeError(`title must be at most ${MAX_TITLE_LENGTH} characters long`);
      const row = await backend.transaction('r', ['conversations'], (tx) =>
        tx.get<ConversationRow>('conversations', conversationId),
      );
      if (row === undefined) throw new RangeError(`No conversation ${conversationId}`);
      const sealed = await sealer.seal('conversations', row.id, 'title', title, [row.createdAt]);
      await backend.transaction('rw', ['conversations'], async (tx) => {
        const now = await tx.get<ConversationRow>('conversations', conversationId);
        // Deleted meanwhile (another tab): do not bring it back.
        if (now !== undefined) await tx.put('conversations', { ...now, title: sealed });
      });
    },

    /**
     * Replaces a message's `meta` with `update(meta)`, sealing it again with the text; `undefined` when
     * the message does not exist (or fails authentication).
     */
    async updateMessageMeta(id: string, update: (meta: unknown) => unknown): Promise<HistoryMessage | undefined> {
      checkId(id, 'id');
      ctx.keys.key();
      const row = await backend.transaction('r', ['messages'], (tx) => tx.get<MessageRow>('messages', id));
      const message = row === undefined ? undefined : (await openMessages(sealer, [row]))[0];
      if (row === undefined || message === undefined) return undefined;
      const meta = update(message.meta);
      const body: MessageBody =
        meta === undefined ? { r: message.role, t: message.text } : { r: message.role, t: message.text, m: meta };
      const [sealed] = await sealer.sealMany('messages', 'body', [{ id, bound: messageBinding(row), value: body }]);
      await backend.transaction('rw', ['messages'], async (tx) => {
        if ((await tx.get<MessageRow>('messages', id)) !== undefined)
          await tx.put('messages', { ...row, body: sealed as Uint8Array });
      });
      const { meta: _old, ...rest } = message;
      return meta === undefined ? rest : { ...rest, meta };
    },

    async addMessage(message: NewMessage): Promise<HistoryMessage> {
      return (await addMessages([message]))[0] as HistoryMessage;
    },

    addMessages,

    async listMessages(
      conversationId: string,
      options: { limit?: number; before?: number } = {},
    ): Promise<HistoryMessage[]> {
      checkId(conversationId, 'conversationId');
      const limit = options.limit ?? DEFAULT_PAGE;
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
      if (options.before !== undefined && !Number.isFinite(options.before))
        throw new TypeError('before must be a finite number');
      ctx.keys.key();
      return readPage(ctx, conversationId, limit, options.before);
    },

    async getMessage(id: string): Promise<HistoryMessage | undefined> {
      checkId(id, 'id');
      ctx.keys.key();
      const row = await backend.transaction('r', ['messages'], (tx) => tx.get<MessageRow>('messages', id));
      return row === undefined ? undefined : (await openMessages(sealer, [row]))[0];
    },

    async countMessages(conversationId?: string): Promise<number> {
      if (conversationId !== undefined) checkId(conversationId, 'conversationId');
      return backend.transaction('r', ['messages'], (tx) =>
        conversationId === undefined
          ? tx.count('messages')
          : tx.count('messages', { ...conversationRange(conversationId), reverse: false }),
      );
    },

    async getDialogueState<T = unknown>(conversationId: string): Promise<T | undefined> {
      checkId(conversationId, 'conversationId');
      ctx.keys.key();
      const row = await backend.transaction('r', ['dialogueState'], (tx) =>
        tx.get<{ state: Uint8Array }>('dialogueState', conversationId),
      );
      if (row === undefined) return undefined;
      const state = await sealer.tryOpen<T>('dialogueState', conversationId, 'state', row.state);
      return state === SKIPPED ? undefined : state;
    },

    async putDialogueState(conversationId: string, state: unknown): Promise<void> {
      checkId(conversationId, 'conversationId');
      await addMessages([], { dialogueState: { conversationId, state } });
    },
  };
}
