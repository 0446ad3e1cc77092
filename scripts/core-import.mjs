// What the element takes from the core through `import('../src/index.ts')` (widget/assistant-loader.ts). The
// script-tag build inlines that import as a module exporting these names alone (rollup.config.mjs,
// `inlinedCoreImport`): a name the loader read and this list lacked would be `undefined` there, with no
// error from Rollup. The build checks the loader against this list (`checkCoreImport`), and so does
// test/core/foundation/core-import.test.ts.

/** The names the script-tag build's stand-in for the core exports. */
export const CORE_NAMES = ['createAssistant'];

const call = String.raw`import\(\s*['"]\.\.\/src\/index\.ts['"]\s*\)`;

/**
 * Checks every `import('../src/index.ts')` of a module's source: each must be destructured at once
 * (`const { createAssistant } = await import('../src/index.ts')`) to names of `CORE_NAMES`.
 * @param {string} code the module's source
 * @throws {Error} naming the first import that reads something else, or keeps the namespace
 */
export function checkCoreImport(code) {
  const calls = code.match(new RegExp(call, 'g')) ?? [];
  const destructured = [...code.matchAll(new RegExp(String.raw`const\s*\{([^}]*)\}\s*=\s*await\s+${call}`, 'g'))];
  if (destructured.length !== calls.length) {
    throw new Error(
      `import('../src/index.ts') must be destructured at once ("const { ${CORE_NAMES.join(', ')} } = await import(…)"): ` +
        'the script-tag build replaces it with a module of those names alone (scripts/core-import.mjs)',
    );
  }
  for (const [, list] of destructured) {
    for (const entry of list.split(',')) {
      const name = entry.split(':')[0].trim();
      if (name && !CORE_NAMES.includes(name)) {
        throw new Error(
          `import('../src/index.ts') reads "${name}", which the script-tag build's stand-in for the core does not ` +
            `export: add it to CORE_NAMES in scripts/core-import.mjs (exported now: ${CORE_NAMES.join(', ')})`,
        );
      }
    }
  }
}
