// The VS Code extension's entry: output channel, status bar and commands; the language client loads and starts after activation returns.
import { window, type ExtensionContext } from 'vscode';
import { Requests, type ServerInfo } from '../protocol.js';
import type { MlreadyApi } from './api.js';
import { registerCommands } from './commands.js';
import { RestartPolicy } from './restart-policy.js';
import { StatusBar } from './status-bar.js';

export function activate(context: ExtensionContext): MlreadyApi {
  const started = performance.now();
  const output = window.createOutputChannel('mlready', { log: true });
  const status = new StatusBar();
  const policy = new RestartPolicy();
  // A separate bundle (see esbuild.mjs): loading it here, not at the top, keeps its compile time out of activation.
  const module = import('./language-client.js');
  const client = module.then((m) => m.createClient(context, output, policy));
  const running = Promise.all([module, client]).then(([m, c]) => m.startClient(context, c, status));
  running.catch((error: unknown) => {
    output.error(`The mlready server did not start: ${error instanceof Error ? error.message : String(error)}`);
    status.setRunning(false);
  });
  context.subscriptions.push(output, status, ...registerCommands({ context, client, output, policy }), {
    // The server also exits by itself when the extension host goes away (it watches its parent process).
    dispose: () => void client.then((c) => c.dispose()),
  });
  const activationMs = performance.now() - started;
  return {
    activationMs,
    ready: () => running,
    serverInfo: async () => {
      await running;
      return (await client).sendRequest<ServerInfo>(Requests.serverInfo);
    },
    statusText: () => status.text,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
