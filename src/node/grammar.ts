// Node-specific pieces shared by the CLI and the language server: locating and reading the tree-sitter WASM.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PythonGrammarBinaries } from '../engine/parsers/python.js';

function firstExisting(candidates: readonly string[]): string {
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`cannot find ${candidates[0] ?? 'the parser'}: run 'npm run build' first`);
}

/** Reads the runtime and Python grammar WASM. `baseDir` is the folder of the running bundle. */
export function readGrammarBinaries(baseDir: string = __dirname): PythonGrammarBinaries {
  const pkgRoot = findPackageRoot(baseDir);
  const runtime = firstExisting([join(baseDir, 'tree-sitter.wasm'), join(pkgRoot, 'dist', 'tree-sitter.wasm'), join(pkgRoot, 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm')]);
  const python = firstExisting([join(baseDir, 'tree-sitter-python.wasm'), join(pkgRoot, 'dist', 'tree-sitter-python.wasm'), join(pkgRoot, 'node_modules', 'tree-sitter-python', 'tree-sitter-python.wasm')]);
  return { runtime: readFileSync(runtime), python: readFileSync(python) };
}

/** The mlready package folder: where package.json named mlready is. */
export function findPackageRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mlready') return dir;
      } catch {
        // Not ours; keep walking up.
      }
    }
    if (dirname(dir) === dir) return start;
  }
}
