#!/usr/bin/env node
// `npm run bench`: runs every benchmark in turn; each writes its own section of BENCHMARKS.md with its
// anchor (NLP.js, plain Dexie, deep-chat, the utterance-only model on SGD) measured in the same run.
// `npm run bench -- store widget` runs some.
import { spawnSync } from 'node:child_process';

const all = ['nlu', 'slots', 'sgd', 'extend', 'store', 'dialogue', 'context', 'widget', 'load', 'passkey'];
const picked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = picked.length > 0 ? picked : all;
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`unknown benchmark ${name}; known: ${all.join(', ')}`);
    process.exit(2);
  }
  console.error(`\n== bench:${name}`);
  const r = spawnSync('npm', ['run', `bench:${name}`, '--silent'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench:${name} failed (exit ${r.status})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
