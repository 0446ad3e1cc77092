/**
 * `npm run bench:store`: plain Dexie against the encrypted store, in real Chromium, in one run —
 * bulk write and read of 10,000 messages, a 50-message page and a text search over 100,000.
 * Writes the `store` section of BENCHMARKS.md; with `--json` prints one JSON object on stdout.
 *
 * The page is served from 127.0.0.1 by bench/isolated-server.ts (the test runner's plugins) with COOP/COEP,
 * so `performance.now()` is precise (TOOLCHAIN.md pitfall 2).
 *
 * Options: `--json`, `--rounds N` (default 7), `--n N` (default 10000), `--big N` (default 100000),
 * `--profile [--mode phases|writes|reads]` (where the time goes: `store/profile-page.ts`; writes nothing).
 */
import { loadavg } from 'node:os';
import { launchChromium, startIsolatedServer } from './isolated-server.ts';
import { machineLine, table, writeBenchSection } from './report.ts';
import type { BenchResult } from './store/bench-page.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
// `--profile [--mode phases|writes|reads]`: the profiling page (profile.html) instead; prints its
// medians and writes nothing.
const profile = args.includes('--profile');
const mode = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : 'phases';
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rounds = arg('rounds', 7);
const n = arg('n', 10_000);
const big = arg('big', 100_000);
const say = (s: string) => process.stderr.write(`${s}\n`);

const loadBefore = loadavg()[0] ?? 0;
// The shared isolated server (COOP/COEP/CORP on every response) and Debian's Chromium.
const server = await startIsolatedServer();
const browser = await launchChromium();
let result: unknown;
try {
  const page = await browser.newPage();
  page.on('console', (m) => say(`[page] ${m.text()}`));
  page.on('pageerror', (e) => say(`[page error] ${e.message}`));
  say(`bench:store: ${rounds} rounds of ${n} messages, then ${big} messages, in Chromium…`);
  await page.goto(
    `${server.origin}/bench/store/${profile ? 'profile' : 'index'}.html?coi=1&rounds=${rounds}&n=${n}&big=${big}${profile ? `&mode=${mode}` : ''}`,
  );
  await page.waitForFunction(() => '__storeBench' in window, undefined, { timeout: 30_000 });
  result = await page.evaluate(() => (window as unknown as { __storeBench: Promise<unknown> }).__storeBench, undefined);
  say(String(await page.locator('#log').textContent()));
} finally {
  await browser.close();
  await server.stop();
}

if (profile) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
const r = result as BenchResult;
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const chrome = /Chrome\/([\d.]+)/.exec(r.userAgent)?.[1] ?? 'unknown';
const k = (x: number) => `${(x / 1000).toFixed(1)}k`;
writeBenchSection(
  'store',
  [
    '## Store: plain Dexie vs encrypted (AES-256-GCM) history',
    '',
    `${machineLine()} Chromium ${chrome} headless, 2 shared cores, cross-origin isolated: ${r.crossOriginIsolated}; 1-min load average ${loadBefore.toFixed(1)} at start (other work shares the machine: compare ratios, not absolutes). Median of ${rounds} rounds (plain and encrypted alternate going first; ${r.readPairs} read pairs). Command: \`npm run bench:store\`.`,
    '',
    table(
      ['', 'plain Dexie', 'encrypted store', 'ratio of medians', 'median of paired ratios', 'target'],
      [
        [
          `bulk write, ${n} messages (msg/s)`,
          k(r.plainWritePerSec),
          k(r.encryptedWritePerSec),
          ratio(r.encryptedWritePerSec, r.plainWritePerSec),
          r.writeRatioPaired.toFixed(2),
          '>= 0.8',
        ],
        [
          `read ${n} messages, newest first (msg/s)`,
          k(r.plainReadPerSec),
          k(r.encryptedReadPerSec),
          ratio(r.encryptedReadPerSec, r.plainReadPerSec),
          r.readRatioPaired.toFixed(2),
          '>= 0.5',
        ],
      ],
    ),
    '',
    table(
      ['encrypted store, history of ' + big + ' messages', 'median', 'target'],
      [
        ['50-message page (ms; p95 ' + r.page50P95Ms + ')', r.page50Ms, '<= 20 ms'],
        [`full-text search, ${r.searchMatches} matches (ms)`, r.search100kMs, '<= 1500 ms'],
        ['first search ever (ms): decrypts message by message and builds the search packs', r.search100kColdMs, ''],
      ],
    ),
    '',
    'Both sides store the same rows (UUIDv7 ids, the same conversation id, the same indexes); plain Dexie keeps role and',
    'text in the clear, the store seals them together (one AES-GCM call per message, `src/crypto/batch.ts`). A paired ratio',
    'is encrypted throughput / plain throughput within one round (or read pair), which cancels load that drifts between rounds. Where the time',
    'goes: `npm run bench:store -- --profile --mode phases|writes|reads`. Plain Dexie mostly waits on IndexedDB; the store',
    'also pays, on its own thread, for one WebCrypto call per message (the call and its result task, ~5 µs, plus garbage,',
    'in a CPU profile of a 10,000-message read), so the read ratio follows the load on the calling thread.',
    'Search reads the search packs (500 messages under one ciphertext, built by the first search, kept exact on every write;',
    'see `src/store/search-packs.ts`). A page is read from the `[conversationId+createdAt]` index in growing chunks',
    '(1,000, then 4,000, …), each decrypted while the next is read.',
  ].join('\n'),
);

const out = {
  plainWritePerSec: r.plainWritePerSec,
  encryptedWritePerSec: r.encryptedWritePerSec,
  plainReadPerSec: r.plainReadPerSec,
  encryptedReadPerSec: r.encryptedReadPerSec,
  writeRatioPaired: r.writeRatioPaired,
  readRatioPaired: r.readRatioPaired,
  page50Ms: r.page50Ms,
  search100kMs: r.search100kMs,
  search100kColdMs: r.search100kColdMs,
};
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
else say(JSON.stringify(r, null, 2));
