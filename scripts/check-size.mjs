#!/usr/bin/env node
// The size budget of what `dist/` ships, checked in `npm test` (after idb's size report and Lit's checksize).
// The shell — the element plus the main-thread client, i.e. everything a host page pays for up front — has
// a hard budget; the Worker, ONNX Runtime's wasm and the model load when the visitor opens the chat.
// `--markdown` prints the README's table of the files a site serves, with their compressed sizes.
import { readFileSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What a site serves, when it is fetched, and the budget of its gzipped size. */
export const shipped = [
  {
    file: 'dist/confidant.iife.js',
    label: 'shell (script tag: element + client)',
    when: 'page load (script tag)',
    maxGzip: 40 * 1024,
  },
  {
    file: 'dist/confidant-worker.js',
    label: 'engine Worker (ONNX Runtime JS, Dexie, NLU, skills)',
    when: 'first open',
    maxGzip: 400 * 1024,
  },
  {
    file: 'dist/confidant-train.js',
    label: 'trainer (loaded by the Worker on the first training only)',
    when: 'first training in the browser',
    maxGzip: 100 * 1024,
  },
  {
    file: 'dist/confidant-strength.js',
    label: 'passphrase strength estimator (zxcvbn-ts, script tag)',
    when: 'first passphrase form',
    maxGzip: 400 * 1024,
  },
  {
    file: 'dist/confidant-zh-CN.js',
    label: 'Simplified Chinese UI strings (script tag)',
    when: 'first zh-CN element',
    maxGzip: 8 * 1024,
  },
  {
    file: 'dist/confidant-skills.js',
    label: 'host of app-defined skills (script tag)',
    when: 'start with app skills',
    maxGzip: 16 * 1024,
  },
  {
    file: 'dist/ort-wasm-simd-threaded.wasm',
    label: 'ONNX Runtime wasm (fetched by the Worker)',
    when: 'first open',
    maxGzip: 4 * 1024 * 1024,
  },
  { file: 'dist/models/assistant-en.onnx', label: 'default model', when: 'first open', maxGzip: 2 * 1024 * 1024 },
  // Issue 13: Chinese adds at most 1.5 MB gzipped, fetched only on the first Chinese utterance.
  {
    file: 'dist/models/assistant-zh.onnx',
    label: 'Chinese model',
    when: 'first Chinese turn',
    maxGzip: 1.5 * 1024 * 1024,
  },
  {
    file: 'dist/models/slots-default.onnx',
    label: 'default slot tagger',
    when: 'first open',
    maxGzip: 2 * 1024 * 1024,
  },
  {
    file: 'dist/models/assistant-context.onnx',
    label: 'context model (issue 15)',
    when: 'first open',
    maxGzip: 150 * 1024,
  },
  {
    file: 'dist/purify.es.mjs',
    label: 'DOMPurify (script tag, browsers without Element.setHTML)',
    when: 'first markdown reply',
    maxGzip: 24 * 1024,
  },
];

const kb = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);
const brotli = (raw) =>
  brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;

if (process.argv.includes('--markdown')) {
  console.log('| file (in `dist/`) | fetched | raw | gzip | brotli |\n| --- | --- | ---: | ---: | ---: |');
  for (const { file, when } of shipped) {
    const raw = readFileSync(file);
    console.log(
      `| \`${file.slice('dist/'.length)}\` | ${when} | ${kb(raw.length)} | ${kb(gzipSync(raw, { level: 9 }).length)} | ${kb(brotli(raw))} |`,
    );
  }
  process.exit(0);
}

let failed = 0;
for (const { file, label, maxGzip } of shipped) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing (run npm run build)`);
    failed++;
    continue;
  }
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  const ok = gz <= maxGzip;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${label}: ${(raw.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (budget ${(maxGzip / 1024).toFixed(0)} KB)`,
  );
}
// What the Worker carries: no trainer, ONNX writer or corpus parser unless training is used (issue 11). Read from
// the source map, so the check names source files rather than guessing at minified code.
const trainingOnly =
  /src\/nlu\/(training|corpus)\/|src\/nlu\/onnx\/(export|onnx-writer|quantize)\.ts$|node_modules\/yaml\//;
if (existsSync('dist/confidant-worker.js.map')) {
  const { sources } = JSON.parse(readFileSync('dist/confidant-worker.js.map', 'utf8'));
  const leaked = sources.filter((source) => trainingOnly.test(source));
  if (leaked.length > 0) failed++;
  console.log(
    leaked.length === 0
      ? 'ok   engine Worker carries no training code (it is in confidant-train.js)'
      : `OVER engine Worker carries training code: ${leaked.join(', ')}`,
  );
}
if (failed > 0) {
  console.error(`size: ${failed} budget(s) exceeded or missing`);
  process.exit(1);
}
