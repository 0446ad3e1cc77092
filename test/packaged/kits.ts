/**
 * The bundlers a fresh app is built with in the packaged-app tests, each as a user would run it:
 * Vite (current and 7) and webpack 5 with no configuration at all, esbuild with its one documented
 * option (`assets-base`, after copying the files it does not copy). The bundlers are installed from
 * the npm registry once, into the gitignored `.cache/bundlers/`, at pinned versions.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One way of building the app. */
export interface Kit {
  /** Names the app and its screenshots. */
  name: string;
  /** What is installed into `.cache/bundlers/<name>` (exact versions). */
  packages: string[];
  /** Builds `app` (a fresh app with the tarball installed) into `app/dist`, with the bundler installed in `tools`. */
  build(app: string, tools: string): void;
}

const template = readFileSync(new URL('./app/index.html', import.meta.url), 'utf8');

/** Runs a command, failing with its output. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout + result.stderr;
}

/** The page for bundlers that take no HTML: the same page, loading their output. */
function page(app: string, script: string, element = '<confidant-assistant></confidant-assistant>'): void {
  const html = template
    .replace('<script type="module" src="./src/index.js"></script>', script)
    .replace('<confidant-assistant></confidant-assistant>', element);
  writeFileSync(join(app, 'dist', 'index.html'), html);
}

const vite = (name: string, version: string): Kit => ({
  name,
  packages: [`vite@${version}`],
  build: (app, tools) => {
    run(process.execPath, [join(tools, 'node_modules/vite/bin/vite.js'), 'build'], app);
  },
});

/** The kits, in the order the test builds them. */
export const kits: Kit[] = [
  vite('vite', '8.4.1'),
  vite('vite7', '7.3.8'),
  {
    name: 'webpack5',
    packages: ['webpack@5.113.0'],
    // webpack's zero configuration: ./src/index.js → ./dist/main.js, production mode.
    build: (app, tools) => {
      const script = `import webpack from ${JSON.stringify(join(tools, 'node_modules/webpack/lib/index.js'))};
webpack({ mode: 'production' }, (error, stats) => {
  if (error || stats.hasErrors()) { console.error(error ?? stats.toString('errors-only')); process.exit(1); }
});`;
      writeFileSync(join(app, 'build.mjs'), script);
      run(process.execPath, ['build.mjs'], app);
      page(app, '<script src="./main.js" defer></script>');
    },
  },
  {
    name: 'esbuild',
    packages: ['esbuild@0.28.2'],
    // esbuild does not copy `new URL(…, import.meta.url)` files (evanw/esbuild#795): the app copies them
    // and names the folder with `assets-base`, as the README says.
    build: (app, tools) => {
      run(
        join(tools, 'node_modules/.bin/esbuild'),
        ['src/index.js', '--bundle', '--format=esm', '--splitting', '--minify', '--outdir=dist'],
        app,
      );
      const from = join(app, 'node_modules/confidant-assistant/dist');
      mkdirSync(join(app, 'dist/confidant'), { recursive: true });
      for (const file of ['confidant-worker.js', 'confidant-train.js', 'ort-wasm-simd-threaded.wasm', 'models']) {
        cpSync(join(from, file), join(app, 'dist/confidant', file), { recursive: true });
      }
      page(
        app,
        '<script type="module" src="./index.js"></script>',
        '<confidant-assistant assets-base="./confidant/"></confidant-assistant>',
      );
    },
  },
];

/** The repository root. */
export const root = new URL('../..', import.meta.url).pathname;

/** Packs the package as `npm publish` would; returns the tarball's path. */
export function packTarball(into: string): string {
  const out = run('npm', ['pack', '--pack-destination', into, '--silent'], root);
  return join(into, out.trim().split('\n').pop() as string);
}

/** A fresh app in `dir` (from test/packaged/app) with the tarball installed as a user would. */
export function freshApp(dir: string, tarball: string): string {
  cpSync(new URL('./app', import.meta.url).pathname, dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ private: true, type: 'module', dependencies: { 'confidant-assistant': `file:${tarball}` } }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], dir);
  return dir;
}

/** Installs a kit's bundler into `.cache/bundlers/<name>` unless it is there; returns that folder. */
export function installKit(kit: Kit, cacheRoot: string): string {
  const tools = join(cacheRoot, kit.name);
  const marker = join(tools, 'installed.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(kit.packages)) return tools;
  mkdirSync(tools, { recursive: true });
  writeFileSync(join(tools, 'package.json'), '{ "private": true }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...kit.packages], tools);
  writeFileSync(marker, JSON.stringify(kit.packages));
  return tools;
}
