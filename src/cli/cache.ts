// The on-disk result cache: per file, keyed by content hash and a hash of everything else results depend on.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileLintResult } from '../engine/lint-file.js';
import type { ResultCache } from '../engine/linter.js';

interface Entry {
  readonly hash: string;
  readonly context: string;
  readonly result: FileLintResult;
}

const FILE = 'results-v1.json';

export class DiskCache implements ResultCache {
  private entries: Record<string, Entry> = {};
  private readonly contextHashes = new Map<string, string>();
  private dirty = false;

  constructor(private readonly dir: string) {}

  /** Loads the cache; a missing or corrupt cache is an empty one. */
  load(): this {
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, FILE), 'utf8')) as { entries?: Record<string, Entry> };
      this.entries = parsed.entries ?? {};
    } catch {
      this.entries = {};
    }
    return this;
  }

  get(path: string, text: string, context: string): FileLintResult | undefined {
    const entry = this.entries[path];
    if (!entry) return undefined;
    if (entry.context !== this.contextHash(context) || entry.hash !== hash(text)) return undefined;
    return entry.result;
  }

  set(path: string, text: string, context: string, result: FileLintResult): void {
    this.entries[path] = { hash: hash(text), context: this.contextHash(context), result };
    this.dirty = true;
  }

  /** Writes the cache atomically; failures (read-only checkouts) only cost speed next time. */
  save(keep?: ReadonlySet<string>): void {
    if (!this.dirty) return;
    if (keep) for (const path of Object.keys(this.entries)) if (!keep.has(path)) Reflect.deleteProperty(this.entries, path);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(join(this.dir, '.gitignore'), '# Created by mlready: its result cache is local.\n*\n');
      const tmp = join(this.dir, `${FILE}.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify({ version: 1, entries: this.entries }));
      renameSync(tmp, join(this.dir, FILE));
    } catch {
      // A cache that cannot be written is not an error of the lint run.
    }
  }

  private contextHash(context: string): string {
    let h = this.contextHashes.get(context);
    if (h === undefined) {
      h = hash(context);
      this.contextHashes.set(context, h);
    }
    return h;
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
