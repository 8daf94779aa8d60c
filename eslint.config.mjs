// The style gate run by `npm run lint` (part of `npm test`). Unused exports are knip's job (knip.json), not this file's.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Production code: the parts and the faces (bench/ and test/ may hold long scenario functions).
const production = ['core/**/*.ts', 'engine/**/*.ts', 'server/src/**/*.ts', 'client/src/**/*.ts', 'cli/**/*.ts', 'scripts/**/*.{ts,mjs}'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.code-server/**',
      '.cache/**',
      'bench/tmp/**',
      'test/e2e/artifacts/**',
      'core/schema/generated/**',
      // Users' model code that the checks read, not code of this project.
      'examples/**',
      'test/corpus/**/*.js',
      'test/fixtures/**/*.js',
    ],
  },
  {
    files: ['**/*.{ts,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { '@stylistic': stylistic },
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // en+zh pairs are split with `+` too: strings, templates and regexps count like any other code.
      '@stylistic/max-len': ['error', { code: 160, tabWidth: 2, ignoreUrls: true }],
    },
  },
  {
    files: production,
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
);
