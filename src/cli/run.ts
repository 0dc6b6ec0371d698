// Shared by `check`, `baseline` and `report`: find the config and root, pick an executor and cache, and run the engine.
import type { FactKind } from '../engine/facts.js';
import type { FileSystem } from '../engine/fs.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseBaseline, type Baseline } from '../engine/baseline.js';
import { loadConfig } from '../engine/config/load.js';
import { SettingsResolver, type FileSettings } from '../engine/config/resolve.js';
import type { ResolvedConfig } from '../engine/config/types.js';
import { InProcessExecutor } from '../engine/executor.js';
import { planLint, type FileExecutor, type FileTask, type LintRun } from '../engine/linter.js';
import type { FileLintResult } from '../engine/lint-file.js';
import { PythonParser } from '../engine/parsers/python.js';
import type { ProjectModel } from '../engine/project.js';
import { RULES } from '../engine/rules/index.js';
import { phaseTimed, type Timing } from '../engine/timing.js';
import { VERSION } from '../engine/version.js';
import { UsageError } from './args.js';
import { DiskCache, type KeptOutput } from './cache.js';
import { readGrammarBinaries } from '../node/grammar.js';
import { NodeFileSystem } from '../node/node-fs.js';
import { WorkerPoolExecutor } from './worker-pool.js';

export interface RunOptions {
  readonly paths: readonly string[];
  readonly configFile?: string;
  readonly baselineFile?: string;
  readonly useBaseline: boolean;
  readonly cache: boolean;
  readonly cacheLocation?: string;
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Fact kinds to extract beyond what the project rules read (the readiness report's). */
  readonly extraFacts?: readonly FactKind[];
  /** Lint the whole project the first path belongs to, not only the paths (the readiness report is project-wide). */
  readonly wholeProject?: boolean;
  /** Collects where the time goes (`--timing`). */
  readonly timing?: Timing;
  /**
   * False to have the main thread read every file it lints and keep the texts (`run.texts`), as fixes need;
   * otherwise the executor reads them, on the worker threads.
   */
  readonly readFiles?: boolean;
}

export interface CliRun {
  readonly run: LintRun;
  readonly config: ResolvedConfig;
  readonly settings: SettingsResolver;
  readonly root: string;
  /** The file system the run read through, for callers that read more of the project. */
  readonly fs: FileSystem;
}

/** `/`-separated absolute path, as the engine expects. */
export function toEnginePath(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Runs a check and saves the cache. */
export async function runCheck(options: RunOptions): Promise<CliRun> {
  const planned = await planCheck(options);
  const result = await planned.run();
  planned.save();
  return result;
}

/** A check whose inputs are known: it may be replayed from the cache, or run. */
export interface PlannedCheck {
  readonly config: ResolvedConfig;
  /** What a run with these inputs printed in this form (`variant`: format and output options), when it was kept. */
  replay(variant: string): KeptOutput | undefined;
  run(): Promise<CliRun>;
  /** Keeps what this run printed, for a replay by a later run with equal inputs (not for runs that cannot be replayed). */
  keep(variant: string, run: LintRun, kept: KeptOutput): void;
  save(): void;
}

/** Finds the config and root, walks the tree and loads the project: what a check needs before linting any file. */
export async function planCheck(options: RunOptions): Promise<PlannedCheck> {
  const fs = new NodeFileSystem();
  const paths = (options.paths.length ? options.paths : ['.']).map((p) => resolve(p));
  for (const p of paths) if (!existsSync(p)) throw new UsageError(`no such file or directory: ${p}`);
  const first = paths[0] ?? process.cwd();
  const start = statSync(first).isDirectory() ? first : dirname(first);
  const { timing } = options;
  const configStart = performance.now();
  const config = await loadConfig(fs, toEnginePath(start), RULES, options.configFile ? toEnginePath(resolve(options.configFile)) : undefined);
  timing?.add('phase:config', performance.now() - configStart);
  const root = config.root;
  const include = options.wholeProject ? ['.'] : paths.map((p) => toEnginePath(relative(root, p)));
  for (const [i, rel] of include.entries()) {
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`${paths[i] ?? rel} is outside the project root ${root} (where the config or the repository root is)`);
  }
  const baseline = options.useBaseline ? readBaseline(options.baselineFile ? resolve(options.baselineFile) : config.baseline ? join(root, config.baseline) : undefined, options.baselineFile !== undefined) : undefined;
  const settings = new SettingsResolver(config, RULES);
  const cache = options.cache ? phaseTimed(timing, 'cache load', () => new DiskCache(options.cacheLocation ? resolve(options.cacheLocation) : join(root, '.mlready_cache')).load()) : undefined;
  const executor = new AdaptiveExecutor(root, options.readFiles !== false, options.threads, options.onProgress);
  const planned = await planLint({
    fs,
    root,
    settings,
    executor,
    include: include.map((p) => (p === '' ? '.' : p)),
    version: VERSION,
    ...(cache ? { cache } : {}),
    ...(baseline ? { baseline } : {}),
    ...(options.extraFacts ? { extraFacts: options.extraFacts } : {}),
    ...(timing ? { timing } : {}),
  });
  // The inputs key names the config file's path too: two configs with the same text may sit at different roots.
  const outputKey = (variant: string): string => `${config.file ?? ''}\u0000${root}\u0000${variant}\u0000${planned.inputs}`;
  return {
    config,
    replay: (variant) => (cache ? phaseTimed(timing, 'replay', () => cache.getOutput(outputKey(variant))) : undefined),
    run: async () => ({ run: await planned.run(), config, settings, root, fs }),
    keep: (variant, run, kept) => {
      if (cache && run.replayable) cache.setOutput(outputKey(variant), kept);
    },
    save: () => {
      if (cache) phaseTimed(timing, 'cache save', () => {
        cache.save();
      });
    },
  };
}

function readBaseline(path: string | undefined, explicit: boolean): Baseline | undefined {
  if (path === undefined) return undefined;
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`baseline file not found: ${path} (create it with 'mlready baseline')`);
    return undefined;
  }
  try {
    return parseBaseline(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** In-thread for small runs; worker threads when there are enough Python files to pay for their start-up. */
class AdaptiveExecutor implements FileExecutor {
  constructor(
    private readonly root: string,
    readonly readsFiles: boolean,
    private readonly threads: number | undefined,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  async lint(tasks: readonly FileTask[], settings: readonly FileSettings[], project: ProjectModel, wantFacts: readonly FactKind[], timing?: Timing): Promise<FileLintResult[]> {
    const heavy = tasks.filter((t) => t.kind === 'python' || t.kind === 'notebook').length;
    const size = this.threads ?? WorkerPoolExecutor.sizeFor(heavy);
    if (size <= 0) {
      const python = heavy > 0 ? await PythonParser.load(readGrammarBinaries()) : undefined;
      return new InProcessExecutor(python, this.readsFiles ? { fs: new NodeFileSystem(), root: this.root } : undefined).lint(tasks, settings, project, wantFacts, timing);
    }
    return new WorkerPoolExecutor(size, this.root, undefined, this.onProgress).lint(tasks, settings, project, wantFacts, timing);
  }
}
