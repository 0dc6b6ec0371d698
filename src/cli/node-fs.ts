// The engine's FileSystem on Node's fs: absolute `/`-separated paths, errors passed through with their codes.
import { promises as fsp } from 'node:fs';
import type { DirEntry, FileStat, FileSystem } from '../engine/fs.js';

export class NodeFileSystem implements FileSystem {
  async readDirectory(path: string): Promise<readonly DirEntry[]> {
    const entries = await fsp.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({
      name: e.name,
      kind: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : 'other',
    }));
  }

  async stat(path: string): Promise<FileStat> {
    const s = await fsp.stat(path);
    return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
  }

  async readFile(path: string): Promise<Uint8Array> {
    return fsp.readFile(path);
  }

  async realPath(path: string): Promise<string> {
    return fsp.realpath(path);
  }
}
