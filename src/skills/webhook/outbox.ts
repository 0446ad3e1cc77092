/**
 * The webhook outbox: calls made while offline wait, encrypted, in their skill's own key-value
 * namespace (the store encrypts every value), and are sent by `flushOutbox()` once the host says
 * the page is back online (the `online` event is a DOM event, so the core does not listen for it).
 * Each call keeps its `Idempotency-Key`, so a server can drop a replay it already received.
 *
 * @module
 */
import type { HistoryStore, KeyValueStore } from '../../store/types.ts';
import type { SkillAuditEntry, SkillDefinition } from '../types.ts';
import type { Consent } from '../consent.ts';
import { createScopedFetch } from '../scoped-fetch.ts';
import { postJson, statusOf } from './post-json.ts';
import { webhookOf } from './webhook-skill.ts';

/** One queued call. @internal */
export interface OutboxEntry {
  body: unknown;
  idempotencyKey: string;
  createdAt: number;
  attempts: number;
}

/** What a flush did. */
export interface OutboxReport {
  /** Delivered and removed. */
  sent: number;
  /** Refused by the server (4xx) or too old, removed and audited. */
  dropped: number;
  /** Still queued (offline again, server error, or the network grant was revoked). */
  pending: number;
}

const PREFIX = 'outbox:';
/** Calls older than this are dropped rather than sent late. */
export const OUTBOX_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** The last key time handed out: strictly increasing, so two calls in one millisecond keep their order. */
let lastStamp = 0;

/**
 * Queues one call in the skill's storage.
 * @internal
 */
export async function enqueue(storage: KeyValueStore, call: { body: unknown; idempotencyKey: string }): Promise<void> {
  const createdAt = Date.now();
  lastStamp = Math.max(createdAt, lastStamp + 1);
  // Zero-padded time first, so keys sort in the order the calls were made.
  await storage.set(`${PREFIX}${String(lastStamp).padStart(15, '0')}:${call.idempotencyKey}`, {
    ...call,
    createdAt,
    attempts: 0,
  } satisfies OutboxEntry);
}

/** What a flush borrows from the runtime. @internal */
export interface FlushDeps {
  store: HistoryStore;
  consent: Consent;
  secret: (skillId: string) => Promise<string | undefined>;
  audit: (entry: SkillAuditEntry) => void;
  fetch?: typeof fetch | undefined;
  signal: AbortSignal;
  now?: () => number;
}

/**
 * Sends every queued call of the given webhook skills, oldest first; stops a skill's queue at the
 * first call that still cannot be delivered, so order is kept.
 * @internal
 */
export async function flushOutbox(skills: readonly SkillDefinition[], deps: FlushDeps): Promise<OutboxReport> {
  const report: OutboxReport = { sent: 0, dropped: 0, pending: 0 };
  const now = deps.now ?? Date.now;
  for (const skill of skills) {
    const hook = webhookOf(skill);
    if (hook === undefined) continue;
    const kv = deps.store.skillData(skill.id);
    const keys = (await kv.keys()).filter((k) => k.startsWith(PREFIX)).sort();
    if (keys.length === 0) continue;
    // A revoked (or re-asked) network grant stops replays too: the call waits until the user grants again.
    if (!(await deps.consent.effective(skill)).network.includes(hook.origin)) {
      report.pending += keys.length;
      continue;
    }
    const fetch = createScopedFetch({
      skillId: skill.id,
      origins: [hook.origin],
      signal: deps.signal,
      ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    });
    const secret = skill.permissions?.secret === true ? () => deps.secret(skill.id) : undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const entry = await kv.get<OutboxEntry>(key);
      if (entry === undefined) continue;
      if (now() - entry.createdAt > OUTBOX_MAX_AGE_MS) {
        await kv.delete(key);
        report.dropped++;
        deps.audit({ type: 'webhook-outbox-expired', skillId: skill.id });
        continue;
      }
      try {
        await postJson({
          skillId: skill.id,
          fetch,
          url: hook.url,
          body: entry.body,
          headers: { ...hook.headers, ...(await hook.credentials(secret)) },
          signal: deps.signal,
          idempotencyKey: entry.idempotencyKey,
          timeoutMs: hook.attemptTimeoutMs,
          maxBytes: hook.maxResponseBytes,
        });
        await kv.delete(key);
        report.sent++;
      } catch (error) {
        const status = statusOf(error);
        if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
          await kv.delete(key);
          report.dropped++;
          deps.audit({ type: 'webhook-outbox-dropped', skillId: skill.id, detail: { status } });
          continue;
        }
        await kv.set(key, { ...entry, attempts: entry.attempts + 1 });
        report.pending += keys.length - i;
        break;
      }
    }
  }
  return report;
}
