#!/usr/bin/env node
// `npm start`: serves the repo on http://127.0.0.1:8080 (`PORT` to change it) and opens nothing: the demo pages
// are /demo/index.html (script-tag embed), /demo/zh.html (the Chinese page), /demo/app.html (npm/ESM use)
// and /demo/strict-csp.html. Everything —
// ONNX Runtime's wasm, the model — comes from this origin, compressed (brotli or gzip) as a host should serve
// it, so it works with the network off.
//
// @web/dev-server turns a `127.0.0.1` hostname into "every interface" when it listens, so it runs in
// middleware mode here and this script binds the loopback address itself.
import { createServer } from 'node:http';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { resolveDexieEsm } from './dev-server-plugins.mjs';
import { compressionMiddleware } from './compression.mjs';
import { importsPackages, readStatic } from './static-server.mjs';

const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), not ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = await startDevServer({
  config: {
    rootDir: root,
    middlewareMode: true,
    nodeResolve: { exportConditions: ['browser', 'import'] },
    appIndex: undefined,
    middleware: [
      compressionMiddleware(),
      // The built files as a host serves them: as built, not through the dev server's transforms (which
      // would inline a source map and quadruple the script tag's bundle). The ESM modules that import a
      // package by name (`comlink`, `lit`: what an app's bundler resolves) go through the dev server, whose
      // node resolution a browser needs for them: the npm demo imports `confidant-assistant` that way.
      async (context, next) => {
        const found = context.path.startsWith('/dist/') ? await readStatic(root, context.path) : undefined;
        if (found === undefined || importsPackages(found)) return next();
        context.type = found.type;
        context.body = found.body;
      },
      // `/` opens the script-tag demo.
      (context, next) => (context.path === '/' ? context.redirect('/demo/index.html') : next()),
    ],
    plugins: [
      resolveDexieEsm(),
      esbuildPlugin({
        ts: true,
        target: 'es2022',
        tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)),
      }),
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const server = createServer(dev.koaApp.callback());
server.on('error', async (error) => {
  await dev.stop();
  if (error.code === 'EADDRINUSE') {
    console.error(
      `Port ${port} on ${HOST} is already in use (another \`npm start\`?). Stop that server, or pick another port: PORT=${port + 1} npm start`,
    );
  } else if (error.code === 'EACCES') {
    console.error(`Not allowed to listen on ${HOST}:${port}: pick a port above 1023, e.g. PORT=8080 npm start`);
  } else {
    console.error(`Cannot listen on ${HOST}:${port}: ${error.message}`);
  }
  process.exit(1);
});
server.listen(port, HOST, () => {
  const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(
    `Confidant demo: http://${HOST}:${actual}/demo/index.html (script tag), /demo/zh.html (中文), /demo/app.html (ESM), /demo/strict-csp.html`,
  );
});
const stop = () => server.close(() => dev.stop().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
