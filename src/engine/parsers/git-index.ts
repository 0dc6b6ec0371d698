// Reads the paths Git tracks from `.git/index` (versions 2 to 4) without running git.

export interface GitIndex {
  readonly version: number;
  /** Repository-relative, `/`-separated paths of staged files, with their sizes as staged. */
  readonly files: ReadonlyMap<string, number>;
}

const SIGNATURE = 0x44495243; // "DIRC"
const ENTRY_FIXED = 62;
const EXTENDED_FLAG = 0x4000;

/** Parses an index file. Throws an Error that says what is wrong for a corrupt or unsupported index. */
export function parseGitIndex(bytes: Uint8Array): GitIndex {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0) !== SIGNATURE) throw new Error('not a Git index (no DIRC signature)');
  const version = view.getUint32(4);
  if (version < 2 || version > 4) throw new Error(`Git index version ${version} is not supported`);
  const count = view.getUint32(8);
  const decoder = new TextDecoder();
  const files = new Map<string, number>();
  let offset = 12;
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    if (offset + ENTRY_FIXED > bytes.length) throw new Error('the Git index ends inside an entry');
    const entryStart = offset;
    const size = view.getUint32(offset + 36);
    const flags = view.getUint16(offset + 60);
    offset += ENTRY_FIXED;
    if (version >= 3 && (flags & EXTENDED_FLAG) !== 0) offset += 2;
    let path: Uint8Array;
    if (version === 4) {
      // Version 4 stores each path as "drop N bytes of the previous path, then append this suffix".
      let drop = 0;
      let byte: number;
      let first = true;
      do {
        byte = bytes[offset++] ?? 0;
        if (!first) drop += 1;
        drop = (drop << 7) | (byte & 0x7f);
        first = false;
      } while ((byte & 0x80) !== 0);
      const end = bytes.indexOf(0, offset);
      if (end === -1) throw new Error('the Git index ends inside a path');
      const keep = previous.subarray(0, Math.max(0, previous.length - drop));
      path = new Uint8Array(keep.length + (end - offset));
      path.set(keep);
      path.set(bytes.subarray(offset, end), keep.length);
      offset = end + 1;
    } else {
      const end = bytes.indexOf(0, offset);
      if (end === -1) throw new Error('the Git index ends inside a path');
      path = bytes.subarray(offset, end);
      // Entries are padded with 1 to 8 NUL bytes to a multiple of 8 from the entry's start.
      const length = end - entryStart;
      offset = entryStart + Math.ceil((length + 1) / 8) * 8;
    }
    previous = path;
    // Stage bits (0x3000) other than 0 are merge conflicts; the path is tracked all the same.
    files.set(decoder.decode(path), size);
  }
  return { version, files };
}
