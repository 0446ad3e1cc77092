/**
 * Live sync between tabs of one origin, without a server: engines that share a database tell each
 * other what they changed over a `BroadcastChannel` named after it. Only ids and kinds of change
 * travel — never message text — and each tab reads new messages from its own (encrypted) store,
 * so the channel carries nothing a page could not already see in IndexedDB's clear fields.
 *
 * `BroadcastChannel` exists in windows, Workers and Node (18+), so this stays in the core (no DOM).
 * A memory store is not shared with anyone: it gets no channel.
 *
 * @module
 */

/** What one tab tells the others. */
export type TabSignal =
  | { kind: 'messages'; conversationId: string; ids: string[] }
  | { kind: 'conversations' }
  | { kind: 'erased' }
  | { kind: 'locked' }
  | { kind: 'reset' };

/** The sending half, and closing. */
export interface TabSync {
  post(signal: TabSignal): void;
  close(): void;
}

const KINDS: ReadonlySet<string> = new Set(['messages', 'conversations', 'erased', 'locked', 'reset']);

/** Checks a message from the channel: another script of the origin may post anything on it. */
function isSignal(data: unknown): data is TabSignal {
  if (typeof data !== 'object' || data === null) return false;
  const { kind, conversationId, ids } = data as Record<string, unknown>;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return false;
  if (kind !== 'messages') return true;
  return (
    typeof conversationId === 'string' &&
    Array.isArray(ids) &&
    ids.length <= 1000 &&
    ids.every((id) => typeof id === 'string' && id.length <= 100)
  );
}

/**
 * Joins the channel of a database.
 * @param database the IndexedDB name (tabs with other databases do not hear each other)
 * @param onSignal called with each valid signal from another tab
 * @returns the channel, or a silent stand-in where `BroadcastChannel` is missing
 */
export function joinTabSync(database: string, onSignal: (signal: TabSignal) => void): TabSync {
  const Channel = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (Channel === undefined) return { post: () => undefined, close: () => undefined };
  const channel = new Channel(`confidant:${database}`);
  channel.onmessage = (event: MessageEvent) => {
    if (isSignal(event.data)) onSignal(event.data);
  };
  // Node keeps the process alive while a channel listens: an engine left open must not hang a script.
  (channel as { unref?: () => void }).unref?.();
  let closed = false;
  return {
    post(signal) {
      if (!closed) channel.postMessage(signal);
    },
    close() {
      closed = true;
      channel.close();
    },
  };
}
