/**
 * The dialogue states of the conversations this manager has just talked in, kept in memory so a
 * turn does not read its state back from the encrypted store: reading it cost one IndexedDB
 * transaction and one decryption per turn, a tenth of the whole turn in the Worker (issue 5's
 * "p50 <= 5 ms" target; `npm run bench:dialogue`).
 *
 * Write-through, never write-back: every turn still writes its state to the store before it
 * resolves (a reload resumes), and an entry is only put here once that write succeeded. A turn
 * *takes* its entry out while it runs, so a turn that fails or is aborted half-way, having changed
 * the state in place, leaves nothing behind: the next turn reads the store again, which still holds
 * the state from before the failed turn.
 *
 * Several engines on one database (two tabs): each keeps its own copy and does not see the other's
 * writes to the same conversation; the last state written wins. Only the dialogue context (the
 * active task, a pending question) can be lost that way, never a message or skill data. An engine
 * that changes the store behind the manager's back (deleting a conversation, importing a backup)
 * calls `forget`.
 *
 * @module
 */
import type { DialogueState } from './types.ts';

/** Conversations kept: a person talks in one at a time, a host may switch between a few. */
const MAX_CONVERSATIONS = 16;

/** The cache of one dialogue manager. */
export interface StateCache {
  /** Removes and returns the state of a conversation, or `undefined` when it is not cached. */
  take(conversationId: string): DialogueState | undefined;
  /** Keeps a copy of a state that was just written to the store (the caller may go on using its object). */
  keep(conversationId: string, state: DialogueState): void;
  /** Drops one conversation, or every one. */
  forget(conversationId?: string): void;
}

/** Creates an empty cache holding at most {@link MAX_CONVERSATIONS} conversations, least recently used out first. */
export function createStateCache(): StateCache {
  const states = new Map<string, DialogueState>();
  return {
    take(conversationId) {
      const state = states.get(conversationId);
      states.delete(conversationId);
      return state;
    },
    keep(conversationId, state) {
      let copy: DialogueState;
      try {
        // A copy: slot values reach the caller through `Understanding.slots`, and a host that
        // changed them (in-thread, no Worker clone in between) must not change the context.
        copy = structuredClone(state);
      } catch {
        // The store accepted it, so it is cloneable in practice; if not, the next turn reads the store.
        states.delete(conversationId);
        return;
      }
      states.delete(conversationId);
      states.set(conversationId, copy);
      // Map keeps insertion order: the first key is the least recently used conversation.
      if (states.size > MAX_CONVERSATIONS) states.delete(states.keys().next().value as string);
    },
    forget(conversationId) {
      if (conversationId === undefined) states.clear();
      else states.delete(conversationId);
    },
  };
}
