/**
 * The structured-cloneable protocol between the runtime (in the Worker) and a skill whose code runs
 * elsewhere: the app's page (app-defined skills, over comlink) or a sandbox Worker (third-party
 * skills, over a `MessageChannel`). The remote side never holds a capability itself: storage,
 * profile, schedule and secret calls, and a sandboxed skill's requests, come back through the
 * endpoint, which the Worker side checks against what it lent this one call.
 *
 * @module
 */
import type { Entity } from '../nlu/types.ts';
import type { ConversationTurn, SkillContext, SkillReply } from './types.ts';
import { PermissionError } from '../errors.ts';
import { serveRemoteFetch, type RemoteFetchRequest, type RemoteFetchResponse } from './remote-fetch.ts';

/** One call, as sent to the remote side. */
export interface RemoteSkillCall {
  /** Names the call for `abort`. */
  callId: string;
  skillId: string;
  intent: string;
  text: string;
  slots: Record<string, unknown>;
  entities: Entity[];
  conversation: { id: string; recentTurns: ConversationTurn[] };
  /** Epoch milliseconds (a `Date` is rebuilt on the other side). */
  now: number;
  timeZone: string;
  lang: string;
  /** What the runtime lent this call; the remote side builds its context to match. */
  capabilities: { network: string[]; storage: boolean; profile: boolean; schedule: boolean; secret: boolean };
}

/** The key-value operations a remote `ctx.storage` / `ctx.profile` forwards. */
export type RemoteKvOp = 'get' | 'set' | 'delete' | 'keys';

/** What the remote side may call back during one call. */
export interface RemoteSkillEndpoint {
  /** One streamed chunk, in order. */
  delta(text: string): void | Promise<void>;
  kv(area: 'storage' | 'profile', op: RemoteKvOp, key?: string, value?: unknown): Promise<unknown>;
  schedule(op: 'add' | 'cancel' | 'list', arg?: unknown): Promise<unknown>;
  secret(): Promise<string | undefined>;
  /**
   * One request, run with the call's `ctx.fetch` (declared origins, redirect checks, the call's
   * signal): how a skill that cannot reach the network itself (a sandboxed one) fetches.
   */
  fetch(request: RemoteFetchRequest): Promise<RemoteFetchResponse>;
}

/** What the remote side answers: a reply, or `streamed` after its chunks went to `endpoint.delta`. */
export type RemoteSkillResult = { type: 'reply'; reply: SkillReply | string } | { type: 'streamed' };

/** Runs one call on the remote side. */
export type RemoteInvoke = (call: RemoteSkillCall, endpoint: RemoteSkillEndpoint) => Promise<RemoteSkillResult>;

/**
 * The Worker-side endpoint of one call: forwards to the context the runtime built, refuses what
 * the context does not hold, and stops working once the call is over.
 *
 * @param ctx the context the runtime built for this call
 * @param onDelta receives streamed chunks
 * @param skillId named in errors
 * @returns the endpoint and `close()`, called when the call ends
 * @internal
 */
export function endpointFor(
  ctx: SkillContext,
  onDelta: (text: string) => void,
  skillId: string,
): { endpoint: RemoteSkillEndpoint; close(): void } {
  let closed = false;
  const live = (what: string) => {
    if (closed || ctx.signal.aborted)
      throw new PermissionError(`${what}: the skill call is over`, { code: 'call-ended' });
  };
  const endpoint: RemoteSkillEndpoint = {
    delta(text) {
      if (!closed && typeof text === 'string') onDelta(text);
    },
    async kv(area, op, key, value) {
      live('kv');
      const kv = area === 'storage' ? ctx.storage : area === 'profile' ? ctx.profile : undefined;
      if (kv === undefined)
        throw new PermissionError(`The skill was not granted ${String(area)}`, { code: 'not-declared' });
      if (op === 'keys') return kv.keys();
      if (typeof key !== 'string' || key === '') throw new TypeError('a key must be a non-empty string');
      if (op === 'get') return kv.get(key);
      if (op === 'set') return kv.set(key, value);
      if (op === 'delete') return kv.delete(key);
      throw new TypeError(`unknown key-value operation ${String(op)}`);
    },
    async schedule(op, arg) {
      live('schedule');
      const s = ctx.schedule;
      if (s === undefined) throw new PermissionError('The skill was not granted schedule', { code: 'not-declared' });
      if (op === 'add') return s.add(arg as Parameters<typeof s.add>[0]);
      if (op === 'cancel') {
        if (typeof arg !== 'string') throw new TypeError('schedule.cancel takes an id');
        return s.cancel(arg);
      }
      if (op === 'list') return s.list();
      throw new TypeError(`unknown schedule operation ${String(op)}`);
    },
    async secret() {
      live('secret');
      if (ctx.secret === undefined)
        throw new PermissionError('The skill was not granted secret', { code: 'not-declared' });
      return ctx.secret();
    },
    async fetch(request) {
      live('fetch');
      if (ctx.fetch === undefined)
        throw new PermissionError('The skill was not granted network', { code: 'not-declared' });
      return serveRemoteFetch(ctx.fetch, request, skillId);
    },
  };
  return { endpoint, close: () => void (closed = true) };
}

/**
 * Whether the context holds a capability, read from its own value: the getter that stands for an
 * absent one (./undeclared.ts) is left alone, so forwarding a call is not taken for the skill's use.
 */
const held = (ctx: SkillContext, name: 'fetch' | 'storage' | 'profile' | 'schedule' | 'secret'): boolean =>
  Object.getOwnPropertyDescriptor(ctx, name)?.value !== undefined;

/**
 * The cloneable call for a context.
 * @internal
 */
export function callFor(
  ctx: SkillContext,
  skillId: string,
  callId: string,
  network: readonly string[],
): RemoteSkillCall {
  return {
    callId,
    skillId,
    intent: ctx.intent,
    text: ctx.text,
    slots: structuredClone({ ...ctx.slots }),
    entities: structuredClone([...ctx.entities]),
    conversation: {
      id: ctx.conversation.id,
      recentTurns: ctx.conversation.recentTurns.map((t) => ({ role: t.role, text: t.text })),
    },
    now: ctx.now.getTime(),
    timeZone: ctx.timeZone,
    lang: ctx.lang,
    capabilities: {
      network: held(ctx, 'fetch') ? [...network] : [],
      storage: held(ctx, 'storage'),
      profile: held(ctx, 'profile'),
      schedule: held(ctx, 'schedule'),
      secret: held(ctx, 'secret'),
    },
  };
}
