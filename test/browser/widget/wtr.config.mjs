// Runs the widget's browser tests on their own, with the screenshot command registered:
//   npx wtr --config test/browser/widget/wtr.config.mjs [--files 'test/browser/widget/x.test.ts']
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import base from '../../../web-test-runner.config.mjs';
import { saveScreenshotPlugin } from './save-screenshot-plugin.mjs';

// @web/dev-server-esbuild reads its `tsconfig` file raw, without following `extends`: give it the
// file that holds `experimentalDecorators` (else Lit's decorators fail with "Unsupported decorator location").
const esbuild = esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)) });

const plugins = base.plugins.filter((plugin) => plugin.name !== 'esbuild' && plugin.name !== 'save-screenshot');

export default {
  ...base,
  files: ['test/browser/widget/**/*.test.ts', 'test/browser/e2e/**/*.test.ts'],
  plugins: [...plugins, esbuild, saveScreenshotPlugin()],
};
