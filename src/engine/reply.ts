/**
 * Builds the `Reply` the engine hands back from a stored message and what the skill answered.
 * @internal
 */
import type { Reply, StoredMessage, Understanding } from './types.ts';
import type { NormalizedReply } from '../skills/types.ts';

/** A `Reply` for a stored assistant message. @internal */
export function toReply(
  stored: Pick<StoredMessage, 'id' | 'conversationId' | 'createdAt'>,
  reply: Pick<NormalizedReply, 'text' | 'markdown' | 'quickReplies' | 'cards' | 'ask'> & { expectsAnswer?: boolean },
  understanding: Understanding,
): Reply {
  return {
    id: stored.id,
    conversationId: stored.conversationId,
    text: reply.text,
    ...(reply.markdown === undefined ? {} : { markdown: reply.markdown }),
    ...(reply.quickReplies === undefined ? {} : { quickReplies: reply.quickReplies }),
    ...(reply.cards === undefined ? {} : { cards: reply.cards }),
    ...(reply.ask !== undefined || reply.expectsAnswer === true ? { expectsAnswer: true } : {}),
    // A question with no slot to fill is a yes/no confirmation (dialogue/run-task.ts).
    ...(reply.ask === undefined ? {} : { asks: reply.ask.slot === undefined ? 'confirmation' : 'slot' }),
    understanding,
    createdAt: stored.createdAt,
  };
}
