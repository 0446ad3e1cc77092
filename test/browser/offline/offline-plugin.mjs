// A @web/test-runner plugin that takes one *origin* of the test server off the network, for the
// offline tests (test/browser/offline/). The test page is served from `localhost`; its fixture frame
// from `127.0.0.1` (the same server, another origin). `executeServerCommand('set-host-offline',
// { host: '127.0.0.1:8000', offline: true })` makes the server drop every HTTP request for that host
// (the connection is destroyed: the browser sees a network error, as when the network is gone),
// whoever makes it: the frame, its engine Worker, its service worker.
//
// Why not Playwright's `BrowserContext.setOffline(true)`: it also cuts the test runner's own
// WebSocket, so the command never returns and the run hangs (tried: 296 s, then a stopped session).
//
// Every host named by that command gets `no-cache` responses (see noCache). The plugin also records
// the paths each host asked for (`host-requests`, from an index), and serves the service worker
// source with `Service-Worker-Allowed: /`, as a host does when the worker script lives in a
// subdirectory but controls the whole origin.
// Register it in web-test-runner.config.mjs: `plugins: [..., offlinePlugin()]`.

/**
 * Makes a response `Cache-Control: no-cache`, whatever later middleware sets. The test runner marks
 * every file `max-age=31536000`, so the HTTP cache would answer offline and hide what the caches
 * under test do; `no-cache` is what a host serving unversioned files sends.
 * @param {import('node:http').ServerResponse} res
 */
function noCache(res) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => setHeader(name, String(name).toLowerCase() === 'cache-control' ? 'no-cache' : value);
}

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function offlinePlugin() {
  /** @type {Set<string>} */
  const offline = new Set();
  /** Hosts ever named by `set-host-offline`: their responses are all `no-cache`. @type {Set<string>} */
  const fixtureHosts = new Set();
  /** @type {{ host: string, path: string, dropped: boolean }[]} */
  const requests = [];
  return {
    name: 'offline-host',
    serverStart({ server }) {
      // Wrap the server's request handler (Koa's, composed before plugins start) rather than add middleware.
      const handlers = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        const host = req.headers.host ?? '';
        const dropped = offline.has(host);
        requests.push({ host, path: req.url ?? '', dropped });
        if (dropped) return void req.socket.destroy();
        if (fixtureHosts.has(host)) noCache(res);
        for (const handler of handlers) handler.call(server, req, res);
      });
    },
    transform(context) {
      if (context.path === '/widget/offline/confidant-sw.ts' || context.path === '/dist/confidant-sw.js')
        context.set('Service-Worker-Allowed', '/');
    },
    async executeCommand({ command, payload }) {
      if (command === 'set-host-offline') {
        if (typeof payload?.host !== 'string') throw new Error('set-host-offline needs { host, offline }');
        fixtureHosts.add(payload.host);
        if (payload.offline === true) offline.add(payload.host);
        else offline.delete(payload.host);
        return requests.length;
      }
      if (command === 'host-requests') {
        return requests.slice(Number(payload?.since ?? 0)).filter((r) => r.host === payload?.host);
      }
      return undefined;
    },
  };
}
