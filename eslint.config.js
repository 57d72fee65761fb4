// Lint rules double as architecture rules: each layer may import only what it is allowed to.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'better-sqlite3*', 'react', 'react-dom', 'zustand', 'node:fs', 'node:child_process', '**/main/**', '**/db/**', '**/renderer/**'],
      'core/ is the pure domain: plain data in, plain data out (no electron, DOM, database or file system).',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(['electron', 'electron/*', 'react', '**/main/**', '**/renderer/**'], 'db/ holds migrations and repositories only.'),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**'], 'Handlers serve three faces and never import electron; the shell lives in main/electron/.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', 'electron/*', 'better-sqlite3*', 'node:*', '**/main/**', '**/db/**'],
        'The renderer talks only through the contract client (renderer/src/api).',
      ),
    },
  },
);
