// Builds everything `dist/` ships (see ../shared/TOOLCHAIN.md for why each choice):
//  1. the ESM library: `confidant.js` (the main entry), `skills.js`, `nlu.js`, `metrics.js`, `links.js` (subpath entries),
//     `widget.js`, `sandbox.js`; dependencies stay bare imports for the app's bundler;
//  2. the engine Worker: `confidant-worker.js`, one self-contained ES module (ONNX Runtime, Dexie inside),
//     with ONNX Runtime's `.wasm` and the models copied beside it;
//  3. the script-tag bundle `confidant.iife.js`: the element and the Worker client, nothing else; it finds
//     `confidant-worker.js` next to itself, and loads `purify.es.mjs`, `confidant-strength.js`,
//     `confidant-zh-CN.js` and `confidant-skills.js` on first use. The `.d.ts` types come from `tsc` (scripts/build.mjs).
import { readFileSync, mkdirSync, copyFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import typescript from 'typescript';
import { CORE_NAMES, checkCoreImport } from './scripts/core-import.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).flatMap((d) => [d, new RegExp(`^${d}/`)]);
/**
 * What the library build leaves to the app's bundler: every dependency but chrono-node, whose `./*\/*`
 * exports pattern Vite 7's resolver cannot follow (`chrono-node/en` fails to resolve, issue 10): its
 * English parser is inlined instead.
 */
const libraryExternal = external.filter((e) => !String(e).includes('chrono-node'));

/**
 * Where the `new URL('…', import.meta.url)` literals of src/engine/assets.ts point in the sources, and where
 * the same files sit next to the bundles in dist/ (every model under models/ is copied to dist/models/).
 */
const assetUrls = [
  [/'\.\.\/\.\.\/models\//g, "'./models/"],
  [/'\.\.\/\.\.\/node_modules\/onnxruntime-web\/dist\//g, "'./"],
  [/'\.\.\/\.\.\/worker\/engine-worker\.ts'/g, "'./confidant-worker.js'"],
  [/'\.\.\/nlu\/training\/train-model\.ts'/g, "'./confidant-train.js'"],
];

/** The files dist/ ships for the engine, by their path in dist/, and where the build takes them from. */
const shippedAssets = () => [
  ['ort-wasm-simd-threaded.wasm', 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'],
  ...readdirSync('models')
    // The models, and their replay packs (fetched only when a corpus extends a model).
    .filter((f) => f.endsWith('.onnx') || f.endsWith('.replay.json'))
    .map((f) => [`models/${f}`, `models/${f}`]),
];

/** Rewrites the `new URL('…', import.meta.url)` literals of src/engine/assets.ts to their place in dist/. */
function distAssetUrls() {
  return {
    name: 'dist-asset-urls',
    transform(code, id) {
      if (!/[/\\]src[/\\]engine[/\\]assets\.ts$/.test(id)) return null;
      let out = code;
      for (const [from, to] of assetUrls) out = out.replace(from, to);
      if (out.includes("'../")) this.error(`${id}: an asset URL points outside dist/ after rewriting`);
      return { code: out, map: null };
    },
  };
}

/**
 * Bakes build-time digests into the code (docs/offline.md): in src/engine/assets.ts
 * `/* @build-asset-digests *\/ {}` becomes the SHA-256 (hex) of every file the build copies to dist/,
 * by its path there, so the engine trusts its cached copy without asking the network, and
 * `/* @build-asset-sizes *\/ {}` the length of each, by its digest, so the download progress has a true
 * total where the host compresses (its Content-Length is then the compressed size); in the service
 * worker `/* @build-library-revision *\/ 'source'` becomes a digest of the library files it precaches
 * (built by the configurations before it), so a new release installs a new cache.
 */
function bakeAssetDigests() {
  const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
  // The files the service worker precaches, read from its own list so that the two cannot drift.
  const sw = readFileSync(new URL('./widget/offline/confidant-sw.ts', import.meta.url), 'utf8');
  const listed = /const LIBRARY_FILES = \[([^\]]*)\]/.exec(sw);
  if (listed === null) throw new Error('widget/offline/confidant-sw.ts: no LIBRARY_FILES list to read');
  const libraryFiles = [...listed[1].matchAll(/'([^']+)'/g)].map((m) => `dist/${m[1]}`);
  return {
    name: 'bake-asset-digests',
    transform(code, id) {
      if (!/[/\\](src[/\\]engine[/\\]assets|widget[/\\]offline[/\\]confidant-sw)\.ts$/.test(id)) return null;
      // Read once, when a marker asks for them (the service worker's does not).
      let read;
      const shipped = () =>
        (read ??= shippedAssets().map(([file, from]) => {
          this.addWatchFile(from);
          return { file, digest: sha256(from), size: statSync(from).size };
        }));
      const out = code
        .replace(/\/\* @build-asset-digests \*\/ \{\}/g, () =>
          JSON.stringify(Object.fromEntries(shipped().map(({ file, digest }) => [file, digest]))),
        )
        .replace(/\/\* @build-asset-sizes \*\/ \{\}/g, () =>
          JSON.stringify(Object.fromEntries(shipped().map(({ digest, size }) => [digest, size]))),
        )
        .replace(/\/\* @build-library-revision \*\/ 'source'/g, () =>
          JSON.stringify(createHash('sha256').update(libraryFiles.map(sha256).join()).digest('hex').slice(0, 16)),
        );
      if (out.includes('@build-')) this.error(`${id}: a @build- marker was not replaced (keep the exact form)`);
      return { code: out, map: null };
    },
  };
}

/** Dexie 4's `import` export wraps its UMD build; use its real ES module. */
function dexieEsm() {
  return {
    name: 'dexie-esm',
    resolveId(source) {
      return source === 'dexie' ? fileURLToPath(new URL('./node_modules/dexie/dist/dexie.mjs', import.meta.url)) : null;
    },
  };
}

/** The script-tag build always uses the Worker: leave the in-thread engine (and ONNX Runtime) out of it. */
function workerOnly() {
  const stub = '\0in-thread-engine-stub';
  return {
    name: 'worker-only',
    resolveId(source) {
      return source.endsWith('engine/local-engine.ts') ? stub : null;
    },
    load(id) {
      if (id !== stub) return null;
      return `import { UnsupportedError } from '${root}src/errors.ts';
export function createLocalEngine() { throw new UnsupportedError('The script-tag build runs the engine in a Worker only: use worker: true, or the npm package for worker: false'); }`;
    },
  };
}

/**
 * The element imports the core with `import()` (widget/assistant-loader.ts), which the library build turns
 * into a chunk loaded on first use. The script-tag build inlines it, and Rollup then builds a namespace
 * object naming every export of src/index.ts, keeping each alive; the element reads only `CORE_NAMES`
 * (scripts/core-import.mjs), and the build fails if the loader reads anything else.
 */
function inlinedCoreImport() {
  const stub = '\0core-create-assistant';
  const loader = /[\\/]widget[\\/]assistant-loader\.ts$/;
  return {
    name: 'inlined-core-import',
    resolveId: (source, importer) => (source === '../src/index.ts' && loader.test(importer ?? '') ? stub : null),
    load: (id) => (id === stub ? `export { ${CORE_NAMES.join(', ')} } from '${root}src/index.ts';` : null),
    transform(code, id) {
      if (!loader.test(id)) return null;
      try {
        checkCoreImport(code);
      } catch (error) {
        this.error(error.message);
      }
      return null;
    },
  };
}

/**
 * `import.meta.url` in the script-tag build, said once: Rollup's iife output spells the script's URL out
 * at each `new URL('./file', import.meta.url)` (a dozen: the engine's files and the lazy parts). The
 * variable is set while the script runs, the one time `document.currentScript` is this script.
 */
function scriptUrlOnce() {
  const name = 'confidantScriptUrl';
  return {
    name: 'script-url-once',
    resolveImportMeta: (property) => (property === 'url' ? name : null),
    intro: () =>
      `var ${name} = typeof document === 'undefined' ? undefined : ((s) => (s && s.tagName.toUpperCase() === 'SCRIPT' && s.src) || new URL('confidant.iife.js', document.baseURI).href)(document.currentScript);`,
  };
}

/**
 * The script-tag build cannot split chunks, so what the shell needs only sometimes is a file of its own
 * next to `confidant.iife.js`, loaded on first use: each `load-*.ts` module (one dynamic `import()`,
 * e.g. widget/load-strength.ts) is swapped for a loader of that file.
 * @param {string} loader the loader module's file name, e.g. `load-strength.ts`
 * @param {string} name the function it exports
 * @param {string} file the file next to the script
 */
function lazyFile(loader, name, file) {
  const stub = `\0lazy-${file}`;
  return {
    name: `lazy-${file}`,
    resolveId: (source) => (source.endsWith(`/${loader}`) || source === `./${loader}` ? stub : null),
    load: (id) =>
      id === stub
        ? `export const ${name} = () => import(/* @vite-ignore */ new URL('./${file}', import.meta.url).href);`
        : null,
  };
}

/**
 * The shell's lazy files: DOMPurify (the fallback sanitizer, for browsers without `Element.setHTML`), the
 * passphrase strength estimator (zxcvbn-ts and its dictionaries, hundreds of KB: first passphrase form),
 * every UI catalogue but English (first element in that language), and the host side of app-defined skills
 * (src/skills/app-skill-host.ts: only when an assistant with app skills starts; it shares no state with the
 * shell, it returns a plain `EngineHost` the shell hands to comlink). All but DOMPurify are built by the
 * "lazy parts" configuration below; DOMPurify's own ES module is copied.
 */
function lazyFiles() {
  return [
    {
      ...lazyFile('load-dompurify.ts', 'loadDomPurify', 'purify.es.mjs'),
      writeBundle() {
        copyFileSync('node_modules/dompurify/dist/purify.es.mjs', 'dist/purify.es.mjs');
      },
    },
    lazyFile('load-strength.ts', 'loadStrength', 'confidant-strength.js'),
    lazyFile('load-zh-cn.ts', 'loadZhCN', 'confidant-zh-CN.js'),
    lazyFile('load-app-skill-host.ts', 'loadAppSkillHost', 'confidant-skills.js'),
  ];
}

/**
 * What the shell never runs: the engine's heavy dependencies are only reachable through the Worker, so their
 * top-level code must not keep them in the script-tag bundle when the public entry re-exports NLU helpers.
 */
const engineOnly = /node_modules[\\/](onnxruntime-web|chrono-node|yaml|dexie)[\\/]/;

const coreModule = /[\\/]src[\\/].+\.ts$/;

/** Copies ONNX Runtime's wasm and the shipped models (with their replay packs) next to the Worker. */
function copyEngineAssets() {
  return {
    name: 'copy-engine-assets',
    writeBundle() {
      mkdirSync('dist/models', { recursive: true });
      for (const [file, from] of shippedAssets()) copyFileSync(from, `dist/${file}`);
    },
  };
}

/**
 * The Worker is one file, `confidant-worker.js` (ONNX Runtime included), except what only training needs: the
 * trainer, the ONNX writer and the corpus parsers, reached from the engine through `import()` alone, go to
 * `confidant-train.js`, which the Worker loads on the first `assistant.models.train` (issue 11: no trainer
 * code in the Worker unless training is used), or when a context model of an older format is met (its
 * converter writes the current graph with the ONNX writer). A module is the Worker's when the entry reaches it by static
 * imports or by a dynamic import other than those training boundaries.
 */
function workerChunks() {
  const trainingBoundary =
    /[\\/]src[\\/](nlu[\\/](training[\\/]train-model|corpus[\\/]index)|context[\\/]training[\\/]context-convert)\.ts$/;
  let eager;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (eager === undefined) {
      eager = new Set();
      const stack = [...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry);
      while (stack.length > 0) {
        const m = stack.pop();
        if (eager.has(m)) continue;
        eager.add(m);
        const info = getModuleInfo(m);
        if (info === null) continue;
        stack.push(...info.importedIds, ...info.dynamicallyImportedIds.filter((d) => !trainingBoundary.test(d)));
      }
    }
    return eager.has(id) ? 'confidant-worker' : 'confidant-train';
  };
}

/**
 * Makes the Worker and its trainer chunk find each other wherever a bundler put them: an app's bundler
 * copies both as opaque files with hashed names, so neither `./confidant-train.js` (the Worker's import of
 * it) nor `./confidant-worker.js` (the trainer's import of the code it shares with the Worker) resolves.
 * The Worker imports the trainer from the URL the page resolved (`assetUrls.train`, kept on `globalThis`
 * by the engine), and the trainer takes the shared code from the Worker's own module (its URL, kept by
 * worker/engine-worker.ts): the same module instance, so classes and state stay one.
 */
function relocatableWorkerChunks() {
  const TRAINER = '__confidantTrainerUrl';
  const WORKER = '__confidantWorkerUrl';
  return {
    name: 'relocatable-worker-chunks',
    renderChunk(code, chunk) {
      if (chunk.name === 'confidant-worker') {
        const out = code.replace(
          /import\((['"])\.\/confidant-train\.js\1\)/g,
          `import(globalThis.${TRAINER} ?? new URL('./confidant-train.js', import.meta.url).href)`,
        );
        return { code: out, map: null };
      }
      if (chunk.name === 'confidant-train') {
        const out = code.replace(
          /import\s*\{([^}]*)\}\s*from\s*(['"])\.\/confidant-worker\.js\2;?/g,
          (_, names) =>
            `const {${names.replace(/\s+as\s+/g, ': ')}} = await import(globalThis.${WORKER} ?? new URL('./confidant-worker.js', import.meta.url).href);`,
        );
        if (/from\s*['"]\.\/confidant-worker\.js/.test(out))
          this.error('confidant-train.js: an import of the Worker was not rewritten');
        return { code: out, map: null };
      }
      return null;
    },
  };
}

/**
 * Compacts the CSS in the widget's `css` template literals (widget/*.styles.ts): comments and
 * indentation are a sixth of the script-tag shell, which terser leaves alone (it does not know the
 * string is CSS). Conservative on purpose: comments go, whitespace runs become one space, and spaces
 * next to `{`, `}`, `;`, `,` and after `:` go; a space before `:` stays (`.a :hover` is not `.a:hover`).
 * `${…}` interpolations pass through untouched. Only the styles files change, so the source map is kept
 * for everything else (within a styles file it points at the right file, if not the exact column).
 */
function compactCss() {
  const compact = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'compact-css',
    transform(code, id) {
      if (!/[/\\]widget[/\\][\w-]+\.styles\.ts$/.test(id)) return null;
      const out = code.replace(
        /\bcss`([^`]*)`/g,
        (_, body) =>
          'css`' +
          body
            .split(/(\$\{[^}]*\})/)
            .map((part, i) => (i % 2 ? part : compact(part)))
            .join('') +
          '`',
      );
      return { code: out, map: null };
    },
  };
}

/**
 * Joins the lines of multi-line start tags in the widget's Lit `html` templates: Prettier writes one
 * attribute a line, and that indentation was a tenth of the script-tag shell (terser leaves template
 * text alone). Whitespace runs that hold a line break *inside a tag* (between `<name` and its `>`,
 * outside quoted values) become one space, so the DOM Lit builds is the same. Between tags, a run of a
 * line break and indentation becomes one line break: the same rendering in normal flow (~0.3 KB
 * gzipped of the shell); inside `<pre>` and `<textarea>` nothing is touched, and the one element in
 * a `pre-wrap` context (the message text's "Show more" button) sets `white-space: normal`. The templates are
 * found with the TypeScript parser, so `${…}` expressions and nested templates are parsed, not
 * guessed; the tag state carries across expressions (`<a href=${url}\n  target=…>`). The line breaks
 * taken out are put back as a comment after the template, so every line of code after it keeps its
 * line number and the source map stays right but for columns (terser drops the comment).
 */
function compactHtml() {
  const k = typescript.SyntaxKind;
  /** The edits for one template: [start, end, text] (the range [start, end) of the source becomes `text`). */
  const edits = (node, source, out) => {
    const template = node.template;
    let breaks = 0;
    const quasis = typescript.isNoSubstitutionTemplateLiteral(template)
      ? [template]
      : [template.head, ...template.templateSpans.map((span) => span.literal)];
    let inTag = false;
    let quote = '';
    // The element whose content the text between tags is: inside <pre> and <textarea> whitespace is content.
    let verbatim = false;
    let tagStart = 0;
    for (const quasi of quasis) {
      const start = quasi.getStart(source) + 1; // after ` or }
      const end = quasi.end - (quasi.kind === k.TemplateHead || quasi.kind === k.TemplateMiddle ? 2 : 1); // before ${ or `
      const text = source.text;
      for (let i = start; i < end; i++) {
        const c = text[i];
        if (!inTag) {
          if (c === '<' && /[a-zA-Z/]/.test(text[i + 1] ?? '')) {
            inTag = true;
            tagStart = i;
          } else if (!verbatim && /\s/.test(c)) {
            // Indentation between tags (a line break and the next line's spaces) renders as one space in
            // normal flow: one line break is kept, the indentation goes.
            let j = i;
            while (j < end && /\s/.test(text[j])) j++;
            const lines = text.slice(i, j).split('\n').length - 1;
            if (lines > 0 && j - i > 1) {
              out.push([i, j, '\n']);
              breaks += lines - 1;
            }
            i = j - 1;
          }
        } else if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") {
          quote = c;
        } else if (c === '>') {
          inTag = false;
          verbatim = /^<(?:pre|textarea)\b/i.test(text.slice(tagStart, i));
        } else if (/\s/.test(c)) {
          let j = i;
          while (j < end && /\s/.test(text[j])) j++;
          const lines = text.slice(i, j).split('\n').length - 1;
          if (lines > 0) out.push([i, j, ' ']);
          breaks += lines;
          i = j - 1;
        }
      }
    }
    if (breaks > 0) out.push([node.end, node.end, `/*${'\n'.repeat(breaks)}*/`]);
  };
  return {
    name: 'compact-html',
    transform(code, id) {
      if (!/[/\\]widget[/\\].+\.ts$/.test(id) || /\.styles\.ts$/.test(id) || !code.includes('html`')) return null;
      const source = typescript.createSourceFile(id, code, typescript.ScriptTarget.Latest, true);
      const out = [];
      const visit = (node) => {
        if (typescript.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html')
          edits(node, source, out);
        typescript.forEachChild(node, visit);
      };
      visit(source);
      if (out.length === 0) return null;
      let result = code;
      for (const [from, to, text] of out.sort((a, b) => b[0] - a[0]))
        result = `${result.slice(0, from)}${text}${result.slice(to)}`;
      return { code: result, map: null };
    },
  };
}

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false, sourceMap: true });
// Class names are kept: error classes are rebuilt by name across the Worker boundary.
// Two compress passes: ~0.2 KB less gzipped shell than one (measured on confidant.iife.js).
const min = () => terser({ format: { comments: false }, ecma: 2022, keep_classnames: true, compress: { passes: 2 } });
const browserResolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] });
const silence = (warning, warn) => {
  // onnxruntime-web's bundle uses `eval`-free dynamic imports and `this` at the top level; neither matters here.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
};

export default [
  {
    input: {
      confidant: 'src/index.ts',
      skills: 'src/entries/skills.ts',
      nlu: 'src/entries/nlu.ts',
      metrics: 'src/entries/metrics.ts',
      links: 'src/entries/links.ts',
      widget: 'widget/index.ts',
      sandbox: 'widget/sandbox/index.ts',
    },
    external: libraryExternal,
    plugins: [
      distAssetUrls(),
      bakeAssetDigests(),
      compactCss(),
      compactHtml(),
      nodeResolve({ resolveOnly: ['chrono-node'] }),
      ts(),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: true,
    },
    onwarn: silence,
  },
  {
    input: { 'confidant-worker': 'worker/engine-worker.ts' },
    plugins: [
      dexieEsm(),
      distAssetUrls(),
      bakeAssetDigests(),
      browserResolve(),
      ts(),
      relocatableWorkerChunks(),
      min(),
      copyEngineAssets(),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
      manualChunks: workerChunks(),
      sourcemap: true,
    },
    onwarn: silence,
  },
  {
    input: 'widget/index.ts',
    plugins: [
      workerOnly(),
      inlinedCoreImport(),
      scriptUrlOnce(),
      ...lazyFiles(),
      compactCss(),
      compactHtml(),
      dexieEsm(),
      distAssetUrls(),
      browserResolve(),
      ts(),
      min(),
    ],
    // The core (src/) has no import-time side effects: what the element does not call is dropped.
    treeshake: { moduleSideEffects: (id) => !engineOnly.test(id) && !coreModule.test(id) },
    // `module` stays unset in terser for iife output: it would drop the global `var`.
    output: {
      file: 'dist/confidant.iife.js',
      format: 'iife',
      name: 'Confidant',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    onwarn: silence,
  },
  // The script-tag build's lazy parts, each one self-contained module loaded on first use: the passphrase
  // strength estimator, the UI catalogues other than English, and the host of app-defined skills.
  {
    input: {
      'confidant-strength': 'widget/strength.ts',
      'confidant-zh-CN': 'widget/i18n/zh-CN.ts',
      'confidant-skills': 'src/skills/app-skill-host.ts',
    },
    plugins: [browserResolve(), ts(), min()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', sourcemap: true },
    onwarn: silence,
  },
  // Offline support (widget/offline, docs/offline.md), last: the service worker digests the files built above.
  // The worker is a classic script (no imports); the registration helper imports nothing from the core.
  {
    input: { offline: 'widget/offline/index.ts' },
    plugins: [ts()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', sourcemap: true },
  },
  {
    input: 'widget/offline/confidant-sw.ts',
    plugins: [bakeAssetDigests(), ts(), min()],
    output: { file: 'dist/confidant-sw.js', format: 'iife', sourcemap: true },
  },
  // The `confidant` command (bin/confidant.js runs it): Node, dependencies stay bare imports; the training
  // helper thread is its own entry next to it (bin/commands/parallel.ts looks for `./gradient-worker.js`).
  {
    input: { cli: 'bin/cli.ts', 'gradient-worker': 'bin/commands/gradient-worker.ts' },
    external: (id) => id.startsWith('node:') || external.some((e) => (typeof e === 'string' ? e === id : e.test(id))),
    plugins: [distAssetUrls(), ts()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'cli-[name]-[hash].js',
      sourcemap: true,
    },
    onwarn: silence,
  },
];
