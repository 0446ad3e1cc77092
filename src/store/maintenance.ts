/**
 * Deleting: one conversation, everything older than a retention period, or everything ("forget
 * me"). Each runs in one transaction together with its audit entry, so it happens whole and
 * audited, or not at all.
 *
 * @module
 */
import { checkId, type StoreContext } from './context.ts';
import { conversationRange } from './pager.ts';
import { TABLES, type TableName } from './schema.ts';
import { bumpGeneration, dropPacks } from './search-packs.ts';

const DAY = 86_400_000;

/** Creates the deleting part of a store. */
export function createMaintenance(ctx: StoreContext) {
  const { audit } = ctx;
  const owned: TableName[] = ['conversations', 'messages', 'dialogueState', 'searchPacks', 'meta'];

  return {
    /** Deletes a conversation, its messages and its dialogue state. */
    async deleteConversation(conversationId: string): Promise<void> {
      checkId(conversationId, 'conversationId');
      ctx.keys.key();
      await audit.withAudit({ type: 'delete-conversation', detail: { conversationId } }, owned, async (tx) => {
        await tx.deleteRange('messages', conversationRange(conversationId));
        await tx.delete('conversations', conversationId);
        await tx.delete('dialogueState', conversationId);
        await dropPacks(tx);
      });
    },

    /**
     * Deletes messages created more than `days` days before `now`, and conversations (with their
     * dialogue state) not updated since.
     * @throws {RangeError} unless `days` is a finite number >= 0.
     */
    async applyRetention(days: number, now = Date.now()): Promise<{ messages: number; conversations: number }> {
      if (typeof days !== 'number' || !Number.isFinite(days) || days < 0)
        throw new RangeError('days must be a finite number >= 0');
      ctx.keys.key();
      const cutoff = now - days * DAY;
      const { result } = await audit.withAudit({ type: 'retention', detail: { days, cutoff } }, owned, async (tx) => {
        const messages = await tx.deleteRange('messages', { index: 'createdAt', upper: cutoff, upperOpen: true });
        const idle = await tx.query<{ id: string }>('conversations', {
          index: 'updatedAt',
          upper: cutoff,
          upperOpen: true,
        });
        for (const { id } of idle) {
          await tx.deleteRange('messages', conversationRange(id));
          await tx.delete('conversations', id);
          await tx.delete('dialogueState', id);
        }
        await dropPacks(tx);
        return { messages, conversations: idle.length };
      });
      return result;
    },

    /**
     * Erases every record ("forget me"): history, state, settings, skill data, models and the audit
     * log, which restarts with an `erase` entry whose `prev` is the old head, so an anchored head
     * still links to the new log (the sealed head, in `meta`, is kept and moves to the new start). The data key stays, so other open tabs keep working (and writing
     * readable records) after the erase.
     */
    async eraseAll(): Promise<void> {
      ctx.keys.key();
      // The key stays, and so does the generation counter: it must only ever grow (see search-packs.ts).
      const tables = TABLES.filter((t) => t !== 'keys' && t !== 'meta');
      await audit.withAudit(
        { type: 'erase' },
        [...tables, 'meta'],
        async (tx) => {
          for (const t of tables) await tx.clear(t);
          await bumpGeneration(tx);
        },
        { restart: true },
      );
    },

    /**
     * Deletes every record and the data key, locked or not ("I forgot my passphrase: start over").
     * Nothing can be audited (the log is sealed under the key that goes): the log starts again at
     * genesis with the next key. Only the search packs' generation counter stays, as in `eraseAll`.
     */
    async wipe(): Promise<void> {
      const tables = TABLES.filter((t) => t !== 'meta');
      await ctx.backend.transaction(
        'rw',
        [...tables, 'meta'],
        async (tx) => {
          for (const t of tables) await tx.clear(t);
          await bumpGeneration(tx);
        },
        { durability: 'strict' },
      );
    },
  };
}
