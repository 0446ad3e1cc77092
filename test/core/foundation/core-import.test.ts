// The script-tag build replaces the element's `import('../src/index.ts')` with a module exporting only
// CORE_NAMES (rollup.config.mjs, inlinedCoreImport): a name the loader reads beyond them would be `undefined`
// in confidant.iife.js alone. The build runs this check on the loader; here it runs on the loader as it is,
// and on loaders that read more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CORE_NAMES, checkCoreImport } from '../../../scripts/core-import.mjs';

const loader = readFileSync(new URL('../../../widget/assistant-loader.ts', import.meta.url), 'utf8');

test('the widget loader reads from the core only what the script-tag build exports, and the core has it', async () => {
  assert.match(loader, /await import\('\.\.\/src\/index\.ts'\)/, 'the loader imports the core');
  checkCoreImport(loader);
  const core: Record<string, unknown> = await import('../../../src/index.ts');
  for (const name of CORE_NAMES) assert.notEqual(core[name], undefined, name);
});

test('a loader reading a name the stand-in lacks fails, naming it', () => {
  assert.throws(
    () => checkCoreImport("const { createAssistant, LockedError } = await import('../src/index.ts');"),
    /reads "LockedError"/,
  );
  assert.throws(
    () => checkCoreImport('const {\n  createAssistant: make,\n  version,\n} = await import("../src/index.ts");'),
    /reads "version"/,
  );
});

test('a loader keeping the namespace, or importing it twice, fails', () => {
  assert.throws(() => checkCoreImport("const core = await import('../src/index.ts');"), /destructured at once/);
  assert.throws(
    () =>
      checkCoreImport(
        "const { createAssistant } = await import('../src/index.ts');\nconst m = import('../src/index.ts');",
      ),
    /destructured at once/,
  );
});

test('renamed or spaced destructuring of the exported names passes', () => {
  checkCoreImport("const {createAssistant: create} = await import( '../src/index.ts' );");
  checkCoreImport(
    "import type { Assistant } from '../src/index.ts';\nconst { createAssistant } = await import('../src/index.ts');",
  );
});

test("the script-tag build's plugin fails the build on such a loader, and stands in with CORE_NAMES", async () => {
  // By URL: the build's configuration has no types, and is read here only for this plugin.
  const config = new URL('../../../rollup.config.mjs', import.meta.url).href;
  // eslint-disable-next-line no-unsanitized/method -- a constant path to our own build configuration
  const { default: configs } = (await import(config)) as {
    default: { plugins?: { name: string; [hook: string]: unknown }[] }[];
  };
  const plugins = configs.flatMap((config) => config.plugins ?? []).filter((p) => p.name === 'inlined-core-import');
  assert.equal(plugins.length, 1, 'one build (the script tag) inlines the core import');
  const plugin = plugins[0] as unknown as {
    resolveId(source: string, importer: string): string | null;
    load(id: string): string | null;
    transform(this: { error(message: string): never }, code: string, id: string): null;
  };
  const id = new URL('../../../widget/assistant-loader.ts', import.meta.url).pathname;
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };
  assert.equal(plugin.transform.call(context, loader, id), null);
  const reading = loader.replace('const { createAssistant }', 'const { createAssistant, LockedError }');
  assert.throws(() => plugin.transform.call(context, reading, id), /reads "LockedError"/);
  const stub = plugin.resolveId('../src/index.ts', id);
  assert.match(plugin.load(stub!) ?? '', new RegExp(`^export \\{ ${CORE_NAMES.join(', ')} \\} from `));
});
