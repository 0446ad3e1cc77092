// Small @web/dev-server plugins shared by the test runner, `npm start` and the benchmarks.

/**
 * Dexie 4's `import` export wraps its UMD build and breaks as raw browser ESM; serve its real ES module instead.
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function resolveDexieEsm() {
  return {
    name: 'resolve-dexie-esm',
    resolveImport({ source }) {
      if (source === 'dexie') return '/node_modules/dexie/dist/dexie.mjs';
      return undefined;
    },
  };
}

/**
 * Opt-in cross-origin isolation (`?coi=1` on a page URL) so `performance.now()` is not clamped to 100 µs
 * in benchmark pages. Tests that need it ask for it; the default stays like a normal host page.
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function crossOriginIsolation() {
  return {
    name: 'cross-origin-isolation',
    transform(context) {
      if (context.URL.searchParams.get('coi') === '1' || context.get('referer')?.includes('coi=1')) {
        context.set('Cross-Origin-Opener-Policy', 'same-origin');
        context.set('Cross-Origin-Embedder-Policy', 'require-corp');
        context.set('Cross-Origin-Resource-Policy', 'same-origin');
      }
    },
  };
}

/**
 * A web-test-runner reporter that writes the run's totals to `test-artifacts/wtr-<name>.json`, so `.ci/run`
 * can print one honest `N passed, N failed` line over node and browser suites.
 * @param {string} name
 */
export function countsReporter(name) {
  const count = (suite) => {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const t of suite?.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite?.suites ?? []) {
      const c = count(s);
      passed += c.passed;
      failed += c.failed;
      skipped += c.skipped;
    }
    return { passed, failed, skipped };
  };
  return {
    async onTestRunFinished({ sessions }) {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of sessions) {
        const c = count(session.testResults);
        totals.passed += c.passed;
        totals.failed += c.failed;
        totals.skipped += c.skipped;
        if (!session.passed && c.failed === 0) totals.fileErrors++;
      }
      mkdirSync('test-artifacts', { recursive: true });
      writeFileSync(`test-artifacts/wtr-${name}.json`, JSON.stringify(totals));
    },
  };
}
