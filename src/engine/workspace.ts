// A long-lived, incrementally updated lint state of one project, for the language server and editors.
import type { FactKind } from './facts.js';
import { filterByBaseline, type Baseline } from './baseline.js';
import type { SettingsResolver } from './config/resolve.js';
import { lintTask } from './executor.js';
import type { FileFacts } from './facts.js';
import { classifyPath, isTextKind } from './file-kinds.js';
import type { FileSystem } from './fs.js';
import type { GitOption } from './git.js';
import type { InventoryEntry } from './inventory.js';
import type { FileLintResult } from './lint-file.js';
import { isMlConfigPath } from './analyses/config-files.js';
import type { RuleError } from './linter.js';
import { loadConfigFiles, loadProject, readText, reportableFiles, type LoadedProject } from './load-project.js';
import type { PythonParser } from './parsers/python.js';
import { PROJECT_METADATA_KINDS, withTestReports } from './project.js';
import { isTestReportPath, loadTestReports } from './report-files.js';
import { projectRulesWantFacts, runProjectRules } from './project-rules.js';
import { PROJECT_RULES, RULES } from './rules/index.js';
import { applySuppressions } from './suppress.js';
import { compareFindings, type Finding, type SkippedFile } from './types.js';

export interface WorkspaceOptions {
  /** Usually an OverlayFileSystem carrying the editor's unsaved buffers. */
  readonly fs: FileSystem;
  readonly root: string;
  readonly settings: SettingsResolver;
  readonly python: PythonParser;
  readonly baseline?: Baseline;
  readonly git?: GitOption;
  /** Fact kinds to keep on top of those the enabled project rules read (the readiness panel needs some). */
  readonly extraFacts?: readonly FactKind[];
}

/** What the readiness model reads from a workspace. */
export interface WorkspaceView {
  readonly project: LoadedProject['project'];
  readonly facts: ReadonlyMap<string, FileFacts>;
  /** After suppressions, before the baseline: baselined debt is still debt. */
  readonly findings: readonly Finding[];
  readonly configs: LoadedProject['configs'];
  readonly texts: ReadonlyMap<string, string>;
}

/** Files a scan lints between two yields to the event loop, so a server stays responsive during a scan. */
const SCAN_SLICE = 50;

/**
 * Holds every file's results and the project model. `update` re-lints one file and re-runs only what can depend
 * on it: the file itself, the project rules, and (when a manifest, lock, DVC, LFS or CI file changed) every file,
 * since file rules read the project model.
 */
export class Workspace {
  private loaded!: LoadedProject;
  private readonly results = new Map<string, FileLintResult>();
  private readonly published = new Map<string, readonly Finding[]>();
  private projectFindings = new Map<string, Finding[]>();
  private wantFacts: readonly FactKind[] = [];
  readonly ruleErrors: RuleError[] = [];

  constructor(private readonly options: WorkspaceOptions) {}

  get root(): string {
    return this.options.root;
  }

  get skipped(): readonly SkippedFile[] {
    const fromResults = [...this.results.values()].flatMap((r) => (r.skipped === undefined ? [] : [{ file: r.path, reason: r.skipped }]));
    return [...this.loaded.skipped, ...fromResults];
  }

  /** Lints the whole project. Returns false when cancelled part way (results so far are kept). */
  async scan(isCancelled: () => boolean = () => false, onProgress?: (done: number, total: number) => void): Promise<boolean> {
    this.loaded = await loadProject(this.options.fs, this.options.root, this.options.settings, { ...(this.options.git ? { git: this.options.git } : {}), isCancelled });
    const kinds = new Set([...projectRulesWantFacts(PROJECT_RULES, this.options.settings), ...(this.options.extraFacts ?? [])]);
    if (kinds.size > 0) kinds.add('imports');
    this.wantFacts = [...kinds].sort();
    this.results.clear();
    const files = reportableFiles(this.loaded.inventory);
    for (let i = 0; i < files.length; i++) {
      if (isCancelled()) return false;
      const entry = files[i];
      if (entry) await this.lintEntry(entry);
      if (i % SCAN_SLICE === SCAN_SLICE - 1) {
        onProgress?.(i + 1, files.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    onProgress?.(files.length, files.length);
    this.refresh(new Set(this.results.keys()));
    return true;
  }

  /**
   * A file changed (saved, edited in an overlay, created or deleted). Returns the files whose findings changed,
   * so only their diagnostics are published again.
   */
  async update(path: string): Promise<Set<string>> {
    const kind = classifyPath(path);
    if (isTestReportPath(path)) {
      // Reports feed only project rules: swap them in the model and re-run those, without re-linting files.
      const { reports } = await loadTestReports(this.options.fs, this.options.root, this.loaded.inventory.files);
      this.loaded = { ...this.loaded, project: withTestReports(this.loaded.project, reports) };
      if (kind !== 'json') return this.refresh(new Set());
    }
    if (PROJECT_METADATA_KINDS.has(kind)) {
      const before = new Set(this.published.keys());
      await this.scan();
      const changed = new Set([...before, ...this.published.keys()]);
      return changed;
    }
    if (!isTextKind(kind) || kind === 'mlready-config') return new Set();
    let size = 0;
    try {
      size = (await this.options.fs.stat(`${this.options.root}/${path}`)).size;
    } catch {
      this.results.delete(path);
      return this.refresh(new Set([path]));
    }
    const before = JSON.stringify(this.results.get(path)?.facts ?? null);
    await this.lintEntry({ path, kind, size });
    // Config rules read the key trees of the ML config files: re-read them, so a key added to a config clears the
    // finding on the code that reads it. (Key names that files' own facts mention still wait for a rescan.)
    const configChanged = isMlConfigPath(path) && this.loaded.inventory.files.some((f) => f.path === path);
    if (configChanged) this.loaded = { ...this.loaded, configs: await loadConfigFiles(this.options.fs, this.options.root, this.loaded.inventory) };
    // Project rules read only facts: when an edit leaves the file's facts as they were (most keystrokes), the
    // project findings stand and only this file's own findings are recomputed.
    const factsChanged = JSON.stringify(this.results.get(path)?.facts ?? null) !== before;
    return this.refresh(new Set([path]), factsChanged || configChanged);
  }

  /** The findings of one file, after suppressions and the baseline. */
  findings(path: string): readonly Finding[] {
    return this.published.get(path) ?? [];
  }

  /** The project, facts and findings as they are now, for the readiness model. */
  view(): WorkspaceView {
    const facts = new Map<string, FileFacts>();
    const findings: Finding[] = [];
    const files = new Set([...this.results.keys(), ...this.projectFindings.keys()]);
    for (const file of files) {
      const result = this.results.get(file);
      if (result?.facts) facts.set(file, result.facts);
      const extra = this.projectFindings.get(file) ?? [];
      if (result?.skipped !== undefined) continue;
      findings.push(...(result ? applySuppressions({ ...result, findings: [...result.findings, ...extra] }, this.options.settings.forFile(file), RULES).findings : extra));
    }
    findings.sort(compareFindings);
    return { project: this.loaded.project, facts, findings, configs: this.loaded.configs, texts: this.loaded.texts };
  }

  /** Every file that has findings now. */
  files(): string[] {
    return [...this.published.keys()];
  }

  private async lintEntry(entry: InventoryEntry): Promise<void> {
    const skipped: SkippedFile[] = [];
    const text = await readText(this.options.fs, this.options.root, entry.path, skipped);
    if (text === undefined) {
      this.results.set(entry.path, { path: entry.path, findings: [], suppressions: [], suppressionProblems: [], ruleErrors: [], skipped: skipped[0]?.reason ?? 'unreadable' });
      return;
    }
    const settings = this.options.settings.forFile(entry.path);
    const result = lintTask({ path: entry.path, kind: entry.kind, text, settingsIndex: 0 }, settings, this.loaded.project, this.options.python, this.wantFacts);
    this.results.set(entry.path, result);
  }

  /** Recomputes project findings and the published findings of `dirty` files and of files project rules touch. */
  private refresh(dirty: Set<string>, rerunProjectRules = true): Set<string> {
    if (rerunProjectRules) this.runProjectRules(dirty);
    return this.publish(dirty);
  }

  private runProjectRules(dirty: Set<string>): void {
    const facts = new Map<string, FileFacts>();
    for (const [path, result] of this.results) if (result.facts) facts.set(path, result.facts);
    const run = runProjectRules(PROJECT_RULES, this.loaded.project, facts, this.options.settings, this.loaded.configs);
    this.ruleErrors.length = 0;
    this.ruleErrors.push(...run.errors);
    const next = new Map<string, Finding[]>();
    for (const f of run.findings) {
      const list = next.get(f.file) ?? [];
      list.push(f);
      next.set(f.file, list);
    }
    for (const file of new Set([...next.keys(), ...this.projectFindings.keys()])) {
      if (JSON.stringify(next.get(file) ?? []) !== JSON.stringify(this.projectFindings.get(file) ?? [])) dirty.add(file);
    }
    this.projectFindings = next;
  }

  /** Applies suppressions and the baseline to the dirty files and returns those whose findings changed. */
  private publish(dirty: Set<string>): Set<string> {
    const changed = new Set<string>();
    for (const file of dirty) {
      const result = this.results.get(file);
      const extra = this.projectFindings.get(file) ?? [];
      let findings: Finding[] = extra;
      if (result && result.skipped === undefined) {
        findings = applySuppressions({ ...result, findings: [...result.findings, ...extra] }, this.options.settings.forFile(file), RULES).findings;
      } else if (result) findings = [];
      findings.sort(compareFindings);
      if (this.options.baseline) findings = filterByBaseline(findings, this.options.baseline).fresh;
      const before = this.published.get(file) ?? [];
      if (findings.length === 0) this.published.delete(file);
      else this.published.set(file, findings);
      if (JSON.stringify(before) !== JSON.stringify(findings)) changed.add(file);
    }
    return changed;
  }
}
