#!/usr/bin/env node
// The `confidant` command (also installed as `confidant-assistant`, so `npx confidant-assistant` finds it). The published package runs the built `dist/cli.js`; in a checkout before
// `npm run build`, it runs the TypeScript source through tsx (a devDependency).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  // The URL is this package's own build output, next to this file: not user input.
  // eslint-disable-next-line no-unsanitized/method
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
