/**
 * The script that runs first inside a third-party skill's sandboxed iframe: it defines
 * `confidant.register(execute)` for the bundle, receives the host's `MessagePort`, rebuilds a
 * `SkillContext` for each call from what the Worker lent it, and forwards storage, schedule and
 * secret calls back over the port (where the Worker checks them again: nothing here is trusted,
 * since the bundle runs in this same realm and can tamper with anything it defines).
 *
 * Kept as source text rather than a compiled function so no bundler can rewrite it (helpers such as
 * esbuild's `__name` would reference names that do not exist in the frame) and its CSP hash is
 * stable. Plain ES2020, no imports.
 *
 * @module
 */

/** The bootstrap's source, inlined as the frame's first `<script>` and allowed by its hash. @internal */
export const BOOTSTRAP_SOURCE = `(() => {
  'use strict';
  let impl = null;
  let port = null;
  let seq = 0;
  const calls = new Map();
  const waiting = new Map();
  // Network-capable constructors the CSP does not govern are removed before the bundle runs.
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel']) {
    try { delete self[name]; } catch (e) { /* not configurable: ignore */ }
  }
  const register = (x) => {
    if (impl !== null) throw new Error('confidant.register was already called');
    if (typeof x === 'function') impl = x;
    else if (x !== null && typeof x === 'object' && typeof x.execute === 'function') impl = (ctx) => x.execute(ctx);
    else throw new TypeError('confidant.register takes execute(ctx) or { execute(ctx) }');
  };
  Object.defineProperty(self, 'confidant', { value: Object.freeze({ register }), enumerable: false });
  const post = (message) => { if (port !== null) port.postMessage(message); };
  const failure = (name, message) => { const e = new Error(message); e.name = name; return e; };
  const rpc = (id, method, args) => new Promise((resolve, reject) => {
    const rid = ++seq;
    waiting.set(rid, { resolve, reject });
    post({ t: 'rpc', id, rid, method, args });
  });
  const kv = (id, area) => Object.freeze({
    get: (key) => rpc(id, 'kv', [area, 'get', key]),
    set: (key, value) => rpc(id, 'kv', [area, 'set', key, value]).then(() => undefined),
    delete: (key) => rpc(id, 'kv', [area, 'delete', key]).then(() => undefined),
    keys: () => rpc(id, 'kv', [area, 'keys']),
  });
  const scopedFetch = (origins, signal) => (input, init) => {
    let url;
    try { url = new URL(input instanceof URL ? input.href : String(input)); }
    catch (e) { return Promise.reject(failure('PermissionError', 'ctx.fetch needs an absolute URL')); }
    if (url.username !== '' || url.password !== '' || !origins.includes(url.origin)) {
      return Promise.reject(failure('PermissionError', 'undeclared origin ' + url.origin));
    }
    const signals = init && init.signal ? [init.signal, signal] : [signal];
    // Redirects are followed: the frame's CSP checks every hop against connect-src.
    return fetch(url.href, Object.assign({}, init, {
      credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.any(signals),
    }));
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
      caps.network.length > 0 ? { fetch: scopedFetch(caps.network, controller.signal) } : {},
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
  const onWindowMessage = (event) => {
    if (event.source !== parent || event.data !== 'confidant-sandbox-port' || event.ports.length !== 1 || port !== null) return;
    removeEventListener('message', onWindowMessage);
    port = event.ports[0];
    port.onmessage = onPortMessage;
    post({ t: 'ready', registered: impl !== null });
  };
  addEventListener('message', onWindowMessage);
})();`;
