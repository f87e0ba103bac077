import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LIBS_PATH = {
  group: ['../../libs/*', '../../../libs/*'],
  message: 'import libs through @tiaojie/<lib>',
};
const DRIZZLE = {
  group: ['drizzle-orm', 'drizzle-orm/*'],
  message: 'only repositories (*.repository.ts) and libs/db query the database',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'apps/web/dist/**',
      'data/**',
      'coverage/**',
      'test-artifacts/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [LIBS_PATH, DRIZZLE] }],
    },
  },
  {
    // Queries live in repositories; the database lib, tests, testing helpers and benchmarks may query directly.
    files: [
      '**/*.repository.ts',
      'libs/db/**/*.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.testing.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [LIBS_PATH] }] },
  },
  {
    // Tests may poke at loosely typed fixtures and driver internals.
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.testing.ts',
      '**/*.spec-helper.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
