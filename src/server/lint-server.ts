// The language server's state: one Project per workspace folder, the editor's buffers as an overlay, and when to lint and publish.
import type { CodeAction, CodeActionParams, Connection, FileEvent, NotebookDocuments, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyPath } from '../engine/file-kinds.js';
import { OverlayFileSystem } from '../engine/fs.js';
import { PythonParser } from '../engine/parsers/python.js';
import { PROJECT_METADATA_KINDS } from '../engine/project.js';
import { VERSION } from '../engine/version.js';
import { readGrammarBinaries } from '../node/grammar.js';
import { NodeFileSystem } from '../node/node-fs.js';
import { DEFAULT_SETTINGS, Notifications, parseFolderSettings, SETTINGS_SECTION, type FolderSettings, type ReadinessParams, type ReadinessResult, type ServerInfo } from '../protocol.js';
import { codeActions } from './code-actions.js';
import { OpenDocuments } from './open-documents.js';
import { Project } from './project.js';
import { Publisher } from './publisher.js';
import { Debouncer, SerialQueue } from './scheduling.js';
import { pathToUri, uriToPath } from './uri.js';

/** What the client told the server it can do, from `initialize`. */
export interface ClientFeatures {
  readonly configuration: boolean;
  readonly progress: boolean;
  readonly snippets: boolean;
  /** Our VS Code extension: it runs `mlready.showRuleDocumentation`. */
  readonly docsCommand: boolean;
}

/** Typing pauses this long before a lint: long enough to skip most keystrokes, short enough to feel live. */
const TYPE_DELAY_MS = 250;
/** File-watcher events are gathered this long, so a checkout or `git pull` becomes one batch. */
const WATCH_DELAY_MS = 200;
/** More changed files than this in one batch: rescan instead of updating file by file. */
const RESCAN_THRESHOLD = 100;

const decoder = new TextDecoder();

export class LintServer {
  private readonly overlay = new OverlayFileSystem(new NodeFileSystem());
  private readonly open: OpenDocuments;
  private readonly projects = new Map<string, Project>();
  private readonly queues = new Map<Project, SerialQueue>();
  private readonly publisher: Publisher;
  private readonly typing = new Debouncer(TYPE_DELAY_MS);
  private readonly watching = new Debouncer(WATCH_DELAY_MS);
  private readonly statusTimer = new Debouncer(50);
  private readonly watched = new Set<string>();
  /** Folders whose settings are being read, so two events cannot add one folder twice. */
  private readonly adding = new Set<string>();
  private python: Promise<PythonParser> | undefined;

  constructor(
    private readonly connection: Connection,
    texts: TextDocuments<TextDocument>,
    notebooks: NotebookDocuments<TextDocument>,
    private readonly features: ClientFeatures,
  ) {
    this.open = new OpenDocuments(texts, notebooks, this.overlay);
    this.publisher = new Publisher({
      send: (uri, diagnostics) => void this.connection.sendDiagnostics({ uri, diagnostics }),
      uriOf: (path) => this.open.textAt(path)?.uri ?? pathToUri(path),
      notebookCells: (path) => this.open.notebookAt(path)?.cells.map((c) => c.document),
      readText: async (path) => {
        try {
          return decoder.decode(await this.overlay.readFile(path));
        } catch {
          return undefined;
        }
      },
    });
  }

  logError(context: string, error: unknown): void {
    this.connection.console.error(`${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  // ---- Projects -------------------------------------------------------------------------------------

  async addFolder(uri: string): Promise<void> {
    const folder = uriToPath(uri);
    if (folder === undefined || this.projects.has(folder) || this.adding.has(folder)) return;
    this.adding.add(folder);
    const settings = await this.settingsFor(uri).finally(() => this.adding.delete(folder));
    if (!settings.enable) {
      this.connection.console.log(`mlready is off for ${folder} (the mlready.enable setting)`);
      return;
    }
    const project = new Project(folder, settings, { fs: this.overlay, python: () => this.parser() });
    this.projects.set(folder, project);
    this.queues.set(project, new SerialQueue((error) => { this.logError(`linting ${folder} failed`, error); }));
    await this.reload(project, settings);
  }

  removeFolder(uri: string): void {
    const folder = uriToPath(uri);
    const project = folder === undefined ? undefined : this.projects.get(folder);
    if (!project || folder === undefined) return;
    project.supersede();
    this.projects.delete(folder);
    this.queues.delete(project);
    this.publisher.clear(project);
    this.sendStatus();
  }

  /** Settings changed: folders switched off are cleared, switched on are loaded, changed excludes rescan. */
  async settingsChanged(): Promise<void> {
    const folders = (await this.connection.workspace.getWorkspaceFolders()) ?? [];
    for (const { uri } of folders) {
      const folder = uriToPath(uri);
      if (folder === undefined) continue;
      const settings = await this.settingsFor(uri);
      const project = this.projects.get(folder);
      if (!project) {
        if (settings.enable) await this.addFolder(uri);
      } else if (!settings.enable) this.removeFolder(uri);
      else if (JSON.stringify(settings.exclude) !== JSON.stringify(project.folderSettings.exclude)) await this.reload(project, settings);
      else project.useSettings(settings);
    }
  }

  /** Reloads every project's config and lints everything again. */
  async rescan(): Promise<void> {
    await Promise.all([...this.projects.values()].map((p) => this.reload(p, p.folderSettings)));
  }

  info(): ServerInfo {
    return {
      pid: process.pid,
      version: VERSION,
      folders: [...this.projects.values()].map((p) => p.info()),
    };
  }

  /**
   * The readiness report of a folder (the first one when none is named), computed after any queued scan of it,
   * so it never mixes two states of the project. Null when no folder is linted.
   */
  async readiness(params: ReadinessParams | null | undefined): Promise<ReadinessResult | null> {
    const wanted = typeof params?.folder === 'string' ? uriToPath(params.folder) : undefined;
    const project = wanted === undefined ? [...this.projects.values()][0] : (this.projects.get(wanted) ?? this.projectFor(wanted));
    if (!project) return null;
    let result: ReadinessResult | undefined;
    await this.queues.get(project)?.run(async () => {
      result = await project.readiness();
    });
    return result ?? null;
  }

  private parser(): Promise<PythonParser> {
    this.python ??= PythonParser.load(readGrammarBinaries());
    return this.python;
  }

  private async settingsFor(uri: string): Promise<FolderSettings> {
    if (!this.features.configuration) return DEFAULT_SETTINGS;
    try {
      return parseFolderSettings(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }));
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  /** Queues a config reload and full scan, reported as cancellable progress; a newer reload makes a queued one a no-op. */
  private reload(project: Project, settings: FolderSettings): Promise<void> {
    const generation = project.supersede();
    return this.enqueue(project, async () => {
      if (generation !== project.generation) return;
      const cancel = { requested: false };
      const progress = this.features.progress ? await this.connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('mlready', 0, `Scanning ${project.folder.split('/').pop() ?? ''}`, true);
      progress?.token.onCancellationRequested(() => {
        cancel.requested = true;
      });
      this.sendStatus();
      try {
        const outcome = await project.reload(settings, () => cancel.requested, (done, total) => {
          progress?.report(total === 0 ? 100 : Math.round((100 * done) / total), `${done}/${total} files`);
          this.sendStatus();
        });
        await this.publisher.publishConfig(project);
        if (!outcome.configValid || (!outcome.completed && !cancel.requested)) return; // a newer reload is queued and publishes
        // A cancelled scan leaves the files it reached unpublished; the open ones at least get linted.
        if (cancel.requested) await project.update(this.open.paths());
        await this.publisher.publishAll(project);
        this.open.published();
      } finally {
        progress?.done();
        this.sendStatus();
      }
    });
  }

  /** Runs a task in the project's queue; a project removed meanwhile is skipped, or cleared again if it published. */
  private enqueue(project: Project, task: () => Promise<void>): Promise<void> {
    const live = (): boolean => this.projects.get(project.folder) === project;
    return (
      this.queues.get(project)?.run(async () => {
        if (!live()) return;
        await task();
        if (!live()) this.publisher.clear(project);
      }) ?? Promise.resolve()
    );
  }

  /** The project that lints a path: the one with the deepest root that claims it. */
  private projectFor(path: string): Project | undefined {
    let best: Project | undefined;
    for (const project of this.projects.values()) {
      if (project.relative(path) === undefined && !project.affectsConfig(path)) continue;
      if (!best || project.root.length > best.root.length) best = project;
    }
    return best;
  }

  // ---- Documents ------------------------------------------------------------------------------------

  /** A document or notebook was opened, edited, saved or closed: lint it now, or after a typing pause. */
  documentChanged(uri: string, event: 'open' | 'change' | 'save' | 'close', notebook = false): void {
    if (notebook && event === 'open') this.open.notebookOpened(uri);
    if (notebook && event === 'close') this.open.notebookClosed(uri);
    const path = uriToPath(uri);
    const project = path === undefined ? undefined : this.projectFor(path);
    if (path === undefined || !project) return;
    if (event === 'change' && project.folderSettings.run === 'onSave') return;
    const run = (): void => void this.enqueue(project, () => this.lintDocument(project, uri, path, event));
    if (event === 'change') this.typing.schedule(uri, run);
    else {
      this.typing.cancel(uri);
      run();
    }
  }

  /** Copies the document's current text into the overlay (or drops it, closed), re-lints and publishes what changed. */
  private async lintDocument(project: Project, uri: string, path: string, event: 'open' | 'change' | 'save' | 'close'): Promise<void> {
    this.open.capture(uri, path);
    if (project.affectsConfig(path)) {
      if (event === 'open') return; // the text is the file's: the config in force was read from it
      // A config edit takes effect as typed; while it has errors the last valid config stays in force.
      project.supersede();
      const outcome = await project.reload(project.folderSettings);
      await this.publisher.publishConfig(project);
      if (outcome.configValid && outcome.completed) await this.publisher.publishAll(project);
    } else {
      const changed = await project.update([path]);
      const rel = project.relative(path);
      if (rel !== undefined) changed.add(rel); // an opened or closed notebook moves its diagnostics between cells and file
      await this.publisher.publish(project, changed);
    }
    this.open.published();
    this.sendStatus();
  }

  /** File-watcher events: saved elsewhere, created, deleted, or changed by git. Open documents are the editor's. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (path !== undefined && !this.overlay.has(path)) this.watched.add(path);
    }
    this.watching.schedule('files', () => {
      const paths = [...this.watched];
      this.watched.clear();
      for (const project of this.projects.values()) this.applyFileChanges(project, paths);
    });
  }

  private applyFileChanges(project: Project, paths: readonly string[]): void {
    const mine = paths.filter((p) => project.relative(p) !== undefined || project.affectsConfig(p));
    if (mine.length === 0) return;
    const metadata = mine.filter((p) => PROJECT_METADATA_KINDS.has(classifyPath(p)));
    // Each changed manifest or lock re-lints every file; several at once (a checkout) are cheaper as one scan.
    if (mine.some((p) => project.affectsConfig(p) || p.endsWith('/.gitignore')) || mine.length > RESCAN_THRESHOLD || metadata.length > 1) {
      void this.reload(project, project.folderSettings);
      return;
    }
    void this.enqueue(project, async () => {
      await this.publisher.publish(project, await project.update(mine));
      this.sendStatus();
    });
  }

  // ---- Code actions and status ----------------------------------------------------------------------

  codeActions(params: CodeActionParams): CodeAction[] {
    const uri = params.textDocument.uri;
    const open = this.open.text(uri);
    const path = uriToPath(open?.notebook?.uri ?? uri);
    const project = path === undefined ? undefined : this.projectFor(path);
    const rel = path === undefined ? undefined : project?.relative(path);
    if (!open || !project?.workspace || rel === undefined) return [];
    const { doc, notebook } = open;
    // Findings of an older text would put edits in the wrong place: offer nothing until the next lint.
    if (!this.open.isCurrent(uri, doc.version)) return [];
    return codeActions(
      params.context.diagnostics,
      project.workspace.findings(rel),
      {
        uri,
        version: doc.version,
        kind: classifyPath(rel),
        lineText: (line) => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, ''),
        uriForCell: (cell) => (cell === undefined || !notebook ? uri : (notebook.cells[cell] ?? uri)),
      },
      notebook?.cell,
      { snippets: this.features.snippets, docsCommand: this.features.docsCommand, ...(params.context.only ? { only: params.context.only } : {}) },
    );
  }

  sendStatus(): void {
    this.statusTimer.schedule('status', () => {
      void this.connection.sendNotification(Notifications.status, this.publisher.status(this.projects.values()));
    });
  }

  dispose(): void {
    this.typing.dispose();
    this.watching.dispose();
    this.statusTimer.dispose();
    for (const project of this.projects.values()) project.supersede();
  }
}
