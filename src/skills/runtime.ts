/**
 * The skills runtime: runs one skill call at a time per invocation, in isolation, under least
 * privilege. It checks the manifest, refuses an unconfirmed consequential call, asks for consent,
 * builds the context with only what is declared, enforces the timeout, and turns every failure into
 * a polite `NormalizedReply` with an audit entry and a metric, so no skill can leave the assistant stuck.
 *
 * @module
 */
import { packFor } from '../lang/pack.ts';
import type { HistoryStore } from '../store/types.ts';
import type { Metrics, MetricOutcome } from '../metrics/types.ts';
import type {
  GrantablePermission,
  NormalizedReply,
  PermissionRequest,
  SkillAuditEntry,
  SkillDefinition,
  SkillRuntime,
} from './types.ts';
import type { SkillScheduler } from './scheduler.ts';
import { abortReason } from '../errors.ts';
import { createConsent, type SkillGrants } from './consent.ts';
import { buildContext } from './context.ts';
import { ensureDefined } from './define-skill.ts';
import { runIsolated } from './isolate.ts';
import { normalizeDeclaredOrigin } from './origins.ts';
import { flushOutbox, type OutboxReport } from './webhook/outbox.ts';
import { failureDetail, isPermissionError } from './failure.ts';
import { explainUndeclared } from './undeclared.ts';

/** The default time a skill may take before the user gets a polite fallback. */
export const DEFAULT_SKILL_TIMEOUT_MS = 10_000;

type Failure = NonNullable<NormalizedReply['failed']>;

/** Options of {@link createSkillRuntime}. */
export interface SkillRuntimeOptions {
  store: HistoryStore;
  /** Receives audit entries (codes and counts only, never content). @default none */
  audit?: (entry: SkillAuditEntry) => Promise<void>;
  /** Asks the user for a permission; without it every network/profile request is denied. */
  requestPermission?: (request: PermissionRequest) => Promise<boolean>;
  /** How long a permission question may stay unanswered before it counts as no. @default 120000 */
  consentTimeoutMs?: number;
  metrics?: Metrics;
  /** @default the platform's zone */
  timeZone?: string;
  /** @default 'en' */
  lang?: string;
  /** The fetch behind every `ctx.fetch`. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Backs `ctx.schedule`; without it skills that declare `schedule` get no `ctx.schedule`. */
  scheduler?: SkillScheduler;
  /** Replaces the polite fallback texts (in every language; by default each turn's language pack says them). */
  messages?: Partial<Record<Failure, string>>;
}

/** The runtime, with the host-facing controls besides `invoke`. */
export interface LocalSkillRuntime extends SkillRuntime {
  /**
   * Grants a permission without asking (a host settings page, a pre-approved skill). Given a
   * definition, the grant is bound to that skill's identity; given an id, the host vouches for
   * whatever skill it registers under that id. Audited.
   */
  grantPermission(
    skill: SkillDefinition | string,
    permission: GrantablePermission,
    origins?: readonly string[],
  ): Promise<void>;
  /** Revokes one permission, or all of a skill's when `permission` is omitted. Audited. */
  revokePermission(skillId: string, permission?: GrantablePermission): Promise<void>;
  /** What is stored for a skill id. */
  permissions(skillId: string): Promise<SkillGrants>;
  /** What this skill may use now (grants to its identity, confirmed). */
  effectivePermissions(skill: SkillDefinition): Promise<SkillGrants>;
  /** Stores (encrypted) or clears the credential handed only to `skillId` as `ctx.secret()`. */
  setSecret(skillId: string, secret: string | undefined): Promise<void>;
  /** Sends webhook calls queued while offline. Call it when the page is back online. */
  flushOutbox(skills: readonly SkillDefinition[]): Promise<OutboxReport>;
  /** Aborts every running call (their `ctx.signal` fires) and answers open permission questions with no. */
  dispose(): void;
}

const secretKey = (skillId: string) => `skills.secret.${skillId}`;

/** The Web Lock every outbox flush of the origin holds. */
const OUTBOX_LOCK = 'confidant-outbox';

interface LockManager {
  request<T>(name: string, options: { signal?: AbortSignal }, run: () => Promise<T>): Promise<T>;
}

/** Runs `fn` holding an origin-wide Web Lock where the platform has them (pages and Workers), else directly (Node). */
function withOriginLock<T>(name: string, signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks === undefined ? fn() : locks.request(name, { signal }, fn);
}

/**
 * Creates the skills runtime.
 *
 * @example
 * ```ts
 * const runtime = createSkillRuntime({ store, metrics, requestPermission: (r) => askUser(r) });
 * const reply = await runtime.invoke({ skill, intent, text, slots, entities, conversation, signal, now: new Date() });
 * ```
 */
export function createSkillRuntime(options: SkillRuntimeOptions): LocalSkillRuntime {
  const { store, metrics } = options;
  if (typeof store?.skillData !== 'function' || typeof store.settings !== 'function') {
    throw new TypeError('createSkillRuntime: options.store must be a HistoryStore');
  }
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const lang = options.lang ?? 'en';
  const messages = options.messages ?? {};
  const disposal = new AbortController();
  const validated = new WeakMap<SkillDefinition, SkillDefinition>();

  const audit = (entry: SkillAuditEntry) => {
    try {
      void options.audit?.(entry)?.catch?.(() => undefined);
    } catch {
      // An audit sink that throws must not break a turn.
    }
  };
  const consent = createConsent({
    settings: store.settings(),
    requestPermission: options.requestPermission,
    audit,
    ...(options.consentTimeoutMs === undefined ? {} : { timeoutMs: options.consentTimeoutMs }),
  });
  const secret = async (skillId: string) => {
    const value = await store.settings().get<string>(secretKey(skillId));
    return typeof value === 'string' ? value : undefined;
  };
  const deps = { store, timeZone, lang, fetch: options.fetch, scheduler: options.scheduler, secret };

  const finish = (skillId: string, started: number, outcome: MetricOutcome) => {
    metrics?.recordSkill(skillId, performance.now() - started, outcome);
  };
  const fail = (failed: Failure, lang: string): NormalizedReply => ({
    text: messages[failed] ?? packFor(lang).dialogue.failure[failed],
    failed,
  });

  let flushing: Promise<OutboxReport> | undefined;

  return {
    async invoke(invocation) {
      const started = performance.now();
      const turnLang = invocation.lang ?? lang;
      const signal = AbortSignal.any([invocation.signal, disposal.signal]);
      signal.throwIfAborted();
      let skill: SkillDefinition;
      try {
        skill = validated.get(invocation.skill) ?? ensureDefined(invocation.skill);
        validated.set(invocation.skill, skill);
      } catch (error) {
        const id = typeof invocation.skill?.id === 'string' ? invocation.skill.id : 'unknown';
        audit({ type: 'skill-manifest-invalid', skillId: id, detail: failureDetail(error) });
        finish(id, started, 'invalid');
        return fail('invalid', turnLang);
      }
      const confirmed = invocation.confirmed === true || invocation.slots['$confirmed'] === true;
      if (skill.permissions?.consequential === true && !confirmed) {
        audit({ type: 'confirmation-missing', skillId: skill.id });
        finish(skill.id, started, 'permission');
        return fail('permission', turnLang);
      }
      const denied = await consent.ensure(skill, signal);
      if (signal.aborted) throw abortReason(signal);
      if (denied !== null) {
        finish(skill.id, started, 'permission');
        return fail('permission', turnLang);
      }

      const controller = new AbortController();
      const reads = new Set<string>();
      const ctx = buildContext(skill, invocation, controller.signal, deps, reads);
      const timeoutMs = skill.timeoutMs ?? DEFAULT_SKILL_TIMEOUT_MS;
      const run = await runIsolated(() => invocation.skill.execute(ctx), {
        timeoutMs,
        signal,
        controller,
        onDelta: invocation.onDelta,
      });
      if (run.outcome === 'aborted') {
        finish(skill.id, started, 'aborted');
        throw abortReason(signal);
      }
      if (run.outcome === 'ok') {
        finish(skill.id, started, 'ok');
        return run.reply;
      }
      if (run.outcome === 'timeout') {
        audit({ type: 'skill-timeout', skillId: skill.id, detail: { timeoutMs } });
        finish(skill.id, started, 'timeout');
        return fail('timeout', turnLang);
      }
      if (run.outcome === 'invalid') {
        audit({ type: 'skill-invalid-result', skillId: skill.id });
        finish(skill.id, started, 'invalid');
        return fail('invalid', turnLang);
      }
      const error = explainUndeclared(run.error, reads, skill.id);
      const permission = isPermissionError(error);
      audit({
        type: permission ? 'skill-permission-error' : 'skill-error',
        skillId: skill.id,
        detail: failureDetail(error),
      });
      finish(skill.id, started, permission ? 'permission' : 'error');
      return fail(permission ? 'permission' : 'error', turnLang);
    },

    async grantPermission(skill, permission, origins = []) {
      if (permission !== 'network' && permission !== 'profile')
        throw new RangeError(`grantPermission: unknown permission ${String(permission)}`);
      const canonical = origins.map((o, i) => normalizeDeclaredOrigin(o, `grantPermission: origins[${i}]`));
      await consent.grant(typeof skill === 'string' ? skill : ensureDefined(skill), permission, canonical, 'host');
    },
    revokePermission: (skillId, permission) => consent.revoke(skillId, permission),
    permissions: (skillId) => consent.grants(skillId),
    effectivePermissions: (skill) => consent.effective(ensureDefined(skill)),
    async setSecret(skillId, value) {
      if (typeof skillId !== 'string' || skillId === '')
        throw new TypeError('setSecret: skillId must be a non-empty string');
      if (value === undefined) await store.settings().delete(secretKey(skillId));
      else if (typeof value !== 'string' || value.length > 16_384)
        throw new TypeError('setSecret: the secret must be a string of at most 16 KiB');
      else await store.settings().set(secretKey(skillId), value);
      audit({ type: value === undefined ? 'secret-cleared' : 'secret-set', skillId });
    },
    flushOutbox(skills) {
      // One flush at a time, so a queued call is never sent twice by overlapping flushes: in this
      // runtime, and across the tabs and Workers of the origin (each re-reads an entry before sending it).
      const flush = () =>
        flushOutbox(skills, { store, consent, secret, audit, fetch: options.fetch, signal: disposal.signal });
      flushing ??= withOriginLock(OUTBOX_LOCK, disposal.signal, flush).finally(() => {
        flushing = undefined;
      });
      return flushing;
    },
    dispose() {
      disposal.abort(new DOMException('The skills runtime was disposed', 'AbortError'));
      consent.dispose();
    },
  };
}
