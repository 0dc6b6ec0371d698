// What the extension's activate() returns: used by the integration tests, and stable enough for other extensions.
import type { ServerInfo } from '../protocol.js';

export interface MlreadyApi {
  /** Milliseconds activate() itself took (the client and server start after it returns). */
  readonly activationMs: number;
  /** Resolves once the language server answered `initialize`. */
  ready(): Promise<void>;
  /** The running server's process id, version and folders. */
  serverInfo(): Promise<ServerInfo>;
  /** The status bar item's text now. */
  statusText(): string;
}
