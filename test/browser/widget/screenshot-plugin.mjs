// A @web/test-runner plugin for screenshots (Playwright launcher only):
// - `executeServerCommand('compare-screenshot', { name })` takes a PNG of the test page and compares it with
//   the committed baseline test/browser/widget/baselines/<name>.png (pixelmatch, per-pixel threshold 0.1 in
//   YIQ space, anti-aliased pixels ignored). It answers `{ diffRatio, written }`: the share of pixels that
//   differ, and whether a baseline was written instead (none existed, or UPDATE_BASELINES=1). Every
//   screenshot is also saved to test-artifacts/screenshots/, and on a difference a diff image beside it.
// - `executeServerCommand('save-screenshot', { name })` only saves test-artifacts/<name>.png, to look at.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * @param {{ baselines?: string, artifacts?: string }} [options]
 * @returns {import('@web/test-runner-core').TestRunnerPlugin}
 */
export function screenshotPlugin({
  baselines = 'test/browser/widget/baselines',
  artifacts = 'test-artifacts/screenshots',
} = {}) {
  return {
    name: 'screenshots',
    async executeCommand({ command, payload, session }) {
      if (command !== 'compare-screenshot' && command !== 'save-screenshot') return undefined;
      if (session.browser.type !== 'playwright') throw new Error(`${command} needs the Playwright launcher`);
      const name = String(payload?.name ?? '').replace(/[^\w.-]/g, '_');
      if (!name) throw new Error(`${command}: a name is required`);
      const page = session.browser.getPage(session.id);
      if (command === 'save-screenshot') {
        await mkdir('test-artifacts', { recursive: true });
        await page.screenshot({ path: `test-artifacts/${name}.png` });
        return `test-artifacts/${name}.png`;
      }
      const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      await mkdir(artifacts, { recursive: true });
      await writeFile(`${artifacts}/${name}.png`, shot);
      const baseline = `${baselines}/${name}.png`;
      if (process.env.UPDATE_BASELINES === '1' || !existsSync(baseline)) {
        await mkdir(baselines, { recursive: true });
        await writeFile(baseline, shot);
        return { diffRatio: 0, written: true };
      }
      const expected = PNG.sync.read(await readFile(baseline));
      const actual = PNG.sync.read(shot);
      if (expected.width !== actual.width || expected.height !== actual.height) return { diffRatio: 1, written: false };
      const diff = new PNG({ width: actual.width, height: actual.height });
      const pixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
      const diffRatio = pixels / (actual.width * actual.height);
      if (pixels > 0) await writeFile(`${artifacts}/${name}.diff.png`, PNG.sync.write(diff));
      return { diffRatio, written: false };
    },
  };
}
