import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'eslint.config.js', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The core is pure: no I/O, and nothing of the shell (ARCHITECTURE §2). Its tests may use test support.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**', '**/modules/**', '**/server/**', '**/cli/**', '**/store/**', '**/ledger/**', '**/demo/**', '**/test/**'], message: 'The core imports nothing of the shell.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'http', 'https', 'net', 'pg', 'better-sqlite3', 'kysely', 'fastify'], message: 'The core does no I/O.' },
          ],
        },
      ],
    },
  },
);
