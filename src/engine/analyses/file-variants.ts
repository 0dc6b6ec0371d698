// File names that mark a version or copy of another file (`train_v2.py`, `utils_old.py`, `x copy.py`, `Untitled-Copy1.ipynb`).
import { baseName, dirName } from '../file-kinds.js';

/** What a file name says about the file. */
export interface VariantName {
  /** The name with every variant marker removed (`train` for `train_final_v2.py`). */
  readonly base: string;
  readonly extension: string;
  /** The markers, outermost last (`['v2', 'final']` for `train_final_v2`); empty for a plain name. */
  readonly markers: readonly string[];
  /**
   * How current the name says the file is: a plain name is the current file; newer markers and higher
   * versions rank above older ones, copies and backups rank lowest.
   */
  readonly rank: number;
}

const PLAIN_RANK = 1_000_000;
const NEWER = new Set(['new', 'newer', 'final', 'latest', 'updated', 'fixed', 'improved', 'clean', 'cleaned', 'working', 'current', 'refactored', 'best']);
const OLDER = new Set(['old', 'older', 'backup', 'bak', 'orig', 'original', 'tmp', 'temp', 'draft', 'wip', 'prev', 'previous', 'deprecated', 'unused', 'legacy', 'archive', 'archived', 'broken', 'alt', 'test2', 'try', 'attempt']);

/** Suffix markers after `_`, `-`, ` ` or `.`: a version, a word, a copy, or a Jupyter/OS copy counter. */
const SUFFIX = /^(.+?)(?:[ _.-]+(v|ver|version)[ _.-]?(\d+)|[ _.-]+([a-z]+\d?)|[ _.-]+copy[ _]?(\d*)|[ _-]*\((\d+)\)|[_-](\d{1,2}))$/i;
const COPY_OF = /^copy[ _]of[ _](.+)$/i;

/** Parses a file name; a name with no marker is plain (`markers` empty). */
export function parseVariantName(path: string): VariantName {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
  let stem = dot <= 0 ? name : name.slice(0, dot);
  const markers: string[] = [];
  let rank = PLAIN_RANK;
  const copyOf = COPY_OF.exec(stem);
  if (copyOf?.[1] !== undefined) {
    stem = copyOf[1];
    markers.push('copy');
    rank = Math.min(rank, -2);
  }
  for (let guard = 0; guard < 4; guard++) {
    const m = SUFFIX.exec(stem);
    if (!m?.[1]) break;
    const word = m[4]?.toLowerCase();
    let markerRank: number;
    let marker: string;
    if (m[3] !== undefined) {
      marker = `v${m[3]}`;
      markerRank = 1000 + Number(m[3]);
    } else if (word !== undefined) {
      if (/^copy\d?$/.test(word)) markerRank = -2;
      else if (NEWER.has(word)) markerRank = 100_000;
      else if (OLDER.has(word)) markerRank = -1;
      else break;
      marker = /^copy\d?$/.test(word) ? 'copy' : word;
    } else if (m[5] !== undefined || m[6] !== undefined) {
      marker = 'copy';
      markerRank = -2 - Number(m[5] || m[6] || 0) / 100;
    } else {
      marker = m[7] ?? '';
      markerRank = 500 + Number(m[7]);
    }
    markers.unshift(marker);
    rank = Math.min(rank, markerRank);
    stem = m[1];
  }
  return { base: stem.toLowerCase(), extension, markers, rank };
}

/** True when `other` is a file the variant may have been copied from or into: same base and extension, same folder or a plain name anywhere. */
export function isSiblingCandidate(variant: string, other: string): boolean {
  if (variant === other) return false;
  const a = parseVariantName(variant);
  const b = parseVariantName(other);
  if (a.base !== b.base || a.extension !== b.extension || a.base === '') return false;
  return dirName(variant) === dirName(other) || b.markers.length === 0;
}
