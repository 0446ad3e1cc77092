// A @web/test-runner plugin: routes and listeners the fault and redirect tests need.
// On the test server itself:
// - `/__redirect?to=<url>&status=<3xx>` answers with that redirect, so a page (or its Worker) can be
//   redirected on its own origin (test/browser/skills/redirects.test.ts); `/__ok/<anything>` answers `ok`;
// - `/__model/<file>` serves `models/<file>`, or 404 once `executeServerCommand('model-missing',
//   { missing: true })` (test/browser/faults/model-missing.test.ts): a model gone on a later visit. `executeServerCommand('redirect-servers')`
// starts, once, two more listeners on 127.0.0.1:
// - `declared`: an HTTP server on another port (another origin, CORS open) that redirects the same
//   way, for the cross-origin case, and answers `ok` elsewhere;
// - `trap`: a raw TCP listener standing for an undeclared origin: it counts accepted connections
//   (a request event would miss a connection that sends nothing) and answers nothing useful.
// `executeServerCommand('redirect-counts')` returns { declared, trap } connection counts.
// - `/__compressed/<file>` serves the engine's files as a host that compresses does (gzip or brotli, by
//   `Accept-Encoding` or `?encoding=`; `Content-Length` is the compressed length), laid out as in `dist/`:
//   `ort-wasm-simd-threaded.wasm`, `models/*.onnx`, and the build itself under `dist/`
//   (test/browser/widget/load-progress.test.ts, test/browser/dist/compressed-progress.test.ts).
// Register it in web-test-runner.config.mjs: `plugins: [..., testServerPlugin()]`.
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { compress, pickEncoding } from '../../scripts/compression.mjs';

/** Where `/__compressed/<file>` is read from, by the file's place in `dist/`. */
function compressedSource(file) {
  if (file === 'ort-wasm-simd-threaded.wasm') return `node_modules/onnxruntime-web/dist/${file}`;
  if (/^models\/[\w.-]+\.onnx$/.test(file)) return file;
  if (/^dist\/[\w.-]+(\/[\w.-]+)?$/.test(file)) return file;
  return undefined;
}

/** Serves a file compressed, in slices as a network delivers it (the page reads it in many chunks). */
async function serveCompressed(req, res) {
  const url = new URL(req.url ?? '/', 'http://x');
  const file = url.pathname.slice('/__compressed/'.length);
  const from = compressedSource(file);
  res.setHeader('cache-control', 'no-store');
  if (from === undefined || file.includes('..')) return void res.writeHead(404).end('not found');
  let body;
  try {
    body = await readFile(new URL(`../../${from}`, import.meta.url));
  } catch {
    return void res.writeHead(404).end('not found');
  }
  const encoding = url.searchParams.get('encoding') ?? pickEncoding(req.headers['accept-encoding']);
  const sent =
    encoding === 'br' || encoding === 'gzip' ? await compress(body, encoding, `${from}:${body.length}`) : body;
  const type = file.endsWith('.wasm')
    ? 'application/wasm'
    : file.endsWith('.js')
      ? 'text/javascript'
      : 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': sent.length,
    'cross-origin-resource-policy': 'same-origin',
    ...(sent === body ? {} : { 'content-encoding': encoding }),
  });
  let at = 0;
  const next = () => {
    if (at >= sent.length) return void res.end();
    res.write(sent.subarray(at, (at += 16 * 1024)), () => setTimeout(next, 2));
  };
  next();
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
function redirectOrOk(req, res) {
  const url = new URL(req.url ?? '/', 'http://x');
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('cache-control', 'no-store');
  if (url.pathname === '/__redirect') {
    res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to') ?? '/' });
    return void res.end();
  }
  res.setHeader('content-type', 'text/plain');
  res.end(`ok ${url.pathname}`);
}

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function testServerPlugin() {
  /** @type {{ declared: number, trap: number } | undefined} */
  let ports;
  const counts = { declared: 0, trap: 0 };
  let modelMissing = false;
  /** @type {(() => void)[]} */
  const closers = [];
  /** @param {string} file @param {import('node:http').ServerResponse} res */
  const serveModel = async (file, res) => {
    res.setHeader('cache-control', 'no-store');
    if (modelMissing || !/^[\w.-]+\.onnx$/.test(file)) return res.writeHead(404).end('not found');
    const bytes = await readFile(new URL(`../../models/${file}`, import.meta.url));
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
  };
  const listen = (server) =>
    new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  return {
    name: 'redirect-servers',
    serverStart({ server }) {
      const handlers = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        if (req.url?.startsWith('/__redirect') || req.url?.startsWith('/__ok')) return redirectOrOk(req, res);
        if (req.url?.startsWith('/__model/')) return void serveModel(req.url.slice('/__model/'.length), res);
        if (req.url?.startsWith('/__compressed/')) return void serveCompressed(req, res);
        for (const handler of handlers) handler.call(server, req, res);
      });
    },
    async executeCommand({ command, payload }) {
      if (command === 'redirect-servers') {
        if (ports === undefined) {
          const declared = createServer(redirectOrOk);
          declared.on('connection', () => counts.declared++);
          const trap = createNetServer((socket) => {
            counts.trap++;
            socket.destroy();
          });
          ports = { declared: await listen(declared), trap: await listen(trap) };
          closers.push(
            () => declared.close(),
            () => trap.close(),
          );
        }
        return ports;
      }
      if (command === 'redirect-counts') return { ...counts };
      if (command === 'model-missing') {
        modelMissing = payload?.missing === true;
        return modelMissing;
      }
      return undefined;
    },
    serverStop() {
      for (const close of closers) close();
    },
  };
}
