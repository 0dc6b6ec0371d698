// The on-disk result cache: per file, keyed by size, modification time and a hash of everything else results depend on.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFacts } from '../engine/facts.js';
import type { FileLintResult } from '../engine/lint-file.js';
import type { FileStamp, ResultCache } from '../engine/linter.js';
import { RULES } from '../engine/rules/index.js';
import type { Finding } from '../engine/types.js';
import { VERSION } from '../engine/version.js';

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  /** Index into the run's context hashes. */
  readonly context: number;
  /** Without its facts: they live in the facts file. */
  readonly result: FileLintResult;
}

/** [size, mtimeMs, context index, result]: arrays, not objects, to keep 10,000 entries small. */
type StoredEntry = readonly [number, number, number, StoredResult];

/**
 * A result as stored: what the entry's key or the rule registry already says is left out (the path, a finding's
 * file when it is the entry's, its category when it is its rule's), and so are empty lists. A warm run parses the
 * whole file, so every byte left out is parse time saved.
 */
interface StoredResult {
  readonly f?: readonly StoredFinding[];
  readonly s?: FileLintResult['suppressions'];
  readonly p?: FileLintResult['suppressionProblems'];
  readonly e?: FileLintResult['ruleErrors'];
  readonly skipped?: string;
}

type StoredFinding = Omit<Finding, 'file' | 'category'> & { readonly file?: string; readonly category?: Finding['category'] };

function encodeResult(path: string, result: FileLintResult): StoredResult {
  const findings = result.findings.map((finding): StoredFinding => {
    const { file, category, ...rest } = finding;
    return { ...rest, ...(file === path ? {} : { file }), ...(RULES.get(finding.ruleId)?.category === category ? {} : { category }) };
  });
  return {
    ...(findings.length > 0 ? { f: findings } : {}),
    ...(result.suppressions.length > 0 ? { s: result.suppressions } : {}),
    ...(result.suppressionProblems.length > 0 ? { p: result.suppressionProblems } : {}),
    ...(result.ruleErrors.length > 0 ? { e: result.ruleErrors } : {}),
    ...(result.skipped === undefined ? {} : { skipped: result.skipped }),
  };
}

function decodeResult(path: string, stored: StoredResult): FileLintResult {
  const findings = (stored.f ?? []).map((f): Finding => {
    const { ruleId, severity, message, file, category, ...rest } = f;
    // The key order of a finding as the engine makes it (findingFromReport).
    return { ruleId, category: category ?? RULES.get(ruleId)?.category ?? 'data', severity, message, file: file ?? path, ...rest };
  });
  return { path, findings, suppressions: stored.s ?? [], suppressionProblems: stored.p ?? [], ruleErrors: stored.e ?? [], ...(stored.skipped === undefined ? {} : { skipped: stored.skipped }) };
}

interface StoredResults {
  readonly version: string;
  /** Ties the results file to the facts file written with it. */
  readonly run: string;
  readonly contexts: readonly string[];
  readonly entries: Readonly<Record<string, StoredEntry>>;
  readonly project?: { readonly key: string; readonly findings: readonly Finding[] };
}

/** What a run printed, and the counts its exit code follows from. */
export interface KeptOutput {
  readonly output: string;
  readonly errors: number;
  readonly warnings: number;
}

interface StoredFacts {
  readonly version: string;
  readonly run: string;
  readonly facts: Readonly<Record<string, FileFacts>>;
}

const RESULTS = 'results-v3.json';
const FACTS = 'facts-v3.json';
const CONFIG_KEYS = 'config-keys-v3.json';
/** The last run's output: a JSON header line, then the output as printed. */
const OUTPUT = 'output-v3.txt';
/** Files of earlier formats, removed when a new cache is written. */
const OLD = ['results-v1.json', 'results-v2.json', 'facts-v2.json'];

/**
 * Results and facts are two files. A warm run whose files all come from the cache, with the project findings
 * cached too, needs only the findings (a fifth of the bytes): facts are read when project rules must run again.
 * Both files carry the same run id; facts of another run are never mixed in, their files are linted again.
 */
export class DiskCache implements ResultCache {
  private entries = new Map<string, Entry>();
  private contexts: string[] = [];
  private readonly contextIndex = new Map<string, number>();
  private project?: { key: string; findings: readonly Finding[] };
  /** null: the file was read and holds none. */
  private configKeys?: { key: string; names: readonly string[] } | null;
  private configKeysDirty = false;
  private output?: { key: string; kept: KeptOutput };
  private run = '';
  /** Facts by path, once read: the facts file's, plus those of entries set since. */
  private readonly facts = new Map<string, FileFacts>();
  /** `lost`: the facts file was missing, corrupt or of another run, and the entries read with it were dropped. */
  private factsState: 'unread' | 'read' | 'lost' = 'unread';
  private readonly contextHashes = new Map<string, string>();
  private dirty = false;

  constructor(private readonly dir: string) {}

  /** Prepares the cache; the results file is read on first use (a replayed run never reads it). */
  load(): this {
    return this;
  }

  private loaded = false;

  /** Reads the results file; a missing, corrupt or other-version cache is an empty one. */
  private ensureLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, RESULTS), 'utf8')) as Partial<StoredResults>;
      const contexts: unknown = parsed.contexts;
      if (parsed.version !== VERSION || typeof parsed.run !== 'string' || !isStringArray(contexts) || !parsed.entries) return;
      this.run = parsed.run;
      this.contexts = [...contexts];
      this.contexts.forEach((hash, i) => this.contextIndex.set(hash, i));
      for (const [path, [size, mtimeMs, context, result]] of Object.entries(parsed.entries)) this.entries.set(path, { size, mtimeMs, context, result: decodeResult(path, result) });
      if (parsed.project) this.project = parsed.project;
    } catch {
      this.entries.clear();
    }
  }

  get(stamp: FileStamp, context: string): FileLintResult | undefined {
    this.ensureLoaded();
    const entry = this.entries.get(stamp.path);
    if (entry?.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs || this.contexts[entry.context] !== this.contextHash(context)) return undefined;
    return entry.result;
  }

  getFacts(path: string): FileFacts | undefined | null {
    this.loadFacts();
    return this.factsState === 'lost' ? null : this.facts.get(path);
  }

  set(stamp: FileStamp, context: string, result: FileLintResult): void {
    this.ensureLoaded();
    this.loadFacts();
    const { facts, ...rest } = result;
    this.entries.set(stamp.path, { size: stamp.size, mtimeMs: stamp.mtimeMs, context: this.contextId(context), result: rest });
    if (facts) this.facts.set(stamp.path, facts);
    else this.facts.delete(stamp.path);
    this.dirty = true;
  }

  getProject(key: string): readonly Finding[] | undefined {
    this.ensureLoaded();
    return this.project?.key === this.contextHash(key) ? this.project.findings : undefined;
  }

  setProject(key: string, findings: readonly Finding[]): void {
    this.ensureLoaded();
    this.project = { key: this.contextHash(key), findings };
    this.dirty = true;
  }

  getConfigKeyNames(key: string): readonly string[] | undefined {
    if (this.configKeys === undefined) {
      const stored = readJson(join(this.dir, CONFIG_KEYS)) as { version?: string; key?: string; names?: unknown } | undefined;
      this.configKeys = stored?.version === VERSION && typeof stored.key === 'string' && isStringArray(stored.names) ? { key: stored.key, names: stored.names } : null;
    }
    return this.configKeys?.key === this.contextHash(key) ? this.configKeys.names : undefined;
  }

  setConfigKeyNames(key: string, names: readonly string[]): void {
    this.configKeys = { key: this.contextHash(key), names };
    this.configKeysDirty = true;
  }

  /** The output a run with these inputs printed in this form (format, colour, quiet), when it was kept. */
  getOutput(key: string): KeptOutput | undefined {
    const path = join(this.dir, OUTPUT);
    try {
      // The header first: a run with other inputs does not read the whole output.
      const head = Buffer.alloc(1024);
      const fd = openSync(path, 'r');
      let length: number;
      try {
        length = readSync(fd, head, 0, head.length, 0);
      } finally {
        closeSync(fd);
      }
      const newline = head.subarray(0, length).indexOf(10);
      if (newline === -1) return undefined;
      const header = JSON.parse(head.toString('utf8', 0, newline)) as { version?: string; key?: string; errors?: unknown; warnings?: unknown };
      if (header.version !== VERSION || header.key !== this.contextHash(key) || typeof header.errors !== 'number' || typeof header.warnings !== 'number') return undefined;
      const bytes = readFileSync(path);
      return { errors: header.errors, warnings: header.warnings, output: bytes.toString('utf8', newline + 1) };
    } catch {
      return undefined;
    }
  }

  setOutput(key: string, kept: KeptOutput): void {
    this.output = { key: this.contextHash(key), kept };
  }

  /** Writes the cache atomically; failures (read-only checkouts) only cost speed next time. */
  save(): void {
    try {
      if (this.configKeysDirty && this.configKeys) writeAtomically(this.dir, CONFIG_KEYS, JSON.stringify({ version: VERSION, ...this.configKeys }));
      // The output is written last, after the results it was made from, and only from a run that changed nothing
      // else or whose changes were saved: a replay never serves what the per-file cache would not.
      if (this.dirty) this.saveResults();
      if (this.output) {
        const { key, kept } = this.output;
        writeAtomically(this.dir, OUTPUT, `${JSON.stringify({ version: VERSION, key, errors: kept.errors, warnings: kept.warnings })}\n${kept.output}`);
      }
    } catch {
      // A cache that cannot be written is not an error of the lint run.
    }
  }

  private saveResults(): void {
    this.loadFacts();
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, '.gitignore'), '# Created by mlready: its result cache is local.\n*\n');
    const run = randomUUID();
    // Contexts no entry uses any more are dropped, so the list does not grow run after run.
    const used = [...new Set([...this.entries.values()].map((e) => e.context))].sort((a, b) => a - b);
    const renumber = new Map(used.map((old, i) => [old, i]));
    const entries: Record<string, StoredEntry> = {};
    const facts: Record<string, FileFacts> = {};
    for (const [path, e] of this.entries) {
      entries[path] = [e.size, e.mtimeMs, renumber.get(e.context) ?? 0, encodeResult(path, e.result)];
      const f = this.facts.get(path);
      if (f) facts[path] = f;
    }
    const results: StoredResults = {
      version: VERSION,
      run,
      contexts: used.map((i) => this.contexts[i] ?? ''),
      entries,
      ...(this.project ? { project: this.project } : {}),
    };
    const stored: StoredFacts = { version: VERSION, run, facts };
    // Facts first: a crash between the two renames leaves new facts beside old results, whose run id differs.
    const factsTmp = join(this.dir, `${FACTS}.${process.pid}.tmp`);
    const resultsTmp = join(this.dir, `${RESULTS}.${process.pid}.tmp`);
    writeFileSync(factsTmp, JSON.stringify(stored));
    writeFileSync(resultsTmp, JSON.stringify(results));
    renameSync(factsTmp, join(this.dir, FACTS));
    renameSync(resultsTmp, join(this.dir, RESULTS));
    for (const old of OLD) rmSync(join(this.dir, old), { force: true });
  }

  /**
   * Reads the facts file on first need. Facts of entries this run did not lint must survive a save, so any change
   * reads them first; when they are unusable, entries without facts are dropped rather than saved without them.
   */
  private loadFacts(): void {
    if (this.factsState !== 'unread') return;
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, FACTS), 'utf8')) as Partial<StoredFacts>;
      if (this.run !== '' && parsed.version === VERSION && parsed.run === this.run && parsed.facts) {
        for (const [path, f] of Object.entries(parsed.facts)) this.facts.set(path, f);
        this.factsState = 'read';
        return;
      }
    } catch {
      // Missing or corrupt: no facts.
    }
    // Without the facts of the cached entries, they cannot be told from entries that have none: start over.
    this.factsState = 'lost';
    this.entries.clear();
    this.project = undefined;
  }

  private contextId(context: string): number {
    const hash = this.contextHash(context);
    let id = this.contextIndex.get(hash);
    if (id === undefined) {
      id = this.contexts.length;
      this.contexts.push(hash);
      this.contextIndex.set(hash, id);
    }
    return id;
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

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeAtomically(dir: string, name: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.gitignore'), '# Created by mlready: its result cache is local.\n*\n');
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, name));
}
