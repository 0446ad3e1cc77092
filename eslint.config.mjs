// Lint in `npm test`: typescript-eslint, no-unsanitized (DOM sinks), and the import boundaries of
// ../shared/STYLE.md §1 as `no-restricted-imports` per folder — enforced, not hoped for.
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'child_process', 'os'],
  message: 'The core runs in browsers: no Node built-ins in src/ or worker/.',
};

/** What the core (src/) may not import. */
const corePatterns = [
  nodeBuiltins,
  {
    group: ['**/widget/**', '**/demo/**', '**/bench/**', '**/bin/**', '**/test/**', 'lit', 'lit/*', 'dompurify'],
    message: 'The core (src/) sees no widget, demo, bench, CLI, test or DOM library.',
  },
  {
    group: ['**/worker/**'],
    message: 'The core never imports the Worker entry: the transport is src/engine/worker-transport.ts.',
  },
];

/** The transport is owned by one place: only these files speak comlink (the Worker's wire protocol). */
const transportFiles = ['src/engine/worker-transport.ts', 'src/engine/error-transfer.ts'];
const transportOnly = {
  name: 'comlink',
  message: 'Only the transport (src/engine/worker-transport.ts, error-transfer.ts) speaks comlink.',
};

/**
 * What the widget may not import: anything of the core but its public entries (`src/index.ts` and the
 * subpath entries in `src/entries/`, STYLE.md §1), plus the files in `allowed`.
 */
const widgetPatterns = (allowed = []) => [
  {
    // Gitignore semantics: a file is re-included only if its folder is, hence the folder-then-files pairs.
    group: [
      '**/src/*',
      '!**/src/index.ts',
      '!**/src/entries',
      '!**/src/skills',
      '**/src/*/**',
      '!**/src/entries/*.ts',
      ...allowed.map((file) => `!**/${file}`),
    ],
    message: 'The widget sees only the core public entries: src/index.ts and src/entries/*.ts (STYLE.md §1).',
  },
  {
    group: ['**/worker/**', '**/bench/**', '**/bin/**', '**/test/**'],
    message: 'The widget talks to the core public API only.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', '.cache/**', 'custom-elements.json', '**/*.min.js'] },
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: corePatterns, paths: [transportOnly] }],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'sessionStorage'],
    },
  },
  {
    // The transport, both ends: the only core files that speak comlink.
    files: transportFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: corePatterns }] },
  },
  {
    files: ['worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['**/widget/**', '**/demo/**', '**/bench/**', '**/bin/**', '**/test/**', 'lit', 'lit/*'],
              message: 'worker/ imports only the core.',
            },
            {
              group: ['**/src/*', '!**/src/engine', '**/src/*/**', '!**/src/engine/**'],
              message: 'The Worker entry starts the engine (src/engine/) and nothing else.',
            },
          ],
          paths: [transportOnly],
        },
      ],
    },
  },
  { files: ['widget/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: widgetPatterns() }] } },
  {
    // The sandbox host is the DOM half of sandboxed skills: it shares these checks with the core's skills runtime.
    files: ['widget/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: widgetPatterns(
            ['integrity', 'manifest', 'origins', 'read-capped'].map((f) => `src/skills/${f}.ts`),
          ),
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'models/**/*.ts', 'bin/**/*.ts', 'scripts/**/*.mjs', 'demo/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
