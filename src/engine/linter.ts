// A whole lint run: load the project, lint files (cached, in-process or on workers), then project rules, suppressions, baseline.
import type { FactKind } from './facts.js';
import type { ConfigFileModel } from './analyses/config-files.js';
import { filterByBaseline, type Baseline } from './baseline.js';
import type { FileSettings, SettingsResolver } from './config/resolve.js';
import type { FileFacts } from './facts.js';
import type { FileSystem } from './fs.js';
import type { GitOption } from './git.js';
import type { Inventory, InventoryEntry } from './inventory.js';
import { isIncluded, loadProject, mapLimited, phaseTimer, READ_CONCURRENCY, readText, reportableFiles, type LoadedProject } from './load-project.js';
import type { FileLintResult } from './lint-file.js';
import type { ProjectModel } from './project.js';
import { projectRulesWantFacts, runProjectRules } from './project-rules.js';
import { PROJECT_RULES, RULES } from './rules/index.js';
import { applySuppressions } from './suppress.js';
import { phaseTimed, type Timing } from './timing.js';
import { runInputs } from './run-inputs.js';
import { compareFindings, type FileKind, type Finding, type SkippedFile } from './types.js';

/** One file to lint, as sent to an executor. */
export interface FileTask {
  readonly path: string;
  readonly kind: FileKind;
  /** The file's text; absent when the executor reads the file itself (FileExecutor.readsFiles). */
  readonly text?: string;
  /** Index into the settings list of the batch. */
  readonly settingsIndex: number;
}

/** Runs lintSource over tasks: in this thread (tests, the server) or on worker threads (the CLI). */
export interface FileExecutor {
  /**
   * True when the executor reads each task's file itself, so tasks come without their text: worker threads then
   * read in parallel, and no text is copied between threads. A file it cannot read comes back with `unreadable`.
   */
  readonly readsFiles?: boolean;
  /** With `timing`, per-file work (parse steps, rules, fact kinds) is timed and summed into it. */
  lint(tasks: readonly FileTask[], settings: readonly FileSettings[], project: ProjectModel, wantFacts: readonly FactKind[], timing?: Timing): Promise<FileLintResult[]>;
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
  /**
   * When implemented, `get` may return results without their facts, which are asked for here only when project
   * rules must run: undefined when the file has none, null when they are lost (the file is then linted again).
   */
  getFacts?(path: string): FileFacts | undefined | null;
  /** Project-rule findings of a run whose inputs (every file's stamp and context, the config files) hashed to `key`. */
  getProject?(key: string): readonly Finding[] | undefined;
  setProject?(key: string, findings: readonly Finding[]): void;
  /** The key names of the ML config files whose paths and texts hashed to `key`, so a warm run need not parse them. */
  getConfigKeyNames?(key: string): readonly string[] | undefined;
  setConfigKeyNames?(key: string, names: readonly string[]): void;
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
  readonly git?: GitOption;
  readonly onProgress?: (done: number, total: number) => void;
  readonly isCancelled?: () => boolean;
  /** Fact kinds to extract on top of those the enabled project rules read (the readiness report needs some). */
  readonly extraFacts?: readonly FactKind[];
  /** Collects where the time goes (`--timing`); untimed when absent. */
  readonly timing?: Timing;
}

export interface LintRun {
  readonly inventory: Inventory;
  readonly project: ProjectModel;
  /** Sorted deterministically. */
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  readonly ruleErrors: readonly RuleError[];
  readonly lintedFiles: number;
  readonly suppressed: number;
  readonly baselined: number;
  /** The text of each file this run read (files served from the cache are not read). */
  readonly texts: ReadonlyMap<string, string>;
  /** Facts of the linted files, by path (from the cache where the file was cached). */
  readonly facts: ReadonlyMap<string, FileFacts>;
  /** ML config files as key trees. */
  readonly configs: readonly ConfigFileModel[];
  /** False when a file could not be read or a rule failed: what it reports may differ next time with equal inputs. */
  readonly replayable: boolean;
}

export interface RuleError {
  readonly file: string;
  readonly ruleId: string;
  readonly message: string;
}

export async function runLint(request: LintRequest): Promise<LintRun> {
  return (await planLint(request)).run();
}

/** A run whose inputs are known (the tree walked, the project loaded) and whose files are not linted yet. */
export interface PlannedLint {
  /**
   * Every input of the run's findings, as text to hash: the engine version, the config, each file's path, kind,
   * size and modification time, what the walk skipped, the project metadata and Git index, the included paths and
   * the baseline. Two runs with equal inputs report the same, so a host may replay a run it kept for them.
   */
  readonly inputs: string;
  run(): Promise<LintRun>;
}

/** Walks the tree and loads the project; `run` lints. */
export async function planLint(request: LintRequest): Promise<PlannedLint> {
  const { fs, root, settings, timing } = request;
  const loaded = await loadProject(fs, root, settings, {
    ...(request.git ? { git: request.git } : {}),
    ...(request.isCancelled ? { isCancelled: request.isCancelled } : {}),
    ...(timing ? { timing } : {}),
    ...(request.cache ? { cache: request.cache } : {}),
  });
  const wantFacts = [...new Set([...projectRulesWantFacts(PROJECT_RULES, settings), ...(request.extraFacts ?? [])])].sort();
  if (wantFacts.length > 0 && !wantFacts.includes('imports')) wantFacts.unshift('imports');
  const reportable = reportableFiles(loaded.inventory, request.include);
  const settingsList: FileSettings[] = [];
  const settingsIndex = new Map<FileSettings, number>();
  const contextKeys: string[] = [];
  const indexOf = (path: string): number => {
    const fileSettings = settings.forFile(path);
    let index = settingsIndex.get(fileSettings);
    if (index === undefined) {
      index = settingsList.length;
      settingsList.push(fileSettings);
      settingsIndex.set(fileSettings, index);
      contextKeys.push(`${request.version}\u0000${wantFacts.join(',')}\u0000${JSON.stringify([...fileSettings])}\u0000${loaded.key}`);
    }
    return index;
  };
  for (const entry of reportable) indexOf(entry.path);
  let inputs: string | undefined;
  return {
    get inputs() {
      inputs ??= runInputs(request, loaded.inventory, `${loaded.key}\u0003${loaded.reportsKey}`, reportable.map((e) => `${e.path}\u0000${String(indexOf(e.path))}`), contextKeys);
      return inputs;
    },
    run: () => lintPlanned(request, loaded, { wantFacts, reportable, settingsList, indexOf, contextKeys }),
  };
}

interface Plan {
  readonly wantFacts: readonly FactKind[];
  readonly reportable: readonly InventoryEntry[];
  readonly settingsList: readonly FileSettings[];
  readonly indexOf: (path: string) => number;
  readonly contextKeys: readonly string[];
}

async function lintPlanned(request: LintRequest, loaded: LoadedProject, plan: Plan): Promise<LintRun> {
  const { fs, root, settings, timing } = request;
  const { wantFacts, reportable, settingsList, indexOf, contextKeys } = plan;
  const { inventory, texts, skipped } = loaded;
  const phase = phaseTimer(timing);
  const results = new Map<string, FileLintResult>();
  // Skips for an IO error (a folder or metadata file that could not be read) may not recur with equal inputs.
  const ioSkips = skipped.filter((s) => !/^(file is |symbolic link loop)/.test(s.reason)).length;
  const misses: InventoryEntry[] = [];
  phaseTimed(timing, 'cache lookup', () => {
    for (const entry of reportable) {
      const index = indexOf(entry.path);
      const cached = entry.mtimeMs === undefined ? undefined : request.cache?.get(entry as FileStamp, contextKeys[index] ?? '');
      if (cached) results.set(entry.path, cached);
      else misses.push(entry);
    }
  });
  // Project rules read only facts, which only change with a file's content or settings: when every file of the
  // run came from the cache under the same inputs, the project findings can come from the cache too.
  const projectKey = request.cache?.getProject
    ? `${loaded.key}\u0003${loaded.reportsKey}\u0003${reportable.map((e) => `${e.path}:${e.size}:${e.mtimeMs ?? ''}:${indexOf(e.path)}`).join('\u0000')}\u0003${contextKeys.join('\u0001')}`
    : undefined;
  const projectHit = projectKey === undefined ? undefined : request.cache?.getProject?.(projectKey);
  const cache = request.cache;
  // Facts are needed when project rules run, and always when the caller asked for facts of its own (the readiness report).
  if (cache?.getFacts && wantFacts.length > 0 && (misses.length > 0 || !projectHit || (request.extraFacts?.length ?? 0) > 0)) {
    phaseTimed(timing, 'cache facts', () => {
      const lost = new Set<string>();
      for (const [path, result] of results) {
        const facts = cache.getFacts?.(path);
        if (facts === null) lost.add(path);
        else if (facts) results.set(path, { ...result, facts });
      }
      for (const path of lost) results.delete(path);
      if (lost.size > 0) misses.push(...reportable.filter((e) => lost.has(e.path)));
    });
  }
  const readsFiles = request.executor.readsFiles === true;
  const toRead = readsFiles ? [] : misses.filter((f) => !texts.has(f.path));
  const read = await phase('read files', () => mapLimited(toRead, READ_CONCURRENCY, (e) => readText(fs, root, e.path, skipped)));
  toRead.forEach((entry, i) => {
    const text = read[i];
    if (text !== undefined) texts.set(entry.path, text);
  });
  const tasks: FileTask[] = [];
  const taskEntries: InventoryEntry[] = [];
  for (const entry of misses) {
    const text = texts.get(entry.path);
    if (text === undefined && !readsFiles) continue;
    tasks.push({ path: entry.path, kind: entry.kind, ...(text === undefined ? {} : { text }), settingsIndex: indexOf(entry.path) });
    taskEntries.push(entry);
  }
  request.onProgress?.(results.size, results.size + tasks.length);
  const fresh = tasks.length > 0 ? await phase('lint files', () => request.executor.lint(tasks, settingsList, loaded.project, wantFacts, timing)) : [];
  let linted = 0;
  let unreadable = toRead.length - read.filter((t) => t !== undefined).length + ioSkips;
  fresh.forEach((result, i) => {
    const task = tasks[i];
    const entry = taskEntries[i];
    if (!task || !entry) return;
    if (result.unreadable !== undefined) {
      skipped.push({ file: result.path, reason: result.unreadable });
      unreadable++;
      return;
    }
    linted++;
    results.set(result.path, result);
    if (result.ruleErrors.length === 0 && entry.mtimeMs !== undefined) request.cache?.set(entry as FileStamp, contextKeys[task.settingsIndex] ?? '', result);
  });
  const cachedProject = linted === 0 ? projectHit : undefined;
  // Config trees are only parsed when project rules run.
  const finished = finishRun(results, reportable, () => loaded.project, settings, request.baseline, request.include, cachedProject ? [] : loaded.configs, cachedProject, timing);
  if (projectKey !== undefined && !cachedProject && finished.ruleErrors.every((e) => e.file !== '.')) request.cache?.setProject?.(projectKey, finished.projectFindings);
  skipped.push(...finished.skipped);
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    inventory,
    get project() {
      return loaded.project;
    },
    findings: finished.findings,
    skipped,
    ruleErrors: finished.ruleErrors,
    lintedFiles: results.size,
    suppressed: finished.suppressed,
    baselined: finished.baselined,
    texts,
    get facts() {
      const facts = new Map<string, FileFacts>();
      for (const [path, result] of results) if (result.facts) facts.set(path, result.facts);
      return facts;
    },
    get configs() {
      return loaded.configs;
    },
    // A file that could not be read may be readable next time with the same size and time: such a run is not kept.
    replayable: unreadable === 0 && finished.ruleErrors.length === 0,
  };
}

/**
 * From per-file results to the run's findings: project rules over the facts, then suppressions per file, then
 * the baseline, sorted. Shared by the CLI run and the language server's workspace.
 */
export function finishRun(
  results: ReadonlyMap<string, FileLintResult>,
  reportable: readonly InventoryEntry[],
  project: ProjectModel | (() => ProjectModel),
  settings: SettingsResolver,
  baseline?: Baseline,
  include?: readonly string[],
  configs: readonly ConfigFileModel[] = [],
  cachedProjectFindings?: readonly Finding[],
  timing?: Timing,
): { findings: Finding[]; byFile: Map<string, Finding[]>; skipped: SkippedFile[]; ruleErrors: RuleError[]; suppressed: number; baselined: number; projectFindings: readonly Finding[] } {
  const skipped: SkippedFile[] = [];
  const ruleErrors: RuleError[] = [];
  const facts = new Map<string, FileFacts>();
  for (const [path, result] of results) if (result.facts) facts.set(path, result.facts);
  const projectRun = cachedProjectFindings
    ? { findings: [...cachedProjectFindings], errors: [] }
    : phaseTimed(timing, 'project rules', () => runProjectRules(PROJECT_RULES, typeof project === 'function' ? project() : project, facts, settings, configs, timing));
  ruleErrors.push(...projectRun.errors);
  const projectByFile = new Map<string, Finding[]>();
  for (const f of projectRun.findings) {
    const list = projectByFile.get(f.file) ?? [];
    list.push(f);
    projectByFile.set(f.file, list);
  }
  const all: Finding[] = [];
  let suppressed = 0;
  const suppressStart = performance.now();
  for (const entry of reportable) {
    const result = results.get(entry.path);
    if (!result) continue;
    if (result.skipped !== undefined) {
      skipped.push({ file: entry.path, reason: result.skipped });
      continue;
    }
    for (const e of result.ruleErrors) ruleErrors.push({ file: entry.path, ...e });
    const extra = projectByFile.get(entry.path);
    projectByFile.delete(entry.path);
    const merged = extra ? { ...result, findings: [...result.findings, ...extra] } : result;
    const outcome = applySuppressions(merged, settings.forFile(entry.path), RULES);
    suppressed += outcome.suppressed;
    all.push(...outcome.findings);
  }
  // Project findings on files that were not linted (data files, folders) have no comments to suppress them.
  for (const [file, list] of projectByFile) if (isIncluded(file, include)) all.push(...list);
  all.sort(compareFindings);
  timing?.add('phase:suppressions and sort', performance.now() - suppressStart);
  const { fresh, matched } = baseline ? filterByBaseline(all, baseline) : { fresh: all, matched: 0 };
  const byFile = new Map<string, Finding[]>();
  for (const f of fresh) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  return { findings: fresh, byFile, skipped, ruleErrors, suppressed, baselined: matched, projectFindings: projectRun.findings };
}

export { loadProject, mapLimited, readText, reportableFiles, type LoadedProject } from './load-project.js';
