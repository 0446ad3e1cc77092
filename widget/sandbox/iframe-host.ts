/**
 * The DOM side of third-party skills: loads a bundle, checks its integrity pin, and runs it in a
 * Worker started by a sandboxed opaque-origin frame (see `documents.ts`), talking to it over a
 * `MessageChannel`. Implements the core's `SkillSandboxHost`, so `createSandboxedSkill(source,
 * host)` turns it into a skill. Only this page holds the frames; everything the skill asks for
 * (requests, storage, schedule, secret) goes to the endpoint the engine gave for that one call,
 * which checks it again.
 *
 * @module
 */
import { SkillError } from '../../src/index.ts';
import type {
  RemoteSkillCall,
  RemoteSkillEndpoint,
  RemoteSkillResult,
  SandboxedSkillSource,
  SandboxPort,
  SkillSandboxHost,
} from '../../src/entries/skills.ts';
// The sandbox host is the DOM half of sandboxed skills: it shares these checks with the core's skills
// runtime instead of exporting them publicly (eslint allows widget/sandbox/ exactly these modules).
import { verifyIntegrity } from '../../src/skills/integrity.ts';
import { validateManifest } from '../../src/skills/manifest.ts';
import { originOfEndpoint } from '../../src/skills/origins.ts';
import { readCapped } from '../../src/skills/read-capped.ts';
import { SANDBOX_ALLOW, buildSandboxDocuments } from './documents.ts';

/** Options of {@link createIframeSandboxHost}. */
export interface IframeSandboxHostOptions {
  /** Where the (hidden) frames are attached. @default document.body */
  container?: HTMLElement;
  /** Fetches bundles. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** How long a sandbox may take to start. @default 10000 */
  startTimeoutMs?: number;
  /** @default 2 MiB */
  maxBundleBytes?: number;
  /**
   * How long a call may go on after it was aborted (timeout or cancel) before its sandbox is torn
   * down, stopping a skill that ignores its signal or loops forever; the next call starts a fresh one.
   * @default 1000
   */
  abortGraceMs?: number;
}

/** The host, plus `dispose()` to remove every frame. */
export interface IframeSandboxHost extends SkillSandboxHost {
  dispose(): void;
}

interface Pending {
  endpoint: RemoteSkillEndpoint;
  resolve: (r: RemoteSkillResult) => void;
  reject: (e: unknown) => void;
}

const ERROR_NAME = /^[A-Za-z]{1,40}$/;

function withTimeout<T>(promise: Promise<T>, ms: number, skillId: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new SkillError('The sandbox did not start in time', skillId, { code: 'sandbox-start' })),
      ms,
    );
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** Fetches a bundle and checks it against its pin; returns its text. */
async function fetchBundle(
  source: SandboxedSkillSource,
  id: string,
  fetchBytes: typeof fetch,
  maxBytes: number,
): Promise<string> {
  originOfEndpoint(source.url, 'bundle url');
  let response: Response;
  try {
    response = await fetchBytes(source.url, {
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  } catch (cause) {
    throw new SkillError('The skill bundle could not be fetched', id, { code: 'bundle', cause });
  }
  if (!response.ok)
    throw new SkillError(`The skill bundle answered with status ${response.status}`, id, { code: 'bundle' });
  const bytes = await readCapped(response, maxBytes, id);
  if (!(await verifyIntegrity(bytes, source.integrity))) {
    throw new SkillError('The skill bundle does not match its integrity pin: refused', id, { code: 'integrity' });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    throw new SkillError('The skill bundle is not UTF-8', id, { code: 'bundle', cause });
  }
}

/**
 * Creates the page-side loader of sandboxed skills.
 * @example
 * ```ts
 * const host = createIframeSandboxHost();
 * const skill = createSandboxedSkill({ url, integrity: 'sha384-…', manifest }, host);
 * ```
 */
export function createIframeSandboxHost(options: IframeSandboxHostOptions = {}): IframeSandboxHost {
  const frames = new Set<HTMLIFrameElement>();
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const graceMs = options.abortGraceMs ?? 1000;

  async function load(source: SandboxedSkillSource): Promise<SandboxPort> {
    const manifest = validateManifest(source.manifest, 'createIframeSandboxHost');
    const id = manifest.id;
    const text = await fetchBundle(source, id, baseFetch, options.maxBundleBytes ?? 2 * 1024 * 1024);
    const docs = await buildSandboxDocuments(text);

    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('allow', SANDBOX_ALLOW);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = `Confidant skill sandbox: ${id}`;
    frame.hidden = true;
    frame.dataset.confidantSandbox = id;
    frame.srcdoc = docs.frame;

    const channel = new MessageChannel();
    const pending = new Map<string, Pending>();
    /** Calls aborted but not settled yet, with the timer that tears the sandbox down if they never do. */
    const draining = new Map<string, ReturnType<typeof setTimeout>>();
    let closed = false;
    let started = false;
    let markReady: (registered: boolean) => void = () => undefined;
    let markFailed: (error: SkillError) => void = () => undefined;
    const ready = new Promise<boolean>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    const close = () => {
      if (closed) return;
      closed = true;
      window.removeEventListener('message', onWindowMessage);
      channel.port1.close();
      // Removing the frame ends its document and so its Worker, even one stuck in a loop.
      frame.remove();
      frames.delete(frame);
      for (const timer of draining.values()) clearTimeout(timer);
      draining.clear();
      for (const p of pending.values())
        p.reject(new SkillError('The skill sandbox closed', id, { code: 'sandbox-closed' }));
      pending.clear();
    };
    // Only the frame (checked by identity) may report that the Worker failed to start.
    const onWindowMessage = (event: MessageEvent) => {
      const m = event.data as { t?: unknown; reason?: unknown } | null;
      if (event.source !== frame.contentWindow || m?.t !== 'confidant-sandbox-failed' || started) return;
      markFailed(
        m.reason === 'unsafe'
          ? new SkillError('This browser does not apply the sandbox policy to its Worker', id, {
              code: 'sandbox-unsupported',
            })
          : new SkillError('The skill bundle failed to start', id, { code: 'bundle' }),
      );
    };
    window.addEventListener('message', onWindowMessage);

    let loads = 0;
    frame.addEventListener('load', () => {
      // The frame runs only our script, which never navigates; a second load means something did.
      if (++loads > 1) return close();
      frame.contentWindow?.postMessage({ t: 'confidant-sandbox-start', worker: docs.worker }, '*', [channel.port2]);
    });

    const reply = (rid: unknown, promise: Promise<unknown>) =>
      void promise.then(
        (value) => {
          // A response body is moved, not copied, back to the Worker.
          const body = (value as { body?: unknown } | null)?.body;
          channel.port1.postMessage(
            { t: 'rpc-result', rid, ok: true, value },
            body instanceof ArrayBuffer ? [body] : [],
          );
        },
        (error: unknown) => {
          const name =
            typeof (error as Error)?.name === 'string' && ERROR_NAME.test((error as Error).name)
              ? (error as Error).name
              : 'Error';
          channel.port1.postMessage({ t: 'rpc-result', rid, ok: false, name, message: 'refused' });
        },
      );
    const settle = (callId: string) => {
      clearTimeout(draining.get(callId));
      draining.delete(callId);
    };
    // Everything from the port is untrusted: checked field by field, unknown messages dropped.
    channel.port1.onmessage = (event: MessageEvent) => {
      const m = event.data as Record<string, unknown> | null;
      if (m === null || typeof m !== 'object') return;
      if (m.t === 'ready') return markReady(m.registered === true);
      if ((m.t === 'done' || m.t === 'error') && typeof m.id === 'string') settle(m.id);
      const p = typeof m.id === 'string' ? pending.get(m.id) : undefined;
      if (p === undefined) return;
      if (m.t === 'delta' && typeof m.text === 'string') void p.endpoint.delta(m.text);
      else if (m.t === 'done') {
        pending.delete(m.id as string);
        p.resolve(m.result as RemoteSkillResult);
      } else if (m.t === 'error') {
        pending.delete(m.id as string);
        const e = new Error('The sandboxed skill failed');
        e.name = typeof m.name === 'string' && ERROR_NAME.test(m.name) ? m.name : 'Error';
        p.reject(e);
      } else if (m.t === 'rpc' && Array.isArray(m.args)) {
        const a = m.args as unknown[];
        if (m.method === 'kv') reply(m.rid, p.endpoint.kv(a[0] as 'storage', a[1] as 'get', a[2] as string, a[3]));
        else if (m.method === 'schedule') reply(m.rid, p.endpoint.schedule(a[0] as 'add', a[1]));
        else if (m.method === 'secret') reply(m.rid, p.endpoint.secret());
        else if (m.method === 'fetch')
          reply(m.rid, p.endpoint.fetch(a[0] as Parameters<RemoteSkillEndpoint['fetch']>[0]));
        else reply(m.rid, Promise.reject(new TypeError('unknown call')));
      }
    };

    frames.add(frame);
    (options.container ?? document.body).append(frame);
    try {
      const registered = await withTimeout(ready, options.startTimeoutMs ?? 10_000, id);
      if (!registered) throw new SkillError('The skill bundle did not call confidant.register', id, { code: 'bundle' });
      started = true;
    } catch (error) {
      close();
      throw error;
    }

    return {
      get closed() {
        return closed;
      },
      invoke(call: RemoteSkillCall, endpoint: RemoteSkillEndpoint) {
        if (closed) return Promise.reject(new SkillError('The skill sandbox closed', id, { code: 'sandbox-closed' }));
        return new Promise<RemoteSkillResult>((resolve, reject) => {
          pending.set(call.callId, { endpoint, resolve, reject });
          channel.port1.postMessage({ t: 'invoke', id: call.callId, call });
        });
      },
      abort(callId: string, reason: string) {
        const p = pending.get(callId);
        if (p === undefined) return;
        pending.delete(callId);
        p.reject(new DOMException('The skill call was aborted', 'AbortError'));
        if (closed) return;
        channel.port1.postMessage({ t: 'abort', id: callId, reason });
        // A skill that neither finishes nor gives up (a busy loop cannot even read its signal) loses its sandbox.
        draining.set(
          callId,
          setTimeout(() => close(), graceMs),
        );
      },
    };
  }

  return {
    load,
    dispose() {
      for (const frame of frames) frame.remove();
      frames.clear();
    },
  };
}
