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
