// A whole lint run: inventory, project model, per-file linting (cached, in-process or on workers), suppressions, baseline.
import { filterByBaseline, type Baseline } from './baseline.js';
import type { SettingsResolver, FileSettings } from './config/resolve.js';
import { isTextKind } from './file-kinds.js';
import { describeFsError, type FileSystem } from './fs.js';
import { buildInventory, decodeText, type Inventory, type InventoryEntry } from './inventory.js';
import type { FileLintResult } from './lint-file.js';
import { buildProjectModel, PROJECT_METADATA_KINDS, type ProjectModel } from './project.js';
import { RULES } from './rules/index.js';
import { SourceFile } from './source-file.js';
import { applySuppressions } from './suppress.js';
import { compareFindings, type FileKind, type Finding, type SkippedFile } from './types.js';

/** One file to lint, as sent to an executor. */
export interface FileTask {
  readonly path: string;
  readonly kind: FileKind;
  readonly text: string;
  /** Index into the settings list of the batch. */
  readonly settingsIndex: number;
}

/** Runs lintSource over tasks: in this thread (tests, the server) or on worker threads (the CLI). */
export interface FileExecutor {
  lint(tasks: readonly FileTask[], settings: readonly FileSettings[], project: ProjectModel): Promise<FileLintResult[]>;
}

/** What identifies a file's content without reading it: its size and modification time. */
export interface FileStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Per-file result cache keyed by size and modification time (ESLint's metadata strategy, Ruff's cache), so a
 * warm run does not read unchanged files at all. The host decides where it lives.
 */
export interface ResultCache {
  /** `context` covers everything besides the file that changes results: engine version, settings, project model. */
  get(stamp: FileStamp, context: string): FileLintResult | undefined;
  set(stamp: FileStamp, context: string, result: FileLintResult): void;
}

export interface LintRequest {
  readonly fs: FileSystem;
  /** Absolute project root. */
  readonly root: string;
  readonly settings: SettingsResolver;
  readonly executor: FileExecutor;
  /** Project-relative files or folders to report on; all files when empty. */
  readonly include?: readonly string[];
  readonly cache?: ResultCache;
  readonly baseline?: Baseline;
  /** The engine version, part of every cache key. */
  readonly version: string;
  readonly onProgress?: (done: number, total: number) => void;
  readonly isCancelled?: () => boolean;
}

export interface LintRun {
  readonly inventory: Inventory;
  readonly project: ProjectModel;
  /** Sorted deterministically. */
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  readonly ruleErrors: readonly { readonly file: string; readonly ruleId: string; readonly message: string }[];
  readonly lintedFiles: number;
  readonly suppressed: number;
  readonly baselined: number;
  /** The text of each file this run read (files served from the cache are not read). */
  readonly texts: ReadonlyMap<string, string>;
}

const READ_CONCURRENCY = 64;

export async function runLint(request: LintRequest): Promise<LintRun> {
  const { fs, root, settings } = request;
  const inventory = await buildInventory(fs, root, { isIgnored: settings.ignored, ...(request.isCancelled ? { isCancelled: request.isCancelled } : {}) });
  const skipped: SkippedFile[] = [...inventory.skipped];
  const texts = new Map<string, string>();
  const readText = async (entry: InventoryEntry): Promise<string | undefined> => {
    try {
      const decoded = decodeText(await fs.readFile(`${root}/${entry.path}`));
      if (decoded.ok) return decoded.text;
      skipped.push({ file: entry.path, reason: decoded.reason });
    } catch (error) {
      skipped.push({ file: entry.path, reason: `cannot read: ${describeFsError(error)}` });
    }
    return undefined;
  };

  const metadataEntries = inventory.files.filter((f) => PROJECT_METADATA_KINDS.has(f.kind));
  const metadataTexts = await mapLimited(metadataEntries, READ_CONCURRENCY, readText);
  const metadataFiles: SourceFile[] = [];
  metadataEntries.forEach((entry, i) => {
    const text = metadataTexts[i];
    if (text === undefined) return;
    texts.set(entry.path, text);
    metadataFiles.push(new SourceFile(entry.path, entry.kind, text, {}));
  });
  const project = buildProjectModel(inventory.files, metadataFiles);
  const projectKey = metadataFiles.map((f) => `${f.path}\u0000${f.text}`).join('\u0001');

  const reportable = inventory.files.filter((f) => isTextKind(f.kind) && f.kind !== 'mlready-config' && isIncluded(f.path, request.include));
  const settingsList: FileSettings[] = [];
  const settingsIndex = new Map<FileSettings, number>();
  const contextKeys: string[] = [];
  const results = new Map<string, FileLintResult>();
  const indexOf = (path: string): number => {
    const fileSettings = settings.forFile(path);
    let index = settingsIndex.get(fileSettings);
    if (index === undefined) {
      index = settingsList.length;
      settingsList.push(fileSettings);
      settingsIndex.set(fileSettings, index);
      contextKeys.push(`${request.version}\u0000${JSON.stringify([...fileSettings])}\u0000${projectKey}`);
    }
    return index;
  };
  const misses: InventoryEntry[] = [];
  for (const entry of reportable) {
    const index = indexOf(entry.path);
    const cached = entry.mtimeMs === undefined ? undefined : request.cache?.get(entry as FileStamp, contextKeys[index] ?? '');
    if (cached) results.set(entry.path, cached);
    else misses.push(entry);
  }
  const toRead = misses.filter((f) => !texts.has(f.path));
  const read = await mapLimited(toRead, READ_CONCURRENCY, readText);
  toRead.forEach((entry, i) => {
    const text = read[i];
    if (text !== undefined) texts.set(entry.path, text);
  });
  const tasks: FileTask[] = [];
  const taskEntries: InventoryEntry[] = [];
  for (const entry of misses) {
    const text = texts.get(entry.path);
    if (text === undefined) continue;
    tasks.push({ path: entry.path, kind: entry.kind, text, settingsIndex: indexOf(entry.path) });
    taskEntries.push(entry);
  }

  request.onProgress?.(results.size, results.size + tasks.length);
  const fresh = tasks.length > 0 ? await request.executor.lint(tasks, settingsList, project) : [];
  fresh.forEach((result, i) => {
    const task = tasks[i];
    const entry = taskEntries[i];
    if (!task || !entry) return;
    results.set(result.path, result);
    if (result.ruleErrors.length === 0 && entry.mtimeMs !== undefined) request.cache?.set(entry as FileStamp, contextKeys[task.settingsIndex] ?? '', result);
  });

  const findings: Finding[] = [];
  const ruleErrors: LintRun['ruleErrors'][number][] = [];
  let suppressed = 0;
  for (const entry of reportable) {
    const result = results.get(entry.path);
    if (!result) continue;
    if (result.skipped !== undefined) {
      skipped.push({ file: entry.path, reason: result.skipped });
      continue;
    }
    for (const e of result.ruleErrors) ruleErrors.push({ file: entry.path, ...e });
    const outcome = applySuppressions(result, settings.forFile(entry.path), RULES);
    suppressed += outcome.suppressed;
    findings.push(...outcome.findings);
  }
  findings.sort(compareFindings);
  const { fresh: reported, matched } = request.baseline ? filterByBaseline(findings, request.baseline) : { fresh: findings, matched: 0 };
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { inventory, project, findings: reported, skipped, ruleErrors, lintedFiles: results.size, suppressed, baselined: matched, texts };
}

function isIncluded(path: string, include: readonly string[] | undefined): boolean {
  if (!include || include.length === 0) return true;
  return include.some((p) => p === '' || p === '.' || path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
