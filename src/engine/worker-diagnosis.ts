/**
 * Why the engine Worker did not start, in words a host can act on (issue 10.6). A module Worker
 * whose script fails to load fires a bare `error` event ("script error"): the browser hides the
 * reason. So, on a start-up failure, we look ourselves: a Content Security Policy violation seen
 * for the script, or a fetch of the same URL that tells 404, a wrong MIME type (a server answering
 * an HTML page for a missing file), or a CORS refusal for a script on another origin.
 *
 * @module
 */

/** The causes told apart, for the error's `code`. @internal */
export type WorkerStartCause = 'csp' | 'http' | 'mime' | 'cors' | 'network' | 'script';

/** A Content Security Policy violation, as much of `SecurityPolicyViolationEvent` as is read. */
interface Violation {
  blockedURI: string;
  effectiveDirective: string;
}

/**
 * Watches for CSP violations from the moment a Worker is started, so a later diagnosis can tell
 * that the policy blocked it (violations are reported once, as events, not remembered).
 * @returns the violations seen so far, and a function that stops watching
 * @internal
 */
export function watchViolations(): { seen: Violation[]; stop(): void } {
  const seen: Violation[] = [];
  const target = globalThis as {
    addEventListener?: typeof addEventListener;
    removeEventListener?: typeof removeEventListener;
  };
  const listener = (event: Event) => seen.push(event as unknown as Violation);
  target.addEventListener?.('securitypolicyviolation', listener);
  return { seen, stop: () => target.removeEventListener?.('securitypolicyviolation', listener) };
}

/**
 * Finds out why the Worker script at `url` did not start.
 * @param url the engine Worker's script
 * @param violations CSP violations seen since it was started
 * @param reported the error event's own message, if the browser gave one
 * @returns a message naming the URL, the cause and what to do, and the cause
 * @internal
 */
export async function diagnoseWorkerStart(
  url: string,
  violations: readonly Violation[],
  reported: string,
): Promise<{ message: string; cause: WorkerStartCause }> {
  const start = `The engine Worker could not start from ${url}`;
  const page = (globalThis as { location?: { origin: string } }).location?.origin;
  const origin = new URL(url).origin;
  const blocked = violations.find(
    (v) =>
      v.blockedURI === url ||
      v.blockedURI === 'blob' ||
      v.blockedURI.startsWith('blob:') ||
      url.startsWith(v.blockedURI),
  );
  if (blocked !== undefined) {
    return {
      cause: 'csp',
      message: `${start}: the page's Content Security Policy blocked it (${blocked.effectiveDirective}). Allow ${
        origin === page ? "'self'" : `${origin} and blob:`
      } in worker-src (and 'wasm-unsafe-eval' in script-src for ONNX Runtime).`,
    };
  }
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  } catch (error) {
    if (page !== undefined && origin !== page) {
      return {
        cause: 'cors',
        message: `${start}: ${origin} is another origin than the page and did not allow it (CORS). Serve the library's files with Access-Control-Allow-Origin for ${page}, or from the page's own origin.`,
      };
    }
    return {
      cause: 'network',
      message: `${start}: it could not be fetched (${String(error)}): is the server reachable, and does the page's CSP connect-src allow it?`,
    };
  }
  await response.body?.cancel().catch(() => undefined);
  if (!response.ok) {
    return {
      cause: 'http',
      message: `${start}: the server answered HTTP ${response.status}. Deploy the library's files there (bundlers copy them next to your code; with esbuild or a CDN, copy them and set assetsBase / assets-base to their folder).`,
    };
  }
  const type = response.headers.get('content-type') ?? '';
  if (!/javascript|ecmascript/i.test(type)) {
    return {
      cause: 'mime',
      message: `${start}: the server sent it as ${JSON.stringify(type || 'no content type')}, not JavaScript (a module Worker needs text/javascript; an HTML page usually means the file is missing and a fallback page was served).`,
    };
  }
  return {
    cause: 'script',
    message: `${start}: the script loaded but failed to run${reported ? ` (${reported})` : ''}; is it the confidant-worker.js of the same version as the page's library?`,
  };
}
