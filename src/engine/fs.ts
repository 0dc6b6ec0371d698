// The file system the engine reads through: injected by the CLI, the server and tests, with an overlay for unsaved text.

/** What the engine needs to know of a directory entry. */
export interface DirEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory' | 'symlink' | 'other';
}

export interface FileStat {
  readonly kind: 'file' | 'directory' | 'other';
  readonly size: number;
  /** Modification time, when the file system has one; with the size it keys the result cache. */
  readonly mtimeMs?: number;
}

/**
 * All engine IO goes through this interface; paths are absolute and `/`-separated. Implementations
 * throw errors carrying a `code` (`ENOENT`, `EACCES`, ...) as Node's fs does.
 */
export interface FileSystem {
  readDirectory(path: string): Promise<readonly DirEntry[]>;
  /** Follows symlinks. */
  stat(path: string): Promise<FileStat>;
  readFile(path: string): Promise<Uint8Array>;
  /** Canonical path with symlinks resolved; used to break symlink loops. */
  realPath(path: string): Promise<string>;
}

/** Error code of a thrown fs error, or undefined. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** A short human reason for an fs error. */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

const encoder = new TextEncoder();

/**
 * Unsaved editor buffers laid over a file system: a path in the overlay reads as its buffer text.
 * The overlay holds data only; it never writes through.
 */
export class OverlayFileSystem implements FileSystem {
  private readonly buffers = new Map<string, string>();

  constructor(private readonly base: FileSystem) {}

  set(path: string, text: string): void {
    this.buffers.set(path, text);
  }

  delete(path: string): void {
    this.buffers.delete(path);
  }

  has(path: string): boolean {
    return this.buffers.has(path);
  }

  readDirectory(path: string): Promise<readonly DirEntry[]> {
    return this.base.readDirectory(path);
  }

  async stat(path: string): Promise<FileStat> {
    const text = this.buffers.get(path);
    if (text !== undefined) return { kind: 'file', size: encoder.encode(text).length };
    return this.base.stat(path);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const text = this.buffers.get(path);
    if (text !== undefined) return encoder.encode(text);
    return this.base.readFile(path);
  }

  async realPath(path: string): Promise<string> {
    if (this.buffers.has(path)) return path;
    return this.base.realPath(path);
  }
}

/** An in-memory file system for tests and the bench: a map from absolute path to content. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, Uint8Array>();

  constructor(files: Readonly<Record<string, string | Uint8Array>> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? encoder.encode(content) : content);
  }

  readDirectory(path: string): Promise<readonly DirEntry[]> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const seen = new Map<string, DirEntry>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? rest : rest.slice(0, slash);
      if (!seen.has(name)) seen.set(name, { name, kind: slash === -1 ? 'file' : 'directory' });
    }
    if (seen.size === 0 && !this.isDirectory(path)) return Promise.reject(enoent(path));
    return Promise.resolve([...seen.values()].sort((a, b) => (a.name < b.name ? -1 : 1)));
  }

  stat(path: string): Promise<FileStat> {
    const file = this.files.get(path);
    if (file) return Promise.resolve({ kind: 'file', size: file.length });
    if (this.isDirectory(path)) return Promise.resolve({ kind: 'directory', size: 0 });
    return Promise.reject(enoent(path));
  }

  readFile(path: string): Promise<Uint8Array> {
    const file = this.files.get(path);
    return file ? Promise.resolve(file) : Promise.reject(enoent(path));
  }

  realPath(path: string): Promise<string> {
    return Promise.resolve(path);
  }

  private isDirectory(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}
