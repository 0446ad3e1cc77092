/**
 * What `npm pack` puts in the tarball (issue 10.7): the licence, the built code, one copy of each model,
 * the docs the CLI points to, and no sources (no TypeScript but declarations, no tests, no scripts).
 * Run after `npm run build` (it is part of `npm test`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

test('npm pack --dry-run: licence, one model copy, docs, no sources', () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' })) as [
    { files: { path: string }[]; size: number },
  ];
  const files = pack.files.map((f) => f.path);
  for (const required of [
    'LICENSE',
    'README.md',
    'package.json',
    'bin/confidant.js',
    'dist/cli.js',
    'dist/confidant.js',
    'dist/widget.js',
    'dist/confidant.iife.js',
    'dist/confidant-worker.js',
    'dist/ort-wasm-simd-threaded.wasm',
    'dist/models/assistant-en.onnx',
    'models/assistant-en.md',
    'docs/formats.md',
    'docs/intents.md',
  ]) {
    assert.ok(files.includes(required), `the tarball lacks ${required}`);
  }
  const models = files.filter((f) => f.endsWith('.onnx')).sort();
  const shipped = readdirSync(resolve(root, 'models'))
    .filter((f) => f.endsWith('.onnx'))
    .map((f) => `dist/models/${f}`)
    .sort();
  assert.deepEqual(models, shipped, 'one copy of each model, in dist/models/');
  const sources = files.filter((f) => /\.(ts|mts|cts)$/.test(f) && !/\.d\.ts$/.test(f));
  assert.deepEqual(sources, [], 'no TypeScript sources');
  const stray = files.filter((f) => /^(src|test|scripts|bench|demo|worker|widget)\//.test(f));
  assert.deepEqual(stray, [], 'nothing but dist/, bin/confidant.js, docs/ and the model cards');
  console.log(`# ${files.length} files, ${(pack.size / 1024 / 1024).toFixed(1)} MB packed`);
});
