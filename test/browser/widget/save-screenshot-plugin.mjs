// A @web/test-runner plugin: `executeServerCommand('save-screenshot', { name })` saves a PNG of
// the test page to test-artifacts/<name>.png (Playwright launcher only). Register it in
// web-test-runner.config.mjs: `plugins: [..., saveScreenshotPlugin()]`.
import { mkdir } from 'node:fs/promises';

/**
 * @param {{ dir?: string }} [options]
 * @returns {import('@web/test-runner-core').TestRunnerPlugin}
 */
export function saveScreenshotPlugin({ dir = 'test-artifacts' } = {}) {
  return {
    name: 'save-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'save-screenshot') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('save-screenshot needs the Playwright launcher');
      const name = String(payload?.name ?? 'screenshot').replace(/[^\w.-]/g, '_');
      await mkdir(dir, { recursive: true });
      const page = session.browser.getPage(session.id);
      await page.screenshot({ path: `${dir}/${name}.png` });
      return `${dir}/${name}.png`;
    },
  };
}
