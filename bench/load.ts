/**
 * `npm run bench:load`: what a visitor waits for, on a cold cache, at 100 Mbit/s (issue 10.4).
 *
 * The script-tag page (bench/load/page.html) is served compressed (brotli, as scripts/compression.mjs)
 * from 127.0.0.1, and Chromium's network is throttled through the DevTools protocol
 * (`Network.emulateNetworkConditions`: 100 Mbit/s down and up, 20 ms latency). Each run is a fresh
 * browser context (empty HTTP cache, Cache Storage and IndexedDB):
 *
 * - shellKB: bytes transferred by a visitor who never opens the chat (page, shell), 3 s after `load`;
 * - progressMs: from the visitor reaching the launcher (pointer over it, then click) to the loading
 *   progress shown in the panel;
 * - engineUpMs, wasmDoneMs, modelDoneMs: to the Worker asking for its first file (its script loaded and
 *   run), to ONNX Runtime's wasm downloaded (and verified), to the model downloaded;
 * - readyMs: to the engine ready (Worker, ONNX Runtime's wasm compiled, model, store);
 * - firstReplyMs: to the reply to "what time is it", typed and sent as soon as the composer takes it;
 * - totalMB: what the server sent for the whole run (page, shell, Worker, wasm, model), compressed.
 *
 * Targets: shell <= 40 KB, progress <= 100 ms, first reply <= 1.5 s. Needs `dist/` (`npm run build`).
 * `--json` prints the figures instead of writing BENCHMARKS.md. `--baseline DIR` compares with another
 * checkout whose `dist/` is built (e.g. main's): the runs alternate between the two (ABBA, so load that
 * drifts weighs on both alike), both medians are printed, and BENCHMARKS.md is left alone.
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';
import { machineLine, table, writeBenchSection } from './report.ts';
import { serveStatic } from '../scripts/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const THROUGHPUT = Number(process.env.BENCH_BYTES_PER_SECOND ?? 12_500_000); // 100 Mbit/s
const LATENCY_MS = 20;

interface Run {
  shellKB: number;
  progressMs: number;
  engineUpMs: number;
  wasmDoneMs: number;
  modelDoneMs: number;
  readyMs: number;
  firstReplyMs: number;
  totalMB: number;
}

async function once(browser: Browser, url: string, bytesSent: () => number): Promise<Run> {
  const before = bytesSent();
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: THROUGHPUT,
    uploadThroughput: THROUGHPUT,
  });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => void (bytes += e.encodedDataLength));
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(3000);
    const shell = bytes;
    // bench/load/probe.js notes when the visitor reaches the launcher, then the first frame that shows
    // the progress, the ready composer and the reply.
    await page.addScriptTag({ path: `${root}bench/load/probe.js` });
    const widget = page.locator('confidant-assistant');
    await widget.locator('[part~="launcher"]').click();
    await widget.locator('[part~="input"]').fill('what time is it');
    await widget.locator('[part~="send-button"]').click();
    await page.waitForFunction(
      () => (window as unknown as { benchTimes: Record<string, number> }).benchTimes['reply'],
      null,
      { timeout: 120_000 },
    );
    const t = await page.evaluate(() => (window as unknown as { benchTimes: Record<string, number> }).benchTimes);
    const since = (name: string) => Math.round(((t[name] as number) - (t['start'] as number)) * 10) / 10;
    return {
      shellKB: Math.round((shell / 1024) * 10) / 10,
      progressMs: since('progress'),
      engineUpMs: since('engineUp'),
      wasmDoneMs: since('wasmDone'),
      modelDoneMs: since('modelDone'),
      readyMs: since('ready'),
      firstReplyMs: since('reply'),
      totalMB: Math.round(((bytesSent() - before) / 1024 / 1024) * 100) / 100,
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const baselineAt = process.argv.indexOf('--baseline');
if (baselineAt !== -1) {
  const baseline = process.argv[baselineAt + 1];
  if (baseline === undefined) throw new TypeError('--baseline needs the folder of a checkout with its dist/ built');
  await compare(`${resolve(baseline)}/`);
  process.exit(0);
}

/** Runs this checkout and `baseline` in turn, ABBA, and prints the medians of both. */
async function compare(baseline: string): Promise<void> {
  const roots = [baseline, root];
  const servers = await Promise.all(roots.map((r) => serveStatic({ root: r })));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic'],
  });
  const all: Run[][] = roots.map(() => []);
  const loads: number[] = [];
  try {
    for (const s of servers) await once(browser, `${s.url}bench/load/page.html`, s.bytesSent);
    for (let i = 0; i < runs; i++) {
      for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const s = servers[k]!;
        all[k]!.push(await once(browser, `${s.url}bench/load/page.html`, s.bytesSent));
        loads.push(loadavg()[0] ?? 0);
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  const keys = ['engineUpMs', 'wasmDoneMs', 'modelDoneMs', 'readyMs', 'firstReplyMs'] as const;
  console.log(`${runs} runs each, load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}`);
  console.log(
    table(
      ['measure (median)', 'baseline', 'this checkout'],
      keys.map((k) => [k, median(all[0]!.map((r) => r[k])), median(all[1]!.map((r) => r[k]))]),
    ),
  );
}

const server = await serveStatic({ root });
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...chromiumArgs] });
const results: Run[] = [];
const loadBefore = loadavg()[0] ?? 0;
try {
  await once(browser, `${server.url}bench/load/page.html`, server.bytesSent); // warms the server's compression cache
  for (let i = 0; i < runs; i++) {
    const run = await once(browser, `${server.url}bench/load/page.html`, server.bytesSent);
    results.push(run);
    if (!json) console.log(JSON.stringify(run));
  }
} finally {
  await browser.close();
  await server.close();
}

const keys = [
  'shellKB',
  'progressMs',
  'engineUpMs',
  'wasmDoneMs',
  'modelDoneMs',
  'readyMs',
  'firstReplyMs',
  'totalMB',
] as const;
const summary = Object.fromEntries(
  keys.map((k) => [k, { median: median(results.map((r) => r[k])), max: Math.max(...results.map((r) => r[k])) }]),
);
if (json) {
  console.log(JSON.stringify({ runs, summary }));
} else {
  const target = {
    shellKB: '<= 40',
    progressMs: '<= 100',
    engineUpMs: '',
    wasmDoneMs: '',
    modelDoneMs: '',
    readyMs: '',
    firstReplyMs: '<= 1500',
    totalMB: '',
  };
  const markdown = `## Load: cold first open at 100 Mbit/s (\`npm run bench:load\`)

${machineLine()} Machine load: load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end, on ${availableParallelism()} cores (CPU-bound steps, such as compiling the wasm, slow down with it). The script-tag page served with brotli from 127.0.0.1; Chromium throttled through CDP
(\`Network.emulateNetworkConditions\`: ${(THROUGHPUT * 8) / 1e6} Mbit/s down and up, ${LATENCY_MS} ms latency); ${runs} runs,
each in a fresh browser context (cold HTTP cache, Cache Storage and IndexedDB). Times are from the visitor
reaching the launcher (pointer over it, then a click) to the frame that shows it; "what time is it" is sent
as soon as the composer takes it.

${table(
  ['measure', 'median', 'max', 'target'],
  keys.map((k) => [k, summary[k]?.median ?? '', summary[k]?.max ?? '', target[k]]),
)}
`;
  writeBenchSection('load', markdown);
  console.log(markdown);
}
