// One linted project per workspace folder: its team config (the last valid one stays in force), baseline and incremental Workspace.
import { parseBaseline, type Baseline } from '../engine/baseline.js';
import { CONFIG_NAMES, findConfigFile, loadConfig } from '../engine/config/load.js';
import { SettingsResolver } from '../engine/config/resolve.js';
import { ConfigError, type ConfigProblem, type ResolvedConfig } from '../engine/config/types.js';
import { baseName, dirName } from '../engine/file-kinds.js';
import type { FileSystem } from '../engine/fs.js';
import type { PythonParser } from '../engine/parsers/python.js';
import { readinessInput } from '../engine/readiness/from-run.js';
import { computeReadiness, READINESS_FACTS } from '../engine/readiness/readiness.js';
import { RULES } from '../engine/rules/index.js';
import { VERSION } from '../engine/version.js';
import { Workspace } from '../engine/workspace.js';
import type { FolderInfo, FolderSettings, ReadinessResult } from '../protocol.js';
import { joinRoot, relativeTo } from './uri.js';

/** What a project needs from the server: the file system with the editor's buffers, and the shared parser. */
export interface ProjectHost {
  readonly fs: FileSystem;
  python(): Promise<PythonParser>;
}

/** The outcome of (re)loading the config and scanning. */
export interface LoadOutcome {
  /** False when the config has errors; the previous config and findings stay. */
  readonly configValid: boolean;
  /** False when a newer reload or the user cancelled the scan part way. */
  readonly completed: boolean;
}

/** Folders whose files are never the project's own, wherever they are (a scan skips them too). */
const FOREIGN_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'site-packages', '.mlready_cache', '.ipynb_checkpoints', '.tox', '.nox']);

const decoder = new TextDecoder();

/**
 * Config, baseline and lint state of one project. Not safe for overlapping calls: the server runs them
 * through one SerialQueue per project.
 */
export class Project {
  private config: ResolvedConfig | undefined;
  private resolver: SettingsResolver | undefined;
  private current: Workspace | undefined;
  private problems: readonly ConfigProblem[] = [];
  private projectRoot: string;
  private reloads = 0;
  private scanningNow = false;

  constructor(
    /** Absolute path of the workspace folder. */
    readonly folder: string,
    private settings: FolderSettings,
    private readonly host: ProjectHost,
  ) {
    this.projectRoot = folder;
  }

  /** The project root: the config's folder, else the repository root at or above the workspace folder. */
  get root(): string {
    return this.projectRoot;
  }

  get workspace(): Workspace | undefined {
    return this.current;
  }

  /** Errors of the config as it is now (its last valid version may still be in force), or its warnings. */
  get configProblems(): readonly ConfigProblem[] {
    return this.problems;
  }

  get configFile(): string | undefined {
    return this.config?.file;
  }

  get scanning(): boolean {
    return this.scanningNow;
  }

  get folderSettings(): FolderSettings {
    return this.settings;
  }

  /** What the project is doing, for the `mlready/serverInfo` request. */
  info(): FolderInfo {
    return {
      root: this.projectRoot,
      ...(this.config?.file === undefined ? {} : { configFile: this.config.file }),
      configErrors: this.problems.filter((p) => p.severity === 'error').length,
      filesWithFindings: this.current?.files().length ?? 0,
      scanning: this.scanningNow,
      settings: this.settings,
    };
  }

  /** Counts reload requests; a scan stops at its next slice once a newer request came. */
  get generation(): number {
    return this.reloads;
  }

  /** Makes any running scan stop at its next slice; call before queueing a reload that supersedes it. */
  supersede(): number {
    return ++this.reloads;
  }

  /** Settings that need no rescan (the run mode); changed excludes go through `reload`. */
  useSettings(settings: FolderSettings): void {
    this.settings = settings;
  }

  /**
   * Reads the config and baseline and lints the whole project. On a config error the previous config and
   * findings stay in force and only the problems change.
   */
  async reload(settings: FolderSettings, isCancelled: () => boolean = () => false, onProgress?: (done: number, total: number) => void): Promise<LoadOutcome> {
    this.settings = settings;
    const generation = this.reloads;
    const cancelled = (): boolean => generation !== this.reloads || isCancelled();
    let config: ResolvedConfig;
    try {
      config = await loadConfig(this.host.fs, this.folder, RULES);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.problems = error.problems;
      if (!this.config) {
        const file = await findConfigFile(this.host.fs, this.folder);
        if (file !== undefined) this.projectRoot = dirName(file) || '/';
      }
      return { configValid: false, completed: true };
    }
    const warnings: ConfigProblem[] = [...config.warnings];
    const baseline = await this.readBaseline(config, warnings);
    this.problems = warnings;
    this.config = config;
    this.projectRoot = config.root;
    this.resolver = new SettingsResolver({ ...config, ignore: [...config.ignore, ...settings.exclude] }, RULES);
    const workspace = new Workspace({ fs: this.host.fs, root: config.root, settings: this.resolver, python: await this.host.python(), extraFacts: READINESS_FACTS, ...(baseline ? { baseline } : {}) });
    this.scanningNow = true;
    try {
      const completed = await workspace.scan(cancelled, onProgress);
      this.current = workspace;
      return { configValid: true, completed };
    } finally {
      this.scanningNow = false;
    }
  }

  /** The readiness report of the project as it is linted now; undefined before the first scan finished. */
  async readiness(now: Date = new Date()): Promise<ReadinessResult | undefined> {
    const workspace = this.current;
    if (!workspace || !this.resolver) return undefined;
    const view = workspace.view();
    const input = readinessInput(view, { settings: this.resolver, fs: this.host.fs, root: this.projectRoot, now, toolVersion: VERSION });
    return {
      report: await computeReadiness(input),
      root: this.projectRoot,
      ...(this.config?.file === undefined ? {} : { configFile: this.config.file }),
      configErrors: this.problems.filter((p) => p.severity === 'error').length,
    };
  }

  /** Re-lints changed files (absolute paths); returns the project-relative files whose findings changed. */
  async update(paths: readonly string[]): Promise<Set<string>> {
    const workspace = this.current;
    const changed = new Set<string>();
    if (!workspace) return changed;
    for (const path of paths) {
      const rel = this.relative(path);
      if (rel === undefined) continue;
      for (const file of await workspace.update(rel)) changed.add(file);
    }
    return changed;
  }

  /** The project-relative path of a file this project lints, or undefined (outside the root, ignored, foreign). */
  relative(path: string): string | undefined {
    const rel = relativeTo(this.projectRoot, path);
    if (rel === undefined) return undefined;
    if (rel.split('/').some((segment) => FOREIGN_DIRS.has(segment))) return undefined;
    if (this.resolver?.ignored(rel)) return undefined;
    return rel;
  }

  /** True for a change that needs the config reloaded: a `.mlready.yaml` here, or a file the config or its `extends` chain names. */
  affectsConfig(path: string): boolean {
    // Only a config at or above the folder is found by loadConfig; one in a subfolder belongs to another project.
    const dir = dirName(path) || '/';
    if (CONFIG_NAMES.includes(baseName(path)) && (this.folder === dir || this.folder.startsWith(dir === '/' ? '/' : `${dir}/`))) return true;
    if (this.config?.file === path || this.problems.some((p) => p.file === path)) return true;
    if (this.config?.baseline !== undefined && joinRoot(this.projectRoot, this.config.baseline) === path) return true;
    // A base config named in `extends` (`./base.yaml`): matched by name, which is cheap and errs towards reloading.
    const own = this.config?.sourceTexts[0];
    const name = baseName(path);
    return /\.ya?ml$/.test(name) && own !== undefined && (this.config?.sourceTexts.length ?? 0) > 1 && own.includes(name);
  }

  private async readBaseline(config: ResolvedConfig, warnings: ConfigProblem[]): Promise<Baseline | undefined> {
    if (config.baseline === undefined) return undefined;
    const path = joinRoot(config.root, config.baseline);
    let text: string;
    try {
      text = decoder.decode(await this.host.fs.readFile(path));
    } catch {
      return undefined; // Not recorded yet: `mlready baseline` writes it; until then every finding is new.
    }
    try {
      return parseBaseline(text);
    } catch (error) {
      const file = config.file ?? path;
      const line = Math.max(0, (config.sourceTexts[0] ?? '').split('\n').findIndex((l) => /^baseline\s*:/.test(l)));
      warnings.push({ file, line, column: 0, message: `${config.baseline}: ${error instanceof Error ? error.message : String(error)}; linting without the baseline`, severity: 'warning' });
      return undefined;
    }
  }
}
