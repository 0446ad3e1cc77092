/**
 * The repository served from 127.0.0.1 by @web/dev-server (TypeScript sources, the test runner's
 * plugins), cross-origin isolated on EVERY response, and Debian's Chromium to load it.
 *
 * Why every response, not only the page (the `?coi=1` plugin of scripts/dev-server-plugins.mjs
 * keys on the page URL and its referer): the engine's Worker script and the modules it imports
 * are requested from the Worker, whose URL carries no `?coi=1`. A dedicated Worker of an isolated
 * page must itself be served with COEP, and only an isolated Worker gets a 5 µs
 * `performance.now()` instead of 100 µs (TOOLCHAIN.md pitfall 2) — the engine's own turn timing
 * is taken inside the Worker.
 *
 * Shared by the browser benchmarks (bench/store.ts, bench/dialogue.ts).
 */
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';

/** A running server and its origin (`http://127.0.0.1:<port>`). */
export interface IsolatedServer {
  origin: string;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** An ephemeral port free on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Serves the repository on 127.0.0.1 (never another interface), with COOP `same-origin`,
 * COEP `require-corp` and CORP `same-origin` on every response.
 */
export async function startIsolatedServer(): Promise<IsolatedServer> {
  // Plain .mjs without typings: import by a non-literal specifier so the type-check does not look for them.
  const pluginsPath: string = '../scripts/dev-server-plugins.mjs';
  // eslint-disable-next-line no-unsanitized/method -- a constant path to our own script, not user input
  const { resolveDexieEsm } = (await import(pluginsPath)) as { resolveDexieEsm: () => object };
  const port = await freePort();
  const server = await startDevServer({
    config: {
      rootDir: root,
      hostname: '127.0.0.1',
      port,
      nodeResolve: { exportConditions: ['browser', 'import'] },
      middleware: [
        async (context, next) => {
          await next();
          context.set('Cross-Origin-Opener-Policy', 'same-origin');
          context.set('Cross-Origin-Embedder-Policy', 'require-corp');
          context.set('Cross-Origin-Resource-Policy', 'same-origin');
        },
      ],
      plugins: [
        resolveDexieEsm(),
        // @web/dev-server-esbuild reads its tsconfig raw, without `extends`: give it the base file.
        esbuildPlugin({
          ts: true,
          target: 'es2022',
          tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)),
        }),
      ] as never[],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.stop();
    },
  };
}

/** Launches Debian's Chromium headless (`CHROMIUM_PATH` overrides the path; never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable, headless: true, args: [...chromiumArgs] });
}

/**
 * A fresh context (empty cache and storage) whose pages may only reach `origin`: any other
 * request is aborted and counted (the assistant must send nothing anywhere).
 * @returns the context and a function reading the count of aborted requests
 */
export async function localOnlyContext(
  browser: Browser,
  origin: string,
): Promise<{ context: BrowserContext; external: () => number }> {
  const context = await browser.newContext();
  let external = 0;
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(`${origin}/`)) return route.continue();
    external++;
    return route.abort();
  });
  return { context, external: () => external };
}
