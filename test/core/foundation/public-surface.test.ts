// The public surface is what test/types/public-surface.ts lists, and nothing more: each entry's exports
// (types included, read with the TypeScript API), its run-time names (imported in Node), and the places
// that must agree on the entries — package.json `exports`, the rollup inputs, tsconfig.types.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { MAX_MAIN_NAMES, publicSurface } from '../../types/public-surface.ts';
import * as main from '../../../src/index.ts';
import * as skills from '../../../src/entries/skills.ts';
import * as nlu from '../../../src/entries/nlu.ts';
import * as metrics from '../../../src/entries/metrics.ts';
import * as links from '../../../src/entries/links.ts';

const root = new URL('../../../', import.meta.url);
const json = (file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8'));
const entries = Object.entries(publicSurface);

test(`the everyday entry exports at most ${MAX_MAIN_NAMES} names`, () => {
  const main = publicSurface['confidant-assistant'];
  const count = main.values.length + main.types.length;
  assert.ok(count <= MAX_MAIN_NAMES, `${count} names`);
});

test('every entry exports exactly its listed names, types included', () => {
  const config = ts.getParsedCommandLineOfConfigFile(new URL('tsconfig.json', root).pathname, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)),
  });
  assert.ok(config);
  const sources = entries.map(([, e]) => new URL(e.source, root).pathname);
  const program = ts.createProgram(sources, config.options);
  const checker = program.getTypeChecker();
  for (const [name, entry] of entries) {
    const file = program.getSourceFile(new URL(entry.source, root).pathname);
    const module = file && checker.getSymbolAtLocation(file);
    assert.ok(module, entry.source);
    const exported = checker
      .getExportsOfModule(module)
      .map((s) => s.name)
      .sort();
    assert.deepEqual(exported, [...entry.values, ...entry.types].sort(), name);
  }
});

test("the core entries' run-time names are the listed values (imported in plain Node)", () => {
  // The widget entries need a DOM: their names are checked above, from the sources.
  const loaded: Record<string, object> = {
    'src/index.ts': main,
    'src/entries/skills.ts': skills,
    'src/entries/nlu.ts': nlu,
    'src/entries/metrics.ts': metrics,
    'src/entries/links.ts': links,
  };
  for (const [name, entry] of entries) {
    if (!entry.source.startsWith('src/')) continue;
    assert.ok(loaded[entry.source], `${entry.source} is imported by this test`);
    assert.deepEqual(Object.keys(loaded[entry.source]!).sort(), [...entry.values].sort(), name);
  }
});

test('package.json, rollup and tsconfig.types.json agree on the entries', async () => {
  const { exports } = json('package.json') as { exports: Record<string, string | { types: string; import: string }> };
  const typed = Object.entries(exports).filter(
    (pair): pair is [string, { types: string; import: string }] => typeof pair[1] === 'object',
  );
  assert.deepEqual(
    typed.map(([subpath]) => `confidant-assistant${subpath.slice(1)}`).sort(),
    entries.map(([name]) => name).sort(),
    'every typed export is pinned, and every pinned entry is exported',
  );
  // The repository's own build configuration, not input.
  // eslint-disable-next-line no-unsanitized/method
  const { default: rollupConfigs } = (await import(new URL('rollup.config.mjs', root).href)) as {
    default: { input: unknown }[];
  };
  const inputs = Object.fromEntries(
    rollupConfigs.flatMap((c) => (typeof c.input === 'object' && c.input !== null ? Object.entries(c.input) : [])),
  ) as Record<string, string>;
  const declared: string[] = json('tsconfig.types.json').files;
  for (const [subpath, target] of typed) {
    const { source } = publicSurface[`confidant-assistant${subpath.slice(1)}` as keyof typeof publicSurface];
    assert.equal(target.types, `./dist/types/${source.replace(/\.ts$/, '.d.ts')}`, `${subpath} types`);
    const bundle = /^\.\/dist\/(.+)\.js$/.exec(target.import)?.[1];
    assert.equal(bundle && inputs[bundle], source, `${subpath}: rollup builds ${target.import} from ${source}`);
    assert.ok(declared.includes(source), `${subpath}: tsc emits the .d.ts of ${source}`);
  }
});
