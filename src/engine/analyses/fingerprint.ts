// A small fingerprint of a source text (a bottom-k sketch of its normalised lines), to tell near-copies of a file apart from namesakes.

/** Plain data, cached with the file's facts. */
export interface Fingerprint {
  /** Distinct normalised lines that carry content. */
  readonly lines: number;
  /** The smallest hashes of those lines, ascending (all of them when there are fewer than the sketch size). */
  readonly sketch: readonly number[];
}

/** 64 hashes estimate a Jaccard similarity of 0.8 within about ±0.05, and keep the facts of a large repo small. */
export const SKETCH_SIZE = 64;

/**
 * Lines that every Python file has, or that say nothing about what the file does, would make unrelated files look
 * alike: blank lines, comments, imports, lone brackets and bare keywords are left out.
 */
const TRIVIAL = /^(pass|return|returnNone|break|continue|else:|try:|finally:|except:|exceptExceptionase:|[)\]}:,]*|@\w+|"""|''')$/;

/** Lines TRIVIAL names word for word; only a compact line this short can be one of them. */
const TRIVIAL_MAX_WORD = 'exceptExceptionase:'.length;

/**
 * Fingerprints a Python text (for notebooks: the code cells' virtual text). Each line is hashed as it is scanned,
 * without the whitespace that `\s` matches: the same hashes as hashing `line.trim().replace(/\s+/g, '')`, without
 * building those strings for every line of every file.
 */
export function fingerprint(text: string): Fingerprint {
  const hashes = new Set<number>();
  const n = text.length;
  for (let lineStart = 0; lineStart <= n; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    let a = lineStart;
    let b = lineEnd;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    lineStart = lineEnd + 1;
    if (a === b || text.charCodeAt(a) === 35 /* # */ || (b - a >= 7 && text.startsWith('import ', a))) continue;
    if (b - a >= 5 && text.startsWith('from ', a)) {
      const at = text.indexOf(' import ', a);
      if (at !== -1 && at + 8 <= b) continue;
    }
    // 32-bit FNV-1a over the UTF-16 code units: deterministic on every platform, and enough for a sketch.
    let hash = 0x811c9dc5;
    let length = 0;
    let decorator = text.charCodeAt(a) === 64; /* @ */
    let closers = true;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) continue;
      hash ^= c;
      hash = Math.imul(hash, 0x01000193);
      if (decorator && length > 0 && !isWordChar(c)) decorator = false;
      if (closers && !isCloser(c)) closers = false;
      length++;
    }
    if (length < 4 || (decorator && length > 1) || closers) continue;
    if (length <= TRIVIAL_MAX_WORD && TRIVIAL.test(text.slice(a, b).replace(/\s+/g, ''))) continue;
    hashes.add(hash >>> 0);
  }
  // A typed array sorts numerically without a comparator call per pair.
  const sorted = new Uint32Array(hashes.size);
  let k = 0;
  for (const h of hashes) sorted[k++] = h;
  sorted.sort();
  return { lines: hashes.size, sketch: Array.from(sorted.subarray(0, SKETCH_SIZE)) };
}

/** The characters `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `\w`: ASCII letters, digits and underscore. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `[)\]}:,]`. */
function isCloser(c: number): boolean {
  return c === 41 || c === 93 || c === 125 || c === 58 || c === 44;
}

/**
 * The Jaccard similarity of the two line sets, estimated from their sketches: the share of the union's smallest
 * hashes that both sets hold. Exact when both files have fewer distinct lines than the sketch size.
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.sketch.length === 0 || b.sketch.length === 0) return 0;
  const inA = new Set(a.sketch);
  const inB = new Set(b.sketch);
  // The union's smallest hashes are all at most each full sketch's largest, so membership in each sketch is membership in each set.
  const sample = [...new Set([...a.sketch, ...b.sketch])].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
  return sample.filter((h) => inA.has(h) && inB.has(h)).length / sample.length;
}
