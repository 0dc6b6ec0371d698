// The status bar item: the number of findings across the workspace; a click opens the Problems view.
import { EventEmitter, StatusBarAlignment, ThemeColor, window, type Disposable, type Event, type StatusBarItem } from 'vscode';
import type { StatusParams } from '../protocol.js';
import { statusView } from './status-text.js';

export class StatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private status: StatusParams | undefined;
  private running = true;
  private readonly updated = new EventEmitter<StatusParams>();
  /** Fires with each status the server sends (after every change of its findings or config). */
  readonly onDidUpdate: Event<StatusParams> = this.updated.event;

  constructor() {
    this.item = window.createStatusBarItem('mlready.status', StatusBarAlignment.Left, 50);
    this.item.name = 'mlready';
    this.item.command = 'workbench.actions.view.problems';
    this.render();
    this.item.show();
  }

  update(status: StatusParams): void {
    this.status = status;
    this.render();
    this.updated.fire(status);
  }

  setRunning(running: boolean): void {
    this.running = running;
    this.render();
  }

  /** What the item shows now (for tests). */
  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const view = statusView(this.status, this.running);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.alert ? new ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.updated.dispose();
    this.item.dispose();
  }
}
