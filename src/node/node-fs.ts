// The engine's FileSystem on Node's fs: absolute `/`-separated paths, errors passed through with their codes.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { DirEntry, FileStat, FileSystem } from '../engine/fs.js';

/**
 * Synchronous calls behind the async interface: for thousands of small files, libuv's thread-pool round
 * trips cost more than the reads (measured: the warm benchmark run spent most of its time idle in them).
 */
export class NodeFileSystem implements FileSystem {
  readDirectory(path: string): Promise<readonly DirEntry[]> {
    return attempt(() =>
      readdirSync(path, { withFileTypes: true }).map((e) => ({
        name: e.name,
        kind: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : 'other',
      })),
    );
  }

  stat(path: string): Promise<FileStat> {
    return attempt(() => {
      const s = statSync(path);
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size, mtimeMs: s.mtimeMs };
    });
  }

  readFile(path: string): Promise<Uint8Array> {
    return attempt(() => readFileSync(path));
  }

  realPath(path: string): Promise<string> {
    return attempt(() => realpathSync(path));
  }
}

function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
