// A @web/test-runner plugin: `executeServerCommand('fuzz-config')` returns how many inputs the
// Chromium fuzz tests generate and from which seed: `FUZZ_INPUTS` / `FUZZ_SEED` when `npm run fuzz`
// sets them, else the short seeded run of `npm test`.
/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function fuzzConfigPlugin() {
  return {
    name: 'fuzz-config',
    executeCommand({ command }) {
      if (command !== 'fuzz-config') return undefined;
      return { inputs: Number(process.env.FUZZ_INPUTS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 16) };
    },
  };
}
