// The VS Code extension's entry: output channel, status bar and commands; the language client loads and starts after activation returns.
import { window, type ExtensionContext } from 'vscode';
import { READINESS_VIEW_TYPE, Requests, type ServerInfo } from '../protocol.js';
import type { MlreadyApi } from './api.js';
import { registerCommands } from './commands.js';
import type { ReadinessPanels } from './readiness-panel.js';
import { ReadinessSource, type SendRequest } from './readiness-source.js';
import { ReadinessStatusItem } from './readiness-status.js';
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
  const send: SendRequest = async <R>(method: string, params: unknown): Promise<R> => {
    await running;
    return (await client).sendRequest<R>(method, params);
  };
  const source = new ReadinessSource(send);
  const readinessItem = new ReadinessStatusItem(source);
  // The panel's host is its own bundle too (it carries the YAML editor and the Markdown report): loaded on first use.
  let panels: Promise<ReadinessPanels> | undefined;
  const readiness = (): Promise<ReadinessPanels> =>
    (panels ??= import('./readiness-panel.js').then((m) => {
      const created = m.createReadinessPanels({ context, source, output, send });
      context.subscriptions.push(created);
      return created;
    }));
  context.subscriptions.push(
    source,
    readinessItem,
    status.onDidUpdate((params) => {
      source.statusChanged(params);
    }),
    // Reopens the panel after a window reload, on the folder its saved state names ("onWebviewPanel:" activation).
    window.registerWebviewPanelSerializer(READINESS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        (await readiness()).restore(panel, state);
      },
    }),
  );
  context.subscriptions.push(output, status, ...registerCommands({ context, client, output, policy, readiness }), {
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
    readinessStatusText: () => readinessItem.text,
    readiness: {
      isOpen: async () => (await readiness()).testing.isOpen(),
      posted: async () => (await readiness()).testing.posted(),
      receive: async (message) => (await readiness()).receive(message),
      setPrompt: async (prompt) => {
        (await readiness()).testing.setPrompt(prompt);
      },
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
