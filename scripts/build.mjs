#!/usr/bin/env node
// `npm run build`: a clean dist/ from rollup (bundles, worker, wasm, models), then `.d.ts` types from tsc.
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

rmSync('dist', { recursive: true, force: true });
run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json']);
// The Custom Elements Manifest, for editors and catalogues (Web Awesome, Shoelace ship one the same way).
run(process.execPath, [
  'node_modules/@custom-elements-manifest/analyzer/cem.js',
  'analyze',
  '--globs',
  'widget/**/*.ts',
  '--exclude',
  'widget/sandbox/**',
  '--litelement',
  '--outdir',
  'dist',
  '--quiet',
]);
