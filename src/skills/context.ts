/**
 * Builds the `SkillContext` a skill runs with: read-only copies of the turn's data, plus exactly the
 * capabilities its manifest declares (after browser extension manifests: nothing by default).
 *
 * @module
 */
import type { HistoryStore, KeyValueStore } from '../store/types.ts';
import type { SkillContext, SkillDefinition, SkillInvocation } from './types.ts';
import type { SkillScheduler } from './scheduler.ts';
import { createScopedFetch } from './scoped-fetch.ts';
import { watchUndeclared } from './undeclared.ts';

/** What the runtime lends a context. @internal */
export interface ContextDeps {
  store: HistoryStore;
  timeZone: string;
  lang: string;
  fetch?: typeof fetch | undefined;
  scheduler?: SkillScheduler | undefined;
  /** Reads the secret the host set for one skill. */
  secret: (skillId: string) => Promise<string | undefined>;
}

/** Settings keys the profile lives under (the user's name and the like). */
export const PROFILE_PREFIX = 'profile.';

/**
 * A view of a key-value store limited to keys under `prefix` (the prefix is invisible to the user
 * of the view), so a skill granted the profile cannot read grants, secrets or other settings.
 */
export function prefixedStore(kv: KeyValueStore, prefix: string): KeyValueStore {
  const checked = (key: unknown): string => {
    if (typeof key !== 'string' || key === '') throw new TypeError('a key must be a non-empty string');
    return prefix + key;
  };
  return Object.freeze({
    get: <T>(key: string) => kv.get<T>(checked(key)),
    set: (key: string, value: unknown) => kv.set(checked(key), value),
    delete: (key: string) => kv.delete(checked(key)),
    keys: async () => (await kv.keys()).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
  });
}

/** A deep, frozen copy of turn data, so one skill cannot change what the next one (or the dialogue) sees. */
function frozenCopy<T extends object>(value: T): T {
  let copy: T;
  try {
    copy = structuredClone(value);
  } catch {
    // Not cloneable (a function inside): freeze only the caller's fresh top-level copy, never
    // objects the dialogue manager still owns.
    return Object.freeze(value);
  }
  const freeze = (v: unknown, depth: number): void => {
    if (typeof v !== 'object' || v === null || Object.isFrozen(v) || depth > 32) return;
    Object.freeze(v);
    for (const child of Object.values(v)) freeze(child, depth + 1);
  };
  freeze(copy, 0);
  return copy;
}

/**
 * Builds the context for one invocation.
 *
 * @param skill the validated definition (its `permissions` decide what is present)
 * @param invocation the dialogue manager's request
 * @param signal aborted on timeout, cancel or dispose
 * @param reads when given, collects the capabilities the skill read but does not hold (./undeclared.ts)
 * @internal
 */
export function buildContext(
  skill: SkillDefinition,
  invocation: SkillInvocation,
  signal: AbortSignal,
  deps: ContextDeps,
  reads?: Set<string>,
): SkillContext {
  const permissions = skill.permissions ?? {};
  const conversationId = invocation.conversation.id;
  const ctx: { -readonly [K in keyof SkillContext]: SkillContext[K] } = {
    intent: invocation.intent,
    text: invocation.text,
    slots: frozenCopy({ ...invocation.slots }),
    entities: frozenCopy([...invocation.entities]),
    conversation: frozenCopy({ id: conversationId, recentTurns: [...invocation.conversation.recentTurns] }),
    signal,
    now: new Date(invocation.now.getTime()),
    timeZone: deps.timeZone,
    lang: invocation.lang ?? deps.lang,
  };
  if (permissions.network !== undefined && permissions.network.length > 0) {
    ctx.fetch = createScopedFetch({
      skillId: skill.id,
      origins: permissions.network,
      signal,
      ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    });
  }
  if (permissions.storage === true) ctx.storage = deps.store.skillData(skill.id);
  if (permissions.profile === true) ctx.profile = prefixedStore(deps.store.settings(), PROFILE_PREFIX);
  if (permissions.schedule === true && deps.scheduler !== undefined)
    ctx.schedule = deps.scheduler.forSkill(skill.id, conversationId);
  if (permissions.secret === true) ctx.secret = () => deps.secret(skill.id);
  if (reads !== undefined) watchUndeclared(ctx, reads);
  return Object.freeze(ctx);
}
