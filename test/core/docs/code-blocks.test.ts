/**
 * The README and docs/ as tests (issue 10.5): every TypeScript block type-checks against the public
 * API; the ones that can run in Node run against the default model (in a child process, in order,
 * with a ready `assistant` for blocks that use one without creating it); YAML workflows and corpora,
 * dataset and dialogue JSON are read by the library's own readers, and the dialogue examples pass.
 *
 * A `console.log(…); // → text` line promises its output: the run must print `text` (up to a final `…`).
 * A block preceded by `<!-- doc-test: type-check only (why) -->` is not run; blocks that need a page
 * (the element, `document`, a relative `fetch`, the sandbox or offline entries) are found and not run.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineWorkflowSkill } from '../../../src/entries/skills.ts';
import { parseCorpus, parseDataset } from '../../../src/nlu/corpus/index.ts';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { evalDialogues, DEFAULT_MODEL } from '../../../bin/commands/eval-dialogues.ts';

const root = resolve(import.meta.dirname, '../../..');
const work = join(root, '.cache/doc-blocks');

interface Block {
  /** `README.md:120` */
  where: string;
  lang: string;
  code: string;
  runnable: boolean;
}

/** Every fenced block of a Markdown file, with its line and whether it may run. */
function blocksOf(file: string): Block[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)/.exec(lines[i] as string);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) body.push(lines[i] as string);
    const code = body.join('\n');
    const marked = /<!-- doc-test: type-check only/.test(lines[start - 1] ?? '');
    const needsPage = /document\.|window\.|from 'confidant-assistant\/(widget|sandbox|offline)'|fetch\('\//.test(code);
    blocks.push({ where: `${file}:${start + 1}`, lang: open[1] as string, code, runnable: !marked && !needsPage });
  }
  return blocks;
}

const files = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith('.md'),
);
const blocks = files.flatMap(blocksOf);
const ts = blocks.filter((b) => b.lang === 'ts');
const fileOf = (b: Block) => `${b.where.replace(/[^\w]+/g, '-')}.ts`;

describe('code blocks of the README and docs/', () => {
  test('every TypeScript block type-checks', () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    // Blocks may use an `assistant` made in an earlier block of the same page.
    writeFileSync(
      join(work, 'globals.d.ts'),
      "import type { Assistant } from 'confidant-assistant';\ndeclare global {\n  const assistant: Assistant;\n}\nexport {};\n",
    );
    for (const b of ts) writeFileSync(join(work, fileOf(b)), `${b.code}\nexport {};\n`);
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.json', include: ['*.ts'], compilerOptions: { noUnusedLocals: false } }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', work], {
      encoding: 'utf8',
    });
    const named = tsc.stdout.replace(/^([\w-]+)\.ts\((\d+),\d+\)/gm, (_, f: string, line: string) => {
      const block = ts.find((b) => fileOf(b) === `${f}.ts`);
      const [file, at] = (block?.where ?? 'unknown:0').split(':');
      return `${file}:${Number(at) + Number(line)}`;
    });
    assert.equal(tsc.status, 0, `README/docs blocks that do not type-check:\n${named}`);
    assert.ok(ts.length >= 10, `found ${ts.length} TypeScript blocks`);
  });

  test('the runnable TypeScript blocks run against the default model', { timeout: 300_000 }, () => {
    const runnable = ts.filter((b) => b.runnable);
    const runner = `import { createAssistant } from 'confidant-assistant';
(globalThis as { assistant?: unknown }).assistant = await createAssistant({ worker: false, storage: 'memory' });
const failures: string[] = [];
for (const [where, file] of ${JSON.stringify(runnable.map((b) => [b.where, `./${fileOf(b)}`]))}) {
  try { await import(file); } catch (error) { failures.push(where + ': ' + String((error as Error).stack ?? error)); }
}
console.log('DOC-BLOCKS ' + JSON.stringify(failures));
process.exit(0);
`;
    writeFileSync(join(work, 'run-blocks.ts'), runner);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(work, 'run-blocks.ts')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 280_000,
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('DOC-BLOCKS '));
    assert.ok(line, `the blocks did not finish:\n${run.stdout}\n${run.stderr}`);
    assert.deepEqual(JSON.parse(line.slice('DOC-BLOCKS '.length)), []);
    for (const b of runnable) {
      for (const [, promised] of b.code.matchAll(/console\.log\(.*\); \/\/ → (.+)$/gm)) {
        const expected = (promised as string).replace(/\s*…$/, '');
        assert.ok(run.stdout.includes(expected), `${b.where} promises "${expected}", the run printed:\n${run.stdout}`);
      }
    }
    assert.ok(runnable.length >= 5, `ran ${runnable.length} blocks`);
  });

  test('YAML workflows are valid skills on intents the default model knows; YAML corpora parse', async () => {
    const model = await loadIntentModel(DEFAULT_MODEL);
    const labels = new Set(model.info.labels);
    await model.dispose();
    const yaml = blocks.filter((b) => b.lang === 'yaml');
    assert.ok(yaml.length >= 2);
    for (const b of yaml) {
      if (/^steps:/m.test(b.code)) {
        const skill = defineWorkflowSkill(b.code, { source: b.where });
        for (const intent of skill.intents) assert.ok(labels.has(intent), `${b.where}: unknown intent ${intent}`);
      } else {
        const corpus = parseCorpus(b.code, { fileName: b.where });
        assert.ok(corpus.train.length > 0, b.where);
      }
    }
  });

  test('JSON datasets parse, and the dialogue examples pass eval-dialogues', async () => {
    const json = blocks.filter((b) => b.lang === 'json');
    assert.ok(json.length >= 2);
    for (const b of json) {
      const data = JSON.parse(b.code) as unknown;
      if (Array.isArray(data)) {
        const file = join(work, `${fileOf(b)}.json`);
        writeFileSync(file, b.code);
        const report = await evalDialogues(file);
        assert.deepEqual(report.failures, [], `${b.where}: the example dialogue fails`);
      } else {
        assert.ok(Object.keys(parseDataset(b.code, { fileName: b.where }).splits).length > 0, b.where);
      }
    }
  });
});
