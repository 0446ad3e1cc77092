/**
 * Connects the runtime's audit entries to the store's hash-chained audit log, mapping each entry to
 * one of the store's audit types (`permission-grant`, `permission-revoke`, `skill-call`,
 * `network-call`) and keeping the runtime's own name as `detail.event`.
 *
 * @module
 */
import type { AuditInput, AuditType } from '../store/types.ts';
import type { SkillAuditEntry } from './types.ts';

/** The store's detail values are capped (to keep message-sized text out); ours are trimmed to fit. */
const MAX_VALUE = 200;

function typeOf(event: string): AuditType {
  if (event === 'permission-granted') return 'permission-grant';
  if (event === 'permission-revoked') return 'permission-revoke';
  if (event.startsWith('webhook-')) return 'network-call';
  return 'skill-call';
}

/**
 * Maps one runtime entry to a store audit input.
 * @param entry from the runtime
 */
export function toAuditInput(entry: SkillAuditEntry): AuditInput {
  const detail: Record<string, string | number | boolean> = { event: entry.type, skill: entry.skillId };
  for (const [key, value] of Object.entries(entry.detail ?? {})) {
    detail[key] = typeof value === 'string' && value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
  }
  return { type: typeOf(entry.type), detail };
}

/**
 * An `audit` option for `createSkillRuntime` that appends to the store's audit log.
 *
 * @param store anything with the store's `appendAudit`
 * @example
 * ```ts
 * const runtime = createSkillRuntime({ store, audit: storeAuditSink(store) });
 * ```
 */
export function storeAuditSink(store: {
  appendAudit(input: AuditInput): Promise<unknown>;
}): (entry: SkillAuditEntry) => Promise<void> {
  return async (entry) => {
    await store.appendAudit(toAuditInput(entry));
  };
}
