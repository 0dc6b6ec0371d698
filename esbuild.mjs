// Bundles the CLI and its lint worker (later also the extension, the server and the webview) and copies the parser WASM.
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

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

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' },
];

mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm', 'dist/tree-sitter-python.wasm');

if (watch) {
  const contexts = await Promise.all(entries.map((e) => context({ ...node, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(entries.map((e) => build({ ...node, ...e })));
}
