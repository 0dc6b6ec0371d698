// Read floor: walk the corpus and read every byte of every file, single-threaded; the best a warm (fully cached) check could ever do.
import fs from 'node:fs';
import { corpusFromArgv, walkFiles, maxRssBytes } from './common.mjs';

const dir = corpusFromArgv();
const start = performance.now();
let files = 0;
let bytes = 0;
for (const file of walkFiles(dir)) {
  // Raw Buffers, no decoding: this is the I/O + syscall floor, not a text-processing one.
  bytes += fs.readFileSync(file).length;
  files++;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ files, bytes, ms: Math.round(ms), maxRssBytes: maxRssBytes() }));
