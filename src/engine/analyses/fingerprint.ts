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

/** Fingerprints a Python text (for notebooks: the code cells' virtual text). */
export function fingerprint(text: string): Fingerprint {
  const hashes = new Set<number>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('import ') || (line.startsWith('from ') && line.includes(' import '))) continue;
    const compact = line.replace(/\s+/g, '');
    if (compact.length < 4 || TRIVIAL.test(compact)) continue;
    hashes.add(fnv1a(compact));
  }
  const sorted = [...hashes].sort((a, b) => a - b);
  return { lines: hashes.size, sketch: sorted.slice(0, SKETCH_SIZE) };
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

/** 32-bit FNV-1a over UTF-16 code units: deterministic on every platform, and enough for a sketch. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
