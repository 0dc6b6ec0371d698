// Wires an LSP connection to the lint server: capabilities, document and notebook sync, watchers, code actions and custom requests.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  NotebookDocuments,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { starterConfig } from '../engine/init-config.js';
import { VERSION } from '../engine/version.js';
import { FIX_ALL_KIND, Requests, type ReadinessParams } from '../protocol.js';
import { LintServer, type ClientFeatures } from './lint-server.js';

/** Files whose changes on disk matter: sources, notebooks, manifests, locks, configs, DVC and Git metadata. */
const WATCHED = [
  '**/*.{py,pyi,ipynb,txt,in,toml,cfg,yaml,yml,json,lock,dvc}',
  '**/{Pipfile,.gitattributes,.gitignore}',
  '**/.dvc/config',
];

/** Runs `fn`, logging instead of throwing: a bad file or a bug in one handler must never take the server down. */
function guard<A extends unknown[]>(server: () => LintServer | undefined, context: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((error: unknown) => server()?.logError(context, error));
    } catch (error) {
      server()?.logError(context, error);
    }
  };
}

/** Starts the mlready language server on a connection (IPC from VS Code, or stdio for other editors). */
export function startServer(connection: Connection): void {
  const texts = new TextDocuments(TextDocument);
  const notebooks = new NotebookDocuments(TextDocument);
  let server: LintServer | undefined;
  let folders: string[] = [];
  let watchDynamically = false;
  let configurationDynamically = false;
  let folderEvents = false;
  const current = (): LintServer | undefined => server;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const options: unknown = params.initializationOptions;
    const features: ClientFeatures = {
      configuration: caps.workspace?.configuration === true,
      progress: caps.window?.workDoneProgress === true,
      snippets: caps.workspace?.workspaceEdit?.snippetEditSupport === true,
      docsCommand: typeof options === 'object' && options !== null && (options as { docsCommand?: unknown }).docsCommand === true,
    };
    watchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationDynamically = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    // Clients that predate workspace folders send only the (deprecated) rootUri.
    const { rootUri } = params as { rootUri?: string | null };
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (rootUri ? [rootUri] : []);
    server = new LintServer(connection, texts, notebooks, features);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        notebookDocumentSync: { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook', scheme: 'file' } }], save: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mlready', version: VERSION },
    };
  });

  connection.onInitialized(
    guard(current, 'initialized', async () => {
      if (watchDynamically) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
      if (configurationDynamically) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'mlready' });
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard(current, 'workspace folders', async (event) => {
            for (const removed of event.removed) server?.removeFolder(removed.uri);
            for (const added of event.added) await server?.addFolder(added.uri);
          }),
        );
      }
      const started = server;
      if (started) await Promise.all(folders.map((uri) => started.addFolder(uri)));
    }),
  );

  texts.onDidOpen(guard(current, 'didOpen', (e) => server?.documentChanged(e.document.uri, 'open')));
  texts.onDidChangeContent(guard(current, 'didChange', (e) => server?.documentChanged(e.document.uri, 'change')));
  texts.onDidSave(guard(current, 'didSave', (e) => server?.documentChanged(e.document.uri, 'save')));
  texts.onDidClose(guard(current, 'didClose', (e) => server?.documentChanged(e.document.uri, 'close')));
  notebooks.onDidOpen(guard(current, 'notebook didOpen', (n) => server?.documentChanged(n.uri, 'open', true)));
  notebooks.onDidChange(guard(current, 'notebook didChange', (e) => server?.documentChanged(e.notebookDocument.uri, 'change', true)));
  notebooks.onDidSave(guard(current, 'notebook didSave', (n) => server?.documentChanged(n.uri, 'save', true)));
  notebooks.onDidClose(guard(current, 'notebook didClose', (n) => server?.documentChanged(n.uri, 'close', true)));

  connection.onDidChangeWatchedFiles(guard(current, 'watched files', (params) => server?.filesChanged(params.changes)));
  connection.onDidChangeConfiguration(guard(current, 'configuration', () => server?.settingsChanged()));
  connection.onCodeAction((params) => {
    try {
      return server?.codeActions(params) ?? [];
    } catch (error) {
      server?.logError('code actions', error);
      return [];
    }
  });
  connection.onRequest(Requests.rescan, async () => {
    await server?.rescan();
    return null;
  });
  connection.onRequest(Requests.starterConfig, () => starterConfig());
  connection.onRequest(Requests.serverInfo, () => server?.info() ?? null);
  connection.onRequest(Requests.readiness, async (params: ReadinessParams | null) => {
    try {
      return (await server?.readiness(params)) ?? null;
    } catch (error) {
      server?.logError('readiness report', error);
      throw error;
    }
  });
  connection.onShutdown(() => server?.dispose());

  texts.listen(connection);
  notebooks.listen(connection);
  connection.listen();
}
