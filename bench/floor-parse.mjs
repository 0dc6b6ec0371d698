// Parse floor: parse every .py file of the corpus with web-tree-sitter on one thread and nothing else; the reference a cold check is held to.
import fs from 'node:fs';
import path from 'node:path';
import { Parser, Language } from 'web-tree-sitter';
import { corpusFromArgv, walkFiles, maxRssBytes, REPO_ROOT } from './common.mjs';

const dir = corpusFromArgv();
const start = performance.now();
await Parser.init();
const lang = await Language.load(path.join(REPO_ROOT, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'));
const parser = new Parser();
parser.setLanguage(lang);
const initMs = performance.now() - start;
let files = 0;
let bytes = 0;
let errorTrees = 0;
for (const file of walkFiles(dir)) {
  if (!file.endsWith('.py')) continue;
  const buf = fs.readFileSync(file);
  bytes += buf.length;
  const tree = parser.parse(buf.toString('utf8'));
  // One flag read per file (negligible), so a broken generator shows up here instead of as a suspiciously fast floor.
  if (tree.rootNode.hasError) errorTrees++;
  // Trees live in WASM memory: without delete() the heap grows until the process dies.
  tree.delete();
  files++;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ files, bytes, ms: Math.round(ms), initMs: Math.round(initMs), errorTrees, maxRssBytes: maxRssBytes() }));
