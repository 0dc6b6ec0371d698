// The on-disk result cache: per file, keyed by size, modification time and a hash of everything else results depend on.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileLintResult } from '../engine/lint-file.js';
import type { FileStamp, ResultCache } from '../engine/linter.js';
import type { Finding } from '../engine/types.js';
import { VERSION } from '../engine/version.js';

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly context: string;
  readonly result: FileLintResult;
}

const FILE = 'results-v1.json';

export class DiskCache implements ResultCache {
  private entries: Record<string, Entry> = {};
  private project?: { key: string; findings: readonly Finding[] };
  private readonly contextHashes = new Map<string, string>();
  private dirty = false;

  constructor(private readonly dir: string) {}

  /** Loads the cache; a missing, corrupt or other-version cache is an empty one. */
  load(): this {
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, FILE), 'utf8')) as { version?: string; entries?: Record<string, Entry>; project?: { key: string; findings: Finding[] } };
      this.entries = parsed.version === VERSION ? (parsed.entries ?? {}) : {};
      if (parsed.version === VERSION && parsed.project) this.project = parsed.project;
    } catch {
      this.entries = {};
    }
    return this;
  }

  get(stamp: FileStamp, context: string): FileLintResult | undefined {
    const entry = this.entries[stamp.path];
    if (entry?.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs || entry.context !== this.contextHash(context)) return undefined;
    return entry.result;
  }

  set(stamp: FileStamp, context: string, result: FileLintResult): void {
    this.entries[stamp.path] = { size: stamp.size, mtimeMs: stamp.mtimeMs, context: this.contextHash(context), result };
    this.dirty = true;
  }

  getProject(key: string): readonly Finding[] | undefined {
    return this.project?.key === this.contextHash(key) ? this.project.findings : undefined;
  }

  setProject(key: string, findings: readonly Finding[]): void {
    this.project = { key: this.contextHash(key), findings };
    this.dirty = true;
  }

  /** Writes the cache atomically; failures (read-only checkouts) only cost speed next time. */
  save(): void {
    if (!this.dirty) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(join(this.dir, '.gitignore'), '# Created by mlready: its result cache is local.\n*\n');
      const tmp = join(this.dir, `${FILE}.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify({ version: VERSION, entries: this.entries, ...(this.project ? { project: this.project } : {}) }));
      renameSync(tmp, join(this.dir, FILE));
    } catch {
      // A cache that cannot be written is not an error of the lint run.
    }
  }

  private contextHash(context: string): string {
    let h = this.contextHashes.get(context);
    if (h === undefined) {
      h = createHash('sha1').update(context).digest('hex');
      this.contextHashes.set(context, h);
    }
    return h;
  }
}
