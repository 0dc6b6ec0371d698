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
    // The client stays thin: the engine, the parsers and the server are reached only through LSP. The exceptions are
    // pure text work on what the server returned: the reports' wording, the Markdown report, and the minimal YAML
    // edit of one attestation (these last two load only with the readiness panel's own bundle).
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode-languageserver', 'web-tree-sitter', 'tree-sitter-python'],
        patterns: [{ group: ['vscode-languageserver/*', '**/server/**', '**/cli/**', '**/node/**'] }, { regex: '/engine/(?!readiness/(report-text|format-markdown|attest)\\.js$)', message: 'The extension reaches the engine through the language server.' }],
      }],
    },
  },
  {
    // The readiness panel's script runs in the webview: DOM only, no editor or Node APIs; it shares the reports' wording.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'yaml'],
        patterns: [{ group: ['node:*', '**/extension/**', '**/server/**', '**/cli/**', '**/node/**'] }, { regex: '/engine/(?!readiness/(report-text|types)\\.js$)', message: 'The panel gets its data by postMessage; only the reports\' wording and types are shared.' }],
      }],
    },
  },
  {
    // Shared by the server, the client and the webview: plain types and constants only.
    // The report's types are part of the protocol (the readiness request and the panel's messages carry them).
    files: ['src/protocol.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', 'vscode-languageserver', 'vscode-languageclient'], patterns: [{ group: ['node:*', 'vscode-languageserver/*', 'vscode-languageclient/*'] }, { regex: '^\\./(?!engine/readiness/types\\.js$)', message: 'protocol.ts holds plain types and constants; it imports only the report types.' }] }] },
  },
  {
    // Suites run in the extension host and see mlready only as a user does: through VS Code and the extension's API.
    files: ['test/integration/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode-languageserver', 'vscode-languageclient'], patterns: ['**/engine/**', '**/server/**', '**/cli/**', '**/node/**'] }] },
  },
);
