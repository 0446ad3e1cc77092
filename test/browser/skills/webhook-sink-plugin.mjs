// A @web/test-runner plugin: a webhook service on its own port of 127.0.0.1 (another origin than
// the test page, CORS open), for the outbox test (test/browser/skills/outbox-worker.test.ts) and as
// the declared origin of the sandbox network test (`/redirect?to=<url>` answers a 302 there).
// `executeServerCommand('webhook-sink', { down })` starts it once and takes it off the network
// (`down: true`: every connection is destroyed as it opens, as when the network is gone) or back;
// it returns `{ origin, connectionsWhileDown, deliveries }`, a delivery being one POST the service
// answered: `{ path, idempotencyKey, authorization, body }`.
// Register it in web-test-runner.config.mjs: `plugins: [..., webhookSinkPlugin()]`.
import { createServer } from 'node:http';

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function webhookSinkPlugin() {
  /** @type {import('node:http').Server | undefined} */
  let server;
  let origin = '';
  let down = false;
  let connectionsWhileDown = 0;
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {{ path: string, contentType: string | null, custom: string | string[] | null, idempotencyKey: string | null, authorization: string | null, body: unknown }[]} */
  const deliveries = [];

  const start = async () => {
    server = createServer((req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type, accept, authorization, idempotency-key, x-skill',
        });
        return void res.end();
      }
      if (req.url?.startsWith('/redirect?')) {
        // A declared origin redirecting elsewhere (the sandbox network test): `?to=<url>`.
        const to = new URL(req.url, 'http://x').searchParams.get('to') ?? '/';
        res.writeHead(302, { location: to });
        return void res.end();
      }
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        let parsed = body;
        try {
          parsed = JSON.parse(body);
        } catch {
          // kept as text
        }
        deliveries.push({
          path: req.url ?? '',
          contentType: req.headers['content-type'] ?? null,
          custom: req.headers['x-skill'] ?? null,
          idempotencyKey: req.headers['idempotency-key'] ?? null,
          authorization: req.headers.authorization ?? null,
          body: parsed,
        });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ reply: 'Order 42 has shipped.' }));
      });
    });
    server.on('connection', (socket) => {
      if (!down) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        return;
      }
      connectionsWhileDown++;
      socket.destroy();
    });
    await new Promise((resolve) => server?.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  };

  return {
    name: 'webhook-sink',
    async executeCommand({ command, payload }) {
      if (command !== 'webhook-sink') return undefined;
      if (server === undefined) await start();
      if (typeof payload?.down === 'boolean') down = payload.down;
      // Going down cuts the kept-alive connections too, or the browser would reuse them.
      if (down) for (const socket of sockets) socket.destroy();
      return { origin, connectionsWhileDown, deliveries };
    },
    serverStop() {
      server?.closeAllConnections();
      server?.close();
    },
  };
}
