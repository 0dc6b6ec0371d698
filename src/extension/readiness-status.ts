// The status bar item with the readiness score of the folder in front; a click opens the readiness panel.
import { StatusBarAlignment, window, workspace, type Disposable, type StatusBarItem, type Uri } from 'vscode';
import { Commands } from '../protocol.js';
import type { ReadinessSource } from './readiness-source.js';
import { readinessStatusView } from './readiness-status-text.js';

/** The folder a readiness command means: that of the given resource, else the active editor's, else the first. */
export function readinessFolder(resource?: Uri): string | undefined {
  const folders = workspace.workspaceFolders ?? [];
  const of = (uri: Uri | undefined): string | undefined => (uri ? workspace.getWorkspaceFolder(uri)?.uri.toString() : undefined);
  const active = window.activeTextEditor?.document.uri ?? window.activeNotebookEditor?.notebook.uri;
  return of(resource) ?? of(active) ?? folders[0]?.uri.toString();
}

/** After the findings settle, how much longer the status bar waits before asking for a new score. */
const STATUS_ITEM_DELAY_MS = 1500;

export class ReadinessStatusItem implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private error: string | undefined;
  private folder: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly source: ReadinessSource) {
    // Just right of the findings count (priority 50).
    this.item = window.createStatusBarItem('mlready.readiness', StatusBarAlignment.Left, 49);
    this.item.name = 'mlready readiness';
    this.item.command = Commands.showReadiness;
    this.render();
    this.subscriptions.push(
      source.onDidBecomeStale(() => {
        // The score alone can wait for a longer pause in typing than the open panel does (which then shares its answer).
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.fetch();
        }, STATUS_ITEM_DELAY_MS);
      }),
      source.onDidChange((folder) => {
        if (folder === this.folder) this.render();
      }),
      window.onDidChangeActiveTextEditor(() => {
        this.follow();
      }),
    );
    if ((workspace.workspaceFolders ?? []).length > 0) this.item.show();
  }

  /** What the item shows now (for tests). */
  get text(): string {
    return this.item.text;
  }

  /** Shows the folder of the active editor; asks for its report only if there is none yet. */
  private follow(): void {
    const folder = readinessFolder();
    if (folder === this.folder) return;
    this.folder = folder;
    if (folder !== undefined && this.source.latest(folder) === undefined) this.fetch();
    else this.render();
  }

  private fetch(): void {
    this.folder = readinessFolder();
    const folder = this.folder;
    if (folder === undefined) return;
    this.source.get(folder).then(
      () => {
        this.error = undefined;
        this.render();
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error.message : String(error);
        this.render();
      },
    );
  }

  private render(): void {
    const view = readinessStatusView(this.folder === undefined ? undefined : this.source.latest(this.folder), this.error);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
