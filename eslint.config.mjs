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
  {
    // pending: being rewritten in Step 7 (rule files, conformance steps). Temporary: the lead removes this block
    // after merging those rewrites, and what it hides must then pass.
    files: ['engine/**', 'client/src/views/reportModel.ts', 'client/src/workflow.ts'],
    rules: {
      '@stylistic/max-len': 'off',
      'max-lines-per-function': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-useless-assignment': 'off',
      'no-control-regex': 'off',
    },
  },
);
