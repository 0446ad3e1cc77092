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
    (await errorsOf('widget/x.ts', "import { startWorker } from '../worker/client.ts';\nexport { startWorker };\n"))
      .length,
    1,
  );
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
  assert.equal(
    (await errorsOf('src/x.ts', "import { startWorker } from '../worker/client.ts';\nexport { startWorker };\n"))
      .length,
    0,
  );
  assert.equal((await errorsOf('src/x.ts', 'export const t = document.title;\n')).length, 1);
});
