// Publishes each project's findings and config problems as diagnostics, remembering where it published so it can clear them again.
import type { Diagnostic } from 'vscode-languageserver';
import { classifyPath } from '../engine/file-kinds.js';
import type { FindingSeverity } from '../engine/types.js';
import type { StatusParams } from '../protocol.js';
import { configDiagnostic, diagnosticsByUri, type Locate, type Target } from './diagnostics.js';
import { notebookRangeMapper } from './notebook-json.js';
import type { Project } from './project.js';
import { joinRoot } from './uri.js';

/** What the publisher needs from the server: sending, the open documents and the files' current text. */
export interface PublishHost {
  send(uri: string, diagnostics: Diagnostic[]): void;
  /** The URI of an open document at this path, or a `file:` URI. */
  uriOf(path: string): string;
  /** Cell document URIs, by cell index, of a notebook open in a notebook editor. */
  notebookCells(path: string): readonly string[] | undefined;
  /** Current text of a file (the editor's buffer if open), for mapping closed notebooks' positions. */
  readText(path: string): Promise<string | undefined>;
}

interface Published {
  readonly project: Project;
  readonly uris: ReadonlySet<string>;
}

export class Publisher {
  /** By absolute path: which documents show that file's findings now. */
  private readonly files = new Map<string, Published>();
  /** By project: the URIs its config problems are shown on. */
  private readonly configUris = new Map<Project, Set<string>>();

  constructor(private readonly host: PublishHost) {}

  /** Publishes the current findings of the given project-relative files (and clears documents that no longer show any). */
  async publish(project: Project, files: Iterable<string>): Promise<void> {
    const workspace = project.workspace;
    const locate = await this.locator(project, [...files]);
    for (const file of files) {
      const path = joinRoot(project.root, file);
      const findings = workspace?.findings(file) ?? [];
      const byUri = diagnosticsByUri(file, findings, locate);
      this.replace(path, project, byUri);
    }
  }

  /** Publishes every file of the project that has findings, and clears every file it published before that has none. */
  async publishAll(project: Project): Promise<void> {
    const files = new Set(project.workspace?.files() ?? []);
    const stale: string[] = [];
    for (const [path, published] of this.files) {
      if (published.project !== project) continue;
      const rel = path.startsWith(`${project.root}/`) ? path.slice(project.root.length + 1) : undefined;
      if (rel === undefined) stale.push(path);
      else files.add(rel);
    }
    for (const path of stale) this.replace(path, project, new Map());
    await this.publish(project, files);
  }

  /** Shows the config's problems on the config files they are in; clears those it showed before. */
  async publishConfig(project: Project): Promise<void> {
    const lines = new Map<string, string[]>();
    for (const problem of project.configProblems) if (!lines.has(problem.file)) lines.set(problem.file, (await this.host.readText(problem.file))?.split('\n') ?? []);
    const byUri = new Map<string, Diagnostic[]>();
    for (const problem of project.configProblems) {
      const uri = this.host.uriOf(problem.file);
      const list = byUri.get(uri) ?? [];
      list.push(configDiagnostic(problem, (line) => lines.get(problem.file)?.[line]?.length ?? 0));
      byUri.set(uri, list);
    }
    const before = this.configUris.get(project) ?? new Set<string>();
    for (const [uri, list] of byUri) this.host.send(uri, list);
    for (const uri of before) if (!byUri.has(uri)) this.host.send(uri, []);
    this.configUris.set(project, new Set(byUri.keys()));
  }

  /** Clears everything a project published (it was removed or disabled). */
  clear(project: Project): void {
    for (const [path, published] of [...this.files]) if (published.project === project) this.replace(path, project, new Map());
    for (const uri of this.configUris.get(project) ?? []) this.host.send(uri, []);
    this.configUris.delete(project);
  }

  /** Totals over every project's findings now. */
  status(projects: Iterable<Project>): StatusParams {
    const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
    let files = 0;
    let scanning = false;
    let configErrors = 0;
    for (const project of projects) {
      scanning ||= project.scanning;
      configErrors += project.configProblems.filter((p) => p.severity === 'error').length;
      const workspace = project.workspace;
      if (!workspace) continue;
      for (const file of workspace.files()) {
        files++;
        for (const f of workspace.findings(file)) counts[f.severity]++;
      }
    }
    return { scanning, errors: counts.error, warnings: counts.warning, infos: counts.info, files, configErrors };
  }

  private replace(path: string, project: Project, byUri: ReadonlyMap<string, Diagnostic[]>): void {
    const before = this.files.get(path)?.uris ?? new Set<string>();
    for (const [uri, list] of byUri) this.host.send(uri, list);
    for (const uri of before) if (!byUri.has(uri)) this.host.send(uri, []);
    if (byUri.size === 0) this.files.delete(path);
    else this.files.set(path, { project, uris: new Set(byUri.keys()) });
  }

  /** Where each finding goes: a notebook open in an editor shows them on its cells; a closed one on its JSON text. */
  private async locator(project: Project, files: readonly string[]): Promise<Locate> {
    const mappers = new Map<string, Target['mapRange']>();
    for (const file of files) {
      const path = joinRoot(project.root, file);
      if (classifyPath(file) !== 'notebook' || this.host.notebookCells(path) !== undefined) continue;
      if (!(project.workspace?.findings(file) ?? []).some((f) => f.cell !== undefined)) continue;
      const text = await this.host.readText(path);
      if (text !== undefined) mappers.set(file, notebookRangeMapper(text));
    }
    return (file, cell) => {
      const path = joinRoot(project.root, file);
      const cells = this.host.notebookCells(path);
      const cellUri = cell === undefined ? undefined : cells?.[cell];
      if (cellUri !== undefined) return { uri: cellUri };
      const mapRange = mappers.get(file);
      return mapRange ? { uri: this.host.uriOf(path), mapRange } : { uri: this.host.uriOf(path) };
    };
  }
}
