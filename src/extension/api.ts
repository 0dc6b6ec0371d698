// What the extension's activate() returns: used by the integration tests, and stable enough for other extensions.
import type { HostToPanel, ServerInfo } from '../protocol.js';
import type { AttestPrompt } from './attest-prompt.js';

/** The readiness panel as the integration tests drive it: what the host posted, and the panel's side of the talk. */
export interface ReadinessTestApi {
  isOpen(): Promise<boolean>;
  /** The messages the host posted to the panel, newest last (the last 20). */
  posted(): Promise<readonly HostToPanel[]>;
  /** Handles `message` as if the panel had posted it (validation included); resolves when the action is done. */
  receive(message: unknown): Promise<void>;
  /** Answers the attest and revoke questions instead of the QuickPick and InputBoxes; undefined restores them. */
  setPrompt(prompt: AttestPrompt | undefined): Promise<void>;
}

export interface MlreadyApi {
  /** Milliseconds activate() itself took (the client and server start after it returns). */
  readonly activationMs: number;
  /** Resolves once the language server answered `initialize`. */
  ready(): Promise<void>;
  /** The running server's process id, version and folders. */
  serverInfo(): Promise<ServerInfo>;
  /** The status bar item's text now. */
  statusText(): string;
  /** The readiness status bar item's text now. */
  readinessStatusText(): string;
  readonly readiness: ReadinessTestApi;
}
