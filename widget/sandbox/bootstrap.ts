/**
 * The two scripts of a third-party skill sandbox (see `documents.ts` for where each runs):
 *
 * - `FRAME_SOURCE`, the only script of the sandboxed frame: it receives the Worker's source and the
 *   host's `MessagePort`, starts the skill's Worker from a `blob:` URL and hands it the port. It
 *   never runs skill code, so nothing the skill does can reach the frame's document.
 * - `WORKER_BOOTSTRAP_SOURCE`, the start of the Worker's script, just before the bundle: it checks
 *   that the frame's policy governs the Worker, defines `confidant.register(execute)`, and for each
 *   call rebuilds a `SkillContext` whose every capability (`fetch` included) is a message to the
 *   host over the port, where the engine checks it again: nothing in the Worker is trusted, since
 *   the bundle runs in the same realm and can tamper with anything defined here.
 *
 * Kept as source text rather than compiled functions so no bundler can rewrite them (helpers such
 * as esbuild's `__name` would reference names that do not exist there) and the frame script's CSP
 * hash is stable. Plain ES2020, no imports.
 *
 * @module
 */

/** The frame's script, allowed by its hash. @internal */
export const FRAME_SOURCE = `(() => {
  'use strict';
  let started = false;
  const report = (reason) => parent.postMessage({ t: 'confidant-sandbox-failed', reason }, '*');
  addEventListener('message', (event) => {
    const m = event.data;
    if (started || event.source !== parent || m === null || typeof m !== 'object' || m.t !== 'confidant-sandbox-start') return;
    if (typeof m.worker !== 'string' || event.ports.length !== 1) return;
    started = true;
    let url = '';
    try {
      url = URL.createObjectURL(new Blob([m.worker], { type: 'text/javascript' }));
      // A host page that requires Trusted Types passes that on to this frame: vouch for our own blob only.
      let policy = null;
      try {
        policy = self.trustedTypes.createPolicy('confidant-sandbox', { createScriptURL: (u) => { if (u !== url) throw new TypeError('not the skill'); return u; } });
      } catch (e) { /* no Trusted Types, or the host's policy names leave ours out: a plain URL */ }
      const worker = new Worker(policy ? policy.createScriptURL(url) : url, { name: 'confidant-skill' });
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        report(String(e.message).includes('confidant-sandbox-unsafe') ? 'unsafe' : 'error');
      });
      worker.addEventListener('message', () => URL.revokeObjectURL(url), { once: true });
      worker.postMessage('confidant-sandbox-port', [event.ports[0]]);
    } catch (e) {
      report('start');
    }
  });
})();`;

/** The start of the skill Worker's script; the bundle follows it. @internal */
export const WORKER_BOOTSTRAP_SOURCE = `(() => {
  'use strict';
  // The frame's policy must govern this Worker (a blob: Worker inherits its creator's CSP): under it
  // a data: script is refused, without any network (the browser logs that refusal: it is this check).
  // Where it is not refused, stop here: the bundle after this script never runs.
  let governed = false;
  try { importScripts('data:text/javascript,'); } catch (e) { governed = true; }
  if (!governed) throw new Error('confidant-sandbox-unsafe: the sandbox policy does not govern its Worker');
  let impl = null;
  let port = null;
  let seq = 0;
  const calls = new Map();
  const waiting = new Map();
  const NULL_BODY = new Set([101, 204, 205, 304]);
  const register = (x) => {
    if (impl !== null) throw new Error('confidant.register was already called');
    if (typeof x === 'function') impl = x;
    else if (x !== null && typeof x === 'object' && typeof x.execute === 'function') impl = (ctx) => x.execute(ctx);
    else throw new TypeError('confidant.register takes execute(ctx) or { execute(ctx) }');
  };
  Object.defineProperty(self, 'confidant', { value: Object.freeze({ register }), enumerable: false });
  const post = (message, transfer) => { if (port !== null) port.postMessage(message, transfer || []); };
  const failure = (name, message) => { const e = new Error(message); e.name = name; return e; };
  const rpc = (id, method, args, transfer) => new Promise((resolve, reject) => {
    const rid = ++seq;
    waiting.set(rid, { resolve, reject });
    post({ t: 'rpc', id, rid, method, args }, transfer);
  });
  const kv = (id, area) => Object.freeze({
    get: (key) => rpc(id, 'kv', [area, 'get', key]),
    set: (key, value) => rpc(id, 'kv', [area, 'set', key, value]).then(() => undefined),
    delete: (key) => rpc(id, 'kv', [area, 'delete', key]).then(() => undefined),
    keys: () => rpc(id, 'kv', [area, 'keys']),
  });
  // ctx.fetch: the host runs the request with the call's scoped fetch. A Request built here sends
  // nothing; it only turns what fetch() accepts (URL objects, Requests, bodies, headers) into data.
  const remoteFetch = (id, signal) => async (input, init) => {
    const request = new Request(input, init);
    const s = AbortSignal.any([signal, request.signal]);
    s.throwIfAborted();
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    const answer = await new Promise((resolve, reject) => {
      const onAbort = () => reject(s.reason);
      s.addEventListener('abort', onAbort, { once: true });
      rpc(id, 'fetch', [{ url: request.url, method: request.method, headers: [...request.headers], body }], body ? [body] : [])
        .then(resolve, reject)
        .finally(() => s.removeEventListener('abort', onAbort));
    });
    const response = new Response(NULL_BODY.has(answer.status) ? null : answer.body, {
      status: answer.status, statusText: answer.statusText, headers: answer.headers,
    });
    Object.defineProperties(response, { url: { value: answer.url }, redirected: { value: answer.redirected } });
    return response;
  };
  const run = async (id, call) => {
    const controller = new AbortController();
    calls.set(id, controller);
    try {
      if (impl === null) throw failure('Error', 'the bundle did not call confidant.register');
      const caps = call.capabilities;
      const ctx = Object.freeze(Object.assign({
        intent: call.intent, text: call.text, slots: Object.freeze(call.slots), entities: Object.freeze(call.entities),
        conversation: Object.freeze(call.conversation), signal: controller.signal, now: new Date(call.now),
        timeZone: call.timeZone, lang: call.lang,
      },
      caps.network.length > 0 ? { fetch: remoteFetch(id, controller.signal) } : {},
      caps.storage ? { storage: kv(id, 'storage') } : {},
      caps.profile ? { profile: kv(id, 'profile') } : {},
      caps.schedule ? { schedule: Object.freeze({
        add: (reply) => rpc(id, 'schedule', ['add', reply]),
        cancel: (sid) => rpc(id, 'schedule', ['cancel', sid]).then(() => undefined),
        list: () => rpc(id, 'schedule', ['list']),
      }) } : {},
      caps.secret ? { secret: () => rpc(id, 'secret', []) } : {}));
      const result = await impl(ctx);
      if (result !== null && typeof result === 'object' && typeof result[Symbol.asyncIterator] === 'function') {
        for await (const chunk of result) {
          if (controller.signal.aborted) break;
          if (typeof chunk !== 'string') throw new TypeError('a streamed chunk must be a string');
          post({ t: 'delta', id, text: chunk });
        }
        post({ t: 'done', id, result: { type: 'streamed' } });
      } else {
        post({ t: 'done', id, result: { type: 'reply', reply: result } });
      }
    } catch (error) {
      const name = error !== null && typeof error === 'object' && typeof error.name === 'string' ? error.name : 'Error';
      post({ t: 'error', id, name });
    } finally {
      calls.delete(id);
    }
  };
  const onPortMessage = (event) => {
    const m = event.data;
    if (m === null || typeof m !== 'object') return;
    if (m.t === 'invoke') void run(m.id, m.call);
    else if (m.t === 'abort') { const c = calls.get(m.id); if (c) c.abort(new DOMException('aborted', m.reason === 'TimeoutError' ? 'TimeoutError' : 'AbortError')); }
    else if (m.t === 'rpc-result') {
      const w = waiting.get(m.rid);
      if (!w) return;
      waiting.delete(m.rid);
      if (m.ok) w.resolve(m.value); else w.reject(failure(String(m.name), String(m.message)));
    }
  };
  const onFrameMessage = (event) => {
    if (event.data !== 'confidant-sandbox-port' || event.ports.length !== 1 || port !== null) return;
    removeEventListener('message', onFrameMessage);
    port = event.ports[0];
    port.onmessage = onPortMessage;
    postMessage('confidant-sandbox-booted');
    post({ t: 'ready', registered: impl !== null });
  };
  addEventListener('message', onFrameMessage);
})();
`;
