/**
 * The DOM side of third-party skills: loads a bundle, checks its integrity pin, and runs it in a
 * sandboxed opaque-origin iframe (see `documents.ts`), talking to it over a `MessageChannel`.
 * Implements the core's `SkillSandboxHost`, so `createSandboxedSkill(source, host)` turns it into a
 * skill. Only this page holds the frames; everything the skill asks for (storage, schedule, secret)
 * goes to the endpoint the Worker gave for that one call, which checks it again.
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

  async function load(source: SandboxedSkillSource): Promise<SandboxPort> {
    const manifest = validateManifest(source.manifest, 'createIframeSandboxHost');
    const id = manifest.id;
    originOfEndpoint(source.url, 'bundle url');
    let response: Response;
    try {
      response = await baseFetch(source.url, {
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
    const bytes = await readCapped(response, options.maxBundleBytes ?? 2 * 1024 * 1024, id);
    if (!(await verifyIntegrity(bytes, source.integrity))) {
      throw new SkillError('The skill bundle does not match its integrity pin: refused', id, { code: 'integrity' });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (cause) {
      throw new SkillError('The skill bundle is not UTF-8', id, { code: 'bundle', cause });
    }
    const docs = await buildSandboxDocuments(text, manifest.permissions?.network ?? [], id);

    const wrapper = document.createElement('iframe');
    wrapper.setAttribute('sandbox', 'allow-scripts');
    wrapper.setAttribute('allow', SANDBOX_ALLOW);
    wrapper.setAttribute('referrerpolicy', 'no-referrer');
    wrapper.setAttribute('aria-hidden', 'true');
    wrapper.tabIndex = -1;
    wrapper.title = `Confidant skill sandbox: ${id}`;
    wrapper.hidden = true;
    wrapper.dataset.confidantSandbox = id;
    wrapper.srcdoc = docs.wrapper;

    const channel = new MessageChannel();
    const pending = new Map<string, Pending>();
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      window.removeEventListener('message', onWindowMessage);
      channel.port1.close();
      wrapper.remove();
      frames.delete(wrapper);
      for (const p of pending.values())
        p.reject(new SkillError('The skill sandbox closed', id, { code: 'sandbox-closed' }));
      pending.clear();
    };
    // Only the wrapper (checked by identity) may report that the skill frame navigated away.
    const onWindowMessage = (event: MessageEvent) => {
      if (event.source === wrapper.contentWindow && event.data === 'confidant-sandbox-closed') close();
    };
    window.addEventListener('message', onWindowMessage);

    let loads = 0;
    let markReady: (registered: boolean) => void = () => undefined;
    const ready = new Promise<boolean>((resolve) => (markReady = resolve));
    wrapper.addEventListener('load', () => {
      if (++loads > 1) return close();
      wrapper.contentWindow?.postMessage(
        { t: 'confidant-sandbox-start', html: docs.skill, allow: SANDBOX_ALLOW },
        '*',
        [channel.port2],
      );
    });

    const reply = (rid: unknown, promise: Promise<unknown>) =>
      void promise.then(
        (value) => channel.port1.postMessage({ t: 'rpc-result', rid, ok: true, value }),
        (error: unknown) => {
          const name =
            typeof (error as Error)?.name === 'string' && ERROR_NAME.test((error as Error).name)
              ? (error as Error).name
              : 'Error';
          channel.port1.postMessage({ t: 'rpc-result', rid, ok: false, name, message: 'refused' });
        },
      );
    // Everything from the port is untrusted: checked field by field, unknown messages dropped.
    channel.port1.onmessage = (event: MessageEvent) => {
      const m = event.data as Record<string, unknown> | null;
      if (m === null || typeof m !== 'object') return;
      if (m.t === 'ready') return markReady(m.registered === true);
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
        else reply(m.rid, Promise.reject(new TypeError('unknown call')));
      }
    };

    frames.add(wrapper);
    (options.container ?? document.body).append(wrapper);
    try {
      const registered = await withTimeout(ready, options.startTimeoutMs ?? 10_000, id);
      if (!registered) throw new SkillError('The skill bundle did not call confidant.register', id, { code: 'bundle' });
    } catch (error) {
      close();
      throw error;
    }

    return {
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
        if (!closed) channel.port1.postMessage({ t: 'abort', id: callId, reason });
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
