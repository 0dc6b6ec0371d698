// When a crashed language server is restarted: at most a few times within a window, so a server that dies on start does not loop.

/** What to do after the server's process ended without being asked to. */
export interface RestartDecision {
  readonly restart: boolean;
  /** Crashes inside the window, this one included. */
  readonly crashes: number;
  /** The message the user sees. */
  readonly message: string;
}

/**
 * vscode-languageclient's own default (restart up to 4 times, then stop if the 5th crash comes within 3 minutes
 * of the first), made explicit so the limit and the message are ours and tested.
 */
export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now` (ms) and decides. */
  crashed(now: number): RestartDecision {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - (this.crashes[0] ?? now) > this.windowMs) this.crashes.shift();
    const count = this.crashes.length;
    const minutes = Math.round(this.windowMs / 60_000);
    if (count <= this.maxRestarts) {
      return { restart: true, crashes: count, message: `The mlready server stopped unexpectedly and was restarted (${count} of ${this.maxRestarts} restarts within ${minutes} minutes). See the output for details.` };
    }
    return { restart: false, crashes: count, message: `The mlready server crashed ${count} times within ${minutes} minutes and was not restarted. See the output, then run "mlready: Restart Server".` };
  }

  /** Forgets past crashes (the user restarted the server by hand). */
  reset(): void {
    this.crashes.length = 0;
  }
}
