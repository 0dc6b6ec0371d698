// Timing helpers of the server: per-key debouncing of edits and a serial queue, so lint runs never overlap.

/** Runs the latest callback of a key once no new call for that key came within `delayMs`. */
export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number) {}

  schedule(key: string, run: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, this.delayMs),
    );
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Keys with a pending run. */
  pending(): string[] {
    return [...this.timers.keys()];
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * Runs tasks one at a time in the order they were added. The engine's Workspace is not safe for overlapping
 * scans and updates, and running them in order is what keeps an older result from being published after a
 * newer one. A failing task is reported to `onError` and does not stop the queue.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Adds a task; the returned promise settles with it (and never rejects: errors go to onError). */
  run(task: () => Promise<void>): Promise<void> {
    this.queued++;
    const next = this.tail.then(task).catch(this.onError).finally(() => {
      this.queued--;
    });
    this.tail = next;
    return next;
  }

  /** Tasks added and not yet finished. */
  get size(): number {
    return this.queued;
  }
}
