/**
 * `npm run bench:store`: plain Dexie against the encrypted store, in real Chromium, in one run —
 * bulk write and read of 10,000 messages, a 50-message page and a text search over 100,000.
 * Writes the `store` section of BENCHMARKS.md; with `--json` prints one JSON object on stdout.
 *
 * The page is served from 127.0.0.1 by @web/dev-server (the test runner's plugins) with COOP/COEP,
 * so `performance.now()` is precise (TOOLCHAIN.md pitfall 2).
 *
 * Options: `--json`, `--rounds N` (default 5), `--n N` (default 10000), `--big N` (default 100000).
 */
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';
import { machineLine, table, writeBenchSection } from './report.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rounds = arg('rounds', 5);
const n = arg('n', 10_000);
const big = arg('big', 100_000);
const say = (s: string) => process.stderr.write(`${s}\n`);

const root = fileURLToPath(new URL('..', import.meta.url));
// Plain .mjs without typings: import by a non-literal specifier so the type-check does not look for them.
const pluginsPath: string = '../scripts/dev-server-plugins.mjs';
// eslint-disable-next-line no-unsanitized/method -- a constant path to our own script, not user input
const { resolveDexieEsm, crossOriginIsolation } = (await import(pluginsPath)) as {
  resolveDexieEsm: () => object;
  crossOriginIsolation: () => object;
};

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

const loadBefore = loadavg()[0] ?? 0;
const port = await freePort();
const server = await startDevServer({
  config: {
    rootDir: root,
    hostname: '127.0.0.1',
    port,
    nodeResolve: { exportConditions: ['browser', 'import'] },
    plugins: [
      resolveDexieEsm(),
      crossOriginIsolation(),
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) }),
    ] as never[],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
  autoExitProcess: false,
});

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/lib/chromium/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let result: Record<string, number | string | boolean>;
try {
  const page = await browser.newPage();
  page.on('console', (m) => say(`[page] ${m.text()}`));
  page.on('pageerror', (e) => say(`[page error] ${e.message}`));
  say(`bench:store: ${rounds} rounds of ${n} messages, then ${big} messages, in Chromium…`);
  await page.goto(`http://127.0.0.1:${port}/bench/store/index.html?coi=1&rounds=${rounds}&n=${n}&big=${big}`);
  await page.waitForFunction(() => '__storeBench' in window, undefined, { timeout: 30_000 });
  result = await page.evaluate(() => (window as unknown as { __storeBench: Promise<Record<string, number | string | boolean>> }).__storeBench, undefined);
  say(String(await page.locator('#log').textContent()));
} finally {
  await browser.close();
  await server.stop();
}

const r = result as {
  plainWritePerSec: number; encryptedWritePerSec: number; plainReadPerSec: number; encryptedReadPerSec: number;
  page50Ms: number; page50P95Ms: number; search100kMs: number; search100kColdMs: number; searchMatches: number; crossOriginIsolated: boolean; userAgent: string;
};
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const chrome = /Chrome\/([\d.]+)/.exec(r.userAgent)?.[1] ?? 'unknown';
const k = (x: number) => `${(x / 1000).toFixed(1)}k`;
writeBenchSection('store', [
  '## Store: plain Dexie vs encrypted (AES-256-GCM) history',
  '',
  `${machineLine()} Chromium ${chrome} headless, 2 shared cores, cross-origin isolated: ${r.crossOriginIsolated}; 1-min load average ${loadBefore.toFixed(1)} at start (other work shares the machine: compare ratios, not absolutes). Median of ${rounds} rounds (plain and encrypted alternate going first). Command: \`npm run bench:store\`.`,
  '',
  table(['', 'plain Dexie', 'encrypted store', 'ratio (encrypted / plain)', 'target'], [
    [`bulk write, ${n} messages (msg/s)`, k(r.plainWritePerSec), k(r.encryptedWritePerSec), ratio(r.encryptedWritePerSec, r.plainWritePerSec), '>= 0.8'],
    [`read ${n} messages, newest first (msg/s)`, k(r.plainReadPerSec), k(r.encryptedReadPerSec), ratio(r.encryptedReadPerSec, r.plainReadPerSec), '>= 0.5'],
  ]),
  '',
  table(['encrypted store, history of ' + big + ' messages', 'median', 'target'], [
    ['50-message page (ms; p95 ' + r.page50P95Ms + ')', r.page50Ms, '<= 20 ms'],
    [`full-text search, ${r.searchMatches} matches (ms)`, r.search100kMs, '<= 1500 ms'],
    ['first search ever (ms): decrypts message by message and builds the search packs', r.search100kColdMs, ''],
  ]),
  '',
  'Search reads the search packs (500 messages under one ciphertext, built by the first search, kept exact on every write;',
  'see `src/store/search-packs.ts`). The page is read from the `[conversationId+createdAt]` index and decrypted while the',
  'next chunk is read. Plain Dexie stores the same records with the text in the clear and the same indexes.',
].join('\n'));

const out = {
  plainWritePerSec: r.plainWritePerSec, encryptedWritePerSec: r.encryptedWritePerSec, plainReadPerSec: r.plainReadPerSec,
  encryptedReadPerSec: r.encryptedReadPerSec, page50Ms: r.page50Ms, search100kMs: r.search100kMs, search100kColdMs: r.search100kColdMs,
};
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
else say(JSON.stringify(r, null, 2));
