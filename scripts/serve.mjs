#!/usr/bin/env node
// `npm start`: serves the repo on http://127.0.0.1:8080 (loopback only) and opens nothing: the demo pages are
// /demo/index.html (script-tag embed), /demo/zh.html (the Chinese page), /demo/app.html (npm/ESM use) and
// /demo/strict-csp.html. Everything —
// ONNX Runtime's wasm, the model — comes from this origin, so it works with the network off.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { resolveDexieEsm } from './dev-server-plugins.mjs';

const port = Number(process.env.PORT ?? 8080);
const server = await startDevServer({
  config: {
    rootDir: fileURLToPath(new URL('..', import.meta.url)),
    hostname: '127.0.0.1',
    port,
    nodeResolve: { exportConditions: ['browser', 'import'] },
    appIndex: undefined,
    // `/` opens the script-tag demo.
    middleware: [(context, next) => (context.path === '/' ? context.redirect('/demo/index.html') : next())],
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
console.log(
  `Confidant demo: http://127.0.0.1:${port}/demo/index.html (script tag), /demo/zh.html (中文), /demo/app.html (ESM), /demo/strict-csp.html`,
);
process.on('SIGINT', () => server.stop().then(() => process.exit(0)));
