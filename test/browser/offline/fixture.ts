/**
 * The test page's side of the offline fixture: opens frame.html on the test server's *other*
 * origin (127.0.0.1 when the page is on localhost) in its own window, sends it commands, reloads
 * it, and takes that origin off the network through offline-plugin.mjs.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** What the fixture frame answers to `ready`. */
export interface Ready {
  registered: boolean;
  controlled: boolean;
  model: string;
}

/** A request the test server saw for the fixture's origin. */
export interface SeenRequest {
  path: string;
  dropped: boolean;
}

/** The fixture's origin: the test server under its other name. */
export const fixtureHost = `${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
export const fixtureOrigin = `${location.protocol}//${fixtureHost}`;

/** Takes the fixture's origin off the network (or back); returns a mark for {@link requestsSince}. */
export const setOffline = (offline: boolean): Promise<number> =>
  executeServerCommand('set-host-offline', { host: fixtureHost, offline }) as Promise<number>;

/** The requests for the fixture's origin since a mark. */
export const requestsSince = (since: number): Promise<SeenRequest[]> =>
  executeServerCommand('host-requests', { host: fixtureHost, since }) as Promise<SeenRequest[]>;

/** An open fixture page. */
export interface Fixture {
  call<T>(command: string, args?: { text?: string; url?: string }): Promise<T>;
  /** Reloads the page the way a user does (no dispose) and waits until its script runs again. */
  reload(): Promise<void>;
  close(): void;
}

let nextId = 0;

/** Resolves when the fixture page's script has started (it posts `booted` to its opener). */
function booted(): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      removeEventListener('message', onMessage);
      reject(new Error('The fixture page did not load (offline, and not from the service worker?)'));
    }, 20_000);
    const onMessage = (event: MessageEvent<{ booted?: boolean }>) => {
      if (event.origin !== fixtureOrigin || event.data?.booted !== true) return;
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve();
    };
    addEventListener('message', onMessage);
  });
}

/**
 * Opens frame.html with the given parameters on the fixture's origin, as a top-level window: a
 * host page is first party, and Chromium refuses service workers in a cross-site iframe.
 */
export async function openFixture(params: Record<string, string>): Promise<Fixture> {
  await setOffline(false); // also marks the fixture host for `no-cache` responses, before its first request
  const started = booted();
  const win = open(
    `${fixtureOrigin}/test/browser/offline/frame.html?${new URLSearchParams({ ...params, opener: location.origin })}`,
    '_blank',
  );
  if (win === null) throw new Error('the fixture window was blocked');
  await started;
  const call = <T>(command: string, args: { text?: string; url?: string } = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (
        event: MessageEvent<{ id: number; result?: T; error?: { name: string; message: string } }>,
      ) => {
        if (event.origin !== fixtureOrigin || event.data?.id !== id) return;
        removeEventListener('message', onMessage);
        if (event.data.error === undefined) resolve(event.data.result as T);
        else reject(Object.assign(new Error(event.data.error.message), { name: event.data.error.name }));
      };
      addEventListener('message', onMessage);
      win.postMessage({ id, command, ...args }, fixtureOrigin);
    });
  return {
    call,
    async reload() {
      const next = booted();
      await call('reload');
      await next;
    },
    close: () => win.close(),
  };
}

/** SHA-256 (hex) of a file on the test page's own origin. */
export async function sha256Of(path: string): Promise<string> {
  const bytes = await (await fetch(path, { cache: 'no-store' })).arrayBuffer();
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
