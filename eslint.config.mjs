// Flat ESLint config: typescript-eslint strictTypeChecked, zero warnings, and the module boundaries of STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'examples/**', '.bench/**', '.e2e/**', 'test-artifacts/**', 'test/fixtures/**', 'test/integration/fixtures/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // node:test's describe/it return promises the runner itself tracks.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test', 'suite', 'before', 'after'], package: 'node:test' }] }],
      // Only the extension and its integration suites may import the editor API (overridden below for them).
      'no-restricted-imports': ['error', { paths: ['vscode'] }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'node:fs', 'fs', 'node:child_process', 'child_process', 'node:worker_threads', 'worker_threads', 'node:http', 'node:https', 'node:net'],
        patterns: ['vscode-languageserver/*', 'vscode-languageclient/*', '**/cli/**', '**/server/**', '**/extension/**'],
      }],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', 'vscode-languageserver', 'vscode-languageclient'], patterns: ['**/extension/**', '**/cli/**', '**/server/**'] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', 'vscode-languageclient'], patterns: ['**/extension/**'] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', 'vscode-languageclient'], patterns: ['vscode-languageclient/*', '**/extension/**', '**/cli/**'] }] },
  },
  {
    // The client stays thin: the engine, the parsers and the server are reached only through LSP.
    files: ['src/extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode-languageserver', 'web-tree-sitter', 'tree-sitter-python'], patterns: ['vscode-languageserver/*', '**/engine/**', '**/server/**', '**/cli/**', '**/node/**'] }] },
  },
  {
    // Shared by the server, the client and (later) the webview: plain types and constants only.
    files: ['src/protocol.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', 'vscode-languageserver', 'vscode-languageclient'], patterns: ['node:*', 'vscode-languageserver/*', 'vscode-languageclient/*', './*'] }] },
  },
  {
    // Suites run in the extension host and see mlready only as a user does: through VS Code and the extension's API.
    files: ['test/integration/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode-languageserver', 'vscode-languageclient'], patterns: ['**/engine/**', '**/server/**', '**/cli/**', '**/node/**'] }] },
  },
);
