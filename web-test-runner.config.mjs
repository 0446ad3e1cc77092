// @web/test-runner in Debian's Chromium (never a downloaded browser): see ../shared/TOOLCHAIN.md.
// `TEST_DIST=1` runs the suite tagged for the built bundle (`test/browser/dist/**`) against `dist/`.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { resolveDexieEsm, crossOriginIsolation, countsReporter } from './scripts/dev-server-plugins.mjs';
import { screenshotPlugin } from './test/browser/widget/screenshot-plugin.mjs';
import { offlinePlugin } from './test/browser/offline/offline-plugin.mjs';
import { testServerPlugin } from './test/browser/test-server-plugin.mjs';
import { fuzzConfigPlugin } from './test/fuzz/fuzz-config-plugin.mjs';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium.mjs';
import { cdpPlugin } from './test/browser/cdp-plugin.mjs';
import { webhookSinkPlugin } from './test/browser/skills/webhook-sink-plugin.mjs';

const dist = process.env.TEST_DIST === '1';

/** Chromium as the tests run it; `extraArgs` for a suite that needs more (web-test-runner.sandbox.config.mjs). */
export const chromium = (extraArgs = []) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: chromiumExecutable, headless: true, args: [...chromiumArgs, ...extraArgs] },
  });

export default {
  rootDir: '.',
  nodeResolve: { exportConditions: ['browser', 'import'] },
  // test/browser/sandbox-network/ needs its own browser arguments: web-test-runner.sandbox.config.mjs runs it.
  files: dist
    ? ['test/browser/dist/**/*.test.ts']
    : ['test/browser/**/*.test.ts', '!test/browser/dist/**', '!test/browser/sandbox-network/**'],
  concurrency: 1,
  reporters: [defaultReporter(), countsReporter(dist ? 'dist' : 'browser')],
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [
    resolveDexieEsm(),
    crossOriginIsolation(),
    // @web/dev-server-esbuild reads its tsconfig raw, without `extends`: give it the file with the decorator settings.
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
    screenshotPlugin(),
    offlinePlugin(),
    testServerPlugin(),
    fuzzConfigPlugin(),
    cdpPlugin(),
    webhookSinkPlugin(),
  ],
  browsers: [chromium()],
};
