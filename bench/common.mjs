// Paths and the corpus walk shared by the floors and the runner; kept dependency-free so floor processes start as fast as possible.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS = path.join(REPO_ROOT, '.bench', 'corpus');

/** Every regular file under `dir`, depth-first; synchronous because that is the fastest single-threaded way to list 10k files. */
export function walkFiles(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** The corpus directory from argv[2], defaulting to .bench/corpus; fails early with a hint instead of timing an empty walk. */
export function corpusFromArgv() {
  const dir = path.resolve(process.argv[2] ?? DEFAULT_CORPUS);
  if (!fs.existsSync(dir)) {
    console.error(`corpus not found: ${dir} (run: node bench/generate.mjs)`);
    process.exit(2);
  }
  return dir;
}

/** Peak resident set of this process in bytes (resourceUsage reports KiB on Linux). */
export const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;
