// The sandbox network suite (test/browser/sandbox-network/, issue 16.2): the same test runner and
// plugins as web-test-runner.config.mjs, in a Chromium of its own whose every `*.example` host name
// resolves to a raw TCP listener the tests count connections on, and which writes its NetLog so the
// tests can see which host names the browser tried to reach (network-watch-plugin.mjs).
import { defaultReporter } from '@web/test-runner';
import base, { chromium } from './web-test-runner.config.mjs';
import { countsReporter } from './scripts/dev-server-plugins.mjs';
import { startNetworkWatch } from './test/browser/sandbox-network/network-watch-plugin.mjs';

const watch = await startNetworkWatch();

export default {
  ...base,
  files: ['test/browser/sandbox-network/**/*.test.ts'],
  reporters: [defaultReporter(), countsReporter('sandbox-network')],
  plugins: [...base.plugins, watch.plugin],
  browsers: [
    chromium([
      // `EXCLUDE localhost` keeps the test server itself reachable; only made-up names are mapped.
      `--host-resolver-rules=MAP *.example 127.0.0.1:${watch.port}`,
      `--log-net-log=${watch.netlogPath}`,
      '--net-log-capture-mode=Default',
    ]),
  ],
};
