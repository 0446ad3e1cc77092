/**
 * Skills whose code runs in another realm. In the Worker, `createRemoteSkill(manifest, invoke)`
 * makes a `SkillDefinition` out of a cloneable manifest and a function that forwards one call; on
 * the other side (the app's page), `serveSkill(definition)` runs the real `execute` against a
 * context rebuilt from the call. The runtime treats a remote skill like any other: consent,
 * timeout, abort, streaming and garbage handling all happen in the Worker.
 *
 * @example
 * ```ts
 * // page (main thread): expose the served skill
 * const served = serveSkill(ordersSkill);
 * // worker: wrap it (comlink proxies the endpoint's functions)
 * const remote = createRemoteSkill(manifestOf(ordersSkill),
 *   (call, endpoint) => page.invoke(call, Comlink.proxy(endpoint)),
 *   { abort: (id, reason) => page.abort(id, reason) });
 * ```
 * @module
 */
import type { SkillContext, SkillDefinition, SkillResult, SlotDefinition } from './types.ts';
import type { RemoteInvoke, RemoteSkillResult } from './remote-protocol.ts';
import { defineSkill } from './define-skill.ts';
import { validateManifest, type SkillManifest } from './manifest.ts';
import { callFor, endpointFor } from './remote-protocol.ts';
import { createChunkQueue } from './chunk-queue.ts';

/** Options of {@link createRemoteSkill}. */
export interface RemoteSkillOptions {
  /** Tells the remote side to abort a call (timeout or cancel); its `ctx.signal` fires there. */
  abort?: (callId: string, reason: string) => void | Promise<void>;
}

/**
 * The cloneable manifest of a definition (no functions), to send to the Worker.
 * @param definition a skill defined in this realm
 */
export function manifestOf(definition: SkillDefinition): SkillManifest {
  const { id, version, intents, description, intentDescriptions, fingerprint, sends, permissions, timeoutMs, slots } =
    validateManifest(definition, 'manifestOf');
  return structuredClone({
    id,
    version,
    intents: [...intents],
    ...(description === undefined ? {} : { description }),
    ...(fingerprint === undefined ? {} : { fingerprint }),
    ...(sends === undefined ? {} : { sends: { ...sends } }),
    ...(intentDescriptions === undefined ? {} : { intentDescriptions: { ...intentDescriptions } }),
    ...(permissions === undefined
      ? {}
      : { permissions: { ...permissions, ...(permissions.network ? { network: [...permissions.network] } : {}) } }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(slots === undefined
      ? {}
      : {
          slots: slots.map((slot) => {
            const { validate: _validate, ...s } = slot as SlotDefinition;
            const { prompt } = s;
            const copy = (p: string | readonly string[]) => (typeof p === 'string' ? p : [...p]);
            return {
              ...s,
              prompt:
                typeof prompt === 'string' || Array.isArray(prompt)
                  ? copy(prompt as string | string[])
                  : Object.fromEntries(Object.entries(prompt).map(([k, v]) => [k, copy(v)])),
            };
          }),
        }),
  });
}

/**
 * Makes a `SkillDefinition` whose `execute` forwards each call to another realm.
 *
 * @param manifest the skill's cloneable manifest (validated here, as `defineSkill` does)
 * @param invoke runs one call remotely; chunks it sends to `endpoint.delta` stream to the user
 * @returns a frozen definition for the runtime
 * @throws {TypeError | RangeError} for a bad manifest or a missing `invoke`
 */
export function createRemoteSkill(
  manifest: SkillManifest,
  invoke: RemoteInvoke,
  options: RemoteSkillOptions = {},
): SkillDefinition {
  if (typeof invoke !== 'function') throw new TypeError('createRemoteSkill: invoke must be a function');
  const checked = validateManifest(manifest, 'createRemoteSkill');
  const network = checked.permissions?.network ?? [];

  const execute = async (ctx: SkillContext): Promise<SkillResult> => {
    const callId = crypto.randomUUID();
    const queue = createChunkQueue();
    const { endpoint, close } = endpointFor(ctx, (text) => queue.push(text), checked.id);
    const onAbort = () => {
      const reason = ctx.signal.reason instanceof DOMException ? ctx.signal.reason.name : 'AbortError';
      void Promise.resolve()
        .then(() => options.abort?.(callId, reason))
        .catch(() => undefined);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const done = Promise.resolve()
      .then(() => invoke(callFor(ctx, checked.id, callId, network), endpoint))
      .finally(() => {
        close();
        ctx.signal.removeEventListener('abort', onAbort);
      });
    done.then(
      () => queue.end(),
      (error: unknown) => queue.fail(error),
    );

    // Wait for whichever comes first: a streamed chunk (stream the rest) or the whole answer.
    const first = await Promise.race([done.then((r) => ({ result: r })), queue.firstChunk().then(() => undefined)]);
    if (first !== undefined && !queue.started()) {
      const r = first.result as RemoteSkillResult | undefined;
      // Anything else is returned as is, for the runtime to call garbage.
      return r?.type === 'reply' ? r.reply : (r as unknown as SkillResult);
    }
    return queue.iterate();
  };

  return defineSkill({ ...structuredClone(checked), execute });
}
