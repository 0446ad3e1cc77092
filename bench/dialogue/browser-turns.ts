/**
 * Runs bench/dialogue/page.ts in Debian's Chromium, headless, from a cross-origin-isolated server
 * on 127.0.0.1, in a fresh profile that may reach nothing else, and returns what the page measured.
 */
import type { PageResult } from './page.ts';
import { launchChromium, localOnlyContext, startIsolatedServer } from '../isolated-server.ts';

/** The page's figures plus what the driver saw. */
export interface BrowserTurns extends PageResult {
  /** Requests the page or its Worker tried to send to another host (all aborted). */
  externalRequests: number;
  /** Chromium's version, from its user agent. */
  chromium: string;
}

/**
 * Plays the turn mix in Chromium.
 * @param options.turns timed turns; `options.warmup` untimed turns first
 * @param options.say progress lines (stderr)
 * @throws {Error} when the page fails or does not finish in time
 */
export async function measureInChromium(options: {
  turns: number;
  warmup: number;
  say: (line: string) => void;
}): Promise<BrowserTurns> {
  const server = await startIsolatedServer();
  const browser = await launchChromium();
  try {
    const { context, external } = await localOnlyContext(browser, server.origin);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') options.say(`[page] ${m.text()}`);
    });
    await page.goto(`${server.origin}/bench/dialogue/index.html?turns=${options.turns}&warmup=${options.warmup}`);
    await page.waitForFunction(() => '__dialogueBench' in window, undefined, { timeout: 60_000 });
    const result = await page
      .evaluate(() => (window as unknown as { __dialogueBench: Promise<PageResult> }).__dialogueBench)
      .catch((error: unknown) => {
        throw new Error(
          `the benchmark page failed: ${String(error)}${errors.length > 0 ? `; page errors: ${errors.join('; ')}` : ''}`,
        );
      });
    options.say(String(await page.locator('#log').textContent()).trim());
    await context.close();
    return {
      ...result,
      externalRequests: external(),
      chromium: /Chrome\/([\d.]+)/.exec(result.userAgent)?.[1] ?? 'unknown',
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
