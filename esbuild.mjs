// Bundles the CLI and its lint worker, the VS Code extension, its language server and the readiness panel's webview
// script (and, with --integration-tests, the extension's integration suites), and copies the parser WASM next to the
// bundles that load it.
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const integrationTests = process.argv.includes('--integration-tests');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter's ESM build reads import.meta.url; in a CommonJS bundle it must come from __filename.
  define: { 'import.meta.url': '__mlreadyImportMetaUrl' },
  banner: { js: "const __mlreadyImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** Bundles that never load web-tree-sitter need no import.meta.url shim. */
const noWasm = { define: {}, banner: {} };

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' },
  // The extension host provides `vscode`; the parsers and the engine stay out of these bundles (they load in the server).
  // The entry is kept tiny and loads the language client's bundle after activation (its size is compile time).
  // `import()` becomes a deferred require(), so VS Code's CommonJS loader (which provides `vscode`) loads the client too.
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './language-client.js', './readiness-panel.js'], supported: { 'dynamic-import': false }, ...noWasm },
  { entryPoints: ['src/extension/language-client.ts'], outfile: 'dist/language-client.js', external: ['vscode'], ...noWasm },
  // The readiness panel's host, loaded on first use: it carries the YAML editor for attestations and the Markdown report.
  { entryPoints: ['src/extension/readiness-panel.ts'], outfile: 'dist/readiness-panel.js', external: ['vscode'], ...noWasm },
  // The panel's own script, run by the webview (a browser): one classic script, no module loader, no Node.
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/readiness.js', platform: 'browser', format: 'iife', target: 'chrome114', ...noWasm },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
];

if (integrationTests) {
  // Mocha suites run inside the extension host: `vscode` comes from it, mocha from node_modules.
  const suites = readdirSync('test/integration').filter((f) => f.endsWith('.test.ts')).map((f) => `test/integration/${f}`);
  entries.push({ entryPoints: ['test/integration/index.ts', ...suites], outdir: 'out/integration', external: ['vscode', 'mocha'], sourcemap: true, minify: false });
}

mkdirSync('dist', { recursive: true });
// A production build has no source maps; drop those of an earlier development build so none look current.
if (production) for (const f of readdirSync('dist')) if (f.endsWith('.map')) rmSync(`dist/${f}`);
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm', 'dist/tree-sitter-python.wasm');

if (watch) {
  const contexts = await Promise.all(entries.map((e) => context({ ...node, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(entries.map((e) => build({ ...node, ...e })));
}
