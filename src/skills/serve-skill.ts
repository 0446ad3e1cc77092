/**
 * The other side of `createRemoteSkill`: runs an app-defined skill's real `execute` in the app's
 * page, against a context rebuilt from a cloneable call. Capabilities come back to the Worker
 * through the endpoint; `ctx.fetch` is a scoped fetch made here, limited to the origins the
 * Worker lent this call (and that the skill declared).
 *
 * @module
 */
import type { KeyValueStore } from '../store/types.ts';
import type { SkillContext, SkillDefinition } from './types.ts';
import type { RemoteSkillCall, RemoteSkillEndpoint, RemoteSkillResult } from './remote-protocol.ts';
import { ensureDefined } from './define-skill.ts';
import { asyncIteratorOf, normalizeReply } from './normalize.ts';
import { createScopedFetch } from './scoped-fetch.ts';
import { explainUndeclared, watchUndeclared } from './undeclared.ts';

/** A skill served to the Worker: expose this object (e.g. with comlink). */
export interface ServedSkill {
  /** Runs one call. Rejects when `execute` throws (the Worker turns that into a polite failure). */
  invoke(call: RemoteSkillCall, endpoint: RemoteSkillEndpoint): Promise<RemoteSkillResult>;
  /** Aborts one call's `ctx.signal`. */
  abort(callId: string, reason?: string): void;
}

/** Options of {@link serveSkill}. */
export interface ServeSkillOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

function remoteKv(endpoint: RemoteSkillEndpoint, area: 'storage' | 'profile'): KeyValueStore {
  return Object.freeze({
    get: async <T>(key: string) => (await endpoint.kv(area, 'get', key)) as T | undefined,
    set: async (key: string, value: unknown) => void (await endpoint.kv(area, 'set', key, value)),
    delete: async (key: string) => void (await endpoint.kv(area, 'delete', key)),
    keys: async () => (await endpoint.kv(area, 'keys')) as string[],
  });
}

/**
 * Builds the context of one remote call.
 * @internal
 */
export function remoteContext(
  skill: SkillDefinition,
  call: RemoteSkillCall,
  endpoint: RemoteSkillEndpoint,
  signal: AbortSignal,
  baseFetch?: typeof fetch,
  reads?: Set<string>,
): SkillContext {
  const caps = call.capabilities;
  // Only origins both the manifest here and the Worker's grant agree on.
  const declared = new Set(skill.permissions?.network ?? []);
  const origins = caps.network.filter((o) => declared.has(o));
  const ctx: SkillContext = {
    intent: call.intent,
    text: call.text,
    slots: Object.freeze({ ...call.slots }),
    entities: Object.freeze([...call.entities]),
    conversation: Object.freeze({
      id: call.conversation.id,
      recentTurns: Object.freeze([...call.conversation.recentTurns]),
    }),
    signal,
    now: new Date(call.now),
    timeZone: call.timeZone,
    lang: call.lang,
    ...(origins.length === 0
      ? {}
      : {
          fetch: createScopedFetch({
            skillId: skill.id,
            origins,
            signal,
            ...(baseFetch === undefined ? {} : { fetch: baseFetch }),
          }),
        }),
    ...(caps.storage ? { storage: remoteKv(endpoint, 'storage') } : {}),
    ...(caps.profile ? { profile: remoteKv(endpoint, 'profile') } : {}),
    ...(caps.schedule
      ? {
          schedule: Object.freeze({
            add: async (reply: { at: number; text: string }) => (await endpoint.schedule('add', reply)) as string,
            cancel: async (id: string) => void (await endpoint.schedule('cancel', id)),
            list: async () => (await endpoint.schedule('list')) as { id: string; at: number; text: string }[],
          }),
        }
      : {}),
    ...(caps.secret ? { secret: () => endpoint.secret() } : {}),
  };
  if (reads !== undefined) watchUndeclared(ctx, reads);
  return Object.freeze(ctx);
}

/**
 * Serves an app-defined skill to the runtime in the Worker.
 *
 * @param definition the skill, with its `execute`
 * @returns an object to expose to the Worker
 * @throws {TypeError | RangeError} for an invalid definition
 */
export function serveSkill(definition: SkillDefinition, options: ServeSkillOptions = {}): ServedSkill {
  const skill = ensureDefined(definition);
  const controllers = new Map<string, AbortController>();
  return {
    async invoke(call, endpoint) {
      const controller = new AbortController();
      controllers.set(call.callId, controller);
      // Settles as soon as the Worker aborts, even if `execute` ignores its signal, so nothing of
      // this call (its endpoint proxy, its channel) outlives it.
      const aborted = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
      });
      aborted.catch(() => undefined);
      const run = async (): Promise<RemoteSkillResult> => {
        const reads = new Set<string>();
        const ctx = remoteContext(skill, call, endpoint, controller.signal, options.fetch, reads);
        let result: Awaited<ReturnType<SkillDefinition['execute']>>;
        try {
          result = await definition.execute(ctx);
        } catch (error) {
          throw explainUndeclared(error, reads, skill.id);
        }
        const iterator = asyncIteratorOf(result);
        if (iterator === undefined) return { type: 'reply', reply: normalizeReply(result) };
        for (;;) {
          const step = await iterator.next();
          if (step.done === true || controller.signal.aborted) break;
          if (typeof step.value !== 'string') throw new TypeError('a streamed chunk must be a string');
          // Awaited so chunks arrive in order and a slow consumer slows the producer.
          await endpoint.delta(step.value);
        }
        return { type: 'streamed' };
      };
      try {
        return await Promise.race([run(), aborted]);
      } finally {
        controllers.delete(call.callId);
      }
    },
    abort(callId, reason = 'AbortError') {
      controllers
        .get(callId)
        ?.abort(
          new DOMException('The skill call was aborted', reason === 'TimeoutError' ? 'TimeoutError' : 'AbortError'),
        );
    },
  };
}
