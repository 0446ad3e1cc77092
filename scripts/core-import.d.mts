/** The names the script-tag build's stand-in for the core exports. */
export declare const CORE_NAMES: readonly string[];
/** Throws unless every `import('../src/index.ts')` of `code` is destructured to names of `CORE_NAMES`. */
export declare function checkCoreImport(code: string): void;
