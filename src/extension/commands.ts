// The palette commands (category "mlready") and the "Show documentation" command code actions run.
import { commands, FileType, Uri, window, workspace, type Disposable, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests } from '../protocol.js';
import type { ReadinessPanels } from './readiness-panel.js';
import { readinessFolder } from './readiness-status.js';
import type { RestartPolicy } from './restart-policy.js';

export interface CommandDeps {
  readonly context: ExtensionContext;
  readonly client: Promise<LanguageClient>;
  readonly output: LogOutputChannel;
  readonly policy: RestartPolicy;
  /** The readiness panel's host, loaded on first use. */
  readonly readiness: () => Promise<ReadinessPanels>;
}

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CONFIG_NAMES = ['.mlready.yaml', '.mlready.yml'];

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Re-reads the team configs and lints every folder again; resolves when the scans are done. */
async function rescanWorkspace(deps: CommandDeps): Promise<void> {
  await (await deps.client).sendRequest(Requests.rescan);
}

/**
 * Writes the commented starter `.mlready.yaml` into a workspace folder (or opens the one there) and shows it.
 * `target` is the folder clicked in the Explorer; from the palette, the only folder or the one the user picks.
 */
async function createConfig(deps: CommandDeps, target?: unknown): Promise<Uri | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  const clicked = target instanceof Uri ? workspace.getWorkspaceFolder(target) : undefined;
  const folder = clicked ?? (folders.length <= 1 ? folders[0] : await window.showWorkspaceFolderPick({ placeHolder: 'The folder whose team config to create' }));
  if (!folder) {
    if (folders.length === 0) void window.showInformationMessage('Open a folder first: .mlready.yaml lives at the root of a repository.');
    return undefined;
  }
  for (const name of CONFIG_NAMES) {
    const existing = Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await window.showTextDocument(existing);
      void window.showInformationMessage(`${name} already exists in ${folder.name}; it is open for editing.`);
      return existing;
    }
  }
  const text = await (await deps.client).sendRequest<string>(Requests.starterConfig);
  const file = Uri.joinPath(folder.uri, '.mlready.yaml');
  await workspace.fs.writeFile(file, new TextEncoder().encode(text));
  await window.showTextDocument(file);
  return file;
}

async function restartServer(deps: CommandDeps): Promise<void> {
  deps.policy.reset();
  const client = await deps.client;
  if (client.isRunning()) await client.restart();
  else await client.start();
}

/** Opens a rule's page (shipped in the extension, so it works offline) in the Markdown preview. */
async function showRuleDocumentation(deps: CommandDeps, ruleId?: unknown): Promise<void> {
  const docs = Uri.joinPath(deps.context.extensionUri, 'docs', 'rules');
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (id === undefined) {
    const entries = await workspace.fs.readDirectory(docs);
    const ids = entries.filter(([name, type]) => type === FileType.File && name.endsWith('.md')).map(([name]) => name.slice(0, -3)).sort();
    id = await window.showQuickPick(ids, { placeHolder: 'The rule whose documentation to show' });
    if (id === undefined) return;
  }
  const page = Uri.joinPath(docs, `${id}.md`);
  if (!RULE_ID.test(id) || !(await exists(page))) {
    void window.showErrorMessage(`mlready has no documentation page for '${id}'. "mlready rules" lists the rules this version knows.`);
    return;
  }
  await commands.executeCommand('markdown.showPreview', page);
}

export function registerCommands(deps: CommandDeps): Disposable[] {
  return [
    commands.registerCommand(Commands.rescanWorkspace, () => rescanWorkspace(deps)),
    commands.registerCommand(Commands.createConfig, (target?: unknown) => createConfig(deps, target)),
    commands.registerCommand(Commands.showOutput, () => {
      deps.output.show(true);
    }),
    commands.registerCommand(Commands.restartServer, () => restartServer(deps)),
    commands.registerCommand(Commands.showRuleDocumentation, (ruleId?: unknown) => showRuleDocumentation(deps, ruleId)),
    // From the palette, the status bar or the Explorer's folder menu (which passes the folder).
    commands.registerCommand(Commands.showReadiness, async (target?: unknown) => {
      await (await deps.readiness()).show(readinessFolder(target instanceof Uri ? target : undefined));
    }),
    commands.registerCommand(Commands.generateReadinessReport, async (target?: unknown) => (await deps.readiness()).generateReport(readinessFolder(target instanceof Uri ? target : undefined))),
  ];
}
