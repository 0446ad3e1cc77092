// A small static file server for built apps (the packaged-app tests, the load benchmark): loopback only,
// compressed like a production host (./compression.mjs), the right MIME types for .js/.mjs/.wasm/.onnx.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { COMPRESSIBLE, compress, pickEncoding } from './compression.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Reads the file a URL path names under `root` (a folder's `index.html` for a folder), refusing paths
 * that leave it.
 * @param {string} root
 * @param {string} urlPath
 * @returns {Promise<{ file: string, body: Buffer, type: string, version: number } | undefined>}
 */
export async function readStatic(root, urlPath) {
  const base = normalize(root + sep);
  let file = normalize(join(base, decodeURIComponent(urlPath)));
  if (!file.startsWith(base)) return undefined;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (info === undefined) return undefined;
  return {
    file,
    body: await readFile(file),
    type: TYPES[extname(file)] ?? 'application/octet-stream',
    version: info.mtimeMs,
  };
}

/**
 * Whether a JavaScript module imports a package by its bare name (`from 'comlink'`), which a browser cannot
 * resolve without an import map or a dev server's rewriting (relative and absolute imports it can).
 * @param {{ body: Buffer, type: string }} file what `readStatic` found
 */
export function importsPackages({ body, type }) {
  if (!type.startsWith('text/javascript')) return false;
  return /^(?:import|export)\b[^;'"]*?['"](?![./]|https?:)[^'"]+['"]/m.test(body.toString('utf8'));
}

/**
 * Serves `root` on http://127.0.0.1:<port>.
 * @param {{ root: string, port?: number, headers?: Record<string, string> }} options
 *   `port` 0 (the default) picks a free one; `headers` are added to every response
 * @returns {Promise<{ url: string, bytesSent(): number, close(): Promise<void> }>} `bytesSent` counts
 *   the response bodies sent so far (compressed), whoever asked: the page, its Workers
 */
export async function serveStatic({ root, port = 0, headers = {} }) {
  let sent = 0;
  const server = createServer(async (req, res) => {
    try {
      const found = await readStatic(root, new URL(req.url ?? '/', 'http://x').pathname);
      if (found === undefined) return end(res, 404);
      const { file, type, version } = found;
      let body = found.body;
      const encoding =
        COMPRESSIBLE.test(type) && body.length > 1024 ? pickEncoding(req.headers['accept-encoding']) : undefined;
      if (encoding !== undefined) body = await compress(body, encoding, `${file}:${version}`);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ...(encoding === undefined ? {} : { 'Content-Encoding': encoding }),
        ...headers,
      });
      if (req.method !== 'HEAD') sent += body.length;
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      end(res, 500, String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    bytesSent: () => sent,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} [text] */
function end(res, status, text = '') {
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(text);
}
