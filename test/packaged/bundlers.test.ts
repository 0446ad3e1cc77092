/**
 * The packed tarball as a user meets it: `npm pack`, installed into a fresh app per bundler, built in
 * production mode (Vite current and 7, webpack 5 with no configuration; esbuild with `assets-base`),
 * served compressed from 127.0.0.1, and used in Chromium: a visitor who never opens the chat transfers
 * the shell only (<= 40 KB gzipped, no Worker, wasm or model), and one who opens it and asks "what time
 * is it" gets the time; then a model trained in the page (the Worker's trainer chunk) answers. Screenshots land in test-artifacts/packaged-<kit>-*.png.
 *
 * Run after `npm run build`: `npm run test:packaged` (in `.ci/run`; about a minute per bundler).
 * `PACKAGED_KITS=vite,webpack5` picks bundlers (`vite-dev`: Vite's dev server on the unbuilt app).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';
import { freshApp, installKit, kits, packTarball, root, run } from './kits.ts';
import { serveStatic } from '../../scripts/static-server.mjs';

const SHELL_BUDGET = 40 * 1024;
const chosen = process.env.PACKAGED_KITS?.split(',');
const work = mkdtempSync(join(tmpdir(), 'confidant-packaged-'));
let tarball = '';
let browser: Browser;

before(async () => {
  tarball = packTarball(work);
  browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...chromiumArgs] });
});

/** Opens the chat as a visitor would, asks "what time is it" and returns the reply's text. */
async function askTheTime(page: Page): Promise<string> {
  const widget = page.locator('confidant-assistant');
  await widget.locator('[part~="launcher"]').click();
  await widget.locator('[part~="input"]').fill('what time is it');
  await widget.locator('[part~="send-button"]').click();
  const reply = widget.locator('[part~="bubble"]').nth(1);
  await reply.waitFor({ timeout: 90_000 });
  return (await reply.textContent()) ?? '';
}

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball in a fresh app', () => {
  it('its CLI runs from outside the repo: npx confidant-assistant <command>, --help for each', () => {
    const app = freshApp(join(work, 'cli'), tarball);
    assert.match(run('npx', ['--no-install', 'confidant-assistant', '--help'], app), /confidant eval-dialogues/);
    for (const command of ['train', 'eval', 'predict', 'eval-dialogues']) {
      assert.match(
        run('npx', ['--no-install', 'confidant', command, '--help'], app),
        new RegExp(`usage: confidant ${command}`),
      );
    }
    const model = join(app, 'node_modules/confidant-assistant/dist/models/assistant-en.onnx');
    const predicted = run('npx', ['--no-install', 'confidant-assistant', 'predict', model, 'what time is it'], app);
    assert.match(predicted.split('\n')[0] as string, /^time$/);
  });

  it('vite (dev server): the unbuilt app answers too (Vite pre-bundles the dependency)', async (t) => {
    const kit = kits.find((k) => k.name === 'vite');
    if (kit === undefined || (chosen !== undefined && !chosen.includes('vite-dev'))) return t.skip('not chosen');
    const tools = installKit(kit, join(root, '.cache/bundlers'));
    const app = freshApp(join(work, 'vite-dev'), tarball);
    const vite = join(tools, 'node_modules/vite/bin/vite.js');
    // NO_COLOR alone is not enough on every Vite version: the port is printed bold, so escapes are stripped too.
    const server = spawn(process.execPath, [vite, '--host', '127.0.0.1', '--port', '0', '--strictPort'], {
      cwd: app,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const exited = once(server, 'exit');
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (found) resolve(found[0]);
        });
        setTimeout(() => reject(new Error(`vite did not start: ${out}`)), 60_000);
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      assert.match(await askTheTime(page), /\d{1,2}:\d{2}/);
      await context.close();
    } finally {
      server.kill();
      await exited;
    }
  });

  for (const kit of kits.filter((k) => chosen === undefined || chosen.includes(k.name))) {
    it(`${kit.name}: builds in production mode, loads only the shell, answers "what time is it"`, async () => {
      const tools = installKit(kit, join(root, '.cache/bundlers'));
      const app = freshApp(join(work, kit.name), tarball);
      kit.build(app, tools);

      const server = await serveStatic({ root: join(app, 'dist') });
      const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
        const transfers: { url: string; bytes: number; status: number }[] = [];
        page.on('requestfinished', (request) => {
          void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) =>
            transfers.push({
              url: request.url(),
              bytes: sizes.responseBodySize + sizes.responseHeadersSize,
              status: response?.status() ?? 0,
            }),
          );
        });

        await page.goto(server.url, { waitUntil: 'load' });
        await page.waitForTimeout(2000); // idle: nothing more may load on its own
        const shell = transfers.reduce((sum, t) => sum + t.bytes, 0);
        const listing = transfers.map((t) => `${t.status} ${t.bytes} ${t.url}`).join('\n');
        assert.ok(shell <= SHELL_BUDGET, `the shell took ${shell} bytes (budget ${SHELL_BUDGET}):\n${listing}`);
        assert.ok(
          !transfers.some((t) => /\.(wasm|onnx)$|worker/.test(t.url)),
          `heavy files loaded unasked:\n${listing}`,
        );
        console.log(`# ${kit.name}: shell ${(shell / 1024).toFixed(1)} KB transferred in ${transfers.length} requests`);
        mkdirSync(join(root, 'test-artifacts'), { recursive: true });
        await page.screenshot({ path: join(root, `test-artifacts/packaged-${kit.name}-closed.png`) });

        const text = await askTheTime(page);
        await page.screenshot({ path: join(root, `test-artifacts/packaged-${kit.name}-open.png`) });
        assert.match(text, /\d{1,2}:\d{2}/, `the reply names no time: ${text}`);
        // Training in the browser: the Worker loads its trainer chunk, which the bundler moved too.
        const trained = await page.evaluate(`(async () => {
          const assistant = document.querySelector('confidant-assistant').assistant;
          const corpus = 'intents:\\n  greet: [hello, hi there, good morning, hey]\\n  order_pizza: [I want a pizza, a large margherita please, pizza for two, order a pizza]\\n';
          await assistant.models.train(corpus, { persist: false });
          return (await assistant.classify('a pizza for two please')).intent;
        })()`);
        assert.equal(trained, 'order_pizza', 'the model trained in the browser answers');
        const failed = transfers.filter((t) => t.status >= 400);
        assert.deepEqual(failed, [], 'no request failed');
        assert.deepEqual(problems, [], 'no error in the page');
        const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
        console.log(`# ${kit.name}: after the first reply ${(total / 1024 / 1024).toFixed(2)} MB transferred`);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});
