// The language client, bundled apart from the extension's entry (dist/language-client.js) and loaded only after activation:
// vscode-languageclient is most of the client's code, and compiling it is what would make activation slow.
import { window, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Notifications, type StatusParams } from '../protocol.js';
import type { RestartPolicy } from './restart-policy.js';
import type { StatusBar } from './status-bar.js';

/**
 * The documents the server is told about: Python, and the text files mlready reads (requirements, pyproject,
 * conda and DVC YAML, configs, locks). Notebooks are synced as notebooks, through the server's notebookDocumentSync.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'python' },
  { scheme: 'file', pattern: '**/*.{txt,in,toml,cfg,yaml,yml,json,jsonc,lock,dvc}' },
  { scheme: 'file', pattern: '**/{Pipfile,.gitattributes}' },
];

/** Builds the client, whose server runs in its own Node process over IPC and is restarted after a crash by `policy`. */
export function createClient(context: ExtensionContext, output: LogOutputChannel, policy: RestartPolicy): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');

  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticCollectionName: 'mlready',
    outputChannel: output,
    initializationOptions: { docsCommand: true },

    errorHandler: {
      // Transient write/read errors: keep going, unless they repeat (the library's own rule).
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        const decision = policy.crashed(Date.now());
        output.error(decision.message);
        const show = decision.restart ? window.showWarningMessage(decision.message, 'Show Output') : window.showErrorMessage(decision.message, 'Show Output');
        void show.then((choice) => {
          if (choice) output.show(true);
        });
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  return new LanguageClient('mlready', 'mlready', serverOptions, clientOptions);
}

/** Starts the client and shows the server's totals and state in the status bar. */
export async function startClient(context: ExtensionContext, client: LanguageClient, status: StatusBar): Promise<void> {
  context.subscriptions.push(
    client.onNotification(Notifications.status, (params: StatusParams) => {
      status.update(params);
    }),
    client.onDidChangeState((e) => {
      status.setRunning(e.newState !== State.Stopped);
    }),
  );
  await client.start();
}
