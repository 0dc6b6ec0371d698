// Readiness reports from the server, per workspace folder: one request shared by the status bar and the panel, made
// again (debounced) after the server says its findings or config changed.
import { EventEmitter, type Disposable, type Event } from 'vscode';
import { Requests, type ReadinessParams, type ReadinessResult, type StatusParams } from '../protocol.js';

/** Sends a custom request to the language server (resolves once the client runs). */
export type SendRequest = <R>(method: string, params: unknown) => Promise<R>;

/** The server sends a status after every publish; a burst of edits or a scan sends many. */
export const STATUS_DEBOUNCE_MS = 500;

interface Entry {
  readonly epoch: number;
  readonly promise: Promise<ReadinessResult>;
  result?: ReadinessResult;
}

export class ReadinessSource implements Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly stale = new EventEmitter<void>();
  private readonly changed = new EventEmitter<string>();
  /** Bumped when the server's findings or config change: entries of older epochs are stale. */
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Fires (debounced) when reports may have changed: listeners ask again for what they show. */
  readonly onDidBecomeStale: Event<void> = this.stale.event;
  /** Fires with the folder URI after a new report of that folder arrived. */
  readonly onDidChange: Event<string> = this.changed.event;

  constructor(private readonly send: SendRequest) {}

  /** The newest report of a folder, current or not. */
  latest(folder: string): ReadinessResult | undefined {
    return this.entries.get(folder)?.result;
  }

  /**
   * The folder's report: the cached one while nothing changed since, else one new request shared by every caller
   * of this epoch. `fresh` asks the server again regardless (the Refresh button, after an attestation).
   */
  get(folder: string, fresh = false): Promise<ReadinessResult> {
    const entry = this.entries.get(folder);
    if (entry && entry.epoch === this.epoch && !fresh) return entry.promise;
    const epoch = this.epoch;
    const params: ReadinessParams = { folder };
    const promise = this.send<ReadinessResult | null>(Requests.readiness, params).then((result) => {
      // The server answers null for a folder it does not lint (mlready.enable is off there).
      if (!result) throw new Error('mlready does not lint this folder (is mlready.enable off for it?).');
      return result;
    });
    const next: Entry = { epoch, promise, ...(entry?.result ? { result: entry.result } : {}) };
    this.entries.set(folder, next);
    promise.then(
      (result) => {
        // A response to an older request never replaces a newer one.
        if (this.entries.get(folder) !== next) return;
        next.result = result;
        this.changed.fire(folder);
      },
      () => {
        // The caller sees the rejection; a failed request must not be served from the cache.
        if (this.entries.get(folder) === next) this.entries.set(folder, { epoch: -1, promise, ...(next.result ? { result: next.result } : {}) });
      },
    );
    return promise;
  }

  /** The server's status notification: once it settles and no scan runs, the reports are stale. */
  statusChanged(status: StatusParams): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (status.scanning) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.epoch++;
      this.stale.fire();
    }, STATUS_DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.stale.dispose();
    this.changed.dispose();
  }
}
