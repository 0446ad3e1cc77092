// The import boundaries of STYLE.md §1 are enforced by eslint's no-restricted-imports per folder; this test
// proves the rule bites, so a config change cannot silently switch it off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();
const errorsOf = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter(
    (m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals',
  );

test('the widget may import only the core public entry', async () => {
  assert.equal(
    (await errorsOf('widget/x.ts', "import { createAssistant } from '../src/index.ts';\nexport { createAssistant };\n"))
      .length,
    0,
  );
  assert.equal(
    (await errorsOf('widget/x.ts', "import { ConfidantError } from '../src/errors.ts';\nexport { ConfidantError };\n"))
      .length,
    1,
  );
  assert.equal(
    (
      await errorsOf(
        'widget/parts/x.ts',
        "import { createLocalEngine } from '../../src/engine/local-engine.ts';\nexport { createLocalEngine };\n",
      )
    ).length,
    1,
  );
  assert.equal(
    (
      await errorsOf(
        'widget/x.ts',
        "import { startWorker } from '../src/engine/worker-transport.ts';\nexport { startWorker };\n",
      )
    ).length,
    1,
  );
});

test('the widget may import the subpath entries; the sandbox host also the skill checks it shares', async () => {
  const importing = (path: string) => `import { a } from '${path}';\nexport { a };\n`;
  assert.equal((await errorsOf('widget/x.ts', importing('../src/entries/skills.ts'))).length, 0);
  assert.equal((await errorsOf('widget/x.ts', importing('../src/skills/integrity.ts'))).length, 1);
  assert.equal((await errorsOf('widget/sandbox/x.ts', importing('../../src/skills/integrity.ts'))).length, 0);
  assert.equal((await errorsOf('widget/sandbox/x.ts', importing('../../src/skills/runtime.ts'))).length, 1);
});

test('the core imports no widget, DOM library, Node built-in or Worker internals', async () => {
  assert.equal((await errorsOf('src/x.ts', "import { html } from 'lit';\nexport { html };\n")).length, 1);
  assert.equal(
    (await errorsOf('src/x.ts', "import { readFile } from 'node:fs/promises';\nexport { readFile };\n")).length,
    1,
  );
  assert.equal((await errorsOf('src/x.ts', "import { a } from '../widget/index.ts';\nexport { a };\n")).length, 1);
  assert.equal(
    (await errorsOf('src/x.ts', "import { a } from '../worker/engine-worker.ts';\nexport { a };\n")).length,
    1,
  );
  assert.equal((await errorsOf('src/x.ts', 'export const t = document.title;\n')).length, 1);
});

test('the transport is owned by one place: only src/engine/worker-transport.ts and error-transfer.ts speak comlink', async () => {
  const comlink = "import { wrap } from 'comlink';\nexport { wrap };\n";
  assert.equal((await errorsOf('src/engine/worker-transport.ts', comlink)).length, 0);
  assert.equal((await errorsOf('src/engine/error-transfer.ts', comlink)).length, 0);
  assert.equal((await errorsOf('src/assistant.ts', comlink)).length, 1);
  assert.equal((await errorsOf('src/skills/x.ts', comlink)).length, 1);
  assert.equal((await errorsOf('worker/engine-worker.ts', comlink)).length, 1);
  // The core's front door reaches the Worker through the transport, not through worker/.
  assert.equal(
    (
      await errorsOf(
        'src/x.ts',
        "import { startWorker } from './engine/worker-transport.ts';\nexport { startWorker };\n",
      )
    ).length,
    0,
  );
});

test('the Worker entry starts the engine and imports nothing else of the core', async () => {
  const fromEngine =
    "import { createLocalEngine } from '../src/engine/local-engine.ts';\nexport { createLocalEngine };\n";
  assert.equal((await errorsOf('worker/engine-worker.ts', fromEngine)).length, 0);
  const fromNlu = "import { trainModel } from '../src/nlu/training/trainer.ts';\nexport { trainModel };\n";
  assert.equal((await errorsOf('worker/engine-worker.ts', fromNlu)).length, 1);
  const fromWidget = "import { a } from '../widget/index.ts';\nexport { a };\n";
  assert.equal((await errorsOf('worker/engine-worker.ts', fromWidget)).length, 1);
});
