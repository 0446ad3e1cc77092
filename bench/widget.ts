/**
 * `npm run bench:widget`: the widget in Chromium against deep-chat, in one run.
 *
 * - shellGzipBytes: `dist/confidant.iife.js` gzipped (the element and the main-thread client; the
 *   Worker, ONNX Runtime and the model load later), against deep-chat's bundle (deepChatGzipBytes).
 * - launcherMs: from the widget script's evaluation to the launcher rendered (median of fresh loads).
 * - coldFirstReplyMs: in a fresh profile (no cache, no IndexedDB), the panel opened and "hello" sent
 *   as soon as the launcher shows, to the reply rendered: Worker start, wasm compile, model and store
 *   included (median of fresh loads).
 * - warmReplyP50Ms / warmReplyP95Ms: then, send to reply rendered in the DOM, over many turns.
 *
 * Needs `dist/` (`npm run build` first). Serves the repository on 127.0.0.1 and aborts any request
 * to another host. `--json` prints one JSON object instead of writing BENCHMARKS.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';
import { machineLine, table, writeBenchSection } from './report.ts';
import { serveStatic } from './widget/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const shellFile = `${root}dist/confidant.iife.js`;
const deepChatFile = `${root}node_modules/deep-chat/dist/deepChat.bundle.js`;
const coldRuns = 5;
const warmTurns = 200;
const warmTexts = ['hello', 'what time is it', "what's 15% of 80", 'thank you', 'tell me a joke', 'flip a coin'];

const log = (line: string) => json || console.log(line);
const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const median = (values: number[]) => percentile(values, 0.5);
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}
const round = (ms: number) => Math.round(ms * 100) / 100;

/** Requests each page tried to send to a host other than the benchmark server (all aborted). */
const external = { confidant: 0, deepChat: 0 };

/** A page in a fresh browser context (empty cache and storage) that may only reach `origin`. */
async function freshPage(browser: Browser, origin: string, widget: keyof typeof external): Promise<Page> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
    external[widget]++;
    if (process.env.BENCH_DEBUG) console.error(`${widget} external request: ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  return page;
}

async function measureConfidant(
  browser: Browser,
  origin: string,
  warm: boolean,
): Promise<{ launcherMs: number; coldMs: number; warmMs: number[] }> {
  const page = await freshPage(browser, origin, 'confidant');
  await page.goto(`${origin}/bench/widget/confidant.html`);
  await page.waitForFunction(() => (window as { benchLauncherMs?: number }).benchLauncherMs !== undefined);
  const launcherMs = await page.evaluate(() => (window as { benchLauncherMs?: number }).benchLauncherMs ?? -1);
  const coldMs = await page.evaluate(async () => {
    const el = document.querySelector('confidant-assistant') as HTMLElement & {
      show(): void;
      send(text: string): Promise<void>;
    };
    const start = performance.now();
    const replied = new Promise((resolve) => el.addEventListener('confidant-reply', resolve, { once: true }));
    el.show();
    void el.send('hello');
    await replied;
    return performance.now() - start;
  });
  const warmMs = warm
    ? await page.evaluate(
        async ({ turns, texts }) => {
          const el = document.querySelector('confidant-assistant') as HTMLElement & {
            send(text: string): Promise<void>;
          };
          const times: number[] = [];
          for (let i = 0; i < turns; i++) {
            const replied = new Promise((resolve) => el.addEventListener('confidant-reply', resolve, { once: true }));
            const start = performance.now();
            void el.send(texts[i % texts.length] ?? 'hello');
            await replied;
            times.push(performance.now() - start);
          }
          return times;
        },
        { turns: warmTurns, texts: warmTexts },
      )
    : [];
  await page.context().close();
  return { launcherMs, coldMs, warmMs };
}

async function measureDeepChat(browser: Browser, origin: string): Promise<number> {
  const page = await freshPage(browser, origin, 'deepChat');
  await page.goto(`${origin}/bench/widget/deep-chat.html`);
  await page.waitForFunction(() => (window as { benchRenderMs?: number }).benchRenderMs !== undefined);
  const ms = await page.evaluate(() => (window as { benchRenderMs?: number }).benchRenderMs ?? -1);
  await page.context().close();
  return ms;
}

async function main(): Promise<void> {
  if (!existsSync(shellFile)) {
    console.error('bench:widget needs dist/confidant.iife.js: run `npm run build` first');
    process.exit(1);
  }
  // The machine is shared: the load next to the timings says how far to trust them.
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const shellGzipBytes = gzipBytes(shellFile);
  const deepChatGzipBytes = gzipBytes(deepChatFile);
  const server = await serveStatic(root);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    headless: true,
    args: [...chromiumArgs],
  });
  try {
    const runs = [];
    const deepChat = [];
    for (let i = 0; i < coldRuns; i++) {
      log(`cold run ${i + 1}/${coldRuns}…`);
      runs.push(await measureConfidant(browser, server.origin, i === coldRuns - 1));
      deepChat.push(await measureDeepChat(browser, server.origin));
    }
    const warm = runs.flatMap((run) => run.warmMs);
    const result = {
      shellGzipBytes,
      deepChatGzipBytes,
      launcherMs: round(median(runs.map((run) => run.launcherMs))),
      coldFirstReplyMs: round(median(runs.map((run) => run.coldMs))),
      warmReplyP50Ms: round(percentile(warm, 0.5)),
      warmReplyP95Ms: round(percentile(warm, 0.95)),
      deepChatRenderMs: round(median(deepChat)),
      externalRequests: external.confidant,
      deepChatExternalRequests: external.deepChat,
      loadAverage: [loadAtStart, loadavg()[0] ?? Number.NaN].map((load) => Math.round(load * 100) / 100),
    };
    if (json) {
      console.log(JSON.stringify(result));
      return;
    }
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    writeBenchSection(
      'widget',
      `## Widget (\`npm run bench:widget\`)

${machineLine()} Chromium headless, pages served from 127.0.0.1; requests to any other host are aborted and counted:
Confidant ${external.confidant}, deep-chat ${external.deepChat} (its default theme asks Google Fonts for Inter).
Launcher and cold reply: median of ${coldRuns} loads in fresh profiles; warm: ${warm.length} turns of ${warmTexts.length} built-in intents.
Load average (1 min) ${result.loadAverage.join(' at the start, ')} at the end (2 cores).

${table(
  ['metric', 'Confidant', 'deep-chat (anchor)', 'ratio', 'target'],
  [
    ['shell, gzipped', kb(shellGzipBytes), kb(deepChatGzipBytes), ratio(shellGzipBytes, deepChatGzipBytes), '<= 40 KB'],
    [
      'script evaluation to widget rendered',
      `${result.launcherMs} ms`,
      `${result.deepChatRenderMs} ms`,
      ratio(result.launcherMs, result.deepChatRenderMs),
      '<= 50 ms',
    ],
    [
      'cold first reply (Worker, wasm, model, store)',
      `${result.coldFirstReplyMs} ms`,
      'n/a (no on-device engine)',
      '',
      '<= 1000 ms',
    ],
    ['warm send to rendered reply, p50', `${result.warmReplyP50Ms} ms`, 'n/a', '', '<= 10 ms'],
    ['warm send to rendered reply, p95', `${result.warmReplyP95Ms} ms`, 'n/a', '', ''],
  ],
)}`,
    );
    log(JSON.stringify(result, null, 2));
    log('BENCHMARKS.md: widget section written');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
